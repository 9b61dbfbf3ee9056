import { defineCommand } from "../define.js";
import { recordingEvent, str, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingDownloadImageError",
  group: 3,
  code: 309,
  kind: "after",
  summary: "recording failed to download or decode an image file",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({ Url: str("URL that failed to download") }),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 3,
  "EventType": 309,
  "CallbackTs": 1622191989674,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622191989,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "Url": "http://xx"
    }
  }
}`,
});
