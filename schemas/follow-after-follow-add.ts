import type { FromSchema } from "json-schema-to-ts";

/**
 * `Follow.CallbackAfterFollowAdd` — a user followed others.
 * Sources: https://trtc.io/document/70355 (= tencentcloud.com/document/product/1047/70355, the
 * Chat page), which the Live command list (trtc.io/document/64413) links as
 * tencentcloud.com/document/product/647/74356. Also sent by plain Chat apps.
 */
export const command = "Follow.CallbackAfterFollowAdd" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Follow.CallbackAfterFollowAdd",
  type: "object",
  required: ["CallbackCommand", "From_Account", "EventTime"],
  properties: {
    CallbackCommand: { const: "Follow.CallbackAfterFollowAdd" },
    From_Account: { type: "string", description: "the user who followed" },
    FollowList: {
      type: "array",
      description: "the users now followed",
      items: {
        type: "object",
        properties: {
          To_Account: { type: "string" },
        },
      },
    },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type FollowAfterFollowAddPayload = FromSchema<typeof schema>;

/** The page's sample, verbatim. */
export const sample = `{
"CallbackCommand": "Follow.CallbackAfterFollowAdd",
"From_Account": "UserID_001",
"FollowList": [
{
"To_Account": "UserID_002"
},
{
"To_Account": "UserID_003"
}
],
"EventTime": 1702018343678
}`;
