import { defineCommand } from "../define.js";
import { int, role, roomEvent, userEventDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "EnterRoom",
  group: 1,
  code: 103,
  kind: "after",
  summary: "a user entered a room",
  source: "https://trtc.io/document/39558",
  schema: roomEvent({
    Role: role,
    TerminalType: int("1 Windows | 2 Android | 3 iOS | 4 Linux | 100 other"),
    UserType: int("1 WebRTC | 2 mini program | 3 native SDK"),
    Reason: int("1 normal entry | 2 network switch | 3 timeout retry | 4 cross-room co-anchoring"),
  }),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	1,
	"EventType":	103,
	"CallbackTs":	1687770731932,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687770731,
		"EventMsTs":	1687770731831,
		"UserId":	"test",
		"Role":	21,
		"TerminalType":	2,
		"UserType":	3,
		"Reason":	1
	}
}`,
  variants: [
    {
      source: "https://trtc.io/document/39558",
      note: "the page's older sample, without EventMsTs, with UniqueId",
      text: `{
	"EventGroupId":	1,
	"EventType":	103,
	"CallbackTs":	1615554923704,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1615554922,
		"UserId":	"test",
		"UniqueId":	1615554922656,
		"Role":	20,
		"TerminalType":	3,
		"UserType":	3,
		"Reason":	1
	}
}`,
    },
    {
      source: "https://trtc.io/document/39558",
      note: "the page's older sample without TerminalType and UserType",
      text: `{
	"EventGroupId":	1,
	"EventType":	103,
	"CallbackTs":	1615554923704,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1608441737,
		"UserId":	"test",
		"UniqueId":	1615554922656,
		"Role":	20,
		"Reason":	1
	}
}`,
    },
  ],
});
