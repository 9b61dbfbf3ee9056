import { defineCommand } from "../define.js";
import { streamIngestEvent, taskDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "StreamIngestStop",
  group: 7,
  code: 702,
  kind: "after",
  summary: "an online media stream ingest stopped",
  source: "https://trtc.io/document/62717",
  schema: streamIngestEvent("0 stopped"),
  dedupe: taskDedupe,
  sample: `{
	"EventGroupId": 7,
	"EventType": 702,
	"CallbackMsTs": 1701937960012,
	"EventInfo": {
		"EventMsTs": 1701937960013,
		"TaskId": "xx",
		"Status": 0
	}
}`,
});
