import { defineCommand } from "../define.js";
import { eventTime, groupOperationProperties } from "./group-fragments.js";

/**
 * The two pages name the changed member differently: `Member_Account` (English) or `Modified_Account`
 * (Chinese, https://cloud.tencent.com/document/product/269/105353). Both are accepted and both are
 * optional: read `payload.Member_Account ?? payload.Modified_Account`.
 */
export default defineCommand({
  command: "Group.CallbackAfterMemberFieldChanged",
  kind: "after",
  summary: "a group member's profile (role, name card) changed",
  source: "https://trtc.io/document/60393",
  schema: {
    required: ["GroupId"],
    properties: {
      ...groupOperationProperties,
      Member_Account: { type: "string", description: "UserID of the member whose profile changed (the English page's name)" },
      Modified_Account: { type: "string", description: "UserID of the member whose profile changed (the Chinese page's name)" },
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
  pages: { en: "https://trtc.io/document/60393", zh: "https://cloud.tencent.com/document/product/269/105353" },
  variants: [
    {
      source: "https://cloud.tencent.com/document/product/269/105353",
      note: "the sample with the member named as the Chinese page names it, Modified_Account",
      text: `{
"CallbackCommand": "Group.CallbackAfterMemberFieldChanged",
"GroupId": "@TGS#xxxx",
"Type": "Community",
"Operator_Account": "admin",
"Modified_Account": "123456",
"Role": "Admin",
"NameCard": "jacky",
"EventTime":"1670574414123"
}`,
    },
  ],
  disagreements: [
    {
      field: "Member_Account",
      en: { url: "https://trtc.io/document/60393", says: "Member_Account: String, the UserID of the member whose profile changed" },
      zh: { url: "https://cloud.tencent.com/document/product/269/105353", says: "Modified_Account: String, the UserID of the member whose profile changed" },
      resolution: "both accepted, both optional: payload.Member_Account ?? payload.Modified_Account",
    },
  ],
});
