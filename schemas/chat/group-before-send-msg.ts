import { defineCommand } from "../define.js";
import { groupMessageProperties } from "./group-fragments.js";

/**
 * A message is about to be sent in a group; the reply decides: ErrorCode 0 allows (optionally with a
 * replacement `MsgBody` / `CloudCustomData`), 1 refuses (the sender gets 10016), 2 discards silently
 * (the sender sees success), a code in [10100, 10200] refuses and reaches the sender with ErrorInfo.
 * On timeout Tencent delivers the message by default (https://trtc.io/document/34354).
 * The same command serves TUILiveKit rooms (https://trtc.io/document/74347, the variant): a live room is
 * a group, so `Type` is any string ("Live" there) and only `GroupId` is required. Both pages send
 * `EventTime` as a digit string; it is coerced to a number. The Chat page's sample has no `MsgId`, the
 * Live page's has one: it is optional. No `MsgKey`: group messages are identified by `MsgSeq`, which
 * only the after-send callback carries.
 */
export default defineCommand({
  command: "Group.CallbackBeforeSendMsg",
  kind: "before",
  reply: "groupMessage",
  onTimeout: "allow",
  summary: "a group message is about to be sent",
  source: "https://trtc.io/document/34374",
  schema: {
    required: ["GroupId"],
    properties: groupMessageProperties,
  },
  sample: `{
"CallbackCommand": "Group.CallbackBeforeSendMsg",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Community",
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
"TopicId":"@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic",
"EventTime":"1670574414123"
}`,
  variants: [
    {
      source: "https://trtc.io/document/74347",
      note: 'the TUILiveKit page\'s sample: a live room is a group (Type "Live"), with MsgId',
      text: `{
"CallbackCommand": "Group.CallbackBeforeSendMsg",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Live",
"From_Account": "jared",
"Operator_Account":"admin",
"Random": 123456,
"MsgId": "144115233406643804-1727580296-4026038328",
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent":{
"Text": "red packet"
}
}
],
"CloudCustomData": "your cloud custom data",
"EventTime":"1670574414123"
}`,
    },
  ],
  pages: { en: "https://trtc.io/document/34374", zh: "https://trtc.io/zh/document/34374" },
});
