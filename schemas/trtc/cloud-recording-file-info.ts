import { defineCommand } from "../define.js";
import { recordingEvent, str, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingFileInfo",
  group: 3,
  code: 304,
  kind: "after",
  summary: "the first M3U8 index file was generated and uploaded (API recording to COS)",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({ FileList: str("the generated M3U8 file name") }),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 3,
  "EventType": 304,
  "CallbackTs": 1622186275913,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622186275,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "FileList": "xx.m3u8"
    }
  }
}`,
});
