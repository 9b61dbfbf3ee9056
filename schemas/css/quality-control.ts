import { defineCommand } from "../define.js";
import { cssSchema, qualityFields } from "./fragments.js";

/**
 * A quality-inspection ("Quality Control") anomaly in a live stream: its class (e.g.
 * `VideoResolutionChanged`, `AudioSampleRateChanged`) and score. From the page's field table; its
 * sample could not be read when this file was written, so the sample is written from the table:
 * compare it with the page. `t` and `sign` are in the page's common parameters but the samples of
 * its sibling pages (evaluation, 267/73167 and 267/73168) carry neither: the protocol checks them on every CSS event (see `cssSchema`). No
 * `sequence`: the idempotency key is type, stream, template, class and `event_time`.
 */
export default defineCommand({
  protocol: "css",
  command: "QualityControl",
  code: 343,
  kind: "after",
  summary: "live stream quality inspection found an anomaly",
  source: "https://www.tencentcloud.com/document/product/267/73166",
  schema: cssSchema({
    common: ["appid", "appname", "stream_id", "domain"],
    required: ["stream_id"],
    properties: {
      ...qualityFields,
      score: { type: "number", description: "the actual score" },
      function: { type: "string", description: "QualityControl" },
      class: { type: "string", description: "the anomaly, e.g. VideoResolutionChanged | AudioSampleRateChanged (the page's table lists them)" },
    },
  }),
  dedupe: ["event_type", "stream_id", "transcode_template_id", "class", "event_time"],
  sample: `{
"event_type": 343,
"appid": 1234576,
"appname": "live",
"domain": "abc.record.test.org",
"stream_id": "livestream1",
"transcode_template_id": 12345,
"watermark_template_id": 0,
"event_time": 1752130787,
"score": 1,
"function": "QualityControl",
"class": "VideoResolutionChanged",
"sign": "ac920c3e66**********78cf1b5de2c63",
"t": 1752131387
}`,
});
