import { defineCommand } from "../define.js";
import { eventTime } from "./fragments.js";

/**
 * Sources: https://trtc.io/document/70355 (= tencentcloud.com/document/product/1047/70355, the Chat
 * page), which the Live command list (trtc.io/document/64413) links as
 * tencentcloud.com/document/product/647/74356. Also sent by plain Chat apps.
 */
export default defineCommand({
  command: "Follow.CallbackAfterFollowAdd",
  kind: "after",
  summary: "a user followed others",
  source: "https://trtc.io/document/70355",
  schema: {
    required: ["From_Account"],
    properties: {
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
      EventTime: eventTime,
    },
  },
  sample: `{
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
}`,
  pages: { en: "https://trtc.io/document/70355" },
});
