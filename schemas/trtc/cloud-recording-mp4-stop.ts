import { defineCommand } from "../define.js";
import { int, mediaId, recordedUserId, recordingEvent, str, taskDedupe, trackType } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingMp4Stop",
  group: 3,
  code: 310,
  kind: "after",
  summary: "an MP4 recording task stopped (API recording to COS); one event per file",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({
    Status: int(
      "0 exited normally, all files uploaded | 1 exited normally, at least one file stayed on the server or backup storage | 2 exited abnormally (e.g. HLS files could not be read from COS)",
    ),
    FileList: { type: "array", items: { type: "string" }, description: "all generated MP4 file names" },
    FileMessage: {
      type: "array",
      items: {
        type: "object",
        properties: {
          FileName: str("MP4 file name"),
          UserId: recordedUserId,
          TrackType: trackType,
          MediaId: mediaId,
          StartTimeStamp: int("start of the file, Unix milliseconds"),
          EndTimeStamp: int("end of the file, Unix milliseconds"),
        },
      },
    },
  }),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 3,
  "EventType": 310,
  "CallbackTs": 1622191965320,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622191989,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "Status": 0,
      "FileList": [
        "xxxx1.mp4",
        "xxxx2.mp4"
      ],
      "FileMessage": [
        {
          "FileName": "xxxx1.mp4",
          "UserId": "xxxx",
          "TrackType": "audio_video",
          "MediaId": "main",
          "StartTimeStamp": 1622186279145,
          "EndTimeStamp": 1622186282145
        },
        {
          "FileName": "xxxx2.mp4",
          "UserId": "xxxx",
          "TrackType": "audio_video",
          "MediaId": "main",
          "StartTimeStamp": 1622186279153,
          "EndTimeStamp": 1622186282153
        }
      ]
    }
  }
}`,
});
