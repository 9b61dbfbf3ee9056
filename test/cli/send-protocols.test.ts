/** `send --protocol trtc|css`, in-process with a fake fetch: what goes on the wire, signed, and how replies are judged. */
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cssCatalogue, trtcCatalogue } from "../../schemas/index.js";
import { APP_ID, NOW_MS } from "../support/fixtures.js";
import { cli, expectOneLineError, fakeFetch, tempFile } from "./support.js";

const URL_ = "http://127.0.0.1:9/hooks";
const KEY = "0123456789abcdefABCDEF";
const hmac = (key: string, body: string) => createHmac("sha256", key).update(body, "utf8").digest("base64");
const md5 = (text: string) => createHash("md5").update(text).digest("hex");
const EXPIRES = String(NOW_MS / 1000 + 600);

const trtc = (event: string, ...extra: string[]) => ["send", "--protocol", "trtc", event, "--url", URL_, "--sdk-app-id", APP_ID, "--key", KEY, ...extra];
const css = (event: string, ...extra: string[]) => ["send", "--protocol", "css", event, "--url", URL_, "--key", KEY, ...extra];

describe("send --protocol trtc", () => {
  const enterRoom = trtcCatalogue.find("EnterRoom")!;

  it.each(["EnterRoom", "103"])("%s: POSTs the sample byte for byte with SdkAppId and Sign = base64(HMAC-SHA256(key, body))", async (event) => {
    const { fetch, sent } = fakeFetch();
    const { code, stdout, stderr } = await cli(trtc(event), { fetch });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request!.method).toBe("POST");
    expect(request!.url.href).toBe(URL_); // nothing in the query: TRTC signs with headers
    expect(request!.body).toBe(enterRoom.sample);
    expect(request!.headers.get("content-type")).toBe("application/json");
    expect(request!.headers.get("sdkappid")).toBe(APP_ID);
    expect(request!.headers.get("sign")).toBe(hmac(KEY, enterRoom.sample));
    expect(stdout).toContain(`  TRTC EnterRoom (103) sample payload, ${Buffer.byteLength(enterRoom.sample)} bytes, signed (SdkAppId ${APP_ID})\n`);
    expect(stdout).toContain('HTTP 200\n{"code":0}\n');
    expect(stdout).not.toContain(hmac(KEY, enterRoom.sample));
  });

  it("--verbose prints the headers, signature included", async () => {
    const { stdout } = await cli(trtc("EnterRoom", "--verbose"), { fetch: fakeFetch().fetch });
    expect(stdout).toContain(`  SdkAppId: ${APP_ID}\n  Sign: ${hmac(KEY, enterRoom.sample)}\n`);
  });

  it("signs the exact UTF-8 bytes of a payload file, 64-bit literals and all", async () => {
    const text = enterRoom.sample.replace('"RoomId":\t12345', '"RoomId":\t144115216631667826').replace('"UserId":\t"test"', '"UserId":\t"用户"');
    expect(text).not.toBe(enterRoom.sample);
    const { fetch, sent } = fakeFetch();
    const { code } = await cli(trtc("EnterRoom", "--payload", await tempFile("enter.json", text)), { fetch });
    expect(code).toBe(0);
    expect(sent[0]!.body).toBe(text);
    expect(sent[0]!.headers.get("sign")).toBe(hmac(KEY, text));
  });

  it("takes the key from TRTC_CALLBACK_KEY and the app from SDK_APP_ID; --key wins over the environment", async () => {
    const fromEnv = fakeFetch();
    const env = { TRTC_CALLBACK_KEY: KEY, SDK_APP_ID: APP_ID };
    expect((await cli(["send", "--protocol", "trtc", "103", "--url", URL_], { fetch: fromEnv.fetch, env })).code).toBe(0);
    expect(fromEnv.sent[0]!.headers.get("sign")).toBe(hmac(KEY, enterRoom.sample));
    const override = fakeFetch();
    await cli(["send", "--protocol", "trtc", "103", "--url", URL_, "--key", "other"], { fetch: override.fetch, env });
    expect(override.sent[0]!.headers.get("sign")).toBe(hmac("other", enterRoom.sample));
  });

  it('--key "" falls back to TRTC_CALLBACK_KEY, and says so once', async () => {
    const { fetch, sent } = fakeFetch();
    const { code, stderr } = await cli(["send", "--protocol", "trtc", "103", "--url", URL_, "--sdk-app-id", APP_ID, "--key", ""], {
      fetch,
      env: { TRTC_CALLBACK_KEY: KEY },
    });
    expect(code).toBe(0);
    expect(stderr).toBe("tencent-webhooks: note: --key is empty, which is not a key: treated as not set, so TRTC_CALLBACK_KEY signs the request\n");
    expect(sent[0]!.headers.get("sign")).toBe(hmac(KEY, enterRoom.sample));
  });

  it.each([
    ["no key", [], {}, "send --protocol trtc needs --key <key> (or TRTC_CALLBACK_KEY in the environment)"],
    ['--key ""', ["--key", ""], {}, "needs --key <key> (or TRTC_CALLBACK_KEY in the environment); --key is empty, which is not a key"],
    ["TRTC_CALLBACK_KEY=", [], { TRTC_CALLBACK_KEY: "" }, "; TRTC_CALLBACK_KEY is empty, which is not a key"],
    ["CSS_CALLBACK_KEY instead", [], { CSS_CALLBACK_KEY: KEY }, "send --protocol trtc needs --key"],
  ])("refuses to send without a key: %s", async (_, extra, env, message) => {
    const { fetch, sent } = fakeFetch();
    const { code, stdout, stderr } = await cli(["send", "--protocol", "trtc", "103", "--url", URL_, "--sdk-app-id", APP_ID, ...extra], { fetch, env });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expectOneLineError(stderr);
    expect(stderr).toContain(message);
    expect(sent).toEqual([]);
  });

  it.each([
    [
      "no --sdk-app-id",
      ["send", "--protocol", "trtc", "103", "--url", URL_, "--key", KEY],
      "send --protocol trtc needs --sdk-app-id <id> (or SDK_APP_ID in the environment)",
    ],
    ["--token", [...trtc("103"), "--token", "t"], "--token does not apply to --protocol trtc; it is for --protocol callback"],
    ["--client-ip", [...trtc("103"), "--client-ip", "1.2.3.4"], "--client-ip does not apply to --protocol trtc"],
    ["--opt-platform", [...trtc("103"), "--opt-platform", "iOS"], "--opt-platform does not apply to --protocol trtc"],
    ["--expires-at", [...trtc("103"), "--expires-at", "1"], "--expires-at does not apply to --protocol trtc; it is for --protocol css"],
    ["an unknown event", trtc("EnterRooom"), 'unknown TRTC event "EnterRooom" (did you mean EnterRoom?)'],
    ["an unknown number", trtc("999"), 'unknown TRTC event "999"; `tencent-webhooks list --protocol trtc` shows the known ones or pass --payload'],
    ["no event", ["send", "--protocol", "trtc", "--url", URL_], "send needs an event (name or number), e.g. `tencent-webhooks send --protocol trtc EnterRoom`"],
    ["two events", trtc("103", "104"), 'send takes one event, got "103" and "104"'],
  ])("exits 2 in one line, before any request: %s", async (_, argv, message) => {
    const { fetch, sent } = fakeFetch();
    const { code, stderr } = await cli(argv, { fetch });
    expect(code).toBe(2);
    expectOneLineError(stderr);
    expect(stderr).toContain(message);
    expect(sent).toEqual([]);
  });

  it("sends an event it does not know when given a payload, and warns about an EventType mismatch", async () => {
    const unknown = await tempFile("new.json", '{"EventGroupId":10,"EventType":1001,"EventInfo":{}}');
    expect((await cli(trtc("1001", "--payload", unknown), { fetch: fakeFetch().fetch })).code).toBe(0);
    const { code, stderr } = await cli(trtc("EnterRoom", "--payload", unknown), { fetch: fakeFetch().fetch });
    expect(code).toBe(0);
    expect(stderr).toBe(`tencent-webhooks: warning: payload file ${unknown} has EventType 1001, not 103 (EnterRoom)\n`);
  });

  it.each([
    ["HTTP 200 {code:0}", () => Response.json({ code: 0 }), 0, undefined],
    [
      "a refusal",
      () => Response.json({ code: 401, message: "Signature is invalid" }, { status: 401 }),
      1,
      "the app answered code 401: Signature is invalid (HTTP 401)",
    ],
    ["HTTP 200 with a non-zero code", () => Response.json({ code: 1 }), 1, "the app answered code 1 (HTTP 200)"],
    [
      "HTTP 200 that is not a TRTC reply",
      () => new Response("ok"),
      1,
      'the reply is not a TRTC reply (HTTP 200; Tencent expects HTTP 200 with {"code":0}); is --url the TRTC callback path?',
    ],
    ["a 404", () => new Response("Not Found", { status: 404 }), 1, "the reply is not a TRTC reply (HTTP 404"],
    ["{code:0} with HTTP 204", () => new Response(null, { status: 204 }), 1, "HTTP 204"],
  ] as const)("judges the reply: %s", async (_, reply, exit, message) => {
    const { code, stderr } = await cli(trtc("EnterRoom"), { fetch: fakeFetch(reply).fetch });
    expect(code).toBe(exit);
    if (message === undefined) expect(stderr).toBe("");
    else {
      expectOneLineError(stderr);
      expect(stderr).toContain(message);
    }
  });
});

describe("send --protocol css", () => {
  const pushBegin = cssCatalogue.find("PushBegin")!;

  it.each(["PushBegin", "1"])("%s: writes t = now + 600 and sign = md5(key + t) into the raw sample, nothing else", async (event) => {
    const { fetch, sent } = fakeFetch();
    const { code, stdout, stderr } = await cli(css(event), { fetch });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const expected = pushBegin.sample
      .replace('"sign":"df49************************f5d4"', `"sign":"${md5(KEY + EXPIRES)}"`)
      .replace('"t":1703732078', `"t":${EXPIRES}`);
    expect(expected).not.toBe(pushBegin.sample);
    expect(sent[0]!.body).toBe(expected);
    expect(sent[0]!.url.href).toBe(URL_);
    expect(sent[0]!.headers.get("sign")).toBeNull();
    expect(sent[0]!.headers.get("sdkappid")).toBeNull();
    expect(stdout).toContain(`  CSS PushBegin (1) sample payload, ${Buffer.byteLength(expected)} bytes, signed (t ${EXPIRES}, expires 2023-11-14T22:23:20Z)\n`);
    expect(stdout).not.toContain(md5(KEY + EXPIRES));
  });

  it("--verbose prints t and sign", async () => {
    const { stdout } = await cli(css("PushBegin", "--verbose"), { fetch: fakeFetch().fetch });
    expect(stdout).toContain(`  t: ${EXPIRES}\n  sign: ${md5(KEY + EXPIRES)}\n`);
  });

  it("--expires-at sets t", async () => {
    const { fetch, sent } = fakeFetch();
    await cli(css("PushBegin", "--expires-at", "1800000000"), { fetch });
    expect(sent[0]!.body).toContain('"t":1800000000,');
    expect(sent[0]!.body).toContain(`"sign":"${md5(`${KEY}1800000000`)}"`);
  });

  it("adds t and sign to a sample that has none (Evaluation), first, keeping the rest", async () => {
    const evaluation = cssCatalogue.find("Evaluation")!;
    const { fetch, sent } = fakeFetch();
    expect((await cli(css("Evaluation"), { fetch })).code).toBe(0);
    expect(sent[0]!.body).toBe(`{"t":${EXPIRES},"sign":"${md5(KEY + EXPIRES)}",${evaluation.sample.slice(1)}`);
  });

  it("keeps a payload's string t a string, and its 64-bit literals exact", async () => {
    const text = '{"event_type": 1, "t": "1", "sign": "x", "sequence": 2210464508206756938, "nested": {"t": 5}}';
    const { fetch, sent } = fakeFetch();
    await cli(css("PushBegin", "--payload", await tempFile("push.json", text)), { fetch });
    expect(sent[0]!.body).toBe(`{"event_type": 1, "t": "${EXPIRES}", "sign": "${md5(KEY + EXPIRES)}", "sequence": 2210464508206756938, "nested": {"t": 5}}`);
  });

  it("takes the key from CSS_CALLBACK_KEY", async () => {
    const { fetch, sent } = fakeFetch();
    expect((await cli(["send", "--protocol", "css", "PushBegin", "--url", URL_], { fetch, env: { CSS_CALLBACK_KEY: KEY } })).code).toBe(0);
    expect(sent[0]!.body).toContain(`"sign":"${md5(KEY + EXPIRES)}"`);
  });

  it.each([
    ["no key", ["send", "--protocol", "css", "1", "--url", URL_], {}, "send --protocol css needs --key <key> (or CSS_CALLBACK_KEY in the environment)"],
    ["CSS_CALLBACK_KEY=", ["send", "--protocol", "css", "1", "--url", URL_], { CSS_CALLBACK_KEY: "" }, "CSS_CALLBACK_KEY is empty, which is not a key"],
    [
      "--sdk-app-id",
      [...css("1"), "--sdk-app-id", APP_ID],
      {},
      "--sdk-app-id does not apply to --protocol css; it is for --protocol callback and --protocol trtc",
    ],
    ["a bad --expires-at", [...css("1"), "--expires-at", "tomorrow"], {}, '--expires-at must be Unix seconds, like 1700000600 (got "tomorrow")'],
    ["a negative --expires-at", [...css("1"), "--expires-at", "-5"], {}, "--expires-at needs a value"],
    ["a TRTC event", css("EnterRoom"), {}, 'unknown CSS event "EnterRoom"; EnterRoom (103) is a TRTC event: add --protocol trtc'],
  ])("exits 2 in one line, before any request: %s", async (_, argv, env, message) => {
    const { fetch, sent } = fakeFetch();
    const { code, stderr } = await cli(argv, { fetch, env });
    expect(code).toBe(2);
    expectOneLineError(stderr);
    expect(stderr).toContain(message);
    expect(sent).toEqual([]);
  });

  it("warns about an event_type mismatch in a payload, and sends it", async () => {
    const file = await tempFile("end.json", cssCatalogue.find("PushEnd")!.sample);
    const { fetch, sent } = fakeFetch();
    const { code, stderr } = await cli(css("PushBegin", "--payload", file), { fetch });
    expect(code).toBe(0);
    expect(stderr).toBe(`tencent-webhooks: warning: payload file ${file} has event_type 0, not 1 (PushBegin)\n`);
    expect(sent).toHaveLength(1);
  });

  it("judges the reply like TRTC's", async () => {
    const refused = await cli(css("PushBegin"), {
      fetch: fakeFetch(() => Response.json({ code: 401, message: "Signature is invalid" }, { status: 401 })).fetch,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("the app answered code 401: Signature is invalid (HTTP 401)");
    const notCss = await cli(css("PushBegin"), { fetch: fakeFetch(() => new Response("?", { status: 404 })).fetch });
    expect(notCss.stderr).toContain("the reply is not a CSS reply (HTTP 404");
  });
});
