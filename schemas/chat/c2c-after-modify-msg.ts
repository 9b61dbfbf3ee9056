import { defineCommand } from "../define.js";
import { messageContentProperties } from "./fragments.js";
import { c2cMessageIdentityProperties, eventTimeMs } from "./sns-c2c-fragments.js";

/**
 * A one-to-one message was edited (on a client, or through the REST API that modifies one-to-one
 * history messages); the body carries the message as edited. One message can be edited many
 * times, so a callback is identified by `MsgKey` together with `EventTime`.
 */
export default defineCommand({
  command: "C2C.CallbackAfterModifyMsg",
  kind: "after",
  dedupe: ["MsgKey", "EventTime"],
  summary: "a one-to-one message was edited",
  source: "https://cloud.tencent.com/document/product/269/128224",
  schema: {
    required: ["From_Account", "To_Account", "MsgKey"],
    properties: {
      ...messageContentProperties,
      Operator_Account: { type: "string", description: "the user who edited the message" },
      ...c2cMessageIdentityProperties,
      EventTime: eventTimeMs,
    },
  },
  sample: `{
"CloudCustomData": "1769772027",
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent": {
"Text": "2026-01-30T11:20:26.548Z"
}
}
],
"CallbackCommand": "C2C.CallbackAfterModifyMsg",
"Operator_Account": "jared",
"From_Account": "jared",
"To_Account": "Jonh",
"MsgRandom": 690,
"MsgSeq": 609,
"MsgTime": 1769771529,
"MsgKey": "609_690_1769771529",
"EventTime": 1769772027036
}`,
  pages: { zh: "https://cloud.tencent.com/document/product/269/128224" },
});
