import { defineCommand } from "../define.js";
import { pushCommand } from "./fragments.js";

export default defineCommand({
  ...pushCommand,
  command: "PushEnd",
  code: 0,
  summary: "a live stream push was interrupted",
  sample: `{
"app":"test.domain.com",
"appid":12345678,
"appname":"live",
"channel_id":"test_stream",
"errcode":1,
"errmsg":"The push client actively stopped the push",
"event_time":1703731606,
"event_type":0,
"height":0,
"idc_id":34,
"node":"42.81.194.37",
"push_duration":"128581",
"sequence":"2210464508206756938",
"set_id":2,
"sign":"3485************************56ae",
"stream_id":"test_stream",
"stream_param":"stream_param=test",
"t":1703732206,
"user_ip":"1.1.1.1",
"width":0
}`,
});
