import { defineCommand } from "../define.js";
import { eventTime, groupOperationProperties } from "./group-fragments.js";

/** The page's sample sends `OptionType`, which its table does not list: it is accepted. */
export default defineCommand({
  command: "Group.CallbackAfterGroupAttrChanged",
  kind: "after",
  summary: "a group's custom attributes changed",
  source: "https://trtc.io/document/60394",
  schema: {
    required: ["GroupId"],
    properties: {
      ...groupOperationProperties,
      OptionType: { type: "string", description: "set (reset all) | modify | clear | delete" },
      GroupAttr: {
        type: "array",
        description: "the custom attributes concerned",
        items: { type: "object", properties: { key: { type: "string" }, value: { type: "string" } } },
      },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Group.CallbackAfterGroupAttrChanged",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Public",
"Operator_Account": "leckie",
"OptionType":"set",
"GroupAttr": [
{
"key": "key1",
"value": "value1"
},
{
"key": "key2",
"value": "values"
}
],
"EventTime":"1670574414123"
}`,
  pages: { en: "https://trtc.io/document/60394" },
});
