/**
 * At run time, each "before" command's reply kind accepts exactly the decisions its types allow
 * (test/types/decisions.test.ts): what the page allows is sent as a 200 reply; anything else —
 * a code out of range, a field the reply cannot carry, discard() outside message callbacks — is
 * refused 500 decision_invalid, reported to onError, never sent to Tencent.
 */
import { describe, expect, it } from "vitest";
import { allow, block, createDispatcher, discard, friendResults, type BeforeCommand, type MsgElement, type WebhookErrorEvent } from "../../src/index.js";
import { registry } from "../../schemas/index.js";
import { APP_ID, CALLBACK_PATH, SILENT_LOGGER, sampleOf, tencentQuery } from "../support/fixtures.js";

const MsgBody: MsgElement[] = [{ MsgType: "TIMTextElem", MsgContent: { Text: "***" } }];

async function decide(command: BeforeCommand, decision: () => unknown) {
  const dispatcher = createDispatcher({ sdkAppId: APP_ID, logger: SILENT_LOGGER });
  const errors: WebhookErrorEvent[] = [];
  dispatcher.on(command, decision as never);
  dispatcher.onError((error) => void errors.push(error));
  const response = await dispatcher.handle({ method: "POST", url: `${CALLBACK_PATH}${tencentQuery({ command })}`, body: sampleOf(command) });
  return { status: response.status, reply: JSON.parse(response.body) as Record<string, unknown>, reasons: errors.map((error) => error.reason) };
}

const OK = { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 0 };

describe("valid decisions are sent", () => {
  it.each<[string, BeforeCommand, () => unknown, Record<string, unknown>]>([
    ["message: allow with MsgBody", "C2C.CallbackBeforeSendMsg", () => allow({ MsgBody }), { ...OK, MsgBody }],
    ["message: discard", "C2C.CallbackBeforeSendMsg", () => discard("dropped"), { ActionStatus: "OK", ErrorInfo: "dropped", ErrorCode: 2 }],
    ["message: block 120001", "C2C.CallbackBeforeSendMsg", () => block(120001, "no"), { ActionStatus: "OK", ErrorInfo: "no", ErrorCode: 120001 }],
    ["message: block 1", "OfficialAccount.CallbackBeforeSendMsg", () => block(1), { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 1 }],
    ["groupMessage: block 10100", "Group.CallbackBeforeSendMsg", () => block(10100), { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 10100 }],
    ["groupMessage: discard", "Group.CallbackBeforeSendMsg", () => discard(), { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 2 }],
    [
      "friend: ResultCode 38001",
      "Sns.CallbackPrevFriendAdd",
      () => friendResults([{ To_Account: "a", ResultCode: 38001 }]),
      { ...OK, ResultItem: [{ To_Account: "a", ResultCode: 38001 }] },
    ],
    [
      "invite: RefusedMembers_Account",
      "Group.CallbackBeforeInviteJoinGroup",
      () => allow({ RefusedMembers_Account: ["a"] }),
      { ...OK, RefusedMembers_Account: ["a"] },
    ],
    [
      "subscriber: RefusedSubscribers_Account",
      "OfficialAccount.CallbackBeforeAddSubscriber",
      () => allow({ RefusedSubscribers_Account: ["a"] }),
      { ...OK, RefusedSubscribers_Account: ["a"] },
    ],
    ["gift: block 102100", "Live.CallbackBeforeSendGift", () => block(102100, "coins"), { ActionStatus: "OK", ErrorInfo: "coins", ErrorCode: 102100 }],
    ["plain: block 4001", "Group.CallbackBeforeCreateGroup", () => block(4001), { ActionStatus: "OK", ErrorInfo: "", ErrorCode: 4001 }],
  ])("%s", async (_name, command, decision, reply) => {
    expect(await decide(command, decision)).toEqual({ status: 200, reply, reasons: [] });
  });
});

describe("decisions the reply kind cannot carry are refused 500 decision_invalid", () => {
  it.each<[string, BeforeCommand, () => unknown]>([
    ["message: block 5", "C2C.CallbackBeforeSendMsg", () => block(5)],
    ["message: block 120000", "C2C.CallbackBeforeSendMsg", () => block(120000)],
    ["groupMessage: block 120001", "Group.CallbackBeforeSendMsg", () => block(120001)],
    ["friend: ResultCode 5", "Sns.CallbackPrevFriendAdd", () => friendResults([{ To_Account: "a", ResultCode: 5 as 38001 }])],
    ["invite: MsgBody", "Group.CallbackBeforeInviteJoinGroup", () => allow({ MsgBody })],
    ["subscriber: RefusedMembers_Account", "OfficialAccount.CallbackBeforeAddSubscriber", () => allow({ RefusedMembers_Account: ["a"] })],
    ["gift: discard", "Live.CallbackBeforeSendGift", () => discard()],
    ["plain: MsgBody", "Group.CallbackBeforeCreateGroup", () => allow({ MsgBody })],
    ["not a decision", "C2C.CallbackBeforeSendMsg", () => ({ action: "allow" })],
  ])("%s", async (_name, command, decision) => {
    const { status, reply, reasons } = await decide(command, decision);
    expect(status).toBe(500);
    expect(reply).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 500 });
    expect(reasons).toEqual(["decision_invalid"]);
  });
});

describe("when the decision fails, the answer is what Tencent does without a reply", () => {
  it.each(
    [...registry.values()]
      .filter((definition) => definition.kind === "before")
      .map((definition) => [definition.command, definition.onTimeout ?? "block"] as const),
  )("%s: a handler that throws → %s", async (command, answer) => {
    const { status, reply, reasons } = await decide(command as BeforeCommand, () => {
      throw new Error("db down");
    });
    expect(reasons).toEqual(["handler_failed"]);
    if (answer === "allow") expect({ status, reply }).toEqual({ status: 200, reply: OK });
    else expect(status).toBe(500);
  });

  it("onDecisionFailure overrides the default, per command", async () => {
    const dispatcher = createDispatcher({
      sdkAppId: APP_ID,
      logger: SILENT_LOGGER,
      onDecisionFailure: { "Live.CallbackBeforeSendGift": "allow", "C2C.CallbackBeforeSendMsg": "block" },
    });
    dispatcher.on(["Live.CallbackBeforeSendGift", "C2C.CallbackBeforeSendMsg"], () => {
      throw new Error("db down");
    });
    const send = (command: BeforeCommand) =>
      dispatcher.handle({ method: "POST", url: `${CALLBACK_PATH}${tencentQuery({ command })}`, body: sampleOf(command) });
    expect(await send("Live.CallbackBeforeSendGift")).toMatchObject({ status: 200, body: JSON.stringify(OK) });
    expect((await send("C2C.CallbackBeforeSendMsg")).status).toBe(500);
  });
});
