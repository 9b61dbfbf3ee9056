import { defineCommand } from "../define.js";
import { mediaEvent, userEventDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "StartAudio",
  group: 2,
  code: 203,
  kind: "after",
  summary: "a user started pushing audio",
  source: "https://trtc.io/document/39558",
  schema: mediaEvent(),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	2,
	"EventType":	203,
	"CallbackTs":	1687771869377,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687771869,
		"EventMsTs":	1687771869365,
		"UserId":	"test"
	}
}`,
});
