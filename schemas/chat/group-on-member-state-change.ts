import { defineCommand } from "../define.js";
import { eventTime, groupId, memberList } from "./group-fragments.js";

/**
 * The page's table lists `EventCause` but its sample carries it only as a comment; the sample sends
 * `EventTime`, which the table leaves out. Both are accepted. The URL carries no `ClientIP` or
 * `OptPlatform`. The tencentcloud.com copy of the page (https://tencentcloud.com/jp/document/product/1047/48734)
 * shows the sample without `EventTime`: it stays optional, and that sample is a variant.
 */
export default defineCommand({
  command: "Group.CallbackOnMemberStateChange",
  kind: "after",
  summary: "audio-video group members went online or offline",
  source: "https://trtc.io/document/48734",
  schema: {
    required: ["GroupId"],
    properties: {
      GroupId: groupId,
      EventType: { type: "string", description: "Offline (disconnected) | Online (reconnected)" },
      EventCause: { type: "string", description: "HeartbeatInterrupt | HeartbeatRecover | Join (first entry) | Quit (last exit)" },
      MemberList: { ...memberList, description: "the members the event is about" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackOnMemberStateChange",
"GroupId": "@TGS#2J4SZEAEL",
"EventType": "Offline",
"MemberList": [
{
"Member_Account": "jared"
},
{
"Member_Account": "tommy"
}
],
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/48734" },
  variants: [
    {
      source: "https://tencentcloud.com/jp/document/product/1047/48734",
      note: "the tencentcloud.com copy of the page (in English): no EventTime (its EventCause comment removed)",
      text: `{
"CallbackCommand": "Group.CallbackOnMemberStateChange",
"GroupId": "@TGS#2J4SZEAEL",
"EventType": "Offline",
"MemberList": [
{
"Member_Account": "jared"
},
{
"Member_Account": "tommy"
}
]
}`,
    },
  ],
});
