import { defineCommand } from "../define.js";
import { msgKey, msgTimeSeconds, pushEventBatch } from "./official-account-fragments.js";

/**
 * Results of offline pushes for one-to-one and group messages, batched: the body is `{ Events: [...] }`
 * with 1 to 100 events, and `CallbackCommand` is sent in the URL and inside each event, not at the top
 * of the body. The page's sample ends the array with a `....` placeholder; it is removed.
 */
export default defineCommand({
  command: "Push.OfflinePush",
  kind: "after",
  summary: "offline push results for messages (batched)",
  source: "https://trtc.io/document/67552",
  schema: pushEventBatch({
    EventType: { type: "integer", description: "1 one-to-one message, 2 group message" },
    From_Account: { type: "string", description: "the sender" },
    MsgKey: { ...msgKey, description: "the one-to-one message's key (EventType 1 only; empty for groups)" },
    GroupID: { type: "string", description: "the group (EventType 2 only; empty for one-to-one)" },
    MsgSeq: { type: "integer", description: "message sequence number (32-bit unsigned)" },
    MsgRandom: { type: "integer", description: "message random number (32-bit unsigned; empty for groups)" },
    MsgTime: msgTimeSeconds,
    PushID: { type: "string", description: "the push's unique ID (for the console's push troubleshooting)" },
  }),
  sample: `{
"Events": [
{
"CallbackCommand":"Push.OfflinePush",
"EventType": 1,
"EventTime": 1557481127,
"From_Account": "user1",
"To_Account": "user2",
"PushPlatform": 1,
"PushStage": 1,
"MsgKey": "48374_2837546_1557481126",
"MsgSeq": 48374,
"MsgRandom": 2837546,
"MsgTime": 1557481126,
"PushID": "67120c46_6a4086c0_9bf5fb50_200002d1089b322_2000005d8d46421",
"ErrCode": 0,
"ErrInfo": "OK"
},
{
"CallbackCommand":"Push.OfflinePush",
"EventType": 2,
"EventTime": 1557481127,
"From_Account": "user2",
"To_Account": "user3",
"PushPlatform": 1,
"PushStage": 1,
"GroupID": "@TGS#12DEVUDHQ",
"MsgSeq": 48375,
"MsgRandom": 2837546,
"MsgTime": 1557481126,
"PushID": "6710c631_85_392fcbcff_200000b2f2c6820_200002c869bfb81",
"ErrCode": 0,
"ErrInfo": "OK"
}
]
}`,
  pages: { en: "https://trtc.io/document/67552", zh: "https://cloud.tencent.com.cn/document/product/269/102567" },
});
