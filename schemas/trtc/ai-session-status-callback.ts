import { defineCommand } from "../define.js";
import { aiEvent, str, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "AiSessionStatusCallback",
  group: 9,
  code: 909,
  kind: "after",
  summary: "the AI session is ready (audio and video channels established)",
  source: "https://trtc.io/document/68331",
  schema: aiEvent({ Status: str("session_ready") }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 9,
    "EventType": 909,
    "CallbackTs": 1687770730166,
    "EventInfo": {
        "EventMsTs": 1622186275757,
        "TaskId": "xx",
        "RoomId": "1234",
        "RoomIdType": 0,
        "Payload": {
            "Status": "session_ready"
        }
    }
}`,
});
