import { defineCommand } from "../define.js";
import { roomAdminChangeProperties } from "./fragments.js";

/**
 * Source: https://trtc.io/document/72554 (= tencentcloud.com/document/product/647/72554). The
 * operation field really is spelt `opType` (lower-case o) on the page; `EventTime` is typed "Interger"
 * (sic).
 */
export default defineCommand({
  command: "Live.CallbackAfterModifyAdmin",
  kind: "after",
  summary: "room administrators were added or removed",
  source: "https://trtc.io/document/72554",
  schema: {
    required: ["RoomId"],
    properties: {
      ...roomAdminChangeProperties,
      Admin_Account: { type: "array", items: { type: "string" }, description: "the administrators added or removed" },
      opType: { type: "string", description: "add | delete" },
    },
  },
  sample: `{
"CallbackCommand":"Live.CallbackAfterModifyAdmin",
"RoomId":"room_id",
"EventTime":1703589922780,
"Operator_Account":"admin",
"Admin_Account": ["user1", "user2"],
"opType": "add"
}`,
  pages: { en: "https://trtc.io/document/72554" },
});
