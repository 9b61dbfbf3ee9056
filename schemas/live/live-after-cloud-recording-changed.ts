import { defineCommand } from "../define.js";

/**
 * A TRTC cloud-recording event (group 3) delivered through the callback endpoint, in the TRTC event
 * envelope plus `CallbackCommand`. The Chinese page (https://cloud.tencent.com/document/product/269/129603)
 * now publishes it as `Live.CallbackAfterCloudRecordingChanged`, the canonical name here; the English page
 * (the sample's source, https://intl.cloud.tencent.com/document/product/647/78428) still names it
 * `Follow.CallbackAfterCloudRecordingChanged`, an alias: either name reaches the same handlers. `Payload`
 * carries more fields for some event types (file names, VOD info); they pass untyped.
 */
export default defineCommand({
  command: "Live.CallbackAfterCloudRecordingChanged",
  aliases: ["Follow.CallbackAfterCloudRecordingChanged"],
  kind: "after",
  summary: "a live room's cloud recording changed state",
  source: "https://intl.cloud.tencent.com/document/product/647/78428",
  schema: {
    required: ["EventGroupId", "EventType", "EventInfo"],
    properties: {
      EventGroupId: { type: "integer", const: 3, description: "3: cloud recording" },
      EventType: {
        type: "integer",
        description:
          "301 recorder started | 302 recorder stopped | 303 upload started | 304 m3u8 index generated | 305 upload finished | 306 failover | 307 first slice | 309 image download error | 310 MP4 stopped | 311 VOD commit | 312 VOD stopped",
      },
      CallbackTs: { type: "integer", description: "milliseconds since the epoch when the callback was sent" },
      EventInfo: {
        type: "object",
        required: ["TaskId"],
        properties: {
          RoomId: { type: "string" },
          EventTs: { type: "integer", description: "Unix seconds of the event" },
          EventMsTs: { type: "integer", description: "milliseconds since the epoch of the event" },
          UserId: { type: "string", description: "the recorder's user ID in the room" },
          TaskId: { type: "string", description: "recording task ID" },
          Payload: {
            type: "object",
            properties: {
              Status: { type: "integer", description: "0 = success; other values depend on EventType" },
            },
          },
        },
      },
    },
  },
  dedupe: ["EventType", "EventInfo.TaskId", "EventInfo.EventMsTs"],
  sample: `{
"CallbackCommand": "Follow.CallbackAfterCloudRecordingChanged",
"EventGroupId": 3,
"EventType": 305,
"CallbackTs": 1752580150082,
"EventInfo": {
"RoomId": "635055",
"EventTs": 1752580150,
"EventMsTs": 1752580150081,
"UserId": "user1",
"TaskId": "-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE",
"Payload": {
"Status": 0
}
}
}`,
  pages: { en: "https://intl.cloud.tencent.com/document/product/647/78428" },
});
