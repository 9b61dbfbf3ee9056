import { defineCommand } from "../define.js";
import { cssSchema } from "./fragments.js";

/**
 * A recording task changed state. The page's sample escapes `record_detail` twice (not valid JSON);
 * it is written here with one level, as a JSON object in a string. The body has `seq`, not
 * `sequence`, and several events share a stream: the idempotency key is type, stream, `seq`,
 * `record_event` and `event_time`.
 */
export default defineCommand({
  protocol: "css",
  command: "RecordStatus",
  code: 332,
  kind: "after",
  summary: "a cloud-native recording task changed state",
  source: "https://www.tencentcloud.com/document/product/267/58590",
  schema: cssSchema({
    common: ["appid", "appname", "domain", "event_time", "stream_id", "task_id"],
    required: ["stream_id"],
    properties: {
      record_event: {
        type: "string",
        description: "record_start_succeeded | record_start_failed | record_paused | record_resumed | record_error | record_ended",
      },
      record_detail: {
        type: "string",
        description:
          "JSON object as text: file_format (1 FLV, 2 HLS, 3 MP4, 4 AAC, 5 MP3), record_bps, start_model (1 template rule, 5 API), record_content (1 original, 2 watermarked, 3 transcoded), source_type (1 live, 2 relay), codec_temp_id",
      },
      seq: { type: "string", description: "message sequence number" },
      session_id: { type: "string", description: "recording session ID" },
    },
  }),
  dedupe: ["event_type", "stream_id", "seq", "record_event", "event_time"],
  sample: `{
"appid":123456789,
"appname": "live",
"domain":"****.livepush.myqcloud.com",
"event_time":1700207929,
"event_type":332,
"record_detail":"{\\"file_format\\":2,\\"record_bps\\":0,\\"start_model\\":1,\\"record_content\\":1,\\"source_type\\":2,\\"codec_temp_id\\":0}",
"record_event":"record_ended",
"seq": "3266441426274648065",
"session_id":"2918085116267032069",
"stream_id":"2991615887188599295",
"sign": "ca3e25e5dc17a6f9909a9ae7281e300d",
"t": 1754623810
}`,
});
