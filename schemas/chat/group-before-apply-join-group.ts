import { defineCommand } from "../define.js";
import { eventTime, groupId, groupType } from "./group-fragments.js";

/**
 * A user asks to join a group; the reply decides: ErrorCode 0 lets the request go on (a group that needs
 * admin approval still needs it), 1 refuses (the caller gets 10016), a code in [10100, 10200] refuses and
 * reaches the client with ErrorInfo. The page says nothing about timeouts; the Webhook Overview
 * (https://trtc.io/document/34354) makes going ahead the default.
 */
export default defineCommand({
  command: "Group.CallbackBeforeApplyJoinGroup",
  kind: "before",
  reply: "plain",
  onTimeout: "allow",
  summary: "a user is asking to join a group",
  source: "https://trtc.io/document/34370",
  schema: {
    required: ["GroupId", "Requestor_Account"],
    properties: {
      GroupId: groupId,
      Type: groupType,
      Requestor_Account: { type: "string", description: "UserID of the user asking to join" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackBeforeApplyJoinGroup",
"GroupId" : "@TGS#2J4SZEAEL",
"Type": "Public",
"Requestor_Account": "jared",
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/34370", zh: "https://www.tencentcloud.com/zh/document/product/1047/34370" },
});
