import { defineCommand } from "../define.js";
import { eventTime, roomOperationProperties } from "./fragments.js";

/**
 * Sent by both products: TUILiveKit (https://trtc.io/document/64425 =
 * tencentcloud.com/document/product/647/64425) and TUIRoomKit (https://trtc.io/document/60736, which
 * adds `Operator_Account`). `SeatList[].Member_Account` is documented as a String but sent as a bare
 * 64-bit number (`144115233775727695`): it arrives as the exact string; it is absent for an empty
 * seat.
 */
export default defineCommand({
  command: "Mic.CallbackAfterSeatInfoChanged",
  kind: "after",
  summary: "the seat (mic) list of a room changed",
  source: "https://trtc.io/document/64425",
  schema: {
    required: ["RoomId"],
    properties: {
      ...roomOperationProperties,
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
      EventTime: eventTime,
    },
  },
  sample: `{
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
}`,
  variants: [
    {
      source: "https://trtc.io/document/60736",
      note: "the TUIRoomKit page's form, with Operator_Account",
      text: `{"CallbackCommand":"Mic.CallbackAfterSeatInfoChanged","Operator_Account":"user1","RoomId":"rid-123","SeatList":[{"Index": 1,"Member_Account": 144115233775727695,"IsTakenDisabled": false,"IsVideoDisabled": false,"IsAudioDisabled": false}],"EventTime":1670574414123}`,
    },
  ],
  pages: { en: "https://trtc.io/document/64425" },
});
