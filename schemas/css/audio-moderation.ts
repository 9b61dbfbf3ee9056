import { defineCommand } from "../define.js";
import { cssSchema } from "./fragments.js";

/**
 * Audio moderation result of a live stream (by default only for audio that may be non-compliant).
 * The Chinese page (https://cloud.tencent.com/document/product/267/94421) was not compared.
 * From the page's field table, of which only the fields up to `language_results` could be read when
 * this file was written (the rest pass untyped); no sample was found, so the sample is written from
 * the table: compare it with the page. The table marks `appid`, `stream_id`, `channel_id` and
 * `domain` as mandatory; only `stream_id` is required here, as for the other CSS events. No
 * `sequence`: the idempotency key is type, stream, the CDN address of the moderated audio and its text.
 */
export default defineCommand({
  protocol: "css",
  command: "AudioModeration",
  code: 315,
  kind: "after",
  summary: "a live stream's audio was moderated (audio moderation result)",
  source: "https://www.tencentcloud.com/document/product/267/58643",
  schema: cssSchema({
    common: ["appid", "stream_id", "domain", "path"],
    required: ["stream_id"],
    properties: {
      channel_id: { type: "string", description: "channel ID" },
      asr_text: { type: "string", description: "the recognised text of the audio" },
      cdn_url: { type: "string", description: "CDN address of the moderated audio" },
      duration: { type: "number", description: "speech recognition duration, seconds" },
      label: {
        type: "string",
        description: "the highest-priority malicious label of the result (LabelResults): the model's recommended moderation result",
      },
      language_results: {
        type: "array",
        description: "detailed moderation results of minority-language audio (AudioResultDetailLanguageResult)",
        items: { type: "object" },
      },
    },
  }),
  dedupe: ["event_type", "stream_id", "cdn_url", "asr_text"],
  sample: `{
"appid": 1234567890,
"event_type": 315,
"stream_id": "teststream",
"channel_id": "teststream",
"domain": "5000.livepush.myqcloud.com",
"path": "live",
"asr_text": "hello world",
"cdn_url": "https://5000.liveplay.myqcloud.com/live/teststream_audio_1702368120.mp3",
"duration": 10,
"label": "Ad",
"language_results": [],
"sign": "ac920c3e66**********78cf1b5de2c63",
"t": 1702368660
}`,
});
