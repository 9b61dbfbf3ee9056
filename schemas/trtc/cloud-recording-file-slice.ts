import { defineCommand } from "../define.js";
import { int, recordingEvent, str, taskDedupe, trackType } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingFileSlice",
  group: 3,
  code: 307,
  kind: "after",
  summary: "the first TS slice of an M3U8 file was generated (API recording to COS)",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({
    FileName: str("M3U8 file name"),
    UserId: str("user ID of the recorded stream"),
    TrackType: trackType,
    BeginTimeStamp: int("server time when recording started, Unix milliseconds (documented as a String)"),
  }),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 3,
  "EventType": 307,
  "CallbackTs": 1622186275913,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622186275,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "FileName": "xx.m3u8",
      "UserId": "xx",
      "TrackType": "audio_video",
      "BeginTimeStamp": "1622186275757"
    }
  }
}`,
});
