/**
 * Schema fragments that two or more callback pages document identically (same fields, same
 * meaning, same order). The command files spread or place them as they are, so the generated
 * JSON schemas (schemas/json/) are unchanged. A field that a page describes differently stays
 * in that page's file.
 */

/** Group.CallbackBeforeSendMsg (74347) and Group.CallbackAfterSendMsg (74348): the room, the sender, the request, the message ID. */
export const groupMessageSenderProperties = {
  GroupId: { type: "string", description: "the room (group) ID" },
  Type: { type: "string", description: "Live for TUILiveKit rooms; other group types in Chat" },
  From_Account: { type: "string", description: "the sender" },
  Operator_Account: { type: "string", description: "who made the request (an admin for REST API sends)" },
  Random: { type: "integer", description: "32-bit random number of the request" },
  MsgId: { type: "string" },
} as const;

/** Group.CallbackBeforeSendMsg (74347) and Group.CallbackAfterSendMsg (74348): the message's elements and custom data. */
export const groupMessageContentProperties = {
  MsgBody: {
    type: "array",
    items: {
      type: "object",
      properties: {
        MsgType: { type: "string", description: "TIMTextElem, TIMCustomElem, …" },
        MsgContent: { type: "object" },
      },
    },
  },
  CloudCustomData: { type: "string" },
} as const;

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

/** Room.CallbackAfterCreateRoom (60733) and Room.CallbackAfterUpdateRoomInfo (60731) RoomInfo: the room-wide Is…Disabled switches. */
export const roomDisabledSwitchProperties = {
  IsVideoDisabled: { type: "boolean" },
  IsAudioDisabled: { type: "boolean" },
  IsMessageDisabled: { type: "boolean" },
  IsScreenSharingDisabled: { type: "boolean" },
} as const;

/** RoomInfo.TakeSeatMode on the Live create/update/destroy-room pages and the Room create/update-room pages. */
export const takeSeatMode = { type: "string", description: "None | FreeToTake | ApplyToTake" } as const;
