import { defineCommand } from "../define.js";
import { friendRequestProperties, friendTargetProperties } from "./sns-c2c-fragments.js";

/**
 * A user answered friend requests on a client (REST API responses do not trigger it); the reply
 * decides. The reply may carry `ResultItem: [{ To_Account, ResultCode, ResultInfo }]`, one per
 * answered request: ResultCode 0 lets that response through, a code in [38000, 39000] refuses it.
 */
export default defineCommand({
  command: "Sns.CallbackPrevFriendResponse",
  kind: "before",
  reply: "friend",
  summary: "a user is about to answer friend requests",
  source: "https://trtc.io/document/43467",
  schema: {
    required: ["From_Account", "ResponseFriendItem"],
    properties: {
      ...friendRequestProperties,
      ResponseFriendItem: {
        type: "array",
        description: "the answers",
        items: {
          type: "object",
          properties: {
            ...friendTargetProperties,
            TagName: { type: "string", description: "the friend list From_Account puts To_Account in" },
            ResponseAction: {
              type: "string",
              description: "Response_Action_AgreeAndAdd (agree and add back) | Response_Action_Agree (agree) | Response_Action_Reject (reject)",
            },
          },
        },
      },
    },
  },
  sample: `{
"CallbackCommand": "Sns.CallbackPrevFriendResponse",
"Requester_Account": "id",
"From_Account": "id",
"ResponseFriendItem": [
{
"To_Account": "id1",
"Remark": "remark1",
"TagName": "group1",
"ResponseAction": "Response_Action_AgreeAndAdd"
},
{
"To_Account": "id2",
"Remark": "remark2",
"TagName": "group2",
"ResponseAction": "Response_Action_Reject"
}
],
"EventTime": 1631777645424
}`,
  pages: { en: "https://trtc.io/document/43467", zh: "https://www.tencentcloud.com/zh/document/product/1047/43467" },
});
