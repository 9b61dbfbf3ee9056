import { defineCommand } from "../define.js";
import { callId, eventTime, mediaType, roomId, roomIdType } from "./fragments.js";

/**
 * A call ended (one member or none left); its record can be queried five seconds later. The
 * page's sample lacks the comma between `CallRecord` and `EventTime`; it is added.
 */
export default defineCommand({
  command: "Call.CallbackAfterEndCall",
  kind: "after",
  summary: "a call ended",
  source: "https://trtc.io/document/68940",
  dedupe: ["CallRecord.CallId"],
  schema: {
    required: ["CallRecord"],
    properties: {
      CallRecord: {
        type: "object",
        required: ["CallId"],
        properties: {
          CallId: callId,
          Caller_Account: { type: "string", description: "the caller's user ID" },
          MediaType: mediaType,
          CallType: { type: "string", description: "SingleCall (one-to-one) | MultiCall (group call)" },
          StartTime: { type: "integer", description: "when the call was started, seconds since the epoch" },
          EndTime: { type: "integer", description: "when it ended, seconds since the epoch" },
          AcceptTime: { type: "integer", description: "when it was answered, seconds since the epoch (0: never)" },
          CallResult: {
            type: "string",
            description: "Cancel | Reject | NotAnswer | NormalEnd | CallBusy | Interrupt (network) | Offline (heartbeat expired)",
          },
          CalleeList_Account: { type: "array", items: { type: "string" }, description: "the members called" },
          RoomId: roomId,
          RoomIdType: roomIdType,
        },
      },
      EventTime: eventTime,
    },
  },
  sample: `{"CallbackCommand":"Call.CallbackAfterEndCall","CallRecord": {"CallId": "055662e1-bc8a-469c-a334-1126c8c17d58","Caller_Account": "10001","MediaType": "Audio","CallType": "SingleCall","StartTime": 1741231146,"EndTime": 1741231296,"AcceptTime": 0,"CallResult": "NotAnswer","CalleeList_Account": ["10001", "user2"],"RoomId": "roomid-1434","RoomIdType": 2},"EventTime":1703589922780}`,
  pages: { en: "https://trtc.io/document/68940" },
});
