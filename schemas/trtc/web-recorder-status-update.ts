import { defineCommand } from "../define.js";
import { taskDedupe, webRecorderEvent } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "WebRecorderStatusUpdate",
  group: 8,
  code: 803,
  kind: "after",
  summary: "the web-page recording status changed (refresh, pause, resume)",
  source: "https://trtc.io/document/54914",
  schema: webRecorderEvent("1 page refreshed | 2 recording paused | 3 recording resumed", "PageRefresh | RecordPaused | RecordResume | Page load timeout"),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 8,
  "EventType": 803,
  "CallbackTs": 1622186275913,
  "EventInfo": {
    "EventMsTs": 1622186275757,
    "TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
    "Payload": {
      "Status": 1,
      "EventMessage": "PageRefresh"
    }
  }
}`,
});
