import { defineCommand } from "../define.js";
import { eventMsTs, int, payload, roomId, str, taskId, trtcEvent } from "./fragments.js";

/**
 * The field table names the event time EventMsTs, the sample EventTsMs: both accepted, neither required.
 * The table types TaskId as a Number, the sample sends a string: typed string. Events can arrive out
 * of order: sort by the event time.
 */
export default defineCommand({
  protocol: "trtc",
  command: "CloudPublishCdnStatus",
  group: 4,
  code: 401,
  kind: "after",
  summary: "the state of a relay-to-CDN URL changed",
  source: "https://trtc.io/document/54913",
  schema: trtcEvent({
    eventInfo: {
      RoomId: roomId,
      RoomType: int("0 numeric room ID | 1 string room ID"),
      EventMsTs: eventMsTs,
      EventTsMs: { ...eventMsTs, description: "the samples' name for EventMsTs" },
      UserId: str("user ID of the relay robot (AgentParams.UserId of the task)"),
      TaskId: taskId,
      Payload: payload({
        Url: str("the relay destination URL"),
        Status: int(
          "0 idle (not started or ended) | 1 connecting (every 5 s, for up to 60 s) | 2 relaying | 3 recovering (every 5 s, for up to 60 s) | 4 failed | 5 disconnecting",
        ),
        ErrorCode: int("error code"),
        ErrorMsg: str("error message"),
      }),
    },
    required: ["TaskId"],
  }),
  dedupe: ["EventInfo.TaskId", "EventInfo.Payload.Url", "EventInfo.Payload.Status", "EventInfo.EventMsTs", "EventInfo.EventTsMs"],
  sample: `{
    "EventGroupId": 4,
    "EventType": 401,
    "CallbackTs": 1622186275913,
    "EventInfo": {
        "RoomId": "xx",
        "RoomType": 1,
        "EventTsMs": 1622186275913,
        "UserId": "xx",
        "TaskId": "xx",
        "Payload": {
            "Url": "rtmp://tencent-url/xxxx",
            "Status": 2
        }
    }
}`,
});
