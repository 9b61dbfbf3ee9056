import { defineCommand } from "../define.js";
import { eventTime } from "./fragments.js";

/**
 * Source: https://trtc.io/document/64424 (= tencentcloud.com/document/product/647/64424). The page
 * contradicts itself: its parameter table says the query's CallbackCommand is "fixed as
 * `Live.CallbackMemberStateChanged`", its sample body says `Live.CallbackAfterMemberStateChanged` (the
 * name the command list at trtc.io/document/64413 uses). Both names are accepted in the body
 * (`CallbackCommand` is an enum), and `aliases` lets the registry map the short name to this
 * definition. `MemberList[].Member_Account` is a string (numbers are coerced). The newest page version
 * adds a fifth `EventCause`, `Kicked`; any string is accepted.
 */
export default defineCommand({
  command: "Live.CallbackAfterMemberStateChanged",
  kind: "after",
  aliases: ["Live.CallbackMemberStateChanged"],
  summary: "room members went online or offline (entered, left, lost or regained their heartbeat)",
  source: "https://trtc.io/document/64424",
  schema: {
    required: ["RoomId"],
    properties: {
      RoomId: { type: "string" },
      EventType: { type: "string", description: "Online | Offline" },
      EventCause: { type: "string", description: "Enter | Leave | HeartbeatInterrupt | HeartbeatRecover | Kicked" },
      MemberList: {
        type: "array",
        items: {
          type: "object",
          properties: {
            Member_Account: { type: "string" },
          },
        },
      },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand":"Live.CallbackAfterMemberStateChanged",
"RoomId":"room_id",
"EventType":"Online",
"EventCause":"Enter",
"MemberList":[
{
"Member_Account": "jared"
},
{
"Member_Account": "tommy"
}
],
"EventTime":1703589922780
}`,
  variants: [
    {
      source: "https://trtc.io/document/64424",
      note: "the name the page's parameter table gives, Live.CallbackMemberStateChanged, in the body",
      text: `{"CallbackCommand":"Live.CallbackMemberStateChanged","RoomId":"room_id","EventType":"Offline","EventCause":"HeartbeatInterrupt","MemberList":[{"Member_Account":"jared"}],"EventTime":1703589922780}`,
    },
  ],
  pages: { en: "https://trtc.io/document/64424" },
});
