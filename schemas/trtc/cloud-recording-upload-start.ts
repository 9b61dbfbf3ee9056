import { defineCommand } from "../define.js";
import { int, recordingEvent, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingUploadStart",
  group: 3,
  code: 303,
  kind: "after",
  summary: "the recording upload module started (COS storage only)",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({ Status: int("0 started | 1 failed to start") }),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 3,
  "EventType": 303,
  "CallbackTs": 1622186275913,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622186275,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "Status": 0
    }
  }
}`,
});
