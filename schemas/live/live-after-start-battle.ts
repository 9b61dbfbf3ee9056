import { defineCommand } from "../define.js";
import { battleProperties, battleRooms, eventTime } from "./fragments.js";

/**
 * Source: https://trtc.io/document/68260 (= tencentcloud.com/document/product/647/68260). The page
 * types `FromRoomInfo` as String but sends an object `{RoomId, Owner_Account}`: an object here.
 * `CreateTime` / `StartTime` are in seconds, `Duration` in milliseconds.
 */
const battleRoomProperties = {
  RoomId: { type: "string" },
  Owner_Account: { type: "string" },
} as const;

export default defineCommand({
  command: "Live.CallbackAfterStartBattle",
  kind: "after",
  summary: "a battle (PK) between live rooms started",
  source: "https://trtc.io/document/68260",
  schema: {
    required: ["BattleId"],
    properties: {
      ...battleProperties,
      ...battleRooms(battleRoomProperties),
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Live.CallbackAfterStartBattle",
"BattleId": "4siHsNsWN/T3aub9zKraqI4zZAyPRpXQhdtKv1q4HOs=",
"Duration": 60000,
"CreateTime": 1739954005,
"StartTime": 1739954005,
"FromRoomInfo": {
"RoomId": "pk-3",
"Owner_Account": "brennan"
},
"ToRoomList": [
{
"RoomId": "pk-5",
"Owner_Account": "tandy"
}
],
"EventTime": 1739954005000
}`,
  pages: { en: "https://trtc.io/document/68260" },
});
