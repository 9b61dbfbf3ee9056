import { defineCommand } from "../define.js";
import { eventTime } from "./fragments.js";

/**
 * Sources: https://trtc.io/document/70356 (= tencentcloud.com/document/product/1047/70356, the Chat
 * page), which the Live command list (trtc.io/document/64413) links as
 * tencentcloud.com/document/product/647/74357. Also sent by plain Chat apps. Unlike the follow-add
 * callback, `To_Account` here is a plain array of user IDs.
 */
export default defineCommand({
  command: "Follow.CallbackAfterFollowDelete",
  kind: "after",
  summary: "a user unfollowed others",
  source: "https://trtc.io/document/70356",
  schema: {
    required: ["From_Account"],
    properties: {
      From_Account: { type: "string", description: "the user who unfollowed" },
      To_Account: { type: "array", items: { type: "string" }, description: "the users no longer followed" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Follow.CallbackAfterFollowDelete",
"From_Account": "UserID_001",
"To_Account": [
"UserID_002",
"UserID_003"
],
"EventTime": 1702018343678
}`,
  pages: { en: "https://trtc.io/document/70356" },
});
