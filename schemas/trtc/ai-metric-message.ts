import { defineCommand } from "../define.js";
import { aiEvent, int, payload, roundId, str, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "AiMetricMessage",
  group: 9,
  code: 906,
  kind: "after",
  summary: "a latency metric of an LLM / TTS call",
  source: "https://trtc.io/document/68331",
  schema: aiEvent({
    Metric: str("asr_latency | llm_network_latency | llm_first_token | tts_network_latency | tts_first_frame_latency | tts_discontinuity | interruption"),
    Value: int("the metric, milliseconds"),
    Tag: payload({ RoundId: roundId }),
  }),
  dedupe: [...taskDedupe, "EventInfo.Payload.Metric", "EventInfo.Payload.Tag.RoundId"],
  sample: `{
    "EventGroupId": 9,
    "EventType": 906,
    "CallbackTs": 1687770730166,
    "EventInfo": {
        "EventMsTs": 1622186275757,
        "TaskId": "xx",
        "RoomId": "1234",
        "RoomIdType": 0,
        "Payload": {
            "Metric": "llm_first_token",
            "Value": 218,
            "Tag": {
                "RoundId": "070c4908-1057-4ced-a949-356bf11848bc"
            }
        }
    }
}`,
});
