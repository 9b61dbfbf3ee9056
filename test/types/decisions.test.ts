/**
 * Type tests for "before" decisions (checked by `tsc --noEmit`): each command's handler may return
 * only what its reply kind carries (schemas/define.ts `ReplyKind`, src/protocols/callback/decision.ts):
 * message callbacks allow (with MsgBody / CloudCustomData), discard, or block with 1 or
 * [120001, 130000]; group messages block with 1 or [10100, 10200]; friend callbacks answer per
 * friend with 0 or [38000, 39000]; invitations allow with RefusedMembers_Account; what an
 * "after" handler returns is ignored (any value compiles); a handler for a mix returns nothing.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  allow,
  block,
  createDispatcher,
  discard,
  friendResults,
  type AllowDecision,
  type BlockDecision,
  type DecisionByReply,
  type DiscardDecision,
  type MessageRejectCode,
  type MsgElement,
} from "../../src/index.js";

const webhooks = createDispatcher({ sdkAppId: 1400000000 });
const MsgBody: MsgElement[] = [{ MsgType: "TIMTextElem", MsgContent: { Text: "***" } }];

describe("C2C.CallbackBeforeSendMsg (message)", () => {
  it("may allow with a new MsgBody, discard, or block with 1 or [120001, 130000]", () => {
    webhooks.on("C2C.CallbackBeforeSendMsg", () => allow({ MsgBody }));
    webhooks.on("C2C.CallbackBeforeSendMsg", () => allow({ MsgBody, CloudCustomData: "x" }));
    webhooks.on("C2C.CallbackBeforeSendMsg", () => discard());
    webhooks.on("C2C.CallbackBeforeSendMsg", () => block(120001));
    webhooks.on("C2C.CallbackBeforeSendMsg", () => block(130000, "too long"));
    webhooks.on("C2C.CallbackBeforeSendMsg", () => block(1));
    webhooks.on("C2C.CallbackBeforeSendMsg", async (event) => (event.payload.From_Account === "spam" ? discard() : allow()));
    webhooks.on("C2C.CallbackBeforeSendMsg", () => undefined);
  });

  it("may not block with another code, nor carry another kind's fields", () => {
    // @ts-expect-error -- 5 is outside 1 or [120001, 130000]
    webhooks.on("C2C.CallbackBeforeSendMsg", () => block(5));
    // @ts-expect-error -- 120000 is just outside the range
    webhooks.on("C2C.CallbackBeforeSendMsg", () => block(120000));
    // @ts-expect-error -- 130001 is just outside the range
    webhooks.on("C2C.CallbackBeforeSendMsg", () => block(130001));
    // @ts-expect-error -- an invitation's field
    webhooks.on("C2C.CallbackBeforeSendMsg", () => allow({ RefusedMembers_Account: ["a"] }));
  });

  it("its decision type is DecisionByReply.message", () => {
    type Handler = Parameters<typeof webhooks.on<"C2C.CallbackBeforeSendMsg">>[1];
    type Message = DecisionByReply["message"];
    expectTypeOf<ReturnType<Handler>>().toEqualTypeOf<Message | void | Promise<Message | void>>();
    expectTypeOf<Message>().toEqualTypeOf<AllowDecision<"MsgBody" | "CloudCustomData"> | BlockDecision<MessageRejectCode> | DiscardDecision>();
    expectTypeOf<120001 | 125000 | 130000 | 1>().toExtend<MessageRejectCode>();
    expectTypeOf<120000>().not.toExtend<MessageRejectCode>();
  });
});

describe("Group.CallbackBeforeSendMsg (groupMessage)", () => {
  it("may block with 1 or [10100, 10200], allow with a MsgBody, or discard", () => {
    webhooks.on("Group.CallbackBeforeSendMsg", () => block(10100));
    webhooks.on("Group.CallbackBeforeSendMsg", () => block(10200, "no"));
    webhooks.on("Group.CallbackBeforeSendMsg", () => allow({ MsgBody }));
    webhooks.on("Group.CallbackBeforeSendMsg", () => discard("dropped"));
  });

  it("may not block with a one-to-one message's code", () => {
    // @ts-expect-error -- 120001 is a C2C code, outside [10100, 10200]
    webhooks.on("Group.CallbackBeforeSendMsg", () => block(120001));
    // @ts-expect-error -- 10099 is just outside the range
    webhooks.on("Group.CallbackBeforeSendMsg", () => block(10099));
  });
});

describe("Sns.CallbackPrevFriendAdd (friend)", () => {
  it("answers per friend with 0 or a code in [38000, 39000]", () => {
    webhooks.on("Sns.CallbackPrevFriendAdd", (event) =>
      friendResults(event.payload.FriendItem.map((item) => ({ To_Account: item.To_Account ?? "", ResultCode: 38001, ResultInfo: "not now" }))),
    );
    webhooks.on("Sns.CallbackPrevFriendAdd", () => friendResults([{ To_Account: "a", ResultCode: 0 }]));
    webhooks.on("Sns.CallbackPrevFriendResponse", () => friendResults([{ To_Account: "a", ResultCode: 39000 }]));
    webhooks.on("Sns.CallbackPrevFriendAdd", () => block(1, "friendships are closed"));
  });

  it("may not use another code, nor discard", () => {
    // @ts-expect-error -- 5 is outside [38000, 39000]
    webhooks.on("Sns.CallbackPrevFriendAdd", () => friendResults([{ To_Account: "a", ResultCode: 5 }]));
    // @ts-expect-error -- the same through allow(): ResultItem codes are checked there too
    webhooks.on("Sns.CallbackPrevFriendAdd", () => allow({ ResultItem: [{ To_Account: "a", ResultCode: 5 }] }));
    // @ts-expect-error -- discard() is for message callbacks only
    webhooks.on("Sns.CallbackPrevFriendAdd", () => discard());
  });
});

describe("Group.CallbackBeforeInviteJoinGroup (invite)", () => {
  it("may allow with RefusedMembers_Account", () => {
    webhooks.on("Group.CallbackBeforeInviteJoinGroup", (event) =>
      allow({ RefusedMembers_Account: event.payload.DestinationMembers.flatMap((member) => member.Member_Account ?? []) }),
    );
    webhooks.on("Group.CallbackBeforeInviteJoinGroup", () => block(1));
  });

  it("may not carry a message's fields", () => {
    // @ts-expect-error -- MsgBody is a message callback's field
    webhooks.on("Group.CallbackBeforeInviteJoinGroup", () => allow({ MsgBody }));
    // @ts-expect-error -- a subscriber callback's field
    webhooks.on("Group.CallbackBeforeInviteJoinGroup", () => allow({ RefusedSubscribers_Account: ["a"] }));
  });
});

describe("the other reply kinds", () => {
  it("gift and plain: allow, or block with any code; nothing else", () => {
    webhooks.on("Live.CallbackBeforeSendGift", () => block(102100, "not enough coins"));
    webhooks.on("Live.CallbackBeforeSendGift", () => allow());
    webhooks.on("Group.CallbackBeforeCreateGroup", () => block(4001));
    // @ts-expect-error -- discard() is for message callbacks only
    webhooks.on("Live.CallbackBeforeSendGift", () => discard());
    // @ts-expect-error -- a gift reply carries no MsgBody
    webhooks.on("Live.CallbackBeforeSendGift", () => allow({ MsgBody }));
  });

  it("subscriber: allow with RefusedSubscribers_Account", () => {
    webhooks.on("OfficialAccount.CallbackBeforeAddSubscriber", () => allow({ RefusedSubscribers_Account: ["a"] }));
    // @ts-expect-error -- an invitation's field
    webhooks.on("OfficialAccount.CallbackBeforeAddSubscriber", () => allow({ RefusedMembers_Account: ["a"] }));
  });

  it("allow() never takes the fields the decision sets itself", () => {
    const typeOnly = (_body: () => void): void => {};
    typeOnly(() => {
      // @ts-expect-error -- ErrorCode comes from the decision (allow() throws at run time too)
      allow({ ErrorCode: 1 });
    });
  });
});

describe("after handlers decide nothing", () => {
  it("whatever an after handler returns is ignored, so expression arrows fit", () => {
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => event.payload.RoomInfo?.Owner_Account);
    webhooks.on("Room.CallbackAfterDestroyRoom", () => 42);
    webhooks.on("Room.CallbackAfterDestroyRoom", async () => "saved");
    webhooks.on("Room.CallbackAfterDestroyRoom", () => {});
    webhooks.on("Room.CallbackAfterDestroyRoom", async () => {});
    type After = Parameters<typeof webhooks.on<"Room.CallbackAfterDestroyRoom">>[1];
    expectTypeOf<ReturnType<After>>().toEqualTypeOf<unknown>();
  });

  it("nor does a handler for a mix of before and after commands", () => {
    // @ts-expect-error -- a mix of before and after commands
    webhooks.on(["Live.CallbackBeforeSendGift", "Live.CallbackAfterDestroyRoom"], () => block(1));
    type Mixed = Parameters<typeof webhooks.on<"Live.CallbackBeforeSendGift" | "Room.CallbackAfterDestroyRoom">>[1];
    expectTypeOf<ReturnType<Mixed>>().toEqualTypeOf<void | Promise<void>>();
  });
});

describe("Chatbot.OnC2CSignalMessage (signal)", () => {
  it("answers with RspData, a string, or blocks", () => {
    webhooks.on("Chatbot.OnC2CSignalMessage", (event) => allow({ RspData: `answer to ${event.payload.Data ?? ""}` }));
    webhooks.on("Chatbot.OnC2CSignalMessage", () => allow());
    webhooks.on("Chatbot.OnC2CSignalMessage", () => block(1, "busy"));
    webhooks.on("Chatbot.OnC2CSignalMessage", () => undefined);
  });

  it("may not carry another kind's fields, a non-string RspData, or discard", () => {
    // @ts-expect-error -- a message callback's field
    webhooks.on("Chatbot.OnC2CSignalMessage", () => allow({ MsgBody }));
    // @ts-expect-error -- RspData is a string (JSON.stringify an object first)
    webhooks.on("Chatbot.OnC2CSignalMessage", () => allow({ RspData: { answer: 1 } }));
    // @ts-expect-error -- discard() is only for message callbacks
    webhooks.on("Chatbot.OnC2CSignalMessage", () => discard());
    // @ts-expect-error -- RspData is not a reply field of message callbacks
    webhooks.on("C2C.CallbackBeforeSendMsg", () => allow({ RspData: "x" }));
  });

  it("its decision type is DecisionByReply.signal", () => {
    type Handler = Parameters<typeof webhooks.on<"Chatbot.OnC2CSignalMessage">>[1];
    type Signal = DecisionByReply["signal"];
    expectTypeOf<ReturnType<Handler>>().toEqualTypeOf<Signal | void | Promise<Signal | void>>();
    expectTypeOf<Signal>().toEqualTypeOf<AllowDecision<"RspData"> | BlockDecision>();
  });
});
