import { defineCommand } from "../define.js";
import { cssSchema, evaluationFields, qualityFields } from "./fragments.js";

/**
 * Frames that scored below the configured evaluation threshold. The page lists `t` and `sign` among
 * the common parameters but its sample has neither: the protocol checks them on every CSS event (see `cssSchema`),
 * the sample shows the event's own fields. No `sequence`: the idempotency key is type, stream, template, class and `event_time`.
 */
export default defineCommand({
  protocol: "css",
  command: "Evaluation",
  code: 344,
  kind: "after",
  summary: "stream quality fell below an evaluation threshold",
  source: "https://www.tencentcloud.com/document/product/267/73167",
  schema: cssSchema({
    common: ["appid", "appname", "stream_id", "domain"],
    required: ["stream_id"],
    properties: {
      ...qualityFields,
      ...evaluationFields,
    },
  }),
  dedupe: ["event_type", "stream_id", "transcode_template_id", "class", "event_time"],
  sample: `{
"event_type": 344,
"appid": 1234576,
"appname": "live",
"domain": "abc.record.test.org",
"stream_id": "livestream1",
"transcode_template_id": 12345,
"event_time": 1752130787,
"frames": [
{
"score": 22.78,
"time": 1752130785280
},
{
"score": 32.75,
"time": 1752130786281
}
],
"function": "Assessment",
"class": "PSNR"
}`,
});
