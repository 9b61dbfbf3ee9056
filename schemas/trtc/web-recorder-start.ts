import { defineCommand } from "../define.js";
import { taskDedupe, webRecorderEvent } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "WebRecorderStart",
  group: 8,
  code: 801,
  kind: "after",
  summary: "the web-page recording module started (or failed, or was migrated)",
  source: "https://trtc.io/document/54914",
  schema: webRecorderEvent(
    "1 started | 2 failed to start | 3 exited abnormally while recording | 4 task migrated | 5 task failed, recording stopped (no more retries)",
    "Success | StartRecording error | Goto url timeout | Exception error, exit task | Chrome exception, exit task | Recording tasks have been migrated | Page load timeout",
  ),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 8,
  "EventType": 801,
  "CallbackTs": 1622186275913,
  "EventInfo": {
    "EventMsTs": 1622186275757,
    "TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
    "Payload": {
      "Status": 1,
      "EventMessage": "Success"
    }
  }
}`,
});
