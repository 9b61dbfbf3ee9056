import { defineCommand } from "../define.js";
import { cssSchema } from "./fragments.js";

/**
 * A pull-and-relay task's event (task started, a VOD source file started or finished, the task
 * exited). `callback_event` says which; `msg` carries that event's details as JSON text
 * (`task_start_time`; `url`, `index`, `duration`; `task_exit_time`, `code`, `message`) and
 * `source_urls` the task's sources as JSON text. The callback URL is set per task, and the pages'
 * samples carry no `t` / `sign`. As for every CSS event, the protocol requires them (the key
 * belongs to the callback template); if Tencent sends this one unsigned, `unsignedEvents: ["RelayTask"]`
 * accepts it as unauthenticated. The table names the account `appId`, the samples
 * `appid`. Several events share a task: the idempotency key is type, task, event and its details.
 */
export default defineCommand({
  protocol: "css",
  command: "RelayTask",
  code: 314,
  kind: "after",
  summary: "a pull-and-relay task started, moved to a source file, or exited",
  source: "https://www.tencentcloud.com/document/product/267/42525",
  schema: cssSchema({
    common: ["appid", "stream_id", "event_time", "task_id"],
    required: ["task_id", "callback_event"],
    properties: {
      callback_event: { type: "string", description: "TaskStart | VodSourceFileStart | VodSourceFileFinish | TaskExit, …" },
      msg: {
        type: "string",
        description:
          "the event's details as JSON text: task_start_time (ms) | url, index, duration (s) of the VOD source file | task_exit_time (ms), code, message",
      },
      source_urls: { type: "string", description: "the task's source URLs, a JSON array as text" },
      to_url: { type: "string", description: "the push destination URL" },
      callback_url: { type: "string", description: "the task's callback URL" },
      interface: { type: "string", description: "general_callback" },
      product_name: { type: "string", description: "pullpush" },
    },
  }),
  dedupe: ["event_type", "task_id", "callback_event", "msg"],
  sample: `{
"appid": 4,
"callback_event": "TaskStart",
"event_type": 314,
"interface": "general_callback",
"msg": "{\\"task_start_time\\":0}",
"product_name": "pullpush",
"source_urls": "[\\"http://yourURL.cn/live/normal_230753472*****21162358-upload-45eb/playlist.m3u8\\"]\\n",
"stream_id": "testvod",
"task_id": "118148",
"to_url": "rtmp://xxx.livepush.myqcloud.com/live/testvod"
}`,
  variants: [
    {
      source: "https://www.tencentcloud.com/document/product/267/42525",
      note: "the VodSourceFileStart event: msg carries the source file's url, index and duration",
      text: `{
"appid": 4,
"callback_event": "VodSourceFileStart",
"callback_url": "http://you.callback.url",
"event_type": 314,
"interface": "general_callback",
"msg": "{\\"url\\":\\"http://remit-tx-ugcpub.douyucdn2.cn/live/normal_466247620*****3100448-upload-216b/playlist.m3u8\\",\\"index\\":0,\\"duration\\":14920}",
"product_name": "pullpush",
"source_urls": "[\\"http://yourURL.cn/live/normal_466247620*****3100448-upload-216b/playlist.m3u8\\"]\\n",
"stream_id": "testvod",
"task_id": "118145",
"to_url": "rtmp://xxx.livepush.myqcloud.com/live/testvod"
}`,
    },
  ],
});
