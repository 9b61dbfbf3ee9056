import { defineCommand } from "../define.js";
import { role, roomEvent, userEventDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "ChangeRole",
  group: 1,
  code: 105,
  kind: "after",
  summary: "a user switched role (anchor / audience)",
  source: "https://trtc.io/document/39558",
  schema: roomEvent({ Role: role }),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	1,
	"EventType":	105,
	"CallbackTs":	1687772245596,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687772245,
		"EventMsTs":	1687772245537,
		"UserId":	"test",
		"Role":	21
	}
}`,
});
