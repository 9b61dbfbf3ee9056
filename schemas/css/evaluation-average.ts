import { defineCommand } from "../define.js";
import { cssSchema, evaluationFields, qualityFields } from "./fragments.js";

/**
 * The average, maximum and minimum evaluation score of an evaluation period. The page's event-type
 * table says 345 but its sample says `"event_type": 344` (the evaluation-threshold event, 267/73167):
 * this file follows the table, so a body carrying 344 reaches `Evaluation`. The page's sample could not
 * be read past its first fields when this file was written, so the sample is written from the table:
 * compare it with the page. `t` and `sign` are in the common parameters but the threshold page's
 * sample has neither: the protocol checks them on every CSS event (see `cssSchema`). The idempotency key is type, stream, template, class and
 * `event_time`.
 */
export default defineCommand({
  protocol: "css",
  command: "EvaluationAverage",
  code: 345,
  kind: "after",
  summary: "average evaluation score of a stream's evaluation period",
  source: "https://www.tencentcloud.com/document/product/267/73168",
  schema: cssSchema({
    common: ["appid", "appname", "stream_id", "domain"],
    required: ["stream_id"],
    properties: {
      ...qualityFields,
      ...evaluationFields,
      average_score: { type: "number", description: "average score of the evaluation period" },
      max_score: { type: "number", description: "maximum score of the evaluation period" },
      min_score: { type: "number", description: "minimum score of the evaluation period" },
    },
  }),
  dedupe: ["event_type", "stream_id", "transcode_template_id", "class", "event_time"],
  sample: `{
"event_type": 345,
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
"average_score": 27.77,
"max_score": 32.75,
"min_score": 22.78,
"function": "Assessment",
"class": "PSNR"
}`,
});
