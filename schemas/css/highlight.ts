import { defineCommand } from "../define.js";
import { cssSchema, objects } from "./fragments.js";

/**
 * Smart highlight clips cut from a live stream: each item's period, title, summary, video and cover.
 * From the page's field table; the sample starts as the page's (its first fields and first item's
 * period and title) and, the rest not being readable when this file was written, is completed from
 * the table: compare it with the page. Like the summary event (348, 267/74671) the sample has no `t`
 * or `sign`: the protocol checks them on every CSS event (see `cssSchema`). The idempotency key is type, stream and the first clip's period.
 */
export default defineCommand({
  protocol: "css",
  command: "Highlight",
  code: 349,
  kind: "after",
  summary: "smart highlight clips were cut from a live stream",
  source: "https://www.tencentcloud.com/document/product/267/74672",
  schema: cssSchema({
    common: ["appid", "domain", "path", "stream_id"],
    required: ["stream_id"],
    properties: {
      items: objects(
        {
          begin_time: { type: "integer", description: "Unix seconds: start of the clip" },
          end_time: { type: "integer", description: "Unix seconds: end of the clip" },
          title: { type: "string" },
          summary: { type: "string" },
          video_store_url: { type: "string", description: "URL of the clip's video" },
          cov_img_store_url: { type: "string", description: "URL of the clip's cover image" },
          key_words: { type: "array", items: { type: "string" } },
        },
        "the highlight clips",
      ),
    },
  }),
  dedupe: ["event_type", "stream_id", "items.0.begin_time", "items.0.end_time"],
  sample: `{
"event_type": 349,
"appid": 1234,
"domain": "your.livepush.myqcloud.com",
"path": "highlight",
"stream_id": "test1820",
"items": [
{
"begin_time": 1761128808,
"end_time": 1761128834,
"title": "Bed sheets on flash sale, price reduced by 25 yuan!",
"summary": "The live streamer bargained down the price of XX Province coarse cloth bed sheets to 25 yuan.",
"video_store_url": "https://example.vod.myqcloud.com/highlight/test1820_1761128808.mp4",
"cov_img_store_url": "https://example.vod.myqcloud.com/highlight/test1820_1761128808.jpg",
"key_words": [
"bed sheets",
"flash sale"
]
}
]
}`,
});
