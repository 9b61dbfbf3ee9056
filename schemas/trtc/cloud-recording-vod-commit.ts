import { defineCommand } from "../define.js";
import { int, mediaId, recordedUserId, recordingEvent, str, taskDedupe, trackType } from "./fragments.js";

/**
 * The field table lists UserId, TrackType, MediaId, FileId, VideoUrl, CacheFile and the time stamps
 * directly in Payload; both samples nest them in Payload.TencentVod. The schema follows the samples.
 * The variant is the page's upload-failure sample. The file can take 30 s to 3 min more to be playable.
 */
export default defineCommand({
  protocol: "trtc",
  command: "CloudRecordingVodCommit",
  group: 3,
  code: 311,
  kind: "after",
  summary: "a recorded file was uploaded to VOD (or failed to be)",
  source: "https://trtc.io/document/54914",
  schema: recordingEvent({
    Status: int("0 uploaded to VOD | 1 the file stayed on the server or backup storage | 2 the upload or the VOD task failed"),
    Errmsg: str("error message when Status is not 0"),
    TencentVod: {
      type: "object",
      properties: {
        UserId: recordedUserId,
        TrackType: trackType,
        MediaId: mediaId,
        FileId: str("the file's ID on VOD"),
        VideoUrl: str("the file's playback URL on VOD"),
        CacheFile: str("the MP4/HLS file name"),
        StartTimeStamp: int("start of the file, Unix milliseconds"),
        EndTimeStamp: int("end of the file, Unix milliseconds"),
      },
    },
  }),
  dedupe: [...taskDedupe, "EventInfo.Payload.TencentVod.CacheFile"],
  sample: `{
  "EventGroupId": 3,
  "EventType": 311,
  "CallbackTs": 1622191965320,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622191965,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "Status": 0,
      "TencentVod": {
        "UserId": "xx",
        "TrackType": "audio_video",
        "MediaId": "main",
        "FileId": "xxxx",
        "VideoUrl": "http://xxxx",
        "CacheFile": "xxxx.mp4",
        "StartTimeStamp": 1622186279153,
        "EndTimeStamp": 1622186282153
      }
    }
  }
}`,
  variants: [
    {
      source: "https://trtc.io/document/54914",
      note: "the page's upload-failure sample",
      text: `{
  "EventGroupId": 3,
  "EventType": 311,
  "CallbackTs": 1622191965320,
  "EventInfo": {
    "RoomId": "20015",
    "EventTs": 1622191965,
    "EventMsTs": 1622186275757,
    "UserId": "xx",
    "TaskId": "xx",
    "Payload": {
      "Status": 1,
      "Errmsg": "xxx",
      "TencentVod": {
        "UserId": "123",
        "TrackType": "audio_video",
        "CacheFile": "xxx.mp4"
      }
    }
  }
}`,
    },
  ],
});
