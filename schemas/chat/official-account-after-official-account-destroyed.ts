import { defineCommand } from "../define.js";
import { officialAccountId, officialAccountOwnerProperties } from "./official-account-fragments.js";

export default defineCommand({
  command: "OfficialAccount.CallbackAfterOfficialAccountDestroyed",
  kind: "after",
  summary: "an official account was destroyed",
  source: "https://trtc.io/document/60798",
  schema: {
    required: ["Official_Account"],
    properties: {
      Official_Account: officialAccountId,
      ...officialAccountOwnerProperties,
    },
  },
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackAfterOfficialAccountDestroyed",
"Official_Account" : "@TOA#_test_OA_for_penn",
"Owner_Account": "107867",
"Name": "TestOfficialAccount",
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/60798" },
});
