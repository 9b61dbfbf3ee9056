import { defineCommand } from "../define.js";
import { accountPairList } from "./sns-c2c-fragments.js";

export default defineCommand({
  command: "Sns.CallbackFriendDelete",
  kind: "after",
  summary: "friends were deleted",
  source: "https://trtc.io/document/34360",
  schema: {
    required: ["PairList"],
    properties: {
      PairList: { ...accountPairList, description: "the friend pairs deleted (To_Account left From_Account's friend list)" },
    },
  },
  sample: `{
"CallbackCommand": "Sns.CallbackFriendDelete",
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
  pages: { en: "https://trtc.io/document/34360", zh: "https://www.tencentcloud.com/zh/document/product/1047/34360" },
});
