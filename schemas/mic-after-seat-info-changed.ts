import type { FromSchema } from "json-schema-to-ts";

/**
 * `Mic.CallbackAfterSeatInfoChanged` — the seat (mic) list of a room changed. Sent by both
 * products: TUILiveKit (https://trtc.io/document/64425 = tencentcloud.com/document/product/647/64425)
 * and TUIRoomKit (https://trtc.io/document/60736, which adds `Operator_Account`).
 * `SeatList[].Member_Account` is documented as a String but sent as a bare 64-bit number
 * (`144115233775727695`): it arrives as the exact string; it is absent for an empty seat.
 */
export const command = "Mic.CallbackAfterSeatInfoChanged" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Mic.CallbackAfterSeatInfoChanged",
  type: "object",
  required: ["CallbackCommand", "RoomId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Mic.CallbackAfterSeatInfoChanged" },
    Operator_Account: { type: "string" },
    RoomId: { type: "string" },
    SeatList: {
      type: "array",
      items: {
        type: "object",
        properties: {
          Index: { type: "integer", description: "seat number" },
          Member_Account: { type: "string", description: "the user on the seat; absent when it is empty" },
          IsTakenDisabled: { type: "boolean", description: "the seat is locked" },
          IsVideoDisabled: { type: "boolean" },
          IsAudioDisabled: { type: "boolean" },
        },
      },
    },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type MicAfterSeatInfoChangedPayload = FromSchema<typeof schema>;

/**
 * The Live page's sample: its JS comments removed and the missing comma before `"EventTime"`
 * added; `Member_Account` stays a bare 64-bit literal.
 */
export const sample = `{
"CallbackCommand":"Mic.CallbackAfterSeatInfoChanged",
"RoomId":"rid-123",
"SeatList":[
{
"Index": 1,
"Member_Account": 144115233775727695,
"IsTakenDisabled": false,
"IsVideoDisabled": false,
"IsAudioDisabled": false
}
],
"EventTime":1670574414123
}`;

/** The Room page's sample (60736), fixed the same way: it adds `Operator_Account`. */
export const variants = [
  `{"CallbackCommand":"Mic.CallbackAfterSeatInfoChanged","Operator_Account":"user1","RoomId":"rid-123","SeatList":[{"Index": 1,"Member_Account": 144115233775727695,"IsTakenDisabled": false,"IsVideoDisabled": false,"IsAudioDisabled": false}],"EventTime":1670574414123}`,
] as const;
