import { defineCommand } from "../define.js";
import { cssSchema } from "./fragments.js";

/**
 * A generated summary of a stretch of a live stream. The page lists `t` and `sign` among the common
 * parameters but its sample has neither: the protocol checks them on every CSS event (see `cssSchema`). No
 * `sequence`: the idempotency key is type, stream and the summarised period.
 */
export default defineCommand({
  protocol: "css",
  command: "Summary",
  code: 348,
  kind: "after",
  summary: "a live streaming summary was generated",
  source: "https://www.tencentcloud.com/document/product/267/74671",
  schema: cssSchema({
    common: ["appid", "domain", "path", "stream_id"],
    required: ["stream_id"],
    properties: {
      begin_time: { type: "integer", description: "Unix seconds: start of the summarised period" },
      end_time: { type: "integer", description: "Unix seconds: end of the summarised period" },
      title: { type: "string" },
      summary: { type: "string" },
      key_words: { type: "array", items: { type: "string" } },
      key_points: { type: "array", items: { type: "string" } },
    },
  }),
  dedupe: ["event_type", "stream_id", "begin_time", "end_time"],
  sample: `{
"event_type": 348,
"appid": 1234,
"domain": "your.livepush.myqcloud.com",
"path": "live",
"stream_id": "test1820",
"begin_time": 1761211980,
"end_time": 1761212541,
"title": "Live broadcast promoting coarse cloth bedding from XX province",
"summary": "This live broadcast mainly introduced the promotional activities of traditional coarse cloth bedding products from XX Province, including sheets, duvet covers, pillowcases and other products. It emphasized the characteristics of Xinjiang cotton material, breathability and moisture absorption, no pilling and no fading, and offered significant price discounts.",
"key_points": [
"Product Features and Material Introduction",
"Promotional activities and price discounts"
],
"key_words": [
"three piece set",
"Shandong coarse cloth",
"bedding promotion",
"Xinjiang cotton"
]
}`,
});
