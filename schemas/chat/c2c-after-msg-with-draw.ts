import { defineCommand } from "../define.js";
import { c2cPartiesProperties, eventTimeMs, unreadMsgNum } from "./sns-c2c-fragments.js";

/**
 * A one-to-one message was recalled (on a client, or through the REST API admin_msgwithdraw).
 * The English page's sample sends `UnreadMsgNum`; the Chinese page (cloud.tencent.com/document/product/269/61697)
 * sends `EventTime` instead: both are optional.
 */
export default defineCommand({
  command: "C2C.CallbackAfterMsgWithDraw",
  kind: "after",
  dedupe: ["MsgKey"],
  summary: "a one-to-one message was recalled",
  source: "https://trtc.io/document/43466",
  schema: {
    required: ["From_Account", "To_Account", "MsgKey"],
    properties: {
      ...c2cPartiesProperties,
      MsgKey: { type: "string", description: "the recalled message's unique key" },
      UnreadMsgNum: unreadMsgNum,
      EventTime: eventTimeMs,
    },
  },
  sample: `{
"CallbackCommand": "C2C.CallbackAfterMsgWithDraw",
"From_Account": "jared",
"To_Account": "Jonh",
"MsgKey": "48374_2837546_1557481126",
"UnreadMsgNum": 7
}`,
});
