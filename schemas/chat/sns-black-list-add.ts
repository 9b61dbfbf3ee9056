import { defineCommand } from "../define.js";
import { accountPairList } from "./sns-c2c-fragments.js";

export default defineCommand({
  command: "Sns.CallbackBlackListAdd",
  kind: "after",
  summary: "users were added to a blocklist",
  source: "https://trtc.io/document/34361",
  schema: {
    required: ["PairList"],
    properties: {
      PairList: { ...accountPairList, description: "the pairs added (To_Account joined From_Account's blocklist)" },
    },
  },
  sample: `{
"CallbackCommand": "Sns.CallbackBlackListAdd",
"PairList": [
{
"From_Account": "id",
"To_Account": "id1"
},
{
"From_Account": "id",
"To_Account": "id2"
},
{
"From_Account": "id",
"To_Account": "id3"
}
]
}`,
  pages: { en: "https://trtc.io/document/34361", zh: "https://www.tencentcloud.com/zh/document/product/1047/34361" },
});
