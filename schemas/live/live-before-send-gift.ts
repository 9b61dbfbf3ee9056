import { defineCommand } from "../define.js";
import { roomOperationProperties } from "./fragments.js";

/**
 * Sources: https://trtc.io/document/72210 (= tencentcloud.com/document/product/647/72210) and
 * https://cloud.tencent.com/document/product/647/121916 (same sample). A "before" callback: a non-zero
 * `ErrorCode` blocks the gift, and so does no reply within 2 s, unless the app turned on
 * `Live.CallbackBeforeCallBackNotBlock`. The page: "0 means agree, 1 means reject; the error codes
 * that can be passed through to the client are [102100, 102200]". The sample has no `EventTime`;
 * `GiftWater.Time` is in seconds, `Coins` is the value of one gift.
 */
export default defineCommand({
  command: "Live.CallbackBeforeSendGift",
  kind: "before",
  reply: "gift",
  onTimeout: "block",
  summary: "a viewer is about to send a gift; the reply decides",
  source: "https://trtc.io/document/72210",
  schema: {
    required: ["RoomId", "GiftWater"],
    properties: {
      ...roomOperationProperties,
      GiftWater: {
        type: "object",
        description: "the gift about to be sent",
        properties: {
          From_Account: { type: "string", description: "the sender" },
          To_Account: { type: "array", items: { type: "string" }, description: "the recipients" },
          Time: { type: "integer", description: "seconds since the epoch" },
          GiftId: { type: "string" },
          Count: { type: "integer", description: "how many gifts" },
          Coins: { type: "integer", description: "value of one gift" },
        },
      },
      EventTime: { type: "integer", description: "milliseconds since the epoch (not in the page's sample)" },
    },
  },
  sample: `{
"CallbackCommand": "Live.CallbackBeforeSendGift",
"Operator_Account": "brennanli",
"RoomId":"room_id",
"GiftWater": {
"From_Account": "from",
"To_Account": ["to1"],
"Time": 1703589922,
"GiftId": "gift1",
"Count": 1,
"Coins": 1000
}
}`,
  pages: { en: "https://trtc.io/document/72210" },
});
