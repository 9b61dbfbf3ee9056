import { defineCommand } from "../define.js";
import { groupType } from "./group-fragments.js";

/**
 * A topic is about to be created in a topic-enabled community; the reply decides: ErrorCode 0 allows,
 * 1 refuses (the caller gets 10016), a code in [10100, 10200] refuses and reaches the client with
 * ErrorInfo. The page's sample carries no `GroupId`, so none is required. It says nothing about
 * timeouts; the Webhook Overview (https://trtc.io/document/34354) makes going ahead the default.
 */
export default defineCommand({
  command: "Group.CallbackBeforeCreateTopic",
  kind: "before",
  reply: "plain",
  onTimeout: "allow",
  summary: "a topic is about to be created",
  source: "https://trtc.io/document/49463",
  schema: {
    properties: {
      Operator_Account: { type: "string", description: "UserID of who asked to create the topic" },
      Type: { ...groupType, description: "group type of the topic: Community" },
      Name: { type: "string", description: "name of the topic to be created" },
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackBeforeCreateTopic",
"Operator_Account": "leckie",
"Type": "Community",
"Name": "MyFirstTopic"
}`,
  pages: { en: "https://trtc.io/document/49463" },
});
