/** Fragments that two or more TUILiveKit callback pages document identically. */

/**
 * `EventTime` as the Live.* and Follow.* pages (64422–72554, 70355, 70356) and the Room.* / Mic.* pages
 * (60731–60736, 64425) document it.
 */
export const eventTime = { type: "integer", description: "milliseconds since the epoch" } as const;

/**
 * Who acted in which room, as the Live metadata (68222, 68223), destroy-room (64423) and gift (72210) pages and the
 * Room destroy (60732), member enter / leave (60735, 60734) and seat (64425 / 60736) pages open their bodies.
 */
export const roomOperationProperties = {
  Operator_Account: { type: "string" },
  RoomId: { type: "string" },
} as const;

/** Live.CallbackAfterChangeOwner (72553) and Live.CallbackAfterModifyAdmin (72554): the room, the event time, who acted. */
export const roomAdminChangeProperties = {
  RoomId: { type: "string" },
  EventTime: eventTime,
  Operator_Account: { type: "string" },
} as const;

/**
 * `RoomInfo` of Live.CallbackAfterCreateRoom (64422), Live.CallbackAfterUpdateRoomInfo (67938),
 * Room.CallbackAfterCreateRoom (60733) and Room.CallbackAfterUpdateRoomInfo (60731): an object led by the
 * room's ID (required) and name, then the page's own fields.
 */
export function roomInfo<const P extends Record<string, object>>(properties: P) {
  return {
    type: "object",
    required: ["RoomId"],
    properties: { RoomId: { type: "string" }, RoomName: { type: "string" }, ...properties },
  } as const;
}

/** Live.CallbackAfterStartBattle (68260) and Live.CallbackAfterEndBattle (68261): the battle's ID, duration, creation and start times. */
export const battleProperties = {
  BattleId: { type: "string" },
  Duration: { type: "integer", description: "battle duration, in ms" },
  CreateTime: { type: "integer", description: "seconds since the epoch" },
  StartTime: { type: "integer", description: "seconds since the epoch" },
} as const;

/**
 * Live.CallbackAfterStartBattle (68260) and Live.CallbackAfterEndBattle (68261): the caller's room and the
 * callees' rooms, each with the room fields the page lists.
 */
export function battleRooms<const P extends Record<string, object>>(roomProperties: P) {
  return {
    FromRoomInfo: { type: "object", description: "the caller", properties: roomProperties },
    ToRoomList: { type: "array", description: "the callees", items: { type: "object", properties: roomProperties } },
  } as const;
}

/** Live.CallbackAfterCreateRoom (64422) and Live.CallbackAfterUpdateRoomInfo (67938) RoomInfo: the member cap, the message switch, the custom info. */
export const liveRoomSettingProperties = {
  MaxMemberCount: { type: "integer" },
  IsMessageDisabled: { type: "boolean" },
  CustomInfo: { type: "string" },
} as const;

/** Live.CallbackAfterCreateRoom (64422) and Live.CallbackAfterUpdateRoomInfo (67938) RoomInfo: how the room shows in the room list. */
export const liveRoomListingProperties = {
  IsPublicVisible: { type: "boolean" },
  CoverURL: { type: "string" },
  Category: { type: "array", items: { type: "integer" } },
} as const;

/** RoomInfo.TakeSeatMode on the Live create/update/destroy-room pages and the Room create/update-room pages. */
export const takeSeatMode = { type: "string", description: "None | FreeToTake | ApplyToTake" } as const;
