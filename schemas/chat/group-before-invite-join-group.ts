import { defineCommand } from "../define.js";
import { eventTime, groupOperationProperties, memberList } from "./group-fragments.js";

/**
 * Users are about to be invited (or added by an admin) into a group; the reply decides: ErrorCode 0 lets
 * the request go on, minus the users listed in an optional `RefusedMembers_Account` array; 1 refuses it
 * all; a code in [10100, 10200] refuses and reaches the client with ErrorInfo. The page says nothing
 * about timeouts; the Webhook Overview (https://trtc.io/document/34354) makes going ahead the default.
 */
export default defineCommand({
  command: "Group.CallbackBeforeInviteJoinGroup",
  kind: "before",
  reply: "invite",
  onTimeout: "allow",
  summary: "users are about to be invited into a group",
  source: "https://trtc.io/document/34371",
  schema: {
    required: ["GroupId", "DestinationMembers"],
    properties: {
      ...groupOperationProperties,
      DestinationMembers: { ...memberList, description: "the users to be added" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackBeforeInviteJoinGroup",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Public",
"Operator_Account": "leckie",
"DestinationMembers": [
{
"Member_Account": "jared"
},
{
"Member_Account": "leckie"
}
],
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/34371", zh: "https://www.tencentcloud.com/zh/document/product/1047/34371" },
});
