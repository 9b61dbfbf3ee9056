import { defineCommand } from "../define.js";
import { eventTimeMs, officialAccountId } from "./official-account-fragments.js";

export default defineCommand({
  command: "OfficialAccount.CallbackAfterMsgWithDraw",
  kind: "after",
  summary: "official account messages were recalled",
  source: "https://trtc.io/document/60805",
  schema: {
    required: ["Official_Account", "WithdrawMsgList"],
    properties: {
      Official_Account: officialAccountId,
      WithdrawMsgList: {
        type: "array",
        description: "the recalled messages",
        items: { type: "object", properties: { MsgKey: { type: "string" } } },
      },
      EventTime: eventTimeMs,
    },
  },
  sample: `{
"CallbackCommand":"OfficialAccount.CallbackAfterMsgWithDraw",
"Official_Account":"#TOA#_123",
"WithdrawMsgList":[
{
"MsgKey":"71_1_1698741698"
}
],
"EventTime": 1670574414123
}`,
  pages: { en: "https://trtc.io/document/60805" },
});
