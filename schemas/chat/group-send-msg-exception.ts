import { defineCommand } from "../define.js";
import { groupMessageProperties } from "./group-fragments.js";

export default defineCommand({
  command: "Group.CallbackSendMsgException",
  kind: "after",
  summary: "a group message could not be delivered",
  source: "https://trtc.io/document/49462",
  schema: {
    required: ["GroupId"],
    properties: {
      ...groupMessageProperties,
      ErrorCode: { type: "integer", description: "why the message failed (a Chat error code, e.g. 10023 rate limit)" },
      ErrorInfo: { type: "string", description: "details of the failure" },
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackSendMsgException",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Public",
"From_Account": "jared",
"Operator_Account":"admin",
"Random": 123456,
"OnlineOnlyFlag": 1,
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent":{
"Text": "red packet"
}
}
],
"CloudCustomData": "your cloud custom data",
"ErrorCode": 10023,
"ErrorInfo": "msg count exceeds limit,please retry later",
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/49462", zh: "https://www.tencentcloud.com/zh/document/product/1047/49462" },
});
