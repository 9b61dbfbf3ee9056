import { defineCommand } from "../define.js";
import { pushCommand } from "./fragments.js";

export default defineCommand({
  ...pushCommand,
  command: "PushBegin",
  code: 1,
  summary: "a live stream push began",
  sample: `{
"app":"test.domain.com",
"appid":12345678,
"appname":"live",
"channel_id":"test_stream",
"errcode":0,
"errmsg":"ok",
"event_time":1703731478,
"event_type":1,
"height":0,
"idc_id":34,
"node":"42.81.194.37",
"sequence":"2210464508206756938",
"set_id":2,
"sign":"df49************************f5d4",
"stream_id":"test_stream",
"stream_param":"stream_param=test",
"t":1703732078,
"user_ip":"1.1.1.1",
"width":0
}`,
});
