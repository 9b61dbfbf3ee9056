import { defineCommand } from "../define.js";
import { accountPairList } from "./sns-c2c-fragments.js";

export default defineCommand({
  command: "Sns.CallbackBlackListDelete",
  kind: "after",
  summary: "users were removed from a blocklist",
  source: "https://trtc.io/document/34362",
  schema: {
    required: ["PairList"],
    properties: {
      PairList: { ...accountPairList, description: "the pairs removed (To_Account left From_Account's blocklist)" },
    },
  },
  sample: `{
"CallbackCommand": "Sns.CallbackBlackListDelete",
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
  pages: { en: "https://trtc.io/document/34362" },
});
