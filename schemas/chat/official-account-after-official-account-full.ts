import { defineCommand } from "../define.js";
import { eventTimeMs, officialAccountId } from "./official-account-fragments.js";

export default defineCommand({
  command: "OfficialAccount.CallbackAfterOfficialAccountFull",
  kind: "after",
  summary: "an official account reached its subscriber limit",
  source: "https://trtc.io/document/60801",
  schema: {
    required: ["Official_Account"],
    properties: {
      Official_Account: officialAccountId,
      EventTime: eventTimeMs,
    },
  },
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackAfterOfficialAccountFull",
"Official_Account" : "@TOA#_test_OA_for_penn",
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/60801" },
});
