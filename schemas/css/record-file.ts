import { defineCommand } from "../define.js";
import { cssSchema } from "./fragments.js";

/**
 * One recording file is ready. The page's sample has no `sequence`, and every file of a push shares
 * `stream_id`: the idempotency key uses `record_file_id`, which names one file.
 */
export default defineCommand({
  protocol: "css",
  command: "RecordFile",
  code: 100,
  kind: "after",
  summary: "a recording file was generated",
  source: "https://www.tencentcloud.com/document/product/267/38082",
  schema: cssSchema({
    common: ["appid", "app", "appname", "stream_id", "channel_id", "stream_param", "task_id", "file_size"],
    required: ["stream_id"],
    properties: {
      file_id: { type: "string", description: "VOD file ID" },
      record_file_id: { type: "string", description: "recording file ID" },
      file_format: { type: "string", description: "flv | hls | mp4 | aac" },
      start_time: { type: "integer", description: "Unix seconds when recording started (the file itself starts at end_time - duration)" },
      end_time: { type: "integer", description: "Unix seconds when recording ended" },
      start_time_usec: { type: "integer", description: "microsecond part of start_time" },
      end_time_usec: { type: "integer", description: "microsecond part of end_time" },
      duration: { type: "integer", description: "file duration in seconds" },
      video_url: { type: "string", description: "download URL of the file" },
      media_start_time: { type: "integer", description: "PTS when the stream was first pulled for recording" },
      record_bps: { type: "integer", description: "bitrate of the recorded transcoding output, kbps" },
      callback_ext: { type: "string", description: "JSON object as text: video_codec, resolution, …" },
    },
  }),
  dedupe: ["event_type", "stream_id", "record_file_id"],
  sample: `{
"event_type": 100,
"appid": 12345678,
"app": "yourapp",
"callback_ext": "{\\"video_codec\\":\\"h264\\",\\"resolution\\":\\"640x480\\"}",
"appname": "yourappname",
"stream_id":"stream_test",
"channel_id":"stream_test",
"file_id":"1234567890",
"record_file_id": "1234567890",
"file_format":"hls",
"task_id":"UpTbk5RSVhRQ********************0xTSlNTQltlRVRLU1JAWW9EUb",
"start_time":1642089445,
"end_time":1642089598,
"start_time_usec": 316441,
"end_time_usec": 618577,
"duration":154,
"file_size":277941079,
"stream_param":"stream_param=test",
"video_url":"http://12345678.vod2.myqcloud.com/xxxx/yyyy/zzzz.m3u8",
"media_start_time": 135802,
"record_bps": 0,
"sign":"ca3e25e**********09a9ae7281e300d",
"t":1545030873
}`,
});
