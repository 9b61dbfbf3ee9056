import { defineCommand } from "../define.js";
import { eventTime, groupId } from "./group-fragments.js";

/**
 * The page gives three samples (set, delete, clear): the first is the sample, the others the variants.
 * No `MsgKey`: the message is `GroupId` + `MsgSeq`, and `Seq` versions its extensions.
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
      MsgSeq: { type: "integer", description: "sequence number of the group message" },
      OperateType: { type: "integer", description: "1 set key-value pairs | 2 delete key-value pairs | 3 clear all" },
      ExtensionList: {
        type: "array",
        description: "the key-value pairs concerned (Value empty when deleted)",
        items: {
          type: "object",
          properties: {
            Key: { type: "string" },
            Value: { type: "string" },
            Seq: { type: "integer", description: "version of this key-value pair" },
          },
        },
      },
      Seq: { type: "integer", description: "latest version of the message's extensions" },
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
  variants: [
    `{
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
    `{
"CallbackCommand": "Group.CallbackAfterGroupMsgExtension",
"GroupId":"test",
"MsgSeq":10,
"OperateType":3,
"ExtensionList":[],
"Seq":58,
"EventTime":1764688329047
}`,
  ],
});
