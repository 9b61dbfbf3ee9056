import type { JsonSchema } from "../define.js";
import { defineCommand } from "../define.js";
import { int, recordingEvent } from "../trtc/fragments.js";
import { callId, eventTime } from "./fragments.js";

const envelope = recordingEvent({ Status: int("0 = success; other values depend on EventType") }) as {
  required: readonly string[];
  properties: Record<string, JsonSchema>;
};

/**
 * A call's cloud recording changed state: a TRTC cloud-recording event (group 3, the body of
 * https://trtc.io/document/54914) wrapped in the callback endpoint's envelope, under `Callback`,
 * with `KitType` beside it. The event types are the TRTC ones (301 recorder started … 312 VOD
 * stopped); `Payload` carries more fields for some of them, which pass untyped.
 */
export default defineCommand({
  command: "Call.CallbackAfterRecordChanged",
  kind: "after",
  summary: "a call's cloud recording changed state (a TRTC recording event)",
  source: "https://trtc.io/document/80345",
  dedupe: ["CallId", "Callback.EventType", "Callback.EventInfo.TaskId", "Callback.EventInfo.EventMsTs"],
  schema: {
    required: ["CallId", "Callback"],
    properties: {
      CallId: callId,
      Callback: {
        type: "object",
        required: ["EventGroupId", "EventType", ...envelope.required],
        properties: {
          EventGroupId: { type: "integer", description: "3: cloud recording" },
          EventType: {
            type: "integer",
            description:
              "301 recorder started | 302 recorder stopped | 303 upload started | 304 m3u8 index generated | 305 upload finished | 306 failover | 307 first slice | 309 image download error | 310 MP4 stopped | 311 VOD commit | 312 VOD stopped",
          },
          ...envelope.properties,
          KitType: { type: "integer", description: "which UIKit the call came from (the sample sends 2; the page does not list the values)" },
        },
      },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallId": "f6273604-3806-4abb-bc7e-090cd9208ee6",
"Callback": {
"EventGroupId": 3,
"EventType": 301,
"CallbackTs": 1774425607091,
"EventInfo": {
"RoomId": "1280586498",
"EventTs": 1774425607,
"UserId": "callkit_1500099430_record_1280586498",
"TaskId": "-nHuqHlU7islZCDCjMne7HY2TJoU1NbbDkHjVoK-yqHu8ZWQndibQJtEhvB6ShqolkmNmnxz7AE.",
"Payload": {
"Status": 0
},
"EventMsTs": 1774425607077
},
"KitType": 2
},
"CallbackCommand": "Call.CallbackAfterRecordChanged",
"EventTime": 1774425607149
}`,
  pages: { en: "https://trtc.io/document/80345" },
});
