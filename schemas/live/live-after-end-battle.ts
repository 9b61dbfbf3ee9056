import { defineCommand } from "../define.js";
import { battleProperties, battleRooms, eventTime } from "./fragments.js";

/**
 * Source: https://trtc.io/document/68261 (= tencentcloud.com/document/product/647/68261).
 * `Owner_Account` is documented as a String but sent as a bare 64-bit number (`144115245353757792`):
 * the body parser keeps it exact and it arrives as a string. `FromRoomInfo` is typed String on the
 * page but is an object. `OpType`: 0 time is up, 1 every owner left after the start, 2 nobody joined
 * so it never started. Times in seconds.
 */
const battleRoomProperties = {
  RoomId: { type: "string" },
  Score: { type: "integer" },
  Owner_Account: { type: "string" },
} as const;

export default defineCommand({
  command: "Live.CallbackAfterEndBattle",
  kind: "after",
  summary: "a battle (PK) between live rooms ended",
  source: "https://trtc.io/document/68261",
  schema: {
    required: ["BattleId"],
    properties: {
      ...battleProperties,
      EndTime: { type: "integer", description: "seconds since the epoch" },
      OpType: { type: "integer", description: "0 time up | 1 all owners left | 2 ended before it started" },
      ...battleRooms(battleRoomProperties),
      EventTime: eventTime,
    },
  },
  sample: `{
"CallbackCommand": "Live.CallbackAfterEndBattle",
"BattleId": "4siHsNsWN/T3aub9zKraqPfGQAimPhdFoe6VWhtz9lY=",
"Duration": 30000,
"CreateTime": 1739956115,
"StartTime": 1739956115,
"EndTime": 1739956145,
"OpType": 0,
"FromRoomInfo": {
"RoomId": "pk-3",
"Score": 0,
"Owner_Account": 144115245353757792
},
"ToRoomList": [
{
"RoomId": "pk-5",
"Score": 0,
"Owner_Account": 144115245442327522
}
],
"EventTime": 1739956146119
}`,
  pages: { en: "https://trtc.io/document/68261", zh: "https://trtc.io/zh/document/68261" },
});
