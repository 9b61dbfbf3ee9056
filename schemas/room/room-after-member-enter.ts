import { defineCommand } from "../define.js";
import { eventTime, roomOperationProperties } from "./fragments.js";

/**
 * Source: https://trtc.io/document/60735 (= tencentcloud.com/document/product/647/60735).
 * `MemberCount` is the room's member count ("room capacity" on the page); `Type` is "Enter".
 */
export default defineCommand({
  command: "Room.CallbackAfterMemberEnter",
  kind: "after",
  summary: "users entered a TUIRoomKit room",
  source: "https://trtc.io/document/60735",
  schema: {
    required: ["RoomId"],
    properties: {
      ...roomOperationProperties,
      MemberCount: { type: "integer" },
      Type: { type: "string", description: "Enter" },
      MemberList_Account: { type: "array", items: { type: "string" }, description: "the users who entered" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand":"Room.CallbackAfterMemberEnter",
"Operator_Account":"user1",
"RoomId":"rid-123",
"MemberCount":20,
"Type":"Enter",
"MemberList_Account":["user1"],
"EventTime":1670574414123
}`,
  pages: { en: "https://trtc.io/document/60735", zh: "https://www.tencentcloud.com/zh/document/product/647/60735" },
});
