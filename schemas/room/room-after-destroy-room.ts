import { defineCommand } from "../define.js";
import { eventTime, roomOperationProperties } from "./fragments.js";

export default defineCommand({
  command: "Room.CallbackAfterDestroyRoom",
  kind: "after",
  summary: "a TUIRoomKit room was destroyed",
  source: "https://trtc.io/document/60732",
  schema: {
    required: ["RoomId"],
    properties: {
      ...roomOperationProperties,
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand":"Room.CallbackAfterDestroyRoom",
"Operator_Account":"admin",
"RoomId":"tandy-test-rest",
"EventTime":1703589922780
}`,
  pages: { en: "https://trtc.io/document/60732" },
});
