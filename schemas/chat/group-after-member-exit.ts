import { defineCommand } from "../define.js";
import { eventTime, groupOperationProperties, memberList } from "./group-fragments.js";

export default defineCommand({
  command: "Group.CallbackAfterMemberExit",
  kind: "after",
  summary: "members left or were removed from a group",
  source: "https://trtc.io/document/34373",
  schema: {
    required: ["GroupId", "ExitMemberList"],
    properties: {
      ...groupOperationProperties,
      ExitType: { type: "string", description: "Kicked (removed from the group) | Quit (left the group)" },
      ExitMemberList: { ...memberList, description: "the members who left" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterMemberExit",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Public",
"ExitType": "Kicked",
"Operator_Account": "leckie",
"ExitMemberList": [
{
"Member_Account": "jared"
},
{
"Member_Account": "tommy"
}
],
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/34373", zh: "https://www.tencentcloud.com/zh/document/product/1047/34373" },
});
