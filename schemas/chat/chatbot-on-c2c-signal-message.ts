import { defineCommand } from "../define.js";
import { chatbotC2CMessageProperties } from "./official-account-fragments.js";

export default defineCommand({
  command: "Chatbot.OnC2CSignalMessage",
  kind: "after",
  summary: "an app sent custom pass-through content to a chatbot",
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
});
