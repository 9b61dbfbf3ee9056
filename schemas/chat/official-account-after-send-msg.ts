import { defineCommand } from "../define.js";
import { msgKey, msgTimeSeconds, officialAccountMessageProperties } from "./official-account-fragments.js";

export default defineCommand({
  command: "OfficialAccount.CallbackAfterSendMsg",
  kind: "after",
  summary: "an official account message was broadcast",
  source: "https://trtc.io/document/60804",
  schema: {
    required: ["Official_Account", "MsgKey"],
    properties: { ...officialAccountMessageProperties, MsgKey: msgKey, MsgTime: msgTimeSeconds },
  },
  dedupe: ["MsgKey"],
  sample: `{
"CallbackCommand": "OfficialAccount.CallbackAfterSendMsg",
"Official_Account": "@TOA#_2J4SZEAEL",
"MsgKey": "71_1_1698741698",
"MsgTime": 1490686222,
"OnlineOnlyFlag": 1,
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent": {
"Text": "red packet"
}
}
],
"CloudCustomData": "your cloud custom data",
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/60804", zh: "https://cloud.tencent.com/document/product/269/102324" },
});
