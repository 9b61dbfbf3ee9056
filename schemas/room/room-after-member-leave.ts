import { defineCommand } from "../define.js";
import { eventTime, roomOperationProperties } from "./fragments.js";

/**
 * Source: https://trtc.io/document/60734 (= tencentcloud.com/document/product/647/60734).
 */
export default defineCommand({
  command: "Room.CallbackAfterMemberLeave",
  kind: "after",
  summary: "users left a TUIRoomKit room (or were kicked out, or their heartbeat expired)",
  source: "https://trtc.io/document/60734",
  schema: {
    required: ["RoomId"],
    properties: {
      ...roomOperationProperties,
      MemberCount: { type: "integer" },
      Type: { type: "string", description: "Leave | Kicked | Expired" },
      MemberList_Account: { type: "array", items: { type: "string" }, description: "the users who left" },
      Reason: { type: "string" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand":"Room.CallbackAfterMemberLeave",
"Operator_Account":"user1",
"RoomId":"rid-123",
"MemberCount":20,
"Type":"Leave",
"MemberList_Account":["user1"],
"Reason":"xxxx",
"EventTime":1670574414123
}`,
  pages: { en: "https://trtc.io/document/60734" },
});
