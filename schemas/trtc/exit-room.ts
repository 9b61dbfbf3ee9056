import { defineCommand } from "../define.js";
import { int, role, roomEvent, userEventDedupe } from "./fragments.js";

export default defineCommand({
  protocol: "trtc",
  command: "ExitRoom",
  group: 1,
  code: 104,
  kind: "after",
  summary: "a user left a room (no StopVideo / StopAudio is sent for it)",
  source: "https://trtc.io/document/39558",
  schema: roomEvent({
    Role: role,
    Reason: int(
      "1 normal exit | 2 timeout | 3 removed from the room | 4 cross-room co-anchoring ended | 5 process killed (on Android a kill is reported as 2)",
    ),
  }),
  dedupe: userEventDedupe,
  sample: `{
	"EventGroupId":	1,
	"EventType":	104,
	"CallbackTs":	1687770731922,
	"EventInfo":	{
		"RoomId":	12345,
		"EventTs":	1687770731,
		"EventMsTs":	1687770731898,
		"UserId":	"test",
		"Role":	20,
		"Reason":	1
	}
}`,
});
