import { defineCommand } from "../define.js";
import { cssSchema } from "./fragments.js";

/**
 * A recording session hit an exception (timestamps jumping, pulling failed, no audio or video where
 * the template records it, …). From the page's field tables; its sample could not be read when this
 * file was written, so the sample is written from the tables: compare it with the page. One session
 * reports many exceptions: the idempotency key is type, session, exception type and callback time.
 */
export default defineCommand({
  protocol: "css",
  command: "RecordException",
  code: 341,
  kind: "after",
  summary: "a live recording session hit an exception",
  source: "https://www.tencentcloud.com/document/product/267/68622",
  schema: cssSchema({
    common: ["appid", "stream_id"],
    required: ["stream_id", "session_id"],
    properties: {
      session_id: { type: "string", description: "the recording session: tells recording tasks apart" },
      file_format: { type: "string", description: "FLV | TS | MP4 | AAC" },
      timestamp: { type: "integer", description: "when the exception was called back, Unix seconds" },
      exception_level: { type: "string", description: "info | warning | error" },
      exception: {
        type: "object",
        properties: {
          type: {
            type: "integer",
            description:
              "-8 audio timestamps jump | -9 video timestamps jump | -10 audio and video timestamps far apart | -11 invalid video timestamp | -16 pulling the stream failed | -17 no audio though the template records audio | -18 no video though it records video | …",
          },
          occurs: { type: "integer", description: "how often it happened in the statistics period" },
          desc: { type: "string" },
        },
      },
    },
  }),
  dedupe: ["event_type", "session_id", "exception.type", "timestamp"],
  sample: `{
"appid": 1234567890,
"event_type": 341,
"stream_id": "teststream",
"session_id": "2_1702368000_teststream",
"file_format": "MP4",
"timestamp": 1702368060,
"exception_level": "warning",
"exception": {
"type": -17,
"occurs": 3,
"desc": "no audio data"
},
"sign": "ac920c3e66**********78cf1b5de2c63",
"t": 1702368660
}`,
});
