import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { registry } from "../../schemas/index.js";
import { runDemo } from "../../examples/demo.js";
import { start as startExpress } from "../../examples/express/server.js";

async function demo(options: Parameters<typeof runDemo>[0] = {}) {
  const lines: string[] = [];
  const code = await runDemo({ ...options, out: (line) => lines.push(line) });
  return { code, output: lines.join("\n") };
}

describe("npm run demo", () => {
  it("sends every registry command signed and shows what the app received and answered", async () => {
    const { code, output } = await demo();
    expect(output).not.toContain("UNEXPECTED");
    expect(code).toBe(0);
    for (const command of registry.keys()) {
      expect(output).toMatch(new RegExp(`\\] ${command.replace(".", "\\.")} \\((after|before)\\)  ->  200 \\{"ActionStatus":"OK"`));
    }
    expect(output).toContain('app log live room tandy-test-rest destroyed (DestroyByUser); Owner_Account "144115216631667826" (string)');
    expect(output).toMatch(
      /request POST \/tencent\/callback\?SdkAppid=1400000000&CallbackCommand=\S+&contenttype=json&ClientIP=127\.0\.0\.1&OptPlatform=RESTAPI&Sign=\*\*\*&RequestTime=\d+/,
    );
    // The CLI prints the signature only with --verbose: with its RequestTime it is a valid one.
    expect(output).not.toMatch(/Sign=[0-9a-f]{64}/);
    expect(output).toContain("app log Live.CallbackAfterDestroyRoom REJECTED 403 sdk_app_id_mismatch: SdkAppid does not match this app");
    expect(output).toContain("app log Live.CallbackAfterDestroyRoom REJECTED 401 signature_invalid: Signature is invalid");
    expect(output).toContain(
      `${registry.size} of ${registry.size} callbacks accepted; 2 of 2 bad requests refused with the right reason; queued mode handled the callback once.`,
    );
    expect(output).toContain('[trtc] StopAudio  ->  200 {"code":0}');
    expect(output).toContain('[css] PushBegin  ->  200 {"code":0}');
    expect(output).toMatch(/twice {2}-> {2}200 then 200 \(duplicate: 1\)/);
    expect(output).toContain("worker  handler attempts [1,2]; dead letter 0");
    expect(output).toMatch(/OK: Owner_Account arrived as the exact string "144115216631667826"\.$/);
  });

  it("exits 1 and says what went wrong when the app refuses good callbacks", async () => {
    // Configured with another token, the app refuses every callback the demo signs.
    const { code, output } = await demo({ start: (options) => startExpress({ ...options, token: "some-other-token" }) });
    expect(code).toBe(1);
    expect(output).toContain("UNEXPECTED  Live.CallbackAfterDestroyRoom: the CLI exited 1, expected 0");
    expect(output).toContain("UNEXPECTED  Live.CallbackAfterDestroyRoom: onError ran (signature_invalid)");
    expect(output).toContain(`0 of ${registry.size} callbacks accepted`);
    expect(output).toMatch(/FAILED: \d+ unexpected result\(s\), listed above\.$/);
  });

  it("exits 1 when the app accepts what it must refuse", async () => {
    // Without a token the app does not check signatures: the bad one gets through.
    const { code, output } = await demo({ start: (options) => startExpress({ ...options, token: undefined }) });
    expect(code).toBe(1);
    expect(output).toContain("UNEXPECTED  bad signature: the CLI exited 0, expected 1");
    expect(output).toContain("UNEXPECTED  bad signature: HTTP 200, expected 401");
    expect(output).toContain(`${registry.size} of ${registry.size} callbacks accepted; 1 of 2 bad requests refused`);
  });

  it("runs as `npm run demo` and exits 0 by itself", async () => {
    const started = Date.now();
    const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "demo"], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { ...process.env, NODE_OPTIONS: "" },
      timeout: 60_000,
    });
    expect(stdout).toContain('OK: Owner_Account arrived as the exact string "144115216631667826".');
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
