import { defineCommand } from "../define.js";
import { pushEventBatch } from "./official-account-fragments.js";

/** The fields of an all-user / tag / UserID push event beyond those every push event carries. */
const taskEventProperties = {
  EventType: { type: "integer", description: "1 offline push, 2 online push" },
  TaskId: { type: "string", description: "the task ID the push request returned" },
  DataId: { type: "string", description: "the business identifier passed in the push request" },
  TaskTime: { type: "integer", description: "when the push task started, seconds since the epoch" },
  DeviceType: { type: "integer", description: "device vendor, numbered as PushPlatform (0 for offline pushes)" },
} as const;

/**
 * Results of all-user, tag and UserID pushes, batched: the body is `{ Events: [...] }` with 1 to 100
 * events, and `CallbackCommand` is sent in the URL and inside each event, not at the top of the body.
 * The table lists `DataId` and `DeviceType`, which the sample does not carry, and describes
 * `DeviceType` with the `PushPlatform` names. The page's sample ends the array with a `....`
 * placeholder; it is removed.
 */
export default defineCommand({
  command: "Push.AllMemberPush",
  source: "https://trtc.io/document/67551",
  summary: "all-user / tag / UserID push results (batched)",
  kind: "after",
  schema: pushEventBatch(taskEventProperties),
  sample: `{
"Events": [
{
"CallbackCommand":"Push.AllMemberPush",
"EventType": 1,
"TaskId": "657bf434_537529d8_2000005e80aa873_2780d131_bc614e",
"TaskTime": 1557481127,
"EventTime": 1557481128,
"To_Account": "user2",
"PushPlatform": 1,
"PushStage": 1,
"ErrCode": 0,
"ErrInfo": "OK"
},
{
"CallbackCommand":"Push.AllMemberPush",
"EventType": 2,
"TaskId": "657bf434_537529d8_2000005e80aa873_2780d131_9",
"TaskTime": 1557481127,
"EventTime": 1557481129,
"To_Account": "user3",
"PushPlatform": 0,
"PushStage": 1,
"ErrCode": 0,
"ErrInfo": "OK"
}
]
}`,
  pages: { en: "https://trtc.io/document/67551", zh: "https://cloud.tencent.com.cn/document/product/269/102568" },
});
