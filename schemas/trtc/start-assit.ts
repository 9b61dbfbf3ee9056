import { defineCommand } from "../define.js";
import { mediaEvent, userEventDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "StartAssit",
  group: 2,
  code: 205,
  kind: "after",
  summary: "a user started pushing the substream (screen sharing)",
  source: "https://trtc.io/document/39558",
  schema: mediaEvent(),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	2,
	"EventType":	205,
	"CallbackTs":	1687772013823,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687772013,
		"EventMsTs":	1687772013753,
		"UserId":	"test"
	}
}`,
});
