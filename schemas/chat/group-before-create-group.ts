import { defineCommand } from "../define.js";
import { eventTime, groupType, memberList } from "./group-fragments.js";

/**
 * A group is about to be created; the reply decides: ErrorCode 0 allows, 1 refuses (the caller gets
 * 10016), a code in [10100, 10200] refuses and reaches the client with ErrorInfo. The page says nothing
 * about timeouts; the Webhook Overview (https://trtc.io/document/34354) makes going ahead the default.
 */
export default defineCommand({
  command: "Group.CallbackBeforeCreateGroup",
  kind: "before",
  reply: "plain",
  onTimeout: "allow",
  summary: "a group is about to be created",
  source: "https://trtc.io/document/34368",
  schema: {
    required: ["Owner_Account"],
    properties: {
      Operator_Account: { type: "string", description: "UserID of who asked to create the group" },
      Owner_Account: { type: "string", description: "UserID of the owner of the group to be created" },
      Type: groupType,
      Name: { type: "string", description: "name of the group to be created" },
      CreateGroupNum: { type: "integer", description: "groups of this type the user has already created" },
      MemberList: { ...memberList, description: "initial members" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackBeforeCreateGroup",
"Operator_Account": "leckie",
"Owner_Account": "leckie",
"Type": "Public",
"Name": "MyFirstGroup",
"CreateGroupNum": 123,
"MemberList": [
{
"Member_Account": "bob"
},
{
"Member_Account": "peter"
}
],
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/34368" },
});
