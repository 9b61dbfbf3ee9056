import { defineCommand } from "../define.js";
import { cssSchema, recognisedText } from "./fragments.js";

/**
 * A smart-erasing task's result: the recognised text of a stretch of audio and the keywords it
 * silenced. From the page's field tables; its sample could not be read when this file was written,
 * so the sample is written from the tables (`data` as one object): compare it with the page. CSS
 * retries this event only 3 times. The idempotency key is type, task and the stretch's start.
 */
export default defineCommand({
  protocol: "css",
  command: "SmartErase",
  code: 347,
  kind: "after",
  summary: "smart erasing silenced keywords in a stretch of a live stream",
  source: "https://www.tencentcloud.com/document/product/267/73169",
  schema: cssSchema({
    common: ["appid", "stream_id", "channel_id", "task_id"],
    required: ["stream_id", "task_id"],
    properties: {
      data: {
        type: "object",
        description: "the processing result",
        properties: {
          subtitle_tmp_res: {
            type: "object",
            properties: {
              ...recognisedText,
              keywords_info: {
                type: "array",
                description: "the keywords silenced",
                items: {
                  type: "object",
                  properties: {
                    word: { type: "string" },
                    begin_time: { type: "integer", description: "where the keyword starts (the table is cut off after this field)" },
                  },
                },
              },
            },
          },
        },
      },
    },
  }),
  dedupe: ["event_type", "task_id", "data.subtitle_tmp_res.start_pts"],
  sample: `{
"appid": 1234567890,
"event_type": 347,
"stream_id": "teststream",
"channel_id": "teststream",
"task_id": "task-1",
"data": {
"subtitle_tmp_res": {
"src_txt": "hello world",
"start_pts": 120000,
"end_pts": 122000,
"start_unix_time": 1702368120,
"end_unix_time": 1702368122,
"keywords_info": [
{
"word": "world",
"begin_time": 121000
}
]
}
},
"sign": "ac920c3e66**********78cf1b5de2c63",
"t": 1702368660
}`,
});
