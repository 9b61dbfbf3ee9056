import { defineCommand } from "../define.js";
import { profileChangeProperties } from "./group-fragments.js";

/**
 * Only the changed fields are sent. The page documents no topic ID: `GroupId` is "the group ID of the
 * changed topic profile".
 */
export default defineCommand({
  command: "Group.CallbackAfterTopicInfoChanged",
  kind: "after",
  summary: "a topic's profile changed",
  source: "https://trtc.io/document/49466",
  schema: {
    required: ["GroupId"],
    properties: profileChangeProperties,
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterTopicInfoChanged",
"GroupId" : "@TGS#2J4SZEAEL",
"Type": "Community",
"Operator_Account": "leckie",
"Name":	"TestTopic",
"Introduction": "TestIntroduction",
"Notification": "NewNotification",
"FaceUrl": "http://this.is.face.url"
}`,
  pages: { en: "https://trtc.io/document/49466", zh: "https://www.tencentcloud.com/zh/document/product/1047/49466" },
});
