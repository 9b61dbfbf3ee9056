import { defineCommand } from "../define.js";
import { chatbotC2CMessageProperties } from "./official-account-fragments.js";

/**
 * The app sent custom pass-through content (`Data`) to a chatbot, and the reply answers it: the
 * reply's `RspData` goes back to the chatbot (https://cloud.tencent.com/document/product/269/103730),
 * so this is a request-reply callback — a handler returns `allow({ RspData })`. `RspData` is typed as
 * a string, like the `Data` it answers (often JSON text). When the handlers fail or are late, the
 * reply is OK without `RspData` (`onTimeout: "allow"`: the chatbot gets no answer, Tencent does not
 * resend); `onDecisionFailure` can choose a refusal instead.
 */
export default defineCommand({
  command: "Chatbot.OnC2CSignalMessage",
  kind: "before",
  reply: "signal",
  onTimeout: "allow",
  summary: "an app sent custom pass-through content to a chatbot; the reply's RspData answers it",
  source: "https://www.tencentcloud.com/document/product/1047/59057",
  dedupe: ["MsgKey"],
  schema: {
    required: ["From_Account", "To_Account"],
    properties: {
      ...chatbotC2CMessageProperties,
      Data: { type: "string", description: "the data field of the custom pass-through content (often JSON text)" },
    },
  },
  sample: `{
"CallbackCommand": "Chatbot.OnC2CSignalMessage",
"From_Account": "user01",
"To_Account": "@RBT#chatbot",
"MsgSeq": 5678,
"MsgRandom": 8765,
"MsgKey": "8765_5678_4321",
"EventTime": 1670574414123,
"Data": "{\\"msg\\":\\"This is a user-defined passthrough content\\"}"
}`,
  pages: { en: "https://www.tencentcloud.com/document/product/1047/59057" },
});
