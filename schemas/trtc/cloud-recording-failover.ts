import { defineCommand } from "../define.js";
import { int, recordingEvent, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingFailover",
  group: 3,
  code: 306,
  kind: "after",
  summary: "a recording task was migrated to a new machine",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({ Status: int("0 migration completed") }),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 3,
  "EventType": 306,
  "CallbackTs": 1622191989674,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622191989,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "Status": 0
    }
  }
}`,
});
