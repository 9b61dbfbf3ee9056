import { defineCommand } from "../define.js";
import { callId, eventTime, userList } from "./fragments.js";

/**
 * A member answered, refused, hung up, joined, went offline, was invited or uninvited. The page's
 * sample carries a comment inside `ChangedUserList` (removed) and lacks the comma before
 * `EventTime` (added). The comment and the field table name the actions differently (`Answer` /
 * `Accept`, `Invite` / `Invited`, `Cancel_Invite` / `Canncel_Invite`): `ActionType` is any string.
 * One call changes many times, so a callback is identified by `CallId` with `EventTime`.
 */
export default defineCommand({
  command: "Call.CallbackAfterMemberChanged",
  kind: "after",
  summary: "a call member's state changed",
  source: "https://trtc.io/document/69215",
  dedupe: ["CallId", "EventTime"],
  schema: {
    required: ["CallId"],
    properties: {
      CallId: callId,
      UserList: userList,
      ChangedUserList: {
        type: "array",
        description: "the members whose state changed",
        items: {
          type: "object",
          properties: {
            User_Account: { type: "string", description: "member's user ID" },
            ActionType: {
              type: "string",
              description:
                "Answer | Reject | NotAnswer | Hangup | Join | Offline (heartbeat expired) | Invite | Cancel_Invite (spellings vary between the page's sample and table)",
            },
          },
        },
      },
      EventTime: eventTime,
    },
  },
  sample: `{"CallbackCommand":"Call.CallbackAfterMemberChanged","CallId":"055662e1-bc8a-469c-a334-1126c8c17d58","UserList":[{"User_Account":"user1","Status":"Calling"},{"User_Account":"user2","Status":"Calling"}],"ChangedUserList":[{"User_Account":"user2","ActionType":"Answer"}],"EventTime":1740464128807}`,
  pages: { en: "https://trtc.io/document/69215" },
});
