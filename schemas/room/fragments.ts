/** Fragments that two or more TUIRoomKit callback pages document identically. */

export { eventTime, roomInfo, roomOperationProperties, takeSeatMode } from "../live/fragments.js";

/** Room.CallbackAfterCreateRoom (60733) and Room.CallbackAfterUpdateRoomInfo (60731) RoomInfo: the room-wide Is…Disabled switches. */
export const roomDisabledSwitchProperties = {
  IsVideoDisabled: { type: "boolean" },
  IsAudioDisabled: { type: "boolean" },
  IsMessageDisabled: { type: "boolean" },
  IsScreenSharingDisabled: { type: "boolean" },
} as const;
