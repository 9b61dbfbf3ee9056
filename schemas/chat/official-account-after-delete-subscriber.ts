import { defineCommand } from "../define.js";
import { subscriberChangeProperties } from "./official-account-fragments.js";

export default defineCommand({
  command: "OfficialAccount.CallbackAfterDeleteSubscriber",
  kind: "after",
  summary: "users unsubscribed from an official account",
  source: "https://trtc.io/document/60802",
  schema: {
    required: ["Official_Account", "SubscribeAccountList"],
    properties: subscriberChangeProperties,
  },
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackAfterDeleteSubscriber",
"Official_Account" : "@TOA#_test_OA_for_penn",
"Operator_Account": "leckie",
"SubscribeAccountList": [
{
"Subscriber_Account": "jared"
},
{
"Subscriber_Account": "leckie"
}
],
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/60802", zh: "https://trtc.io/zh/document/60802" },
});
