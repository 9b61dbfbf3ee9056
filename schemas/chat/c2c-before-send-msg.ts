import { defineCommand } from "../define.js";
import { messageContentProperties } from "./fragments.js";
import { c2cMessageIdentityProperties, c2cSendProperties } from "./sns-c2c-fragments.js";

/**
 * A one-to-one message is about to be delivered (sent from a client or by the REST API sendmsg);
 * the reply decides. ErrorCode 0 allows it, and may carry a replacement `MsgBody` and
 * `CloudCustomData`; 1 rejects it; 2 discards it silently; a code in [120001, 130000] rejects it
 * with that code and ErrorInfo. Tencent waits 2 s and delivers the message when no reply
 * comes. When this callback rejects a message, C2C.CallbackAfterSendMsg is not sent.
 */
export default defineCommand({
  command: "C2C.CallbackBeforeSendMsg",
  kind: "before",
  reply: "message",
  onTimeout: "allow",
  dedupe: ["MsgKey"],
  summary: "a one-to-one message is about to be delivered",
  source: "https://trtc.io/document/34364",
  schema: {
    required: ["From_Account", "To_Account"],
    properties: {
      ...c2cMessageIdentityProperties,
      ...c2cSendProperties,
      ...messageContentProperties,
    },
  },
  sample: `{
"CallbackCommand": "C2C.CallbackBeforeSendMsg",
"From_Account": "jared",
"To_Account": "John",
"MsgSeq": 48374,
"MsgRandom": 2837546,
"MsgTime": 1557481126,
"MsgKey": "48374_2837546_1557481126",
"OnlineOnlyFlag":1,
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent":{
"Text": "red packet"
}
}
],
"CloudCustomData": "your cloud custom data"
}`,
  pages: { en: "https://trtc.io/document/34364", zh: "https://www.tencentcloud.com/zh/document/product/1047/34364" },
});
