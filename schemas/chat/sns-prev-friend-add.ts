import { defineCommand } from "../define.js";
import { friendRequestProperties, friendTargetProperties } from "./sns-c2c-fragments.js";

/**
 * A user asked to add friends on a client (REST API requests do not trigger it); the reply decides.
 * The reply may carry `ResultItem: [{ To_Account, ResultCode, ResultInfo }]`, one per requested
 * friend: ResultCode 0 lets that request through, a code in [38000, 39000] refuses it.
 */
export default defineCommand({
  command: "Sns.CallbackPrevFriendAdd",
  kind: "before",
  reply: "friend",
  summary: "a user is about to send friend requests",
  source: "https://trtc.io/document/43468",
  schema: {
    required: ["From_Account", "FriendItem"],
    properties: {
      ...friendRequestProperties,
      FriendItem: {
        type: "array",
        description: "the friends requested",
        items: {
          type: "object",
          properties: {
            ...friendTargetProperties,
            GroupName: { type: "string", description: "the friend list From_Account puts To_Account in" },
            AddSource: { type: "string", description: "where the request comes from: AddSource_Type_ + a keyword" },
            AddWording: { type: "string", description: "the request's message" },
          },
        },
      },
    },
  },
  sample: `{
"CallbackCommand": "Sns.CallbackPrevFriendAdd",
"Requester_Account": "id",
"From_Account": "id",
"FriendItem": [
{
"To_Account": "id1",
"Remark": "remark1",
"GroupName": "group1",
"AddSource": "AddSource_Type_Android",
"AddWording": "this is id1!"
}
]
}`,
  pages: { en: "https://trtc.io/document/43468" },
});
