import { defineCommand } from "../define.js";
import { messageContentProperties } from "./fragments.js";
import { eventTimeMs, msgTimeSeconds, onlineOnlyFlag, operatorAccount } from "./official-account-fragments.js";

/**
 * A user mentioned (@) one or more chatbots in a group (not sent for @all). The table lists `TopicId`
 * (community topics), which the sample does not carry. No `MsgKey`: a group message is identified by
 * `GroupId` + `MsgSeq`.
 */
export default defineCommand({
  command: "Bot.OnGroupMessage",
  kind: "after",
  summary: "a chatbot was mentioned in a group",
  source: "https://trtc.io/document/68953",
  dedupe: ["GroupId", "MsgSeq"],
  schema: {
    required: ["GroupId", "From_Account"],
    properties: {
      GroupId: { type: "string" },
      Type: { type: "string", description: "group type: Public, Private, ChatRoom, AVChatRoom, Community" },
      From_Account: { type: "string", description: "the sender" },
      Operator_Account: operatorAccount,
      Random: { type: "integer", description: "32-bit random number of the request" },
      MsgSeq: { type: "integer", description: "the message's sequence number in the group" },
      MsgTime: msgTimeSeconds,
      OnlineOnlyFlag: { ...onlineOnlyFlag, description: "1 for an online-only message, 0 otherwise (always 0 in live groups)" },
      ...messageContentProperties,
      AtRobots_Account: { type: "array", items: { type: "string" }, description: "the chatbots mentioned" },
      TopicId: { type: "string", description: "the topic, in community groups with topics" },
      EventTime: eventTimeMs,
    },
  },
  sample: `{
"CallbackCommand": "Bot.OnGroupMessage",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Public",
"From_Account": "jared",
"Operator_Account":"admin",
"Random": 123456,
"MsgSeq": 123,
"MsgTime": 1490686222,
"OnlineOnlyFlag": 1,
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent": {
"Text": "@@RBT#001 hello"
}
}
],
"AtRobots_Account": [ "@RBT#001" ],
"CloudCustomData": "your cloud custom data",
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/68953" },
});
