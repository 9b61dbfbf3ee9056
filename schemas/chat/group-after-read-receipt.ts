import { defineCommand } from "../define.js";
import { eventTime, groupId, groupType, memberList, msgSeq } from "./group-fragments.js";

/**
 * The page's sample lacks the comma after the first `"UnreadNum": 6`; it is added. The Chinese page
 * (tencentcloud.com/zh 1047/60395) has the same sample, missing comma included, and the same table.
 */
export default defineCommand({
  command: "Group.CallbackAfterReadReceipt",
  kind: "after",
  summary: "group messages were read (read receipts)",
  source: "https://trtc.io/document/60395",
  schema: {
    required: ["GroupId", "GroupMsgReceiptList"],
    properties: {
      GroupId: groupId,
      Type: { ...groupType, description: "group type (not Community)" },
      GroupMsgReceiptList: {
        type: "array",
        description: "read-receipt state per message",
        items: {
          type: "object",
          properties: {
            MsgSeq: msgSeq,
            ReadNum: { type: "integer", description: "members who have read it" },
            UnreadNum: { type: "integer", description: "members who have not" },
            ReadReceiptMembers: { ...memberList, description: "members who have read it" },
          },
        },
      },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterReadReceipt",
"GroupId": "@TGS#2TTV7VSII",
"Type": "Public",
"GroupMsgReceiptList": [
{
"MsgSeq": 1,
"ReadNum": 1,
"UnreadNum": 6,
"ReadReceiptMembers":[
{
"Member_Account":"user0"
}
]
},
{
"MsgSeq": 2,
"ReadNum": 1,
"UnreadNum": 6,
"ReadReceiptMembers":[
{
"Member_Account":"user0"
}
]
}
],
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/60395", zh: "https://www.tencentcloud.com/zh/document/product/1047/60395" },
});
