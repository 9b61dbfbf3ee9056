import { defineCommand } from "../define.js";
import { roomAdminChangeProperties } from "./fragments.js";

/**
 * Source: https://trtc.io/document/72553 (= tencentcloud.com/document/product/647/72553). The page
 * types `EventTime` as "Interger" (sic): an integer, in milliseconds.
 */
export default defineCommand({
  command: "Live.CallbackAfterChangeOwner",
  kind: "after",
  summary: "a room's owner was changed",
  source: "https://trtc.io/document/72553",
  schema: {
    required: ["RoomId"],
    properties: {
      ...roomAdminChangeProperties,
      CurrentOwner_Account: { type: "string", description: "the new owner" },
      OriginalOwner_Account: { type: "string", description: "the previous owner" },
    },
  },
  sample: `{
"CallbackCommand":"Live.CallbackAfterChangeOwner",
"RoomId":"room_id",
"EventTime":1703589922780,
"Operator_Account":"admin",
"CurrentOwner_Account": "user2",
"OriginalOwner_Account": "user1"
}`,
  pages: { en: "https://trtc.io/document/72553", zh: "https://cloud.tencent.com/document/product/647/122445" },
});
