/**
 * `send` signs a callback with the token of the product whose configuration sends the command
 * (`--live-token`, `--chat-token`, …, or $TENCENT_<PRODUCT>_CALLBACK_TOKEN), before `--token`; an
 * app with a token per product accepts what it signs and refuses another product's token.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APP_ID, CALLBACK_PATH, recordingDispatcher } from "../support/fixtures.js";
import { type RunningServer, startAdapter } from "../support/servers.js";
import { cli, expectOneLineError } from "./support.js";

const { dispatcher, recorded } = recordingDispatcher({ token: { chat: "chat-token", live: "live-token", call: "call-token" } });
let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await startAdapter("node", dispatcher);
  base = server.origin;
});
afterAll(() => server.close());
beforeEach(() => {
  recorded.any.length = 0;
  recorded.errors.length = 0;
});

const sendArgs = (command: string, ...extra: string[]) => ["send", command, "--url", `${base}${CALLBACK_PATH}`, "--sdk-app-id", APP_ID, ...extra];
const ALL = ["--chat-token", "chat-token", "--live-token", "live-token", "--call-token", "call-token"];

describe("send with a token per product", () => {
  it.each([
    ["Live.CallbackAfterDestroyRoom", "live"],
    ["C2C.CallbackAfterSendMsg", "chat"],
    ["Call.CallbackAfterEndCall", "call"],
    ["Group.CallbackAfterSendMsg", "chat"],
  ])("%s is signed with the %s token, and the app accepts it", async (command, product) => {
    const { code, stdout, stderr } = await cli(sendArgs(command, ...ALL));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`signed (${product} token)`);
    expect(recorded.any.map((event) => [event.command, event.product])).toEqual([[command, product]]);
  });

  it("reads the product tokens from the environment too", async () => {
    const env = { TENCENT_LIVE_CALLBACK_TOKEN: "live-token", TENCENT_CALLBACK_TOKEN: "chat-token" };
    expect((await cli(sendArgs("Live.CallbackAfterDestroyRoom"), { env })).code).toBe(0);
    expect((await cli(sendArgs("C2C.CallbackAfterSendMsg"), { env })).code).toBe(0);
    expect(recorded.any.map((event) => event.product)).toEqual(["live", "chat"]);
  });

  it("--token signs what no product token covers; the app refuses a Chat command signed with the Live token (401)", async () => {
    const { code, stdout } = await cli(sendArgs("C2C.CallbackAfterSendMsg", "--token", "live-token"));
    expect(code).toBe(1);
    expect(stdout).toContain("HTTP 401");
    expect(recorded.errors.map((error) => error.reason)).toEqual(["signature_invalid"]);
  });

  it("only another product's token: a one-line error, nothing sent unsigned", async () => {
    const { code, stderr } = await cli(sendArgs("C2C.CallbackAfterSendMsg", "--live-token", "live-token"));
    expect(code).toBe(2);
    expectOneLineError(stderr);
    expect(stderr).toMatch(/C2C\.CallbackAfterSendMsg is signed with a chat token: give --chat-token, or --token/);
    expect(recorded.any).toEqual([]);
  });

  it("a product token does not apply to --protocol trtc", async () => {
    const { code, stderr } = await cli(["send", "--protocol", "trtc", "EnterRoom", "--url", base, "--sdk-app-id", APP_ID, "--key", "k", "--live-token", "x"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--live-token does not apply to --protocol trtc/);
  });
});
