import { defineCommand } from "../define.js";
import { mediaEvent, userEventDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "StartVideo",
  group: 2,
  code: 201,
  kind: "after",
  summary: "a user started pushing video",
  source: "https://trtc.io/document/39558",
  schema: mediaEvent(),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	2,
	"EventType":	201,
	"CallbackTs":	1687771803198,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687771803,
		"EventMsTs":	1687771803192,
		"UserId":	"test"
	}
}`,
});
