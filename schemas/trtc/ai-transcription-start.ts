import { defineCommand } from "../define.js";
import { eventMsTs, int, payload, roomId, str, taskDedupe, trtcEvent } from "./fragments.js";

/**
 * AI transcription and translation 2.0 (group 14): the task started. The sample is the page's; the page's
 * table of the other event types (1402–1404) could not be read when this file was written, so only this
 * one is known here: the others reach `onAny` until their files are added. The name follows the page's
 * title for the event ("Start AI Transcription and Translation 2.0"). Dedupe on the task, the event type
 * and `EventMsTs`, as the 2.0 pages say.
 */
export default defineCommand({
  protocol: "trtc",
  command: "AiTranscriptionStart",
  group: 14,
  code: 1401,
  kind: "after",
  summary: "an AI transcription/translation 2.0 task started (or failed to)",
  source: "https://trtc.io/document/80094",
  schema: trtcEvent({
    eventInfo: {
      EventMsTs: eventMsTs,
      TaskId: str("AI transcription task ID"),
      RoomId: roomId,
      RoomIdType: int("0 numeric room ID | 1 string room ID"),
      RobotId: str("user ID of the transcription robot"),
      Payload: payload({ Status: int("0 started | non-zero failed to start") }),
    },
    required: ["TaskId", "RoomId"],
  }),
  dedupe: taskDedupe,
  sample: `{
"EventGroupId": 14,
"EventType": 1401,
"CallbackTs": 1687770730166,
"EventInfo": {
"EventMsTs": 1622186275757,
"TaskId": "xxx",
"RoomId": "1234",
"RoomIdType": 0,
"RobotId": "trtc_partner_test_1",
"Payload": {
"Status": 0
}
}
}`,
});
