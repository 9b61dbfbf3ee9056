import { defineCommand } from "../define.js";
import { eventTime, groupOperationProperties } from "./group-fragments.js";

export default defineCommand({
  command: "Group.CallbackAfterMemberFieldChanged",
  kind: "after",
  summary: "a group member's profile (role, name card) changed",
  source: "https://trtc.io/document/60393",
  schema: {
    required: ["GroupId", "Member_Account"],
    properties: {
      ...groupOperationProperties,
      Member_Account: { type: "string", description: "UserID of the member whose profile changed" },
      Role: { type: "string", description: "new role: Admin (made an admin) | Member (admin revoked)" },
      NameCard: { type: "string", description: "new group name card" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterMemberFieldChanged",
"GroupId": "@TGS#xxxx",
"Type": "Community",
"Operator_Account": "admin",
"Member_Account": "123456",
"Role": "Admin",
"NameCard": "jacky",
"EventTime":"1670574414123"
}`,
});
