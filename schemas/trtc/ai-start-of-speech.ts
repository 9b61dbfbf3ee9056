import { defineCommand } from "../define.js";
import { aiEvent, roundId, str, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "AiStartOfSpeech",
  group: 9,
  code: 904,
  kind: "after",
  summary: "ASR detected the start of a sentence",
  source: "https://trtc.io/document/68331",
  schema: aiEvent({ UserId: str("user ID of the speaker"), RoundId: roundId }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 9,
    "EventType": 904,
    "CallbackTs": 1687770730166,
    "EventInfo": {
        "EventMsTs": 1622186275757,
        "TaskId": "xx",
        "RoomId": "1234",
        "RoomIdType": 0,
        "Payload": {
            "UserId": "xxx",
            "RoundId": "xxxxx"
        }
    }
}`,
});
