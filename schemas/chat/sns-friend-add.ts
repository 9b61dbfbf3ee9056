import { defineCommand } from "../define.js";
import { accountPair } from "./sns-c2c-fragments.js";

/** Friends were added (not sent for friends imported through the REST API). */
export default defineCommand({
  command: "Sns.CallbackFriendAdd",
  kind: "after",
  summary: "friends were added",
  source: "https://trtc.io/document/34359",
  schema: {
    required: ["PairList"],
    properties: {
      PairList: {
        type: "array",
        description: "the friend pairs added",
        items: {
          ...accountPair,
          properties: {
            ...accountPair.properties,
            Initiator_Account: { type: "string", description: "the user who sent the friend request" },
          },
        },
      },
      ClientCmd: { type: "string", description: "what triggered it: friend_add | FriendAdd (a request) | friend_response | FriendResponse (a response)" },
      Admin_Account: { type: "string", description: "the admin account when the REST API added the friends, otherwise empty" },
      ForceFlag: { type: "integer", description: "1 = forced by an admin | 0 = ordinary" },
    },
  },
  sample: `{
"CallbackCommand": "Sns.CallbackFriendAdd",
"PairList": [
{
"From_Account": "id",
"To_Account": "id1",
"Initiator_Account": "id"
},
{
"From_Account": "id",
"To_Account": "id2",
"Initiator_Account": "id"
},
{
"From_Account": "id",
"To_Account": "id3",
"Initiator_Account": "id"
}
],
"ClientCmd":"friend_add",
"Admin_Account":"",
"ForceFlag":1
}`,
  pages: { en: "https://trtc.io/document/34359", zh: "https://www.tencentcloud.com/zh/document/product/1047/34359" },
});
