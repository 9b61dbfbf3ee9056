import { defineCommand } from "../define.js";
import { int, recordingEvent, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingUploadStop",
  group: 3,
  code: 305,
  kind: "after",
  summary: "the recording upload finished (COS storage only; HLS files)",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({
    LeaveCode: int(
      "0 all files uploaded to the third-party storage | 1 finished, but at least one file stayed on the server or backup storage | 2 files left behind were restored and uploaded",
    ),
  }),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 3,
  "EventType": 305,
  "CallbackTs": 1622191989674,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622191989,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "LeaveCode": 0
    }
  }
}`,
});
