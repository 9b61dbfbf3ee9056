import { defineCommand } from "../define.js";
import { eventTime, groupId, groupType, memberList } from "./group-fragments.js";

/** The page's sample sends the group's `Name`, which its table does not list: it is accepted. */
export default defineCommand({
  command: "Group.CallbackAfterGroupDestroyed",
  kind: "after",
  summary: "a group was disbanded",
  source: "https://trtc.io/document/34377",
  schema: {
    required: ["GroupId"],
    properties: {
      GroupId: groupId,
      Type: groupType,
      Owner_Account: { type: "string", description: "UserID of the group owner" },
      Name: { type: "string", description: "group name" },
      MemberList: { ...memberList, description: "the members of the disbanded group; not sent for communities" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterGroupDestroyed",
"GroupId" : "@TGS#2J4SZEAEL",
"Type": "Public",
"Owner_Account": "leckie",
"Name": "MyFirstGroup",
"MemberList" : [
{
"Member_Account": "leckie"
},
{
"Member_Account": "peter"
},
{
"Member_Account": "bob"
}
],
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/34377", zh: "https://www.tencentcloud.com/zh/document/product/1047/34377" },
});
