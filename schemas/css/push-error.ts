import { defineCommand } from "../define.js";
import { cssSchema, objects } from "./fragments.js";

/**
 * Push errors seen during one reporting interval (none: no callback). The table calls
 * `abnormal_event` and `detail` "json"; the sample sends arrays, typed so. `occur_time` is documented
 * as a Unix timestamp and sent in milliseconds. The sample lacks the comma after `user_ip` (added).
 * One push reports many times under the same `sequence`: the idempotency key adds `data_time`.
 */
export default defineCommand({
  protocol: "css",
  command: "PushError",
  code: 321,
  kind: "after",
  summary: "push errors were detected on a live stream",
  source: "https://www.tencentcloud.com/document/product/267/53310",
  schema: cssSchema({
    common: ["appid", "user_ip", "domain", "path", "sequence", "stream_id", "stream_param"],
    required: ["stream_id", "sequence"],
    properties: {
      data_time: { type: "integer", description: "milliseconds since the epoch when the callback was made" },
      report_interval: { type: "integer", description: "reporting interval, milliseconds" },
      timeout: { type: "integer", description: "callback request timeout, milliseconds" },
      abnormal_event: objects({
        count: { type: "integer", description: "occurrences within the reporting interval" },
        customer_visible: { type: "string", description: 'always "true"' },
        detail: objects({
          desc: { type: "string" },
          occur_time: { type: "integer", description: "milliseconds since the epoch (as sent)" },
        }),
        event_key: { type: "string" },
        type: { type: "integer", description: "error type 1-16, e.g. 6 = video frames more than 3000 ms apart" },
        type_desc_cn: { type: "string" },
        type_desc_en: { type: "string" },
      }),
    },
  }),
  dedupe: ["event_type", "sequence", "stream_id", "data_time"],
  sample: `{
"abnormal_event":[
{
"count":2,
"detail":[
{
"desc":"video frame arrive interval too long, interval=3046(msec)",
"occur_time":1670588070569
},
{
"desc":"video frame arrive interval too long, interval=2953(msec)",
"occur_time":1670588073522
}
],
"event_key":"",
"type":6,
"type_desc_cn":" ",
"type_desc_en":"video frame arrive interval bigger than 1000(ms)"
},
{
"count":2,
"customer_visible":"true",
"detail":[
{
"desc":"audio frame arrive interval too long, interval=3009(msec)",
"occur_time":1670588070532
},
{
"desc":"audio frame arrive interval too long, interval=2917(msec)",
"occur_time":1670588073486
}
],
"event_key":"",
"type":7,
"type_desc_cn":" ",
"type_desc_en":"audio frame arrive interval bigger than 1000(ms)"
}
],
"appid":12345678,
"user_ip":"1.1.1.1",
"data_time":1670588074971,
"domain":"example.push.com",
"event_type":321,
"interface":"general_callback",
"path":"live",
"report_interval":5000,
"sequence":"000000000000000000",
"stream_id":"teststream",
"stream_param":"stream_param=test",
"timeout":5000,
"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
"t": 1754623810
}`,
});
