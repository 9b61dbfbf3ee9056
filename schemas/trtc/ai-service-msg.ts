import { defineCommand } from "../define.js";
import { aiEvent, int, roundId, str, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "AiServiceMsg",
  group: 9,
  code: 903,
  kind: "after",
  summary: "a full sentence recognised by ASR, or a full LLM reply",
  source: "https://trtc.io/document/68331",
  schema: aiEvent({
    UserId: str("user ID of the speaker"),
    Text: str("the sentence"),
    StartTimeMs: int("start of the sentence, milliseconds"),
    EndTimeMs: int("end of the sentence, milliseconds"),
    RoundId: roundId,
  }),
  dedupe: [...taskDedupe, "EventInfo.Payload.RoundId"],
  sample: `{
    "EventGroupId": 9,
    "EventType": 903,
    "CallbackTs": 1687770730166,
    "EventInfo": {
        "EventMsTs": 1622186275757,
        "TaskId": "xx",
        "RoomId": "1234",
        "RoomIdType": 0,
        "Payload": {
            "UserId": "",
            "Text": "",
            "StartTimeMs": 1234,
            "EndTimeMs": 1269,
            "RoundId": "xxxxxx"
        }
    }
}`,
});
