import type { FromSchema } from "json-schema-to-ts";

/**
 * `Room.CallbackAfterMemberLeave` — users left a TUIRoomKit room (or were kicked out, or their
 * heartbeat expired). Source: https://trtc.io/document/60734 (= tencentcloud.com/document/product/647/60734).
 */
export const command = "Room.CallbackAfterMemberLeave" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Room.CallbackAfterMemberLeave",
  type: "object",
  required: ["CallbackCommand", "RoomId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Room.CallbackAfterMemberLeave" },
    Operator_Account: { type: "string" },
    RoomId: { type: "string" },
    MemberCount: { type: "integer" },
    Type: { type: "string", description: "Leave | Kicked | Expired" },
    MemberList_Account: { type: "array", items: { type: "string" }, description: "the users who left" },
    Reason: { type: "string" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type RoomAfterMemberLeavePayload = FromSchema<typeof schema>;

/** The page's sample; only its JS comment removed. */
export const sample = `{
"CallbackCommand":"Room.CallbackAfterMemberLeave",
"Operator_Account":"user1",
"RoomId":"rid-123",
"MemberCount":20,
"Type":"Leave",
"MemberList_Account":["user1"],
"Reason":"xxxx",
"EventTime":1670574414123
}`;
