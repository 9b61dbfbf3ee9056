import { defineCommand } from "../define.js";

/**
 * The result of cloud content moderation (sent only for content it flags, unless the console asks
 * for every result). The page's sample has no `CallbackCommand` field: the command is named only
 * in the query string, so this sample adds `"CallbackCommand": "ContentCallback.ResultNotify"` as
 * its first field and keeps every other value as written. `MsgID` is the message's MsgKey for
 * one-to-one messages and its MsgSeq for group messages.
 *
 * The console guide's copy of this callback (1047/77840) shows a shorter sample, without the
 * `Ctxcb…` details after `CtxcbRequestId`, kept as a variant; its English table calls `TextContent`
 * a String (https://intl.cloud.tencent.com/document/product/1047/77840) where its own sample, its
 * Chinese table and both 78240 pages send an array of strings: both are accepted.
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
        type: ["array", "string"],
        items: { type: "string" },
        description: "the text moderated, when ContentType is Text (custom messages may give several elements); an array, or a string as one page's table says",
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
  pages: { en: "https://trtc.io/document/78240", zh: "https://cloud.tencent.com/document/product/269/95616" },
  variants: [
    {
      source: "https://intl.cloud.tencent.com/document/product/1047/77840",
      note: "the console guide's shorter sample (the same on its Chinese copy), without the Ctxcb details after CtxcbRequestId; CallbackCommand added as in the sample",
      text: `{"CallbackCommand":"ContentCallback.ResultNotify","Scene":"C2C","SdkAppId":1400187352,"From_Account":"jared","ContactItem":{"ContactType":1,"To_Account":"Jonh"},"ContentType":"Text","TextContent":["aaabbbccc","1234567"],"MsgID":"1434460578_4137340972_1661154487","CtxcbResult":1,"CtxcbRequestId":"241ed925-4c56-4357-95dd-1e6e7798f214"}`,
    },
  ],
  disagreements: [
    {
      field: "TextContent",
      en: {
        url: "https://intl.cloud.tencent.com/document/product/1047/77840",
        says: "TextContent: String, the text recognised (its own sample sends an array; trtc.io/document/78240 says Array)",
      },
      zh: {
        url: "https://intl.cloud.tencent.com/zh/document/product/1047/77840",
        says: "TextContent: Array, the text recognised (as cloud.tencent.com 269/95616)",
      },
      resolution: "an array of strings or a string: check Array.isArray(payload.TextContent)",
    },
  ],
});
