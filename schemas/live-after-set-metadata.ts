import type { FromSchema } from "json-schema-to-ts";

/**
 * `Live.CallbackAfterSetMetadata` — room metadata keys were set.
 * Source: https://trtc.io/document/68222 (= tencentcloud.com/document/product/647/68222).
 */
export const command = "Live.CallbackAfterSetMetadata" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Live.CallbackAfterSetMetadata",
  type: "object",
  required: ["CallbackCommand", "RoomId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Live.CallbackAfterSetMetadata" },
    Operator_Account: { type: "string" },
    RoomId: { type: "string" },
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
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type LiveAfterSetMetadataPayload = FromSchema<typeof schema>;

/** The page's sample, verbatim. */
export const sample = `{
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
}`;
