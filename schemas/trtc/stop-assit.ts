import { defineCommand } from "../define.js";
import { mediaEvent, mediaStopReason, userEventDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "StopAssit",
  group: 2,
  code: 206,
  kind: "after",
  summary: "a user stopped pushing the substream (screen sharing)",
  source: "https://trtc.io/document/39558",
  schema: mediaEvent({ Reason: mediaStopReason }),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	2,
	"EventType":	206,
	"CallbackTs":	1687772015054,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687772015,
		"EventMsTs":	1687772015032,
		"UserId":	"test",
		"Reason":	0
	}
}`,
});
