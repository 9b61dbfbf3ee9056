import { defineCommand } from "../define.js";
import { roomEvent, userEventDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "CreateRoom",
  group: 1,
  code: 101,
  kind: "after",
  summary: "a room was created",
  source: "https://trtc.io/document/39558",
  schema: roomEvent(),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	1,
	"EventType":	101,
	"CallbackTs":	1687770730166,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687770730,
		"EventMsTs":	1687770730160,
		"UserId":	"test"
	}
}`,
  variants: [
    {
      source: "https://trtc.io/document/39558",
      note: "the page's older sample, without EventMsTs",
      text: `{
	"EventGroupId":	1,
	"EventType":	101,
	"CallbackTs":	1608086882372,
	"EventInfo":	{
		"RoomId":	20222,
		"EventTs":	1608086882,
		"UserId":	"222222_phone"
	}
}`,
    },
  ],
});
