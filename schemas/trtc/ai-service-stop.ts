import { defineCommand } from "../define.js";
import { aiEvent, int, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "AiServiceStop",
  group: 9,
  code: 902,
  kind: "after",
  summary: "an AI task ended",
  source: "https://trtc.io/document/68331",
  schema: aiEvent({
    LeaveCode: int(
      "0 stopped by the stop API | 1 the app removed the robot | 2 the app dissolved the room | 3 the TRTC server removed the robot | 4 the TRTC server dissolved the room | 98 internal error (retry) | 99 no other user stream in the room for the set time",
    ),
  }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 9,
    "EventType": 902,
    "CallbackTs": 1687770730166,
    "EventInfo": {
        "EventMsTs": 1622186275757,
        "TaskId": "xx",
        "RoomId": "1234",
        "RoomIdType": 0,
        "Payload": {
            "LeaveCode": 0
        }
    }
}`,
});
