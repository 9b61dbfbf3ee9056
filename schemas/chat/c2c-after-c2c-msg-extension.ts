import { defineCommand } from "../define.js";
import { c2cPartiesProperties, eventTimeMs, msgExtensionProperties } from "./sns-c2c-fragments.js";

/**
 * Extension key-values of a one-to-one message were set, deleted or cleared. One message can be
 * extended many times, so a callback is identified by `MsgKey` together with the message's
 * extension version `Seq`. The page's first sample (set) is the sample; its second (delete) is a
 * variant.
 */
export default defineCommand({
  command: "C2C.CallbackAfterC2CMsgExtension",
  kind: "after",
  dedupe: ["MsgKey", "Seq"],
  summary: "a one-to-one message's extensions were changed",
  source: "https://www.tencentcloud.com/document/product/1047/76006",
  schema: {
    required: ["MsgKey"],
    properties: {
      ...c2cPartiesProperties,
      MsgKey: { type: "string", description: "the extended message's unique key" },
      ...msgExtensionProperties,
      EventTime: eventTimeMs,
    },
  },
  sample: `{
"CallbackCommand": "C2C.CallbackAfterC2CMsgExtension",
"From_Account":"user1",
"To_Account":"user2",
"MsgKey":"93847636_1287657_1764688415",
"OperateType":1,
"ExtensionList":[
{"Key":"k1","Value":"v1","Seq":1},
{"Key":"k2","Value":"v2","Seq":1},
{"Key":"k3","Value":"v3","Seq":1}
],
"Seq":1,
"EventTime":1764688540182
}`,
  pages: { en: "https://www.tencentcloud.com/document/product/1047/76006" },
  variants: [
    {
      source: "https://www.tencentcloud.com/document/product/1047/76006",
      note: "the page's second sample: extensions deleted (OperateType 2)",
      text: `{
"CallbackCommand": "C2C.CallbackAfterC2CMsgExtension",
"From_Account":"user1",
"To_Account":"user2",
"MsgKey":"93847636_1287657_1764688415",
"OperateType":2,
"ExtensionList":[
{"Key":"k1","Value":"","Seq":2},
{"Key":"k2","Value":"","Seq":2},
{"Key":"k3","Value":"","Seq":2}
],
"Seq":2,
"EventTime":1764688641499
}`,
    },
  ],
});
