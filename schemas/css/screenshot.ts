import { defineCommand } from "../define.js";
import { cssSchema } from "./fragments.js";

/**
 * A screenshot was stored. The page's sample lacks the comma before `task_id` (added here) and has no
 * `appid` or `sequence`; every screenshot of a push shares `stream_id`, so the idempotency key adds
 * `pic_url`, which names one screenshot.
 */
export default defineCommand({
  protocol: "css",
  command: "Screenshot",
  code: 200,
  kind: "after",
  summary: "a live screenshot was stored",
  source: "https://www.tencentcloud.com/document/product/267/38083",
  schema: cssSchema({
    common: ["app", "appname", "stream_param", "stream_id", "channel_id", "task_id", "file_size", "width", "height"],
    required: ["stream_id"],
    properties: {
      create_time: { type: "integer", description: "Unix seconds when the screenshot was taken" },
      pic_url: { type: "string", description: "file path, /path/name.jpg" },
      pic_full_url: { type: "string", description: "download URL" },
    },
  }),
  dedupe: ["event_type", "stream_id", "pic_url"],
  sample: `{
"app":"test.app",
"appname":"live",
"channel_id":"your_channelid",
"create_time":1622599925,
"event_type":200,
"file_size":30670,
"height":720,
"pic_full_url":"http://your.cos.region.myqcloud.com/channelid/channelid-screenshot-10-12-05-1280x720.jpg",
"pic_url":"/channelid/channelid-screenshot-10-12-05-1280x720.jpg",
"sign":"ca3e25e5dc17a6f9909a9ae7281e300d",
"stream_id":"your_streamid",
"stream_param":"txSecret=ca3e25e5dc17a6f9909a9ae7281e300d&txTime=60B83800",
"t":1622600525,
"width":1280,
"task_id":"1867908378267662126"
}`,
});
