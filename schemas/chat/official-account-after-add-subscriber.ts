import { defineCommand } from "../define.js";
import { subscriberChangeProperties } from "./official-account-fragments.js";

export default defineCommand({
  command: "OfficialAccount.CallbackAfterAddSubscriber",
  kind: "after",
  summary: "users subscribed to an official account",
  source: "https://trtc.io/document/60800",
  schema: {
    required: ["Official_Account", "SubscribeAccountList"],
    properties: subscriberChangeProperties,
  },
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackAfterAddSubscriber",
"Official_Account": "@TOA#_test_for_penn",
"Operator_Account": "107867",
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
  pages: { en: "https://trtc.io/document/60800" },
});
