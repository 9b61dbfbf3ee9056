import { defineCommand } from "../define.js";
import { mediaEvent, mediaStopReason, userEventDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "StopVideo",
  group: 2,
  code: 202,
  kind: "after",
  summary: "a user stopped pushing video",
  source: "https://trtc.io/document/39558",
  schema: mediaEvent({ Reason: mediaStopReason }),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	2,
	"EventType":	202,
	"CallbackTs":	1687771919458,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687771919,
		"EventMsTs":	1687771919447,
		"UserId":	"test",
		"Reason":	0
	}
}`,
});
