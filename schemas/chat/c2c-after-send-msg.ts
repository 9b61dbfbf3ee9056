import { defineCommand } from "../define.js";
import { messageContentProperties } from "./fragments.js";
import { c2cMessageIdentityProperties, c2cSendProperties, unreadMsgNum } from "./sns-c2c-fragments.js";

/** A one-to-one message was sent. The page's table lists `MsgId`, which its sample lacks: it is optional. */
export default defineCommand({
  command: "C2C.CallbackAfterSendMsg",
  kind: "after",
  dedupe: ["MsgKey"],
  summary: "a one-to-one message was sent",
  source: "https://trtc.io/document/34365",
  schema: {
    required: ["From_Account", "To_Account"],
    properties: {
      ...c2cMessageIdentityProperties,
      ...c2cSendProperties,
      SendMsgResult: { type: "integer", description: "the delivery result: 0 = delivered, otherwise the error code" },
      ErrorInfo: { type: "string", description: 'why delivery failed; "send msg succeed" on success' },
      UnreadMsgNum: unreadMsgNum,
      ...messageContentProperties,
    },
  },
  sample: `{
"CallbackCommand": "C2C.CallbackAfterSendMsg",
"From_Account": "jared",
"To_Account": "Jonh",
"MsgSeq": 48374,
"MsgRandom": 2837546,
"MsgTime": 1557481126,
"MsgKey": "48374_2837546_1557481126",
"OnlineOnlyFlag":1,
"SendMsgResult": 0,
"ErrorInfo": "send msg succeed",
"UnreadMsgNum": 7,
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent": {
"Text": "red packet"
}
}
],
"CloudCustomData": "your cloud custom data"
}`,
  pages: { en: "https://trtc.io/document/34365", zh: "https://www.tencentcloud.com/zh/document/product/1047/34365" },
});
