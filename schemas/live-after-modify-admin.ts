import type { FromSchema } from "json-schema-to-ts";

/**
 * `Live.CallbackAfterModifyAdmin` — room administrators were added or removed.
 * Source: https://trtc.io/document/72554 (= tencentcloud.com/document/product/647/72554).
 * The operation field really is spelt `opType` (lower-case o) on the page; `EventTime` is typed
 * "Interger" (sic).
 */
export const command = "Live.CallbackAfterModifyAdmin" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Live.CallbackAfterModifyAdmin",
  type: "object",
  required: ["CallbackCommand", "RoomId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Live.CallbackAfterModifyAdmin" },
    RoomId: { type: "string" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
    Operator_Account: { type: "string" },
    Admin_Account: { type: "array", items: { type: "string" }, description: "the administrators added or removed" },
    opType: { type: "string", description: "add | delete" },
  },
} as const;

export type LiveAfterModifyAdminPayload = FromSchema<typeof schema>;

/** The page's sample, verbatim. */
export const sample = `{
"CallbackCommand":"Live.CallbackAfterModifyAdmin",
"RoomId":"room_id",
"EventTime":1703589922780,
"Operator_Account":"admin",
"Admin_Account": ["user1", "user2"],
"opType": "add"
}`;
