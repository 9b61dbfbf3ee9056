import { defineCommand } from "../define.js";
import { taskDedupe, webRecorderEvent } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "WebRecorderStop",
  group: 8,
  code: 802,
  kind: "after",
  summary: "the web-page recording task ended",
  source: "https://trtc.io/document/54914",
  schema: webRecorderEvent("1 the task ended normally", "Success"),
  dedupe: taskDedupe,
  sample: `{
  "EventGroupId": 8,
  "EventType": 802,
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
