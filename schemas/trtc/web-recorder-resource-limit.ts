import { defineCommand } from "../define.js";
import { taskDedupe, webRecorderEvent } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "WebRecorderResourceLimit",
  group: 8,
  code: 804,
  kind: "after",
  summary: "a web-page recording ended on a limit (duration or resolution)",
  source: "https://trtc.io/document/54914",
  schema: webRecorderEvent(
    "1 the maximum recording duration was reached | 2 a video above the maximum resolution (1920x1080) appeared on the page",
    "a description of the limit, e.g. Over time limit, Exceeding resolution limitation",
  ),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 8,
  "EventType": 804,
  "CallbackTs": 1622186275913,
  "EventInfo": {
    "EventMsTs": 1622186275757,
    "TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
    "Payload": {
      "Status": 1,
      "EventMessage": "Over time limit"
    }
  }
}`,
});
