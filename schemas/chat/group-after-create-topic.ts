import { defineCommand } from "../define.js";
import { groupOperationProperties, topicId, userDefinedDataList } from "./group-fragments.js";

export default defineCommand({
  command: "Group.CallbackAfterCreateTopic",
  kind: "after",
  summary: "a topic was created in a community",
  source: "https://trtc.io/document/49464",
  schema: {
    required: ["GroupId", "TopicId"],
    properties: {
      ...groupOperationProperties,
      TopicId: { ...topicId, description: "the new topic" },
      Owner_Account: { type: "string", description: "UserID of the group owner" },
      Name: { type: "string", description: "topic name" },
      UserDefinedDataList: { ...userDefinedDataList, description: "custom topic fields set at creation" },
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterCreateTopic",
"GroupId" : "@TGS#2J4SZEAEL",
"TopicId"	: "@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_@TOPIC#cRTE3HIM62C5",
"Operator_Account": "group_root",
"Owner_Account": "leckie",
"Type": "Community",
"Name": "MyFirstTopic",
"UserDefinedDataList": [
{
"Key": "UserDefined1",
"Value": "hello"
},
{
"Key": "UserDefined2",
"Value": "world"
}
]
}`,
  pages: { en: "https://trtc.io/document/49464", zh: "https://trtc.io/zh/document/49464" },
});
