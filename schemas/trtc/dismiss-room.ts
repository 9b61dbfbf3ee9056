import { defineCommand } from "../define.js";
import { roomDedupe, roomEvent } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "DismissRoom",
  group: 1,
  code: 102,
  kind: "after",
  summary: "a room was dissolved",
  source: "https://trtc.io/document/39558",
  schema: roomEvent(),
  dedupe: roomDedupe,
  sample: `{
	"EventGroupId":	1,
	"EventType":	102,
	"CallbackTs":	1687771618531,
	"EventInfo":	{
		"RoomId":	"12345",
		"EventTs":	1687771618,
		"EventMsTs":	1687771618457
	}
}`,
});
