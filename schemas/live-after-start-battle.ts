import type { FromSchema } from "json-schema-to-ts";
import { battleProperties } from "./fragments.js";

/**
 * `Live.CallbackAfterStartBattle` — a battle (PK) between live rooms started.
 * Source: https://trtc.io/document/68260 (= tencentcloud.com/document/product/647/68260).
 * The page types `FromRoomInfo` as String but sends an object `{RoomId, Owner_Account}`: an
 * object here. `CreateTime` / `StartTime` are in seconds, `Duration` in milliseconds.
 */
export const command = "Live.CallbackAfterStartBattle" as const;
export const kind = "after" as const;

/** A room in the battle, as this page sends it (the end-battle page adds `Score`). */
const battleRoomProperties = {
  RoomId: { type: "string" },
  Owner_Account: { type: "string" },
} as const;

export const schema = {
  $id: "Live.CallbackAfterStartBattle",
  type: "object",
  required: ["CallbackCommand", "BattleId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Live.CallbackAfterStartBattle" },
    ...battleProperties,
    FromRoomInfo: { type: "object", description: "the caller", properties: battleRoomProperties },
    ToRoomList: { type: "array", description: "the callees", items: { type: "object", properties: battleRoomProperties } },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type LiveAfterStartBattlePayload = FromSchema<typeof schema>;

/** The page's sample; its JS comments and the trailing comma after `EventTime` removed. */
export const sample = `{
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
}`;
