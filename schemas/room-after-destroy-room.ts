import type { FromSchema } from "json-schema-to-ts";

/** `Room.CallbackAfterDestroyRoom` — a TUIRoomKit room was destroyed. Source: seed page `001_…`. */
export const command = "Room.CallbackAfterDestroyRoom" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Room.CallbackAfterDestroyRoom",
  type: "object",
  required: ["CallbackCommand", "RoomId", "EventTime"],
  properties: {
    CallbackCommand: { const: "Room.CallbackAfterDestroyRoom" },
    Operator_Account: { type: "string" },
    RoomId: { type: "string" },
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type RoomAfterDestroyRoomPayload = FromSchema<typeof schema>;

/** The page's sample, verbatim. */
export const sample = `{
"CallbackCommand":"Room.CallbackAfterDestroyRoom",
"Operator_Account":"admin",
"RoomId":"tandy-test-rest",
"EventTime":1703589922780
}`;
