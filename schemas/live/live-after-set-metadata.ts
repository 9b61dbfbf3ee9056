import { defineCommand } from "../define.js";
import { eventTime, roomOperationProperties } from "./fragments.js";

/**
 * Source: https://trtc.io/document/68222 (= tencentcloud.com/document/product/647/68222).
 */
export default defineCommand({
  command: "Live.CallbackAfterSetMetadata",
  kind: "after",
  summary: "room metadata keys were set",
  source: "https://trtc.io/document/68222",
  schema: {
    required: ["RoomId"],
    properties: {
      ...roomOperationProperties,
      Metadata: {
        type: "array",
        items: {
          type: "object",
          properties: {
            Key: { type: "string" },
            Value: { type: "string" },
          },
        },
      },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Live.CallbackAfterSetMetadata",
"Operator_Account": "brennanli",
"RoomId": "live-room1111",
"Metadata": [
{
"Key": "key1",
"Value": "value1"
},
{
"Key": "key2",
"Value": "value2"
}
],
"EventTime": 1739965885831
}`,
  pages: { en: "https://trtc.io/document/68222" },
});
