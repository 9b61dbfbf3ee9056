import { defineCommand } from "../define.js";
import { aiEvent, int, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "AiServiceStart",
  group: 9,
  code: 901,
  kind: "after",
  summary: "an AI task started (or failed to)",
  source: "https://trtc.io/document/68331",
  schema: aiEvent({ Status: int("0 started | 1 failed to start") }),
  dedupe: taskDedupe,
  sample: `{
    "EventGroupId": 9,
    "EventType": 901,
    "CallbackTs": 1687770730166,
    "EventInfo": {
        "EventMsTs": 1622186275757,
        "TaskId": "xx",
        "RoomId": "1234",
        "RoomIdType": 0,
        "Payload": {
            "Status": 0
        }
    }
}`,
  variants: [
    {
      source: "https://trtc.io/document/68331",
      note: "the page's second sample, with a real TaskId",
      text: `{
    "EventGroupId": 9,
    "EventType": 901,
    "CallbackTs": 1687770730166,
    "EventInfo": {
        "EventMsTs": 1622186275757,
        "TaskId": "hKPD2Q7kBVzu-6ezFiqmcEBJQCykqbZrS9OOTE46uYlb4NvQDIaEXlpOlLXFtGBiado5oP0zfLDZs",
        "RoomId": "1234",
        "RoomIdType": 0,
        "Payload": {
            "Status": 0
        }
    }
}`,
    },
  ],
});
