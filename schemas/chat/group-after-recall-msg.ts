import { defineCommand } from "../define.js";
import { eventTime, groupOperationProperties, msgId, msgSeq, topicId } from "./group-fragments.js";

/** No `MsgKey`: a recalled message is identified by `GroupId` + `MsgSeqList[].MsgSeq` (and its `MsgId`). */
export default defineCommand({
  command: "Group.CallbackAfterRecallMsg",
  kind: "after",
  summary: "group messages were recalled",
  source: "https://trtc.io/document/46979",
  schema: {
    required: ["GroupId", "MsgSeqList"],
    properties: {
      ...groupOperationProperties,
      MsgSeqList: {
        type: "array",
        description: "the recalled messages",
        items: {
          type: "object",
          properties: {
            MsgSeq: msgSeq,
            MsgId: msgId,
          },
        },
      },
      TopicId: topicId,
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand":"Group.CallbackAfterRecallMsg",
"Operator_Account":"admin",
"Type": "Community",
"GroupId":"1213456",
"MsgSeqList":[
{
"MsgSeq":130,
"MsgId":"144115213033478435-1739361321-2512805311"
}
],
"TopicId":"@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic",
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/46979", zh: "https://www.tencentcloud.com/zh/document/product/1047/46979" },
});
