import { defineCommand } from "../define.js";

/**
 * The result of cloud content moderation (sent only for content it flags, unless the console asks
 * for every result). The page's sample has no `CallbackCommand` field: the command is named only
 * in the query string, so this sample adds `"CallbackCommand": "ContentCallback.ResultNotify"` as
 * its first field and keeps every other value as written. `MsgID` is the message's MsgKey for
 * one-to-one messages and its MsgSeq for group messages.
 */
export default defineCommand({
  command: "ContentCallback.ResultNotify",
  kind: "after",
  summary: "cloud content moderation returned a result",
  source: "https://trtc.io/document/78240",
  schema: {
    required: ["Scene"],
    properties: {
      Scene: {
        type: "string",
        description: "C2C | C2CCustom | Group | GroupCustom | GroupInfo | GroupMemberInfo | RelationChain | UserInfo",
      },
      SdkAppId: { type: "string" },
      From_Account: { type: "string", description: "the user who submitted the content" },
      ContactItem: {
        type: "object",
        description: "the message's recipient, for message moderation",
        properties: {
          ContactType: { type: "integer", description: "1 = one-to-one (To_Account) | 2 = group (ToGroupId)" },
          To_Account: { type: "string" },
          ToGroupId: { type: "string" },
        },
      },
      ContentType: { type: "string", description: "Text | Image | Audio | Video" },
      TextContent: {
        type: "array",
        items: { type: "string" },
        description: "the text moderated, when ContentType is Text (custom messages may give several elements)",
      },
      FileURL: { type: "string", description: "the file moderated, when ContentType is Image, Audio or Video" },
      MsgID: { type: "string", description: "one-to-one: the message's MsgKey; group: its MsgSeq" },
      CtxcbResult: { type: "integer", description: "1 = blocked | 0 = passed" },
      CtxcbRequestId: { type: "string", description: "the moderation request's ID" },
      CtxcbKeywords: { type: "array", items: { type: "string" }, description: "the keywords hit in the text" },
      CtxcbSuggestion: { type: "string", description: "the moderation service's suggestion (the sample has Review)" },
      CtxcbLabel: { type: "string", description: "the main label hit, e.g. Sexy" },
      CtxcbSubLabel: { type: "string" },
      CtxcbSubLabelDesc: { type: "string" },
      CtxcbLibName: { type: "string", description: "the custom library that matched" },
      CloudCustomData: { type: "string", description: "the message's custom data" },
    },
  },
  sample: `{
"CallbackCommand": "ContentCallback.ResultNotify",
"Scene": "C2C",
"SdkAppId": 1400187352,
"From_Account": "jared",
"ContactItem": {
"ContactType": 1,
"To_Account": "Jonh"
},
"ContentType": "Text",
"TextContent": ["aaabbbccc", "1234567"],
"MsgID": "1434460578_4137340972_1661154487",
"CtxcbResult": 1,
"CtxcbRequestId": "241ed925-4c56-4357-95dd-1e6e7798f214",
"CtxcbKeywords": ["aaabbbccc", "1234567"],
"CtxcbSuggestion": "Review",
"CtxcbLabel": "Sexy",
"CtxcbSubLabel": "InsinuationPorn",
"CtxcbSubLabelDesc": "XXXX",
"CtxcbLibName": "test",
"CloudCustomData": "aaabbbccc"
}`,
});
