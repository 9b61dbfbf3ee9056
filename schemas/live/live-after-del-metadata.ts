import { defineCommand } from "../define.js";
import { eventTime, roomOperationProperties } from "./fragments.js";

/**
 * Source: https://trtc.io/document/68223 (= tencentcloud.com/document/product/647/68223). The page's
 * parameter table says the query's CallbackCommand is "fixed as Live.CallbackAfterSetMetadata" — a
 * copy of the set-metadata page; its title, scenarios and sample body all say
 * `Live.CallbackAfterDelMetadata`, which is what this schema accepts (no alias: the set-metadata name
 * belongs to a different callback).
 */
export default defineCommand({
  command: "Live.CallbackAfterDelMetadata",
  kind: "after",
  summary: "room metadata keys were deleted",
  source: "https://trtc.io/document/68223",
  schema: {
    required: ["RoomId"],
    properties: {
      ...roomOperationProperties,
      Keys: { type: "array", items: { type: "string" }, description: "the deleted metadata keys" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Live.CallbackAfterDelMetadata",
"Operator_Account": "brennanli",
"RoomId": "live-room1111",
"Keys": [
"key1", "key2"
],
"EventTime": 1739966441121
}`,
  pages: { en: "https://trtc.io/document/68223" },
});
