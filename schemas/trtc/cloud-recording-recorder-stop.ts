import { defineCommand } from "../define.js";
import { int, recordingEvent, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingRecorderStop",
  group: 3,
  code: 302,
  kind: "after",
  summary: "the cloud recording module exited",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({
    LeaveCode: int(
      "0 stopped normally | 1 the app removed the recording robot | 2 the app dissolved the room | 3 the server removed the robot | 4 the server dissolved the room | 99 no other stream in the room for the set time | 100 timeout | 101 the same user entered the same room again",
    ),
  }),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 3,
  "EventType": 302,
  "CallbackTs": 1622186354806,
  "EventInfo": {
    "RoomId": "xx",
    "EventTs": "1622186354",
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "LeaveCode": 0
    }
  }
}`,
});
