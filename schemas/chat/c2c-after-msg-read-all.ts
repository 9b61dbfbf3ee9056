import { defineCommand } from "../define.js";
import { msgSeq } from "./group-fragments.js";
import { eventTimeMs } from "./sns-c2c-fragments.js";

/**
 * A user cleared all unread messages, one-to-one and group ("清除全部未读消息", one command for
 * both). `GroupReadInfo` lists the groups concerned with the `MsgSeq` the request gave.
 */
export default defineCommand({
  command: "C2C.CallbackAfterMsgReadAll",
  kind: "after",
  summary: "a user cleared all unread messages (one-to-one and group)",
  source: "https://cloud.tencent.com/document/product/269/128225",
  dedupe: ["Report_Account", "EventTime"],
  schema: {
    required: ["Report_Account"],
    properties: {
      Report_Account: { type: "string", description: "the user who cleared their unread messages" },
      EventTime: eventTimeMs,
      GroupReadInfo: {
        type: "array",
        description: "the groups whose unread messages were cleared",
        items: {
          type: "object",
          properties: {
            GroupId: { type: "string" },
            MsgSeq: { ...msgSeq, description: "the group message sequence number given in the request" },
          },
        },
      },
    },
  },
  sample: `{
"CallbackCommand": "C2C.CallbackAfterMsgReadAll",
"Report_Account": "Jonh",
"EventTime": 1769773302575,
"GroupReadInfo": [
{
"GroupId": "groupid",
"MsgSeq": 100
}
]
}`,
  pages: { zh: "https://cloud.tencent.com/document/product/269/128225" },
});
