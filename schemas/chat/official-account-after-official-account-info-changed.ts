import { defineCommand } from "../define.js";
import { eventTimeMs, officialAccountId, officialAccountProfileProperties, operatorAccount } from "./official-account-fragments.js";

/**
 * The English and Chinese pages (https://trtc.io/zh/document/60797) send the same fields with the same
 * values; the Chinese page's sample lacks the commas after `FaceUrl` and `Organization`.
 */
export default defineCommand({
  command: "OfficialAccount.CallbackAfterOfficialAccountInfoChanged",
  kind: "after",
  summary: "an official account's profile was modified",
  source: "https://trtc.io/document/60797",
  schema: {
    required: ["Official_Account"],
    properties: {
      Official_Account: officialAccountId,
      Operator_Account: operatorAccount,
      ...officialAccountProfileProperties,
      EventTime: eventTimeMs,
    },
  },
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackAfterOfficialAccountInfoChanged",
"Official_Account" : "@TOA#_test_OA_for_penn",
"Operator_Account": "leckie",
"Introduction": "NewNotification",
"Name": "NewName",
"FaceUrl": "http://this.is.newface.url",
"Organization": "NewOrganization",
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/60797", zh: "https://trtc.io/zh/document/60797" },
});
