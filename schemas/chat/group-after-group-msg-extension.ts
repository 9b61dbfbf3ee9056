import { defineCommand } from "../define.js";
import { eventTime, groupId, msgSeq } from "./group-fragments.js";
import { msgExtensionProperties } from "./sns-c2c-fragments.js";

/**
 * The page gives three samples (set, delete, clear): the first is the sample, the others the variants.
 * No `MsgKey`: the message is `GroupId` + `MsgSeq`, and `Seq` versions its extensions. The Chinese page
 * (https://trtc.io/zh/document/76007) shows the same set and delete samples.
 */
export default defineCommand({
  command: "Group.CallbackAfterGroupMsgExtension",
  kind: "after",
  summary: "a group message's extensions were set, deleted or cleared",
  source: "https://trtc.io/document/76007",
  schema: {
    required: ["GroupId", "MsgSeq"],
    properties: {
      GroupId: groupId,
      MsgSeq: msgSeq,
      ...msgExtensionProperties,
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterGroupMsgExtension",
"GroupId":"test",
"MsgSeq":10,
"OperateType":1,
"ExtensionList":[
{"Key":"key2","Value":"value2","Seq":56},
{"Key":"key3","Value":"12122","Seq":56}
],
"Seq":56,
"EventTime":1764688294360
}`,
  pages: { en: "https://trtc.io/document/76007", zh: "https://trtc.io/zh/document/76007" },
  variants: [
    {
      source: "https://trtc.io/document/76007",
      note: "the page's second sample: extensions deleted (OperateType 2)",
      text: `{
"CallbackCommand": "Group.CallbackAfterGroupMsgExtension",
"GroupId":"test",
"MsgSeq":10,
"OperateType":2,
"ExtensionList":[
{"Key":"key2","Value":"","Seq":57},
{"Key":"key3","Value":"","Seq":57}
],
"Seq":57,
"EventTime":1764688312045
}`,
    },
    {
      source: "https://trtc.io/document/76007",
      note: "the page's third sample: extensions cleared (OperateType 3)",
      text: `{
"CallbackCommand": "Group.CallbackAfterGroupMsgExtension",
"GroupId":"test",
"MsgSeq":10,
"OperateType":3,
"ExtensionList":[],
"Seq":58,
"EventTime":1764688329047
}`,
    },
  ],
});
