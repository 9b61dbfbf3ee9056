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
  pages: { en: "https://trtc.io/document/43466", zh: "https://cloud.tencent.cn/document/product/269/61697" },
  variants: [
    {
      source: "https://cloud.tencent.cn/document/product/269/61697",
      note: "the mainland Chinese page's sample: EventTime instead of UnreadMsgNum",
      text: `{
"CallbackCommand": "C2C.CallbackAfterMsgWithDraw",
"From_Account": "jared",
"To_Account": "Jonh",
"MsgKey": "48374_2837546_1557481126",
"EventTime": 1670574414123
}`,
    },
  ],
  disagreements: [
    {
      field: "UnreadMsgNum",
      en: {
        url: "https://trtc.io/document/43466",
        says: "UnreadMsgNum: Integer, the recipient's unread one-to-one messages (also on tencentcloud.com/zh 1047/43466)",
      },
      zh: { url: "https://cloud.tencent.cn/document/product/269/61697", says: "no UnreadMsgNum; EventTime: Integer, milliseconds" },
      resolution: "both optional: read payload.UnreadMsgNum and payload.EventTime as either may be missing",
    },
  ],
});
