import { defineCommand } from "../define.js";
import { subscriberChangeProperties } from "./official-account-fragments.js";

/**
 * Users are about to subscribe to an official account; the reply decides. ErrorCode 0 lets the request
 * go on, minus the users listed in an optional `RefusedSubscribers_Account` array; 1 refuses it all.
 * (The page's prose names the list `RefusedMembers_Account`, its sample and table
 * `RefusedSubscribers_Account`: the table is followed.) The page says nothing about timeouts; the
 * Webhook Overview (https://trtc.io/document/34354) makes going ahead the default.
 */
export default defineCommand({
  command: "OfficialAccount.CallbackBeforeAddSubscriber",
  kind: "before",
  reply: "subscriber",
  onTimeout: "allow",
  summary: "users are about to subscribe to an official account",
  source: "https://trtc.io/document/60799",
  schema: {
    required: ["Official_Account", "SubscribeAccountList"],
    properties: subscriberChangeProperties,
  },
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackBeforeAddSubscriber",
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
  pages: { en: "https://trtc.io/document/60799", zh: "https://trtc.io/zh/document/60799" },
});
