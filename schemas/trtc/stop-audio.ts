import { defineCommand } from "../define.js";
import { mediaEvent, mediaStopReason, userEventDedupe } from "./fragments.js";

/**
 * The sample is the body of the page's signature example (key 123654, Sign
 * kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=), byte for byte; the page's own 204 sample is the variant.
 */
export default defineCommand({
  protocol: "trtc",
  command: "StopAudio",
  group: 2,
  code: 204,
  kind: "after",
  summary: "a user stopped pushing audio",
  source: "https://trtc.io/document/39558",
  schema: mediaEvent({ Reason: mediaStopReason }),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	2,
	"EventType":	204,
	"CallbackTs":	1664209748188,
	"EventInfo":	{
		"RoomId":	8489,
		"EventTs":	1664209748,
		"EventMsTs":	1664209748180,
		"UserId":	"user_85034614",
		"Reason":	0
	}
}`,
  variants: [
    {
      source: "https://trtc.io/document/39558",
      note: "the page's own 204 sample",
      text: `{
	"EventGroupId":	2,
	"EventType":	204,
	"CallbackTs":	1687770732498,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687770732,
		"EventMsTs":	1687770732383,
		"UserId":	"test",
		"Reason":	0
	}
}`,
    },
  ],
});
