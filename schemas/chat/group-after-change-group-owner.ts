import { defineCommand } from "../define.js";
import { eventTime, groupOperationProperties } from "./group-fragments.js";

export default defineCommand({
  command: "Group.CallbackAfterChangeGroupOwner",
  kind: "after",
  summary: "a group's owner changed",
  source: "https://trtc.io/document/60396",
  schema: {
    required: ["GroupId", "NewOwner_Account"],
    properties: {
      ...groupOperationProperties,
      OldOwner_Account: { type: "string", description: "UserID of the previous owner" },
      NewOwner_Account: { type: "string", description: "UserID of the new owner" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterChangeGroupOwner",
"GroupId": "@TGS#2TTV7VSII",
"Type": "Public",
"Operator_Account": "admin",
"OldOwner_Account": "user1",
"NewOwner_Account": "user2",
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/60396", zh: "https://trtc.io/zh/document/60396" },
});
