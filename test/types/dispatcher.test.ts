/**
 * Type tests: checked by `tsc --noEmit` (part of `npm test`); `expectTypeOf` is a no-op at run time,
 * so every assertion here fails the type check, not the test run, when the types drift.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  allow,
  block,
  createDispatcher,
  type BeforeCommand,
  type BeforeDecision,
  type DecisionByReply,
  type AnyWebhookEvent,
  type EventFor,
  type KnownCommand,
  type LiveAfterDestroyRoomPayload,
  type PayloadOf,
  type WebhookErrorEvent,
  type WebhookResponse,
} from "../../src/index.js";

const webhooks = createDispatcher({ sdkAppId: 1400000000 });

describe("typed on()", () => {
  it("gives each command exactly its payload type", () => {
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"Live.CallbackAfterDestroyRoom">();
      expectTypeOf(event.payload).toEqualTypeOf<LiveAfterDestroyRoomPayload>();
      expectTypeOf(event.payload.RoomInfo?.Owner_Account).toEqualTypeOf<string | undefined>();
      expectTypeOf(event.payload.RoomId).toEqualTypeOf<string>();
      expectTypeOf(event.payload.EventTime).toEqualTypeOf<number | undefined>();
      expectTypeOf(event.payload.Statistic?.TotalGiftCoins).toEqualTypeOf<number | undefined>();
      expectTypeOf(event.payload.RoomInfo?.Category).toEqualTypeOf<number[] | undefined>();
      expectTypeOf(event.sdkAppId).toEqualTypeOf<string>();
      expectTypeOf(event.clientIp).toEqualTypeOf<string | undefined>();
      expectTypeOf(event.optPlatform).toEqualTypeOf<string | undefined>();
      expectTypeOf(event.rawBody).toEqualTypeOf<string>();
    });
    webhooks.on("Room.CallbackAfterDestroyRoom", (event) => {
      // The query may carry the command alone: the body's CallbackCommand is optional.
      expectTypeOf(event.payload.CallbackCommand).toEqualTypeOf<"Room.CallbackAfterDestroyRoom" | undefined>();
      // @ts-expect-error -- a Room destroy payload has no RoomInfo
      void event.payload.RoomInfo.RoomName;
    });
    webhooks.on("Live.CallbackAfterCreateRoomReachingThreshold", (event) => {
      expectTypeOf(event.payload.CurRoomCount).toEqualTypeOf<number | undefined>();
      expectTypeOf(event.payload.MaxRoomCount).toEqualTypeOf<number | undefined>();
    });
  });

  it("payloads are exact; unknown fields stay reachable as unknown through event.extra", () => {
    webhooks.on("Room.CallbackAfterDestroyRoom", (event) => {
      // @ts-expect-error -- not a documented field of this payload
      void event.payload.SomethingNew;
      expectTypeOf(event.extra.SomethingNew).toEqualTypeOf<unknown>();
    });
    expectTypeOf<keyof PayloadOf<"Room.CallbackAfterDestroyRoom">>().toEqualTypeOf<"CallbackCommand" | "Operator_Account" | "RoomId" | "EventTime">();
  });

  it("a list of commands gives the union of their events", () => {
    webhooks.on(["Live.CallbackAfterDestroyRoom", "Room.CallbackAfterDestroyRoom"], (event) => {
      expectTypeOf(event).toEqualTypeOf<EventFor<"Live.CallbackAfterDestroyRoom" | "Room.CallbackAfterDestroyRoom">>();
      expectTypeOf(event.command).toEqualTypeOf<"Live.CallbackAfterDestroyRoom" | "Room.CallbackAfterDestroyRoom">();
    });
  });

  it("a misspelt or unknown command is a compile error", () => {
    // @ts-expect-error -- misspelt
    expectTypeOf(webhooks.on).toBeCallableWith("Live.CallbackAfterDestroyRom", () => {});
    // @ts-expect-error -- not a command
    expectTypeOf(webhooks.on).toBeCallableWith("anything", () => {});
    expectTypeOf<"Live.CallbackAfterDestroyRoom">().toExtend<KnownCommand>();
  });

  it("an after-callback handler may return anything: it is ignored (only before-callback handlers decide)", () => {
    webhooks.on("Room.CallbackAfterDestroyRoom", () => ({ action: "block", code: 1 }));
    webhooks.on("Room.CallbackAfterDestroyRoom", async () => {});
  });

  it("onAny, onError and handle() have their documented shapes", () => {
    webhooks.onAny((event) => {
      expectTypeOf(event).toEqualTypeOf<AnyWebhookEvent>();
    });
    webhooks.onError((error) => {
      expectTypeOf(error).toEqualTypeOf<WebhookErrorEvent>();
      expectTypeOf(error.request.rawBody).toEqualTypeOf<string | undefined>();
    });
    expectTypeOf(webhooks.handle).returns.toEqualTypeOf<Promise<WebhookResponse>>();
    expectTypeOf(webhooks.on("Room.CallbackAfterDestroyRoom", () => {})).toEqualTypeOf(webhooks);
  });
});

describe("before callbacks in the types", () => {
  it("a before handler may return a decision; its event is typed", () => {
    webhooks.on("Live.CallbackBeforeSendGift", async (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"Live.CallbackBeforeSendGift">();
      return event.payload.RoomId === "closed" ? block(10001, "Room closed") : allow();
    });
    webhooks.on("Group.CallbackBeforeSendMsg", () => undefined);
    type GiftHandler = Parameters<typeof webhooks.on<"Live.CallbackBeforeSendGift">>[1];
    type GiftDecision = DecisionByReply["gift"];
    expectTypeOf<ReturnType<GiftHandler>>().toEqualTypeOf<GiftDecision | void | Promise<GiftDecision | void>>();
    expectTypeOf<GiftDecision>().toExtend<BeforeDecision>();
    expectTypeOf<"Live.CallbackBeforeSendGift" | "Group.CallbackBeforeSendMsg" | "C2C.CallbackBeforeSendMsg">().toExtend<BeforeCommand>();
    expectTypeOf<"Live.CallbackAfterDestroyRoom">().not.toExtend<BeforeCommand>();
  });

  it("handlers for a mix of kinds cannot return a decision (after handlers' values are ignored)", () => {
    webhooks.on("Live.CallbackAfterDestroyRoom", () => allow());
    // @ts-expect-error -- a mix of before and after commands
    webhooks.on(["Live.CallbackBeforeSendGift", "Live.CallbackAfterDestroyRoom"], () => block(1));
    type MixedHandler = Parameters<typeof webhooks.on<"Live.CallbackBeforeSendGift" | "Room.CallbackAfterDestroyRoom">>[1];
    expectTypeOf<ReturnType<MixedHandler>>().toEqualTypeOf<void | Promise<void>>();
  });
});

describe("replay()", () => {
  it("takes onError's stored request on every dispatcher and answers like handle()", () => {
    // Types only: never run (an onError handler replaying what was refused would refuse it again, forever).
    const typesOnly = () => {
      webhooks.onError(async (event) => {
        expectTypeOf(webhooks.replay(event.request)).toEqualTypeOf<Promise<WebhookResponse>>();
      });
      // @ts-expect-error: a WebhookRequest's body is not a stored request's rawBody
      void webhooks.replay({ method: "POST", url: "/", body: "{}" });
    };
    expectTypeOf(typesOnly).toBeFunction();
  });
});

describe("a token per product", () => {
  it("takes a token, a list, or a map by product (also as a per-app value); says which product signed", () => {
    createDispatcher({ sdkAppId: 1400000000, token: "t" });
    createDispatcher({ sdkAppId: 1400000000, token: ["old", "new"] });
    createDispatcher({ sdkAppId: 1400000000, token: { chat: "c", live: ["l1", "l2"], room: "r", call: "k" } });
    createDispatcher({ sdkAppId: { 1400000000: { live: "l" }, 1400000001: "t" } });
    // Types only: both throw at run time (the option checker refuses them too).
    const refused = () => {
      // @ts-expect-error -- products are chat, live, room, call
      createDispatcher({ sdkAppId: 1400000000, token: { chta: "c" } });
      // @ts-expect-error -- a token is a string
      createDispatcher({ sdkAppId: 1400000000, token: { live: 5 } });
    };
    expect(refused).toThrow(/chta/);
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      expectTypeOf(event.product).toEqualTypeOf<"chat" | "live" | "room" | "call" | undefined>();
      expectTypeOf(event.keyIndex).toEqualTypeOf<number | undefined>();
    });
  });
});

describe("telemetry", () => {
  it("is a boolean option on every dispatcher", () => {
    createDispatcher({ sdkAppId: 1, telemetry: true });
    // @ts-expect-error: not a boolean (refused at run time too)
    expect(() => createDispatcher({ sdkAppId: 1, telemetry: "on" })).toThrow(/telemetry/);
  });
});
