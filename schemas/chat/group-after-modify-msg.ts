import { defineCommand } from "../define.js";
import { groupMessageProperties, msgSeq } from "./group-fragments.js";

/**
 * A group message was edited (on a client, or through the REST API that modifies group history
 * messages); the body carries the message as edited. Group messages have no `MsgKey`: `GroupId` +
 * `MsgSeq` identify the message, and one message can be edited many times, so `EventTime` joins them.
 *
 * The page could not be read when this file was written: the fields are those of the one-to-one
 * edit callback (https://cloud.tencent.com/document/product/269/128224) under the names the group
 * message callbacks use (Group.CallbackAfterSendMsg), all optional but the group and sequence, and
 * the sample is written in that shape rather than copied. Compare both with the page.
 */
export default defineCommand({
  command: "Group.CallbackAfterModifyMsg",
  kind: "after",
  summary: "a group message was edited",
  source: "https://cloud.tencent.com/document/product/269/129193",
  dedupe: ["GroupId", "MsgSeq", "EventTime"],
  schema: {
    required: ["GroupId", "MsgSeq"],
    properties: {
      ...groupMessageProperties,
      Operator_Account: { type: "string", description: "the user who edited the message" },
      MsgSeq: msgSeq,
      MsgTime: { type: "integer", description: "send time of the message, seconds since the epoch" },
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterModifyMsg",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Public",
"Operator_Account": "jared",
"From_Account": "jared",
"MsgSeq": 123,
"MsgTime": 1769771529,
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent": {
"Text": "2026-01-30T11:20:26.548Z"
}
}
],
"CloudCustomData": "1769772027",
"EventTime": 1769772027036
}`,
});
