import { defineCommand } from "../define.js";
import { groupMessageProperties, msgSeq } from "./group-fragments.js";

/**
 * A message was sent in a group. The same command serves TUILiveKit rooms
 * (https://trtc.io/document/74348, the variant): a live room is a group, so `Type` is any string ("Live"
 * there) and only `GroupId` is required. Both pages send `EventTime` as a digit string; it is coerced to
 * a number. The table lists `TopicId` and `GroupAtInfo`, which the sample leaves out. There is no
 * `MsgKey`: `GroupId` + `MsgSeq` identify the message.
 */
export default defineCommand({
  command: "Group.CallbackAfterSendMsg",
  kind: "after",
  summary: "a group message was sent",
  source: "https://trtc.io/document/34375",
  schema: {
    required: ["GroupId"],
    properties: {
      ...groupMessageProperties,
      MsgSeq: msgSeq,
      MsgTime: { type: "integer", description: "send time on the server, seconds since the epoch" },
      GroupAtInfo: {
        type: "array",
        description: "the message's @ mentions (at most 30 members)",
        items: {
          type: "object",
          properties: {
            GroupAtAllFlag: { type: "integer", description: "1 @all | 0 the member in GroupAt_Account" },
            GroupAt_Account: { type: "string" },
          },
        },
      },
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterSendMsg",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Public",
"From_Account": "jared",
"Operator_Account":"admin",
"Random": 123456,
"MsgId": "144115233406643804-1727580296-4026038328",
"MsgSeq": 123,
"MsgTime": 1490686222,
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
"EventTime":"1670574414123"
}`,
  variants: [
    {
      source: "https://trtc.io/document/74348",
      note: 'the TUILiveKit page\'s sample: a live room is a group (Type "Live")',
      text: `{
"CallbackCommand": "Group.CallbackAfterSendMsg",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Live",
"From_Account": "jared",
"Operator_Account":"admin",
"Random": 123456,
"MsgId": "144115233406643804-1727580296-4026038328",
"MsgSeq": 123,
"MsgTime": 1490686222,
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
  pages: { en: "https://trtc.io/document/34375", zh: "https://trtc.io/zh/document/34375" },
});
