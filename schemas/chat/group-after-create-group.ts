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
});
