import { defineCommand } from "../define.js";
import { cssSchema, recognisedText } from "./fragments.js";

/**
 * A live-subtitle result: the recognised (and, when configured, translated) text of a stretch of
 * audio. Sent only while a subtitle stream is pulled. From the page's field tables; its sample could
 * not be read when this file was written, so the sample is written from the tables (`data` as one
 * object, as on the smart-erasing page 267/73169 that shares this table): compare it with the page.
 * CSS retries this event only 3 times. A sentence is re-sent while it is revised (`steady_state`
 * false, then true), so the idempotency key includes `steady_state` and the text's end.
 */
export default defineCommand({
  protocol: "css",
  command: "Subtitles",
  code: 338,
  kind: "after",
  summary: "live subtitles: recognised (and translated) text of a stretch of a stream",
  source: "https://www.tencentcloud.com/document/product/267/73170",
  schema: cssSchema({
    common: ["appid", "stream_id", "channel_id", "task_id"],
    required: ["stream_id", "task_id"],
    properties: {
      task_id: { type: "string", description: "subtitle task ID" },
      data: {
        type: "object",
        description: "the processing result",
        properties: {
          subtitle_tmp_res: {
            type: "object",
            description: "the subtitle text",
            properties: {
              ...recognisedText,
              dst_txt: { type: "string", description: "the translation (absent when no translation is configured)" },
              steady_state: { type: "boolean", description: "true: the sentence is stable and will not be revised again" },
            },
          },
        },
      },
    },
  }),
  dedupe: ["event_type", "task_id", "data.subtitle_tmp_res.start_pts", "data.subtitle_tmp_res.end_pts", "data.subtitle_tmp_res.steady_state"],
  sample: `{
"appid": 1234567890,
"event_type": 338,
"stream_id": "teststream",
"channel_id": "teststream",
"task_id": "task-1",
"data": {
"subtitle_tmp_res": {
"src_txt": "你好，世界",
"dst_txt": "Hello, world",
"start_pts": 120000,
"end_pts": 122000,
"start_unix_time": 1702368120,
"end_unix_time": 1702368122,
"steady_state": true
}
},
"sign": "ac920c3e66**********78cf1b5de2c63",
"t": 1702368660
}`,
});
