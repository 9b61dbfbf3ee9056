import { defineCommand } from "../define.js";
import { unreadMsgNum } from "./sns-c2c-fragments.js";

/** A user marked a one-to-one conversation as read (on a client, or through the REST API admin_set_msg_read). */
export default defineCommand({
  command: "C2C.CallbackAfterMsgReport",
  kind: "after",
  summary: "a one-to-one conversation was marked as read",
  source: "https://trtc.io/document/43465",
  schema: {
    required: ["Report_Account", "Peer_Account"],
    properties: {
      Report_Account: { type: "string", description: "the user who marked the conversation as read" },
      Peer_Account: { type: "string", description: "the other user of the conversation" },
      LastReadTime: { type: "integer", description: "the read time, seconds since the epoch" },
      UnreadMsgNum: unreadMsgNum,
    },
  },
  sample: `{
"CallbackCommand": "C2C.CallbackAfterMsgReport",
"Report_Account": "jared",
"Peer_Account": "Jonh",
"LastReadTime": 1614754606,
"UnreadMsgNum": 7
}`,
});
