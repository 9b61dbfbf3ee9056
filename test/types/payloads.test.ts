/**
 * Type tests (checked by `tsc --noEmit`, part of `npm test`; `expectTypeOf` does nothing at run
 * time): payload types are the generated interfaces, exact — a misspelt or undocumented field is
 * a compile error, not `unknown` — and what Tencent adds later is reachable as `unknown` through
 * `event.extra`. The event's own fields have their documented types.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  createCssDispatcher,
  createDispatcher,
  createTrtcDispatcher,
  type AnyWebhookEvent,
  type CssPushBeginPayload,
  type LiveAfterDestroyRoomPayload,
  type PayloadOf,
  type ProtocolName,
  type ReceivedRequest,
  type TrtcEnterRoomPayload,
} from "../../src/index.js";

const webhooks = createDispatcher({ sdkAppId: 1400000000 });
const trtc = createTrtcDispatcher({ sdkAppId: 1400000000, key: "k" });
const css = createCssDispatcher({ key: "k" });

describe("payloads are exact", () => {
  it("documented fields have their types; misspelt and unknown ones are compile errors", () => {
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      const { payload } = event;
      expectTypeOf(payload).toEqualTypeOf<LiveAfterDestroyRoomPayload>();
      expectTypeOf(payload.RoomInfo?.Owner_Account).toEqualTypeOf<string | undefined>();
      expectTypeOf(payload.RoomId).toEqualTypeOf<string>();
      expectTypeOf(payload.EventTime).toEqualTypeOf<number | undefined>();
      // @ts-expect-error -- misspelt: the field is Owner_Account
      void payload.RoomInfo?.OwnerAccount;
      // @ts-expect-error -- not a field of this payload
      void payload.NoSuchField;
      // @ts-expect-error -- nested objects are exact too
      void payload.Statistic?.NoSuchCounter;
    });
  });

  it("unknown fields are reachable, as unknown, through event.extra (the same object, untyped)", () => {
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      expectTypeOf(event.extra.NoSuchField).toEqualTypeOf<unknown>();
      expectTypeOf(event.extra).toEqualTypeOf<Readonly<Record<string, unknown>>>();
      // @ts-expect-error -- extra is read-only: change the payload, not its untyped view
      event.extra.NoSuchField = 1;
    });
    trtc.on("EnterRoom", (event) => {
      expectTypeOf(event.extra.AddedLater).toEqualTypeOf<unknown>();
      // @ts-expect-error -- TRTC payloads are exact as well
      void event.payload.EventInfo.NoSuchField;
    });
    css.on("PushBegin", (event) => {
      expectTypeOf(event.extra.AddedLater).toEqualTypeOf<unknown>();
      // @ts-expect-error -- CSS payloads are exact as well
      void event.payload.no_such_field;
    });
  });

  it("a field Tencent sends as a string where the page says Bool is typed boolean (the coercion delivers the boolean)", () => {
    webhooks.on("Room.CallbackAfterUpdateRoomInfo", (event) => {
      expectTypeOf(event.payload.RoomInfo.IsCloudRecordingDisabled).toEqualTypeOf<boolean | undefined>();
      // @ts-expect-error -- the page's sample sends "false", but the handler reads the boolean
      void (event.payload.RoomInfo.IsCloudRecordingDisabled === "false");
    });
  });

  it("no index signature: a payload's keys are exactly its documented fields", () => {
    expectTypeOf<keyof PayloadOf<"Room.CallbackAfterDestroyRoom">>().toEqualTypeOf<"CallbackCommand" | "Operator_Account" | "RoomId" | "EventTime">();
    expectTypeOf<string>().not.toExtend<keyof LiveAfterDestroyRoomPayload>();
    expectTypeOf<string>().not.toExtend<keyof TrtcEnterRoomPayload>();
    expectTypeOf<string>().not.toExtend<keyof CssPushBeginPayload>();
  });

  it("the body's CallbackCommand is optional (the query may carry it alone), naming only this command", () => {
    expectTypeOf<LiveAfterDestroyRoomPayload["CallbackCommand"]>().toEqualTypeOf<"Live.CallbackAfterDestroyRoom" | undefined>();
    expectTypeOf<TrtcEnterRoomPayload["EventType"]>().toEqualTypeOf<103>();
    expectTypeOf<TrtcEnterRoomPayload["EventGroupId"]>().toEqualTypeOf<1>();
    expectTypeOf<CssPushBeginPayload["event_type"]>().toEqualTypeOf<1>();
  });
});

describe("the event's own fields", () => {
  it("are typed the same for every protocol", () => {
    webhooks.on("Live.CallbackAfterDestroyRoom", (event) => {
      expectTypeOf(event.protocol).toEqualTypeOf<ProtocolName>();
      expectTypeOf(event.command).toEqualTypeOf<"Live.CallbackAfterDestroyRoom">();
      expectTypeOf(event.sdkAppId).toEqualTypeOf<string>();
      expectTypeOf(event.clientIp).toEqualTypeOf<string | undefined>();
      expectTypeOf(event.optPlatform).toEqualTypeOf<string | undefined>();
      expectTypeOf(event.keyIndex).toEqualTypeOf<number | undefined>();
      expectTypeOf(event.rawBody).toEqualTypeOf<string>();
      expectTypeOf(event.dedupeKey).toEqualTypeOf<string>();
      expectTypeOf(event.attempt).toEqualTypeOf<number>();
      expectTypeOf(event.request).toEqualTypeOf<ReceivedRequest>();
      expectTypeOf(event.request.rawBodyExact).toEqualTypeOf<boolean>();
      expectTypeOf(event.request.rawBody).toEqualTypeOf<string | undefined>();
    });
    trtc.on("EnterRoom", (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"EnterRoom">();
      expectTypeOf(event.keyIndex).toEqualTypeOf<number | undefined>();
      expectTypeOf(event.dedupeKey).toEqualTypeOf<string>();
    });
  });

  it("onAny sees any event, with an untyped payload", () => {
    webhooks.onAny((event) => {
      expectTypeOf(event).toEqualTypeOf<AnyWebhookEvent>();
      expectTypeOf(event.payload.Anything).toEqualTypeOf<unknown>();
      expectTypeOf(event.command).toEqualTypeOf<string>();
    });
  });
});
