import { defineCommand } from "../define.js";
import { int, recordingEvent, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingVodStop",
  group: 3,
  code: 312,
  kind: "after",
  summary: "a VOD recording task ended",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({ Status: int("0 the VOD upload task exited normally | 1 it exited abnormally") }),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 3,
  "EventType": 312,
  "CallbackTs": 1622191965320,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622191965,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "Status": 0
    }
  }
}`,
});
