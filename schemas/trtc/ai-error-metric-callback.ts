import { defineCommand } from "../define.js";
import { aiEvent, int, payload, roundId, str, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "AiErrorMetricCallback",
  group: 9,
  code: 908,
  kind: "after",
  summary: "an AI service call (ASR / LLM / TTS) failed",
  source: "https://trtc.io/document/68331",
  schema: aiEvent({
    Metric: str("name of the failed call, e.g. llm_error"),
    Tag: payload({ RoundId: roundId, Code: int("the service's error code"), Message: str("error details") }),
  }),
  dedupe: [...taskDedupe, "EventInfo.Payload.Metric", "EventInfo.Payload.Tag.RoundId"],
  sample: `{
    "EventGroupId": 9,
    "EventType": 908,
    "CallbackTs": 1687770730166,
    "EventInfo": {
        "EventMsTs": 1622186275757,
        "TaskId": "xx",
        "RoomId": "1234",
        "RoomIdType": 0,
        "Payload": {
            "Metric": "llm_error",
            "Tag": {
                "RoundId": "070c4908-1057-4ced-a949-356bf11848bc",
                "Code": 0,
                "Message": ""
            }
        }
    }
}`,
});
