import { defineCommand } from "../define.js";
import { eventTimeMs, unreadMsgNum } from "./sns-c2c-fragments.js";

/**
 * A user marked a one-to-one conversation as read (on a client, or through the REST API admin_set_msg_read).
 * As for the recall callback, the mainland Chinese page (cloud.tencent.cn 269/61696) sends `EventTime`
 * where the English page and tencentcloud.com/zh send `UnreadMsgNum`: both optional.
 */
export default defineCommand({
  command: "C2C.CallbackAfterMsgReport",
  kind: "after",
  summary: "a one-to-one conversation was marked as read",
  source: "https://trtc.io/document/43465",
  schema: {
    required: ["Report_Account", "Peer_Account"],
    properties: {
      Report_Account: { type: "string", description: "the user who marked the conversation as read" },
      Peer_Account: { type: "string", description: "the other user of the conversation" },
      LastReadTime: { type: "integer", description: "the read time, seconds since the epoch" },
      UnreadMsgNum: unreadMsgNum,
      EventTime: eventTimeMs,
    },
  },
  sample: `{
"CallbackCommand": "C2C.CallbackAfterMsgReport",
"Report_Account": "jared",
"Peer_Account": "Jonh",
"LastReadTime": 1614754606,
"UnreadMsgNum": 7
}`,
  pages: { en: "https://trtc.io/document/43465", zh: "https://cloud.tencent.cn/document/product/269/61696" },
  variants: [
    {
      source: "https://cloud.tencent.cn/document/product/269/61696",
      note: "the mainland Chinese page's sample: EventTime instead of UnreadMsgNum",
      text: `{
"CallbackCommand": "C2C.CallbackAfterMsgReport",
"Report_Account": "jared",
"Peer_Account": "Jonh",
"LastReadTime": 1614754606,
"EventTime": 1670574414123
}`,
    },
  ],
  disagreements: [
    {
      field: "UnreadMsgNum",
      en: {
        url: "https://trtc.io/document/43465",
        says: "UnreadMsgNum: Integer, the reporter's unread one-to-one messages (also on tencentcloud.com/zh 1047/43465)",
      },
      zh: { url: "https://cloud.tencent.cn/document/product/269/61696", says: "no UnreadMsgNum; EventTime: Integer, milliseconds" },
      resolution: "both optional and typed",
    },
  ],
});
