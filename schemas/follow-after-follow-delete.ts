import type { FromSchema } from "json-schema-to-ts";

/**
 * `Follow.CallbackAfterFollowDelete` — a user unfollowed others.
 * Sources: https://trtc.io/document/70356 (= tencentcloud.com/document/product/1047/70356, the
 * Chat page), which the Live command list (trtc.io/document/64413) links as
 * tencentcloud.com/document/product/647/74357. Also sent by plain Chat apps.
 * Unlike the follow-add callback, `To_Account` here is a plain array of user IDs.
 */
export const command = "Follow.CallbackAfterFollowDelete" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Follow.CallbackAfterFollowDelete",
  type: "object",
  required: ["CallbackCommand", "From_Account", "EventTime"],
  properties: {
    CallbackCommand: { const: "Follow.CallbackAfterFollowDelete" },
    From_Account: { type: "string", description: "the user who unfollowed" },
    To_Account: { type: "array", items: { type: "string" }, description: "the users no longer followed" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type FollowAfterFollowDeletePayload = FromSchema<typeof schema>;

/** The page's sample, verbatim. */
export const sample = `{
"CallbackCommand": "Follow.CallbackAfterFollowDelete",
"From_Account": "UserID_001",
"To_Account": [
"UserID_002",
"UserID_003"
],
"EventTime": 1702018343678
}`;
