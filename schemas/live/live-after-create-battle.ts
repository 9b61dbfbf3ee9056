import { defineCommand } from "../define.js";
import { eventTime } from "./fragments.js";

/**
 * Source: https://trtc.io/document/68259 (= tencentcloud.com/document/product/647/68259). `Timeout`
 * and `Duration` are in milliseconds.
 */
export default defineCommand({
  command: "Live.CallbackAfterCreateBattle",
  kind: "after",
  summary: "a battle (PK) between live rooms was created",
  source: "https://trtc.io/document/68259",
  schema: {
    required: ["BattleId"],
    properties: {
      Operator_Account: { type: "string" },
      BattleId: { type: "string" },
      FromRoomId: { type: "string", description: "the caller's room" },
      ToRoomIdList: { type: "array", items: { type: "string" }, description: "the callees' rooms" },
      Timeout: { type: "integer", description: "ms the callees have to answer when NeedResponse is true" },
      Duration: { type: "integer", description: "battle duration after it starts, in ms" },
      NeedResponse: { type: "boolean", description: "false: the battle starts at once" },
      ExtensionInfo: { type: "string" },
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Live.CallbackAfterCreateBattle",
"Operator_Account": "brennanli",
"BattleId": "4siHsNsWN/T3aub9zKraqPbSEGRX2z6gs3LDFi+d/3M=",
"FromRoomId": "pk-3",
"ToRoomIdList": [
"pk-5"
],
"Timeout": 30000,
"Duration": 60000,
"NeedResponse": false,
"ExtensionInfo": "extension pk",
"EventTime":1739954005000
}`,
  pages: { en: "https://trtc.io/document/68259", zh: "https://trtc.io/zh/document/68259" },
});
