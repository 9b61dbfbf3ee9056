import { defineCommand } from "../define.js";
import { eventTime, groupOperationProperties, memberList } from "./group-fragments.js";

export default defineCommand({
  command: "Group.CallbackAfterNewMemberJoin",
  kind: "after",
  summary: "users joined a group",
  source: "https://trtc.io/document/34372",
  schema: {
    required: ["GroupId", "NewMemberList"],
    properties: {
      ...groupOperationProperties,
      JoinType: { type: "string", description: "Apply (joined on request) | Invited (joined by invitation)" },
      NewMemberList: { ...memberList, description: "the new members" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterNewMemberJoin",
"GroupId" : "@TGS#2J4SZEAEL",
"Type": "Public",
"JoinType": "Apply",
"Operator_Account": "leckie",
"NewMemberList": [
{
"Member_Account": "jared"
},
{
"Member_Account": "tommy"
}
],
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/34372" },
});
