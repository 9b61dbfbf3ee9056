import type { FromSchema } from "json-schema-to-ts";

/**
 * `Live.CallbackAfterCreateBattle` — a battle (PK) between live rooms was created.
 * Source: https://trtc.io/document/68259 (= tencentcloud.com/document/product/647/68259).
 * `Timeout` and `Duration` are in milliseconds.
 */
export const command = "Live.CallbackAfterCreateBattle" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Live.CallbackAfterCreateBattle",
  type: "object",
  required: ["CallbackCommand", "BattleId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Live.CallbackAfterCreateBattle" },
    Operator_Account: { type: "string" },
    BattleId: { type: "string" },
    FromRoomId: { type: "string", description: "the caller's room" },
    ToRoomIdList: { type: "array", items: { type: "string" }, description: "the callees' rooms" },
    Timeout: { type: "integer", description: "ms the callees have to answer when NeedResponse is true" },
    Duration: { type: "integer", description: "battle duration after it starts, in ms" },
    NeedResponse: { type: "boolean", description: "false: the battle starts at once" },
    ExtensionInfo: { type: "string" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type LiveAfterCreateBattlePayload = FromSchema<typeof schema>;

/** The page's sample; only its JS comments removed. */
export const sample = `{
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
}`;
