import { defineCommand } from "../define.js";
import { eventTime, groupOperationProperties, memberList, userDefinedDataList } from "./group-fragments.js";

/** The page's table calls the group field `groupID`; its sample (followed here) sends `GroupId`. */
export default defineCommand({
  command: "Group.CallbackAfterCreateGroup",
  kind: "after",
  summary: "a group was created",
  source: "https://trtc.io/document/34369",
  schema: {
    required: ["GroupId"],
    properties: {
      ...groupOperationProperties,
      Owner_Account: { type: "string", description: "UserID of the group owner" },
      Name: { type: "string", description: "group name" },
      Introduction: { type: "string", description: "group introduction (only the Chinese page documents it)" },
      Notification: { type: "string", description: "group notice (only the Chinese page documents it)" },
      MemberList: { ...memberList, description: "initial members" },
      UserDefinedDataList: { ...userDefinedDataList, description: "custom group fields set at creation" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterCreateGroup",
"GroupId" : "@TGS#2J4SZEAEL",
"Operator_Account": "group_root",
"Owner_Account": "leckie",
"Type": "Public",
"Name": "MyFirstGroup",
"MemberList": [
{
"Member_Account": "bob"
},
{
"Member_Account": "peter"
}
],
"UserDefinedDataList": [
{
"Key": "UserDefined1",
"Value": "hello"
},
{
"Key": "UserDefined2",
"Value": "world"
}
],
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/34369", zh: "https://www.tencentcloud.com/zh/document/product/1047/34369" },
  variants: [
    {
      source: "https://www.tencentcloud.com/zh/document/product/1047/34369",
      note: "the Chinese page's sample, with Introduction and Notification",
      text: `{
"CallbackCommand": "Group.CallbackAfterCreateGroup",
"GroupId" : "@TGS#2J4SZEAEL",
"Operator_Account": "group_root",
"Owner_Account": "leckie",
"Type": "Public",
"Name": "MyFirstGroup",
"Introduction" : "introduction",
"Notification" : "notification",
"MemberList": [
{
"Member_Account": "bob"
},
{
"Member_Account": "peter"
}
],
"UserDefinedDataList": [
{
"Key": "UserDefined1",
"Value": "hello"
},
{
"Key": "UserDefined2",
"Value": "world"
}
],
"EventTime":"1670574414123"
}`,
    },
  ],
  disagreements: [
    {
      field: "Introduction",
      en: { url: "https://trtc.io/document/34369", says: "not sent: neither the sample nor the table has it" },
      zh: { url: "https://www.tencentcloud.com/zh/document/product/1047/34369", says: "String, the group introduction (sample and table)" },
      resolution: "optional",
    },
    {
      field: "Notification",
      en: { url: "https://trtc.io/document/34369", says: "not sent: neither the sample nor the table has it" },
      zh: { url: "https://www.tencentcloud.com/zh/document/product/1047/34369", says: "String, the group notice (sample and table)" },
      resolution: "optional",
    },
  ],
});
