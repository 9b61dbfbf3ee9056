import { defineCommand } from "../define.js";
import { callId, eventTime, mediaType, roomId, roomIdType, userList } from "./fragments.js";

/**
 * A call was started. The field table names the media type `MediaType`, the sample (both the
 * trtc.io and the tencentcloud.com copies) `CallMediaType`: both are accepted. The sample sends the
 * members' `User_Account` as bare 64-bit numbers: they arrive as their exact decimal strings.
 */
export default defineCommand({
  command: "Call.CallbackAfterStartCall",
  kind: "after",
  summary: "a call was started",
  source: "https://trtc.io/document/68941",
  dedupe: ["CallInfo.CallId"],
  schema: {
    required: ["CallInfo"],
    properties: {
      CallInfo: {
        type: "object",
        required: ["CallId"],
        properties: {
          CallId: callId,
          CallMediaType: mediaType,
          MediaType: { ...mediaType, description: "Audio | Video (the field table's name; the sample sends CallMediaType)" },
          ChatGroupId: { type: "string", description: "the Chat group of a group call (empty otherwise)" },
          RoomId: roomId,
          RoomIdType: roomIdType,
        },
      },
      UserList: userList,
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand":"Call.CallbackAfterStartCall",
"CallInfo":{
"CallId":"055662e1-bc8a-469c-a334-1126c8c17d58",
"CallMediaType":"Audio",
"ChatGroupId":"",
"RoomId":"",
"RoomIdType":1
},
"UserList":[
{
"User_Account":144115212830834855,
"Status":"Calling"
},
{
"User_Account":144115212948889925,
"Status":"Waiting"
}
],
"EventTime":1740464128807
}`,
  pages: { en: "https://trtc.io/document/68941" },
});
