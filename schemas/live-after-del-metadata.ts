import type { FromSchema } from "json-schema-to-ts";

/**
 * `Live.CallbackAfterDelMetadata` — room metadata keys were deleted.
 * Source: https://trtc.io/document/68223 (= tencentcloud.com/document/product/647/68223).
 * The page's parameter table says the query's CallbackCommand is "fixed as
 * Live.CallbackAfterSetMetadata" — a copy of the set-metadata page; its title, scenarios and
 * sample body all say `Live.CallbackAfterDelMetadata`, which is what this schema accepts
 * (no alias: the set-metadata name belongs to a different callback).
 */
export const command = "Live.CallbackAfterDelMetadata" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Live.CallbackAfterDelMetadata",
  type: "object",
  required: ["CallbackCommand", "RoomId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Live.CallbackAfterDelMetadata" },
    Operator_Account: { type: "string" },
    RoomId: { type: "string" },
    Keys: { type: "array", items: { type: "string" }, description: "the deleted metadata keys" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type LiveAfterDelMetadataPayload = FromSchema<typeof schema>;

/** The page's sample, verbatim. */
export const sample = `{
"CallbackCommand": "Live.CallbackAfterDelMetadata",
"Operator_Account": "brennanli",
"RoomId": "live-room1111",
"Keys": [
"key1", "key2"
],
"EventTime": 1739966441121
}`;
