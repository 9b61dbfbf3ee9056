import { defineCommand } from "../define.js";
import { streamIngestEvent, taskDedupe } from "./fragments.js";

/**
 * The body table says EventGroupId is 4 (copied from the relay page); the group table and the samples
 * say 7. The send time is CallbackMsTs, not CallbackTs. The variant is the body of the page's signature
 * example. Events can arrive out of order: sort by EventMsTs.
 */
export default defineCommand({
  protocol: "trtc",
  command: "StreamIngestStart",
  group: 7,
  code: 701,
  kind: "after",
  summary: "an online media stream ingest started, failed or restarted",
  source: "https://trtc.io/document/62717",
  schema: streamIngestEvent("0 started | 1 failed to start | 2 restarting (retries at 0, 1 and 3 s)"),
  dedupe: taskDedupe,
  sample: `{
	"EventGroupId": 7,
	"EventType": 701,
	"CallbackMsTs": 1701937900012,
	"EventInfo": {
		"EventMsTs": 1701937900013,
		"TaskId": "xx",
		"Status": 0
	}
}`,
  variants: [
    {
      source: "https://trtc.io/document/62717",
      note: "the body of the page's signature example",
      text: `{"EventGroupId":7,"EventType":701,"CallbackMsTs":1701937900012,"EventInfo":{"EventMsTs":1701937900012,"TaskId":"WMdqEeEgj2ksqnyUsuXC+qLkVypGmwjrgh1JC6ZefVP+rvsidDnZsAw8uWgX0XRGvdSVfAMunise2kcZaefdgHvx3-M2v6fmTjRNgg..","Status":0}}`,
    },
  ],
});
