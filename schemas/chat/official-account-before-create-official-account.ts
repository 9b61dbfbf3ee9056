import { defineCommand } from "../define.js";
import { officialAccountCreationProperties } from "./official-account-fragments.js";

/**
 * An official account is about to be created through the REST API; the reply decides. ErrorCode 0
 * allows, 1 refuses (the caller gets error 20006), a code in [120001, 130000] refuses and reaches the
 * caller with ErrorInfo. The page says nothing about timeouts; the Webhook Overview
 * (https://trtc.io/document/34354) makes going ahead the default when a before callback times out.
 */
export default defineCommand({
  command: "OfficialAccount.CallbackBeforeCreateOfficialAccount",
  kind: "before",
  reply: "plain",
  onTimeout: "allow",
  summary: "an official account is about to be created",
  source: "https://trtc.io/document/60795",
  schema: {
    required: ["Name"],
    properties: officialAccountCreationProperties,
  },
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackBeforeCreateOfficialAccount",
"Operator_Account": "107867",
"Owner_Account": "107867",
"Name": "TestOfficialAccount",
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/60795" },
});
