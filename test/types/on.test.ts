/**
 * Type tests for `on()` (checked by `tsc --noEmit`): a command, one of its aliases, or — for TRTC
 * and CSS — its number on the wire all resolve to the same event type; a list gives the union of
 * the events, narrowed by `event.command`; anything else is a compile error.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  createCssDispatcher,
  createDispatcher,
  createTrtcDispatcher,
  type CssPushBeginPayload,
  type CssPushEndPayload,
  type EventFor,
  type LiveAfterDestroyRoomPayload,
  type LiveAfterMemberStateChangedPayload,
  type RoomAfterDestroyRoomPayload,
  type TrtcEnterRoomPayload,
  type TrtcExitRoomPayload,
} from "../../src/index.js";

const webhooks = createDispatcher({ sdkAppId: 1400000000 });
const trtc = createTrtcDispatcher({ sdkAppId: 1400000000, key: "k" });
const css = createCssDispatcher({ key: "k" });

/** Type-checked, never run: on() refuses unknown names at run time too (a TypeError). */
const typeOnly = (_body: () => void): void => {};

/** The event a handler registered for `K` receives. */
type EventOn<D extends { on: (key: never, handler: never) => unknown }, K> = D extends {
  on<const C extends K>(command: C | readonly C[], handler: infer H): unknown;
}
  ? H extends (event: infer E) => unknown
    ? E
    : never
  : never;

describe("callback on()", () => {
  it("an alias reaches the canonical command, with its event type", () => {
    webhooks.on("Live.CallbackMemberStateChanged", (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"Live.CallbackAfterMemberStateChanged">();
      expectTypeOf(event.payload).toEqualTypeOf<LiveAfterMemberStateChangedPayload>();
    });
    webhooks.on("Room.CallbackUpdateRoomInfo", (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"Room.CallbackAfterUpdateRoomInfo">();
    });
    type ByAlias = Parameters<Parameters<typeof webhooks.on<"Live.CallbackMemberStateChanged">>[1]>[0];
    type ByName = Parameters<Parameters<typeof webhooks.on<"Live.CallbackAfterMemberStateChanged">>[1]>[0];
    expectTypeOf<ByAlias>().toEqualTypeOf<ByName>();
  });

  it("a list gives the union of the events, narrowed by event.command", () => {
    webhooks.on(["Live.CallbackAfterDestroyRoom", "Room.CallbackAfterDestroyRoom"], (event) => {
      expectTypeOf(event).toEqualTypeOf<EventFor<"Live.CallbackAfterDestroyRoom" | "Room.CallbackAfterDestroyRoom">>();
      if (event.command === "Live.CallbackAfterDestroyRoom") {
        expectTypeOf(event.payload).toEqualTypeOf<LiveAfterDestroyRoomPayload>();
        expectTypeOf(event.payload.RoomInfo?.Owner_Account).toEqualTypeOf<string | undefined>();
      } else {
        expectTypeOf(event.command).toEqualTypeOf<"Room.CallbackAfterDestroyRoom">();
        expectTypeOf(event.payload).toEqualTypeOf<RoomAfterDestroyRoomPayload>();
        // @ts-expect-error -- a Room destroy payload has no RoomInfo
        void event.payload.RoomInfo;
      }
    });
    // An alias in a list resolves too.
    webhooks.on(["Live.CallbackMemberStateChanged", "Room.CallbackAfterDestroyRoom"], (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"Live.CallbackAfterMemberStateChanged" | "Room.CallbackAfterDestroyRoom">();
    });
  });

  it("a misspelt or unknown command, or another protocol's event, is a compile error", () => {
    typeOnly(() => {
      // @ts-expect-error -- misspelt
      webhooks.on("Live.CallbackAfterDestroyRom", () => {});
      // @ts-expect-error -- a TRTC event is not a callback command
      webhooks.on("EnterRoom", () => {});
      // @ts-expect-error -- the callback endpoint has no wire codes
      webhooks.on(103, () => {});
      // @ts-expect-error -- one bad name spoils the list
      webhooks.on(["Live.CallbackAfterDestroyRoom", "Nope.Callback"], () => {});
    });
  });
});

describe("TRTC on()", () => {
  it('on(103, …) and on("EnterRoom", …) give the same event and payload type', () => {
    trtc.on(103, (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"EnterRoom">();
      expectTypeOf(event.payload).toEqualTypeOf<TrtcEnterRoomPayload>();
      expectTypeOf(event.payload.EventInfo.RoomId).toEqualTypeOf<string>();
    });
    trtc.on("EnterRoom", (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"EnterRoom">();
      expectTypeOf(event.payload).toEqualTypeOf<TrtcEnterRoomPayload>();
    });
    type ByCode = Parameters<Parameters<typeof trtc.on<103>>[1]>[0];
    type ByName = Parameters<Parameters<typeof trtc.on<"EnterRoom">>[1]>[0];
    expectTypeOf<ByCode>().toEqualTypeOf<ByName>();
    expectTypeOf<EventOn<typeof trtc, 103>>().toEqualTypeOf<EventOn<typeof trtc, "EnterRoom">>();
  });

  it("a list of codes and names narrows by event.command", () => {
    trtc.on([103, "ExitRoom"], (event) => {
      if (event.command === "EnterRoom") expectTypeOf(event.payload).toEqualTypeOf<TrtcEnterRoomPayload>();
      else expectTypeOf(event.payload).toEqualTypeOf<TrtcExitRoomPayload>();
    });
  });

  it("an unknown code or name, or a callback command, is a compile error", () => {
    typeOnly(() => {
      // @ts-expect-error -- no TRTC event 999
      trtc.on(999, () => {});
      // @ts-expect-error -- a callback command is not a TRTC event
      trtc.on("Live.CallbackAfterDestroyRoom", () => {});
    });
    // TRTC events are "after": what a handler returns is ignored, so an expression arrow fits.
    trtc.on("EnterRoom", (event) => event.payload.EventInfo.UserId);
  });
});

describe("CSS on()", () => {
  it("on(1, …) is PushBegin, on(0, …) PushEnd, the same as by name", () => {
    css.on(1, (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"PushBegin">();
      expectTypeOf(event.payload).toEqualTypeOf<CssPushBeginPayload>();
    });
    css.on(0, (event) => {
      expectTypeOf(event.command).toEqualTypeOf<"PushEnd">();
      expectTypeOf(event.payload).toEqualTypeOf<CssPushEndPayload>();
    });
    type ByCode = Parameters<Parameters<typeof css.on<1>>[1]>[0];
    type ByName = Parameters<Parameters<typeof css.on<"PushBegin">>[1]>[0];
    expectTypeOf<ByCode>().toEqualTypeOf<ByName>();
  });

  it("an unknown code is a compile error", () => {
    typeOnly(() => {
      // @ts-expect-error -- no CSS event 2
      css.on(2, () => {});
      // @ts-expect-error -- a TRTC event is not a CSS event
      css.on("EnterRoom", () => {});
    });
  });
});
