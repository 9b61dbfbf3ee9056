import type { FromSchema } from "json-schema-to-ts";

/**
 * `Live.CallbackAfterChangeOwner` — a room's owner was changed.
 * Source: https://trtc.io/document/72553 (= tencentcloud.com/document/product/647/72553).
 * The page types `EventTime` as "Interger" (sic): an integer, in milliseconds.
 */
export const command = "Live.CallbackAfterChangeOwner" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Live.CallbackAfterChangeOwner",
  type: "object",
  required: ["CallbackCommand", "RoomId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Live.CallbackAfterChangeOwner" },
    RoomId: { type: "string" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
    Operator_Account: { type: "string" },
    CurrentOwner_Account: { type: "string", description: "the new owner" },
    OriginalOwner_Account: { type: "string", description: "the previous owner" },
  },
} as const;

export type LiveAfterChangeOwnerPayload = FromSchema<typeof schema>;

/** The page's sample, verbatim. */
export const sample = `{
"CallbackCommand":"Live.CallbackAfterChangeOwner",
"RoomId":"room_id",
"EventTime":1703589922780,
"Operator_Account":"admin",
"CurrentOwner_Account": "user2",
"OriginalOwner_Account": "user1"
}`;
