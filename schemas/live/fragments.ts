/** Fragments that two or more TUILiveKit callback pages document identically. */

/** Live.CallbackAfterStartBattle (68260) and Live.CallbackAfterEndBattle (68261): the battle's ID, duration, creation and start times. */
export const battleProperties = {
  BattleId: { type: "string" },
  Duration: { type: "integer", description: "battle duration, in ms" },
  CreateTime: { type: "integer", description: "seconds since the epoch" },
  StartTime: { type: "integer", description: "seconds since the epoch" },
} as const;

/** Live.CallbackAfterCreateRoom (64422) and Live.CallbackAfterUpdateRoomInfo (67938) RoomInfo: how the room shows in the room list. */
export const liveRoomListingProperties = {
  IsPublicVisible: { type: "boolean" },
  CoverURL: { type: "string" },
  Category: { type: "array", items: { type: "integer" } },
} as const;

/** RoomInfo.TakeSeatMode on the Live create/update/destroy-room pages and the Room create/update-room pages. */
export const takeSeatMode = { type: "string", description: "None | FreeToTake | ApplyToTake" } as const;
