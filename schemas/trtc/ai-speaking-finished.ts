import { defineCommand } from "../define.js";
import { aiEvent, roundId, str, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "AiSpeakingFinished",
  group: 9,
  code: 905,
  kind: "after",
  summary: "the AI finished speaking in a conversation round",
  source: "https://trtc.io/document/68331",
  schema: aiEvent({
    UserId: str("user ID of the AI chatbot"),
    RoundId: roundId,
    Text: str("what the chatbot said in this round"),
  }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 9,
    "EventType": 905,
    "CallbackTs": 1687770730166,
    "EventInfo": {
        "EventMsTs": 1622186275757,
        "TaskId": "xx",
        "RoomId": "1234",
        "RoomIdType": 0,
        "Payload": {
            "UserId": "UserId",
            "RoundId": "RoundId",
            "Text": "Text"
        }
    }
}`,
});
