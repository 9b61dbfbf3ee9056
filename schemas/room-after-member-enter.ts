import type { FromSchema } from "json-schema-to-ts";

/**
 * `Room.CallbackAfterMemberEnter` — users entered a TUIRoomKit room.
 * Source: https://trtc.io/document/60735 (= tencentcloud.com/document/product/647/60735).
 * `MemberCount` is the room's member count ("room capacity" on the page); `Type` is "Enter".
 */
export const command = "Room.CallbackAfterMemberEnter" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Room.CallbackAfterMemberEnter",
  type: "object",
  required: ["CallbackCommand", "RoomId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Room.CallbackAfterMemberEnter" },
    Operator_Account: { type: "string" },
    RoomId: { type: "string" },
    MemberCount: { type: "integer" },
    Type: { type: "string", description: "Enter" },
    MemberList_Account: { type: "array", items: { type: "string" }, description: "the users who entered" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type RoomAfterMemberEnterPayload = FromSchema<typeof schema>;

/** The page's sample; only its JS comments removed. */
export const sample = `{
"CallbackCommand":"Room.CallbackAfterMemberEnter",
"Operator_Account":"user1",
"RoomId":"rid-123",
"MemberCount":20,
"Type":"Enter",
"MemberList_Account":["user1"],
"EventTime":1670574414123
}`;
