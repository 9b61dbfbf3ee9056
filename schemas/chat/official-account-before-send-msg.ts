import { defineCommand } from "../define.js";
import { officialAccountMessageProperties } from "./official-account-fragments.js";

/**
 * An official account message is about to be broadcast to the subscribers; the reply decides.
 * ErrorCode 0 allows (optionally with a replacement `MsgBody` and `CloudCustomData`), 1 refuses (the
 * sender gets error 10016), 2 discards silently (the sender is told it was sent), a code in
 * [120001, 130000] refuses and reaches the sender with ErrorInfo. No reply within 2 s: the message is
 * delivered (Webhook Overview, https://trtc.io/document/34354). The body carries no `MsgKey`.
 */
export default defineCommand({
  command: "OfficialAccount.CallbackBeforeSendMsg",
  kind: "before",
  reply: "message",
  onTimeout: "allow",
  summary: "an official account message is about to be broadcast",
  source: "https://trtc.io/document/60803",
  schema: {
    required: ["Official_Account"],
    properties: officialAccountMessageProperties,
  },
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackBeforeSendMsg",
"Official_Account": "@TOA#_2J4SZEAEL",
"OnlineOnlyFlag": 1,
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
  pages: { en: "https://trtc.io/document/60803", zh: "https://trtc.io/zh/document/60803" },
});
