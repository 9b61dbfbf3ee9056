import { defineCommand } from "../define.js";
import { officialAccountCreationProperties, officialAccountId } from "./official-account-fragments.js";

export default defineCommand({
  command: "OfficialAccount.CallbackAfterCreateOfficialAccount",
  kind: "after",
  summary: "an official account was created",
  source: "https://trtc.io/document/60796",
  schema: {
    required: ["Official_Account"],
    properties: {
      Official_Account: officialAccountId,
      ...officialAccountCreationProperties,
    },
  },
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackAfterCreateOfficialAccount",
"Official_Account" : "@TOA#_test_OA_for_penn",
"Operator_Account": "107867",
"Owner_Account": "107867",
"Name": "TestOfficialAccount",
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/60796", zh: "https://trtc.io/zh/document/60796" },
});
