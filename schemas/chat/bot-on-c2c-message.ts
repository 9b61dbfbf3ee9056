import { defineCommand } from "../define.js";
import { messageContentProperties } from "./fragments.js";
import { chatbotC2CMessageProperties, msgTimeSeconds, onlineOnlyFlag } from "./official-account-fragments.js";

export default defineCommand({
  command: "Bot.OnC2CMessage",
  kind: "after",
  summary: "a one-to-one message was sent to a chatbot",
  source: "https://trtc.io/document/68952",
  dedupe: ["MsgKey"],
  schema: {
    required: ["From_Account", "To_Account", "MsgKey"],
    properties: {
      ...chatbotC2CMessageProperties,
      MsgTime: msgTimeSeconds,
      OnlineOnlyFlag: onlineOnlyFlag,
      SendMsgResult: { type: "integer", description: "0 delivered, other values: Chat's error code" },
      ErrorInfo: { type: "string", description: '"send msg succeed" or why delivery failed' },
      ...messageContentProperties,
    },
  },
  sample: `{
"CallbackCommand": "Bot.OnC2CMessage",
"From_Account": "jared",
"To_Account": "Jonh",
"MsgSeq": 48374,
"MsgRandom": 2837546,
"MsgTime": 1557481126,
"MsgKey": "48374_2837546_1557481126",
"OnlineOnlyFlag":1,
"SendMsgResult": 0,
"ErrorInfo": "send msg succeed",
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent": {
"Text": "red packet"
}
}
],
"CloudCustomData": "your cloud custom data",
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/68952", zh: "https://www.tencentcloud.com/zh/document/product/1047/68952" },
});
