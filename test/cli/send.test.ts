import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { computeSignature } from "../../src/index.js";
import { commandAliases, registry } from "../../schemas/index.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, TOKEN, recordingDispatcher } from "../support/fixtures.js";
import { cli, expectOneLineError, tempFile } from "./support.js";

// A real HTTP server around the core dispatcher (the adapters have their own tests).
const { dispatcher, recorded } = recordingDispatcher({ token: TOKEN });
const urls: string[] = [];
let server: Server;
let base: string;

function serve(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    urls.push(req.url ?? "");
    if (!req.url?.startsWith(CALLBACK_PATH)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    const reply = await dispatcher.handle({ method: req.method ?? "", url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
    res.writeHead(reply.status, reply.headers).end(reply.body);
  });
}

beforeAll(async () => {
  server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  recorded.on.length = 0;
  recorded.any.length = 0;
  recorded.errors.length = 0;
  urls.length = 0;
});

const sendArgs = (command: string, ...extra: string[]) => ["send", command, "--url", `${base}${CALLBACK_PATH}`, "--sdk-app-id", APP_ID, ...extra];

describe("send", () => {
  it.each([...registry.keys()])("delivers a signed %s sample that the app accepts", async (command) => {
    const { code, stdout, stderr } = await cli(sendArgs(command, "--token", TOKEN));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("HTTP 200");
    expect(stdout).toContain('"ActionStatus":"OK"');
    expect(recorded.any.map((event) => event.command)).toEqual([command]);
    expect(recorded.any[0]!.rawBody).toBe(registry.get(command)!.sample);
  });

  it.each([...commandAliases])("sends alias %s in the query, and the app resolves it to %s", async (alias, command) => {
    const { code } = await cli(sendArgs(alias, "--token", TOKEN));
    expect(code).toBe(0);
    expect(new URL(urls[0]!, base).searchParams.get("CallbackCommand")).toBe(alias);
    expect(recorded.on.map((event) => event.command)).toEqual([command]);
  });

  it("builds Tencent's query string, signed with the token at the current time", async () => {
    await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--token", TOKEN));
    const query = new URL(urls[0]!, base).searchParams;
    const requestTime = String(NOW_MS / 1000);
    expect(Object.fromEntries(query)).toEqual({
      SdkAppid: APP_ID,
      CallbackCommand: "Live.CallbackAfterDestroyRoom",
      contenttype: "json",
      ClientIP: "127.0.0.1",
      OptPlatform: "RESTAPI",
      Sign: computeSignature(TOKEN, requestTime),
      RequestTime: requestTime,
    });
    expect(recorded.any[0]!.request.headers["content-type"]).toBe("application/json");
  });

  it("delivers Owner_Account as the exact string", async () => {
    await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--token", TOKEN));
    const payload = recorded.on[0]!.payload as { RoomInfo: { Owner_Account: unknown } };
    expect(payload.RoomInfo.Owner_Account).toBe("144115216631667826");
  });

  it("passes --client-ip and --opt-platform, and keeps a query already in --url", async () => {
    const { code } = await cli([
      "send",
      "Room.CallbackAfterDestroyRoom",
      "--url",
      `${base}${CALLBACK_PATH}?tenant=a`,
      "--sdk-app-id",
      APP_ID,
      "--token",
      TOKEN,
      "--client-ip",
      "203.0.113.9",
      "--opt-platform",
      "IOS",
    ]);
    expect(code).toBe(0);
    const query = new URL(urls[0]!, base).searchParams;
    expect(query.get("tenant")).toBe("a");
    expect(recorded.any[0]!.clientIp).toBe("203.0.113.9");
    expect(recorded.any[0]!.optPlatform).toBe("iOS");
  });

  it("takes SDK_APP_ID and TENCENT_CALLBACK_TOKEN from the environment", async () => {
    const { code } = await cli(["send", "Live.CallbackAfterDestroyRoom", "--url", `${base}${CALLBACK_PATH}`], {
      env: { SDK_APP_ID: APP_ID, TENCENT_CALLBACK_TOKEN: TOKEN },
    });
    expect(code).toBe(0);
  });

  describe("an empty token is not a token: it counts as not set, said once on stderr", () => {
    it.each([
      ["TENCENT_CALLBACK_TOKEN=", [], { TENCENT_CALLBACK_TOKEN: "" }, "TENCENT_CALLBACK_TOKEN is empty"],
      ['--token ""', ["--token", ""], {}, "--token is empty"],
      ['--token "" with TENCENT_CALLBACK_TOKEN= too', ["--token", ""], { TENCENT_CALLBACK_TOKEN: "" }, "--token is empty"],
    ])("%s sends unsigned, and exits 1 on the app's 401", async (_, extra, env, note) => {
      const { code, stdout, stderr } = await cli(sendArgs("Live.CallbackAfterDestroyRoom", ...extra), { env });
      expect(code).toBe(1);
      expect(stdout).toContain("unsigned");
      expect(stdout).toContain("HTTP 401");
      expect(new URL(urls[0]!, base).searchParams.has("Sign")).toBe(false);
      const lines = stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe(`tencent-webhooks: note: ${note}, which is not a token: treated as not set, so the request is sent unsigned`);
      expect(lines[1]).toContain("the app answered FAIL (ErrorCode 401)");
    });

    it('--token "" falls back to TENCENT_CALLBACK_TOKEN, and says so', async () => {
      const { code, stderr } = await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--token", ""), { env: { TENCENT_CALLBACK_TOKEN: TOKEN } });
      expect(code).toBe(0);
      expect(stderr).toBe("tencent-webhooks: note: --token is empty, which is not a token: treated as not set, so TENCENT_CALLBACK_TOKEN signs the request\n");
      expect(new URL(urls[0]!, base).searchParams.get("Sign")).toBe(computeSignature(TOKEN, String(NOW_MS / 1000)));
    });

    it("no token at all sends unsigned without a note", async () => {
      const { stdout, stderr } = await cli(sendArgs("Live.CallbackAfterDestroyRoom"));
      expect(stdout).toContain("unsigned");
      expect(stderr).not.toContain("note:");
    });
  });

  describe("the signature is printed only with --verbose", () => {
    const sign = computeSignature(TOKEN, String(NOW_MS / 1000));

    it("hides Sign in the printed URL by default", async () => {
      const { code, stdout } = await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--token", TOKEN));
      expect(code).toBe(0);
      expect(stdout).not.toContain(sign);
      expect(stdout).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/tencent\/callback\?SdkAppid=1400000000&.*&Sign=\*\*\*&RequestTime=1700000000\n/);
      expect(new URL(urls[0]!, base).searchParams.get("Sign")).toBe(sign); // sent, only not printed
    });

    it("prints it with --verbose", async () => {
      const { code, stdout } = await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--token", TOKEN, "--verbose"));
      expect(code).toBe(0);
      expect(stdout).toContain(`&Sign=${sign}&RequestTime=1700000000\n`);
      expect(stdout).toContain(`  Sign: ${sign} (RequestTime 1700000000)\n`);
    });
  });

  it("exits 1 when the token is wrong", async () => {
    const { code, stderr } = await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--token", "not-the-token"));
    expect(code).toBe(1);
    expect(stderr).toContain("ErrorCode 401");
    expect(recorded.errors.map((error) => error.reason)).toEqual(["signature_invalid"]);
  });

  it("exits 1 when the app is for another SdkAppid", async () => {
    const { code, stderr } = await cli([...sendArgs("Live.CallbackAfterDestroyRoom").slice(0, 4), "--sdk-app-id", "1400000001", "--token", TOKEN]);
    expect(code).toBe(1);
    expect(stderr).toContain("ErrorCode 403");
    expect(recorded.errors.map((error) => error.reason)).toEqual(["sdk_app_id_mismatch"]);
  });

  it('prints a "before" decision: ActionStatus OK with a non-zero ErrorCode blocks, and is still exit 0', async () => {
    const reply = { ActionStatus: "OK", ErrorCode: 10001, ErrorInfo: "gift refused" };
    const { code, stdout } = await cli(sendArgs("Live.CallbackAfterDestroyRoom"), {
      fetch: () => Promise.resolve(new Response(JSON.stringify(reply), { status: 200 })),
    });
    expect(code).toBe(0);
    expect(stdout).toContain("decision: block (ErrorCode 10001: gift refused)");
  });

  it("sends credentials in --url as Basic auth and does not print the password", async () => {
    const url = `${base.replace("//", "//user:hunter%202@")}${CALLBACK_PATH}`;
    const { code, stdout } = await cli(["send", "Live.CallbackAfterDestroyRoom", "--url", url, "--sdk-app-id", APP_ID, "--token", TOKEN]);
    expect(code).toBe(0);
    expect(stdout).toContain("//user:***@127.0.0.1");
    expect(stdout).not.toContain("hunter");
    expect(recorded.any[0]!.request.headers.authorization).toBe(`Basic ${Buffer.from("user:hunter 2").toString("base64")}`);
  });

  it("exits 1 with a hint when the reply is not a Tencent reply", async () => {
    const { code, stdout, stderr } = await cli(["send", "Live.CallbackAfterDestroyRoom", "--url", `${base}/wrong/path`, "--sdk-app-id", APP_ID]);
    expect(code).toBe(1);
    expect(stdout).toContain("HTTP 404");
    expectOneLineError(stderr);
    expect(stderr).toContain("is --url the callback path?");
  });

  describe("payloads", () => {
    it("sends a payload file as is, big integers intact", async () => {
      const text = '{"CallbackCommand":"Live.CallbackAfterDestroyRoom","RoomId":"r1","EventTime":1,"RoomInfo":{"Owner_Account":98765432109876543210}}';
      const file = await tempFile("payload.json", text);
      const { code, stdout } = await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--token", TOKEN, "--payload", file));
      expect(code).toBe(0);
      expect(stdout).toContain(`payload from ${file}`);
      expect(recorded.any[0]!.rawBody).toBe(text);
      expect((recorded.any[0]!.payload.RoomInfo as { Owner_Account: unknown }).Owner_Account).toBe("98765432109876543210");
    });

    it("reads the payload from stdin with --payload -", async () => {
      const text = '{"CallbackCommand":"Room.CallbackAfterDestroyRoom","RoomId":"r2","EventTime":2}';
      const { code, stdout } = await cli(sendArgs("Room.CallbackAfterDestroyRoom", "--token", TOKEN, "--payload", "-"), {
        readStdin: () => Promise.resolve(text),
      });
      expect(code).toBe(0);
      expect(stdout).toContain("payload from stdin");
      expect(recorded.any[0]!.payload.RoomId).toBe("r2");
    });

    it("sends a command the registry does not know only with an explicit payload", async () => {
      const refused = await cli(sendArgs("Live.CallbackAfterSomethingNew", "--token", TOKEN));
      expect(refused.code).toBe(2);
      expectOneLineError(refused.stderr);
      expect(refused.stderr).toContain("--payload");
      expect(urls).toEqual([]);

      const file = await tempFile("new.json", '{"CallbackCommand":"Live.CallbackAfterSomethingNew","X":1}');
      const sent = await cli(sendArgs("Live.CallbackAfterSomethingNew", "--token", TOKEN, "--payload", file));
      expect(sent.code).toBe(0);
      expect(recorded.any.map((event) => event.command)).toEqual(["Live.CallbackAfterSomethingNew"]);
      expect(recorded.on).toEqual([]);
    });

    it("warns when the payload's CallbackCommand differs from the query's, and still sends it", async () => {
      const file = await tempFile("other.json", registry.get("Room.CallbackAfterDestroyRoom")!.sample);
      const { code, stderr } = await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--token", TOKEN, "--payload", file));
      expect(stderr).toContain("warning: payload file");
      expect(stderr).toContain('"Room.CallbackAfterDestroyRoom"');
      expect(code).toBe(1); // the app refuses the mismatch with 400
      expect(recorded.errors.map((error) => error.reason)).toEqual(["command_mismatch"]);
    });

    it.each([
      ["a missing file", null, "no such file"],
      ["invalid JSON", '{"a":1,}', "is not valid JSON"],
      ["a JSON array", "[1, 2]", "must be a JSON object"],
      ["a __proto__ key", '{"__proto__":{"x":1}}', "forbidden key"],
      ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), "not UTF-8"],
    ] as const)("refuses %s without sending anything", async (_, content, message) => {
      const file = content === null ? join(tmpdir(), "tencent-webhooks-no-such-file.json") : await tempFile("p.json", content);
      const { code, stdout, stderr } = await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--payload", file));
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expectOneLineError(stderr);
      expect(stderr).toContain(message);
      expect(urls).toEqual([]);
    });

    it("refuses a payload directory", async () => {
      const { code, stderr } = await cli(sendArgs("Live.CallbackAfterDestroyRoom", "--payload", tmpdir()));
      expect(code).toBe(2);
      expect(stderr).toContain("it is a directory");
    });
  });

  describe("argument errors exit 2 in one line, before any request", () => {
    it.each([
      ["no command", ["send", "--url", "http://127.0.0.1:1/", "--sdk-app-id", "1"], "send needs a command"],
      ["no --url", ["send", "Live.CallbackAfterDestroyRoom", "--sdk-app-id", "1"], "send needs --url"],
      ["a URL without a scheme", ["send", "Live.CallbackAfterDestroyRoom", "--url", "127.0.0.1:3000", "--sdk-app-id", "1"], "--url is not a valid URL"],
      ["a host:port without http://", ["send", "Live.CallbackAfterDestroyRoom", "--url", "localhost:3000", "--sdk-app-id", "1"], "must be http or https"],
      ["an unparsable URL", ["send", "Live.CallbackAfterDestroyRoom", "--url", "not a url", "--sdk-app-id", "1"], "--url is not a valid URL"],
      ["an ftp URL", ["send", "Live.CallbackAfterDestroyRoom", "--url", "ftp://127.0.0.1/", "--sdk-app-id", "1"], "must be http or https"],
      ["no --sdk-app-id", ["send", "Live.CallbackAfterDestroyRoom", "--url", "http://127.0.0.1:1/"], "send needs --sdk-app-id"],
      ["a non-numeric --sdk-app-id", ["send", "Live.CallbackAfterDestroyRoom", "--url", "http://127.0.0.1:1/", "--sdk-app-id", "abc"], "must be digits"],
      [
        "a bad --timeout",
        [...["send", "Live.CallbackAfterDestroyRoom", "--url", "http://127.0.0.1:1/", "--sdk-app-id", "1"], "--timeout", "soon"],
        "--timeout must be",
      ],
      [
        "an unknown option",
        ["send", "Live.CallbackAfterDestroyRoom", "--bogus"],
        "unknown option --bogus for send; `tencent-webhooks send --help` lists its options",
      ],
      ["a mistyped option", ["send", "Live.CallbackAfterDestroyRoom", "--tokn", "x"], "unknown option --tokn for send (did you mean --token?)"],
      ["a mistyped --option=value", ["send", "Live.CallbackAfterDestroyRoom", "--sdk-app=1"], "unknown option --sdk-app for send (did you mean --sdk-app-id?)"],
      [
        "an option taking the next option as its value",
        ["send", "Live.CallbackAfterDestroyRoom", "--url", "--token", "x"],
        "--url needs a value, but the next argument is an option",
      ],
      ["an empty --sdk-app-id", ["send", "Live.CallbackAfterDestroyRoom", "--url", "http://127.0.0.1:1/", "--sdk-app-id", ""], "send needs --sdk-app-id"],
      [
        "--key (TRTC and CSS only)",
        ["send", "Live.CallbackAfterDestroyRoom", "--key", "k"],
        "--key does not apply to --protocol callback; it is for --protocol trtc and --protocol css",
      ],
      ["--expires-at (CSS only)", ["send", "Live.CallbackAfterDestroyRoom", "--expires-at", "1"], "--expires-at does not apply to --protocol callback"],
      [
        "a bad --protocol",
        ["send", "Live.CallbackAfterDestroyRoom", "--protocol", "trct"],
        '--protocol must be callback, trtc or css (got "trct"); did you mean trtc?',
      ],
      [
        "a TRTC event without --protocol trtc",
        ["send", "EnterRoom", "--url", "http://127.0.0.1:1/", "--sdk-app-id", "1"],
        'unknown command "EnterRoom"; EnterRoom (103) is a TRTC event: add --protocol trtc',
      ],
      ["an option without its value", ["send", "Live.CallbackAfterDestroyRoom", "--url"], "argument missing"],
      ["two commands", ["send", "Live.CallbackAfterDestroyRoom", "Room.CallbackAfterDestroyRoom"], "takes one command"],
    ])("%s", async (_, argv, message) => {
      const { code, stdout, stderr } = await cli(argv);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expectOneLineError(stderr);
      expect(stderr).toContain(message);
    });
  });

  describe("network failures exit 3 in one line", () => {
    it("reports a closed port as connection refused", async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise<void>((resolve) => closed.close(() => resolve()));

      const { code, stderr } = await cli(["send", "Live.CallbackAfterDestroyRoom", "--url", `http://127.0.0.1:${port}/x`, "--sdk-app-id", APP_ID]);
      expect(code).toBe(3);
      expectOneLineError(stderr);
      expect(stderr).toContain(`cannot reach http://127.0.0.1:${port}: connection refused`);
      expect(stderr).toContain("ECONNREFUSED");
    });

    it("gives up after --timeout when the app never answers", async () => {
      const silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const { port } = silent.address() as AddressInfo;
      try {
        const started = Date.now();
        const { code, stderr } = await cli([
          "send",
          "Live.CallbackAfterDestroyRoom",
          "--url",
          `http://127.0.0.1:${port}/x`,
          "--sdk-app-id",
          APP_ID,
          "--timeout",
          "200",
        ]);
        expect(code).toBe(3);
        expectOneLineError(stderr);
        expect(stderr).toContain("no reply from");
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        silent.closeAllConnections();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });
  });
});

describe("main never throws", () => {
  it("reports a reply cut off mid-body as a network failure", async () => {
    const { code, stderr } = await cli(sendArgs("Live.CallbackAfterDestroyRoom"), {
      fetch: () => Promise.resolve({ status: 200, ok: true, text: () => Promise.reject(new TypeError("terminated")) } as unknown as Response),
    });
    expect(code).toBe(3);
    expectOneLineError(stderr);
    expect(stderr).toContain("cannot reach");
  });
});
