import { defineCommand } from "../define.js";
import { groupId, groupType } from "./group-fragments.js";

/**
 * The page's table types `TopicIdList` as a String; its sample (followed here) sends an array of strings.
 * The Chinese page (https://trtc.io/zh/document/49465) has the same sample.
 */
export default defineCommand({
  command: "Group.CallbackAfterTopicDestroyed",
  kind: "after",
  summary: "topics of a community were deleted",
  source: "https://trtc.io/document/49465",
  schema: {
    required: ["GroupId", "TopicIdList"],
    properties: {
      GroupId: groupId,
      Type: groupType,
      TopicIdList: { type: "array", items: { type: "string" }, description: "the deleted topics" },
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterTopicDestroyed",
"GroupId": "@TGS#_@TGS#cQVLVHIM62CJ",
"Type": "Community",
"TopicIdList":[
"@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic",
"@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic_1"
]
}`,
  pages: { en: "https://trtc.io/document/49465", zh: "https://trtc.io/zh/document/49465" },
});
