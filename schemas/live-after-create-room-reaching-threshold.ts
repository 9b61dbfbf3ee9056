import type { FromSchema } from "json-schema-to-ts";

/**
 * `Live.CallbackAfterCreateRoomReachingThreshold` — room creations reached 70% of the quota.
 * Source: seed page `003_…`. The page types `CurRoomCount` as String and `MaxRoomCount` as
 * Array, but its sample sends numbers: both are integers here, and digit strings are coerced.
 */
export const command = "Live.CallbackAfterCreateRoomReachingThreshold" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Live.CallbackAfterCreateRoomReachingThreshold",
  type: "object",
  required: ["CallbackCommand", "CurRoomCount", "MaxRoomCount", "EventTime"],
  properties: {
    CallbackCommand: { const: "Live.CallbackAfterCreateRoomReachingThreshold" },
    Operator_Account: { type: "string" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
    CurRoomCount: { type: "integer", description: "rooms created so far" },
    MaxRoomCount: { type: "integer", description: "room creation quota" },
  },
} as const;

export type LiveAfterCreateRoomReachingThresholdPayload = FromSchema<typeof schema>;

/** The page's sample, verbatim. */
export const sample = `{
"CallbackCommand": "Live.CallbackAfterCreateRoomReachingThreshold",
"Operator_Account": "brennanli",
"EventTime": 1739966441121,
"CurRoomCount": 400,
"MaxRoomCount": 500
}`;
