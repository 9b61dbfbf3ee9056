import { defineCommand } from "../define.js";
import { eventTime, profileChangeProperties, userDefinedDataList } from "./group-fragments.js";

/**
 * Only the changed fields are sent. The current page documents the basic fields only; an earlier
 * revision of the same page (https://intl.cloud.tencent.com/document/product/1047/34378) also documents
 * `UserDefinedDataList` for changed custom fields, with its sample kept as the variant.
 */
export default defineCommand({
  command: "Group.CallbackAfterGroupInfoChanged",
  kind: "after",
  summary: "a group's profile changed",
  source: "https://trtc.io/document/34378",
  schema: {
    required: ["GroupId"],
    properties: {
      ...profileChangeProperties,
      UserDefinedDataList: { ...userDefinedDataList, description: "changed custom group fields" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterGroupInfoChanged",
"GroupId" : "@TGS#2J4SZEAEL",
"Type": "Public",
"Operator_Account": "leckie",
"Notification": "NewNotification",
"EventTime":"1670574414123"
}`,
  variants: [
    {
      source: "https://intl.cloud.tencent.com/document/product/1047/34378",
      note: "an earlier revision of the page, which also sends UserDefinedDataList",
      text: `{
"CallbackCommand": "Group.CallbackAfterGroupInfoChanged",
"GroupId" : "@TGS#2J4SZEAEL",
"Type": "Public",
"Operator_Account": "leckie",
"Name": "NewGroupName",
"Introduction": "NewIntroduction",
"Notification": "NewNotification",
"FaceUrl": "NewFaceUrl",
"UserDefinedDataList": [
{
"Key": "UserDefinedKey1",
"Value": "UserDefinedValue1"
},
{
"Key": "UserDefinedKey2",
"Value": "UserDefinedValue2"
},
{
"Key": "UserDefinedKey3",
"Value": "UserDefinedValue3"
}
]
}`,
    },
  ],
  pages: { en: "https://trtc.io/document/34378" },
});
