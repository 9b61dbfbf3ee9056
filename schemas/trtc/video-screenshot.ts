import { defineCommand } from "../define.js";
import { int, roomId, str, trtcEvent } from "./fragments.js";

/**
 * EventInfo uses camel-case keys unlike the other groups (roomID, userID). The field table spells the
 * event ID eventId, the sample eventID: both accepted.
 */
export default defineCommand({
  protocol: "trtc",
  command: "VideoScreenshot",
  group: 6,
  code: 601,
  kind: "after",
  summary: "a video screenshot was uploaded",
  source: "https://trtc.io/document/64802",
  schema: trtcEvent({
    eventInfo: {
      eventID: str("the callback's event ID (as the sample spells it)"),
      eventId: str("the callback's event ID (as the field table spells it)"),
      callbackData: str("the extraInfo the client passed to enableAutoSnapshotAndUpload"),
      pictureURL: str("URL of the screenshot"),
      code: int("0 success"),
      msg: str("description of the result"),
      roomID: roomId,
      streamType: str("BigStream | SubStream"),
      userID: str("user ID of the captured stream"),
      timestamp: int("when the screenshot was taken, Unix milliseconds"),
    },
  }),
  dedupe: ["EventInfo.pictureURL"],
  sample: `{
    "EventGroupId": 6,
    "EventType": 601,
    "CallbackTs": 1698410059705,
    "EventInfo": {
        "eventID": "ap-guangzhou-1400000000-1698410059243691647-60022-jpg.jpg",
        "callbackData": "test",
        "pictureURL": "https://sotest-1200000000.cos.ap-guangzhou.myqcloud.com/1400000000/ap-guangzhou-1400000000-1698410059243691647-60022-jpg.jpg",
        "code": 0,
        "msg": "",
        "roomID": "464884",
        "streamType": "BigStream",
        "userID": "dd",
        "timestamp": 1698410059693
    }
}`,
});
