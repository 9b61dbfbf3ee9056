import { defineCommand } from "../define.js";

export default defineCommand({
  command: "Room.CallbackAfterDestroyRoom",
  kind: "after",
  summary: "a TUIRoomKit room was destroyed",
  source: "https://trtc.io/document/60732",
  schema: {
    required: ["RoomId", "EventTime"],
    properties: {
      Operator_Account: { type: "string" },
      RoomId: { type: "string" },
      EventTime: { type: "integer", description: "milliseconds since the epoch" },
    },
  },
  sample: `{
"CallbackCommand":"Room.CallbackAfterDestroyRoom",
"Operator_Account":"admin",
"RoomId":"tandy-test-rest",
"EventTime":1703589922780
}`,
});
