import { defineCommand } from "../define.js";
import { c2cPartiesProperties, eventTimeMs } from "./sns-c2c-fragments.js";

/**
 * A user sent read receipts for one-to-one messages (a client, or the REST API). The sample's
 * comments are removed. The messages are a list, so no single `MsgKey` names the callback: it is
 * identified by who sent the receipts, to whom, and when.
 */
export default defineCommand({
  command: "C2C.CallbackAfterMsgReadReceipt",
  kind: "after",
  summary: "one-to-one messages got a read receipt",
  source: "https://cloud.tencent.com/document/product/269/128223",
  dedupe: ["Operator_Account", "Peer_Account", "EventTime"],
  schema: {
    required: ["Operator_Account", "Peer_Account"],
    properties: {
      Operator_Account: { type: "string", description: "the user who sent the read receipts" },
      Peer_Account: { type: "string", description: "the other user of the conversation" },
      C2CMsgInfo: {
        type: "array",
        description: "the messages marked as read",
        items: {
          type: "object",
          properties: {
            ...c2cPartiesProperties,
            MsgKey: { type: "string", description: "unique message key (MsgSeq_MsgRandom_MsgTime)" },
            MsgId: { type: "string", description: "the message's client-side unique ID" },
          },
        },
      },
      EventTime: { ...eventTimeMs, description: "when the receipt was sent, milliseconds since the epoch" },
    },
  },
  sample: `{
"CallbackCommand": "C2C.CallbackAfterMsgReadReceipt",
"Operator_Account": "jared",
"Peer_Account": "Jonh",
"C2CMsgInfo": [
{
"From_Account": "Jonh",
"To_Account": "jared",
"MsgKey": "33973751_24064952_1769139583",
"MsgId": "144115433090395387-1769139578-24064952"
}
],
"EventTime": 1769139587754
}`,
  pages: { zh: "https://cloud.tencent.com/document/product/269/128223" },
});
