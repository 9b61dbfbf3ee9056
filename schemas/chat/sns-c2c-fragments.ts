/**
 * Schema fragments shared by the relationship-chain (Sns.*) and one-to-one message (C2C.*)
 * command files. Message elements and custom data come from `./fragments.ts`.
 */

/** A Chat user ID (UserID). IDs are strings; a bare number on the wire is coerced to its decimal string. */
const userId = { type: "string" } as const;

/** Milliseconds since the epoch, as the Chat pages document `EventTime`. */
export const eventTimeMs = { type: "integer", description: "milliseconds since the epoch" } as const;

/**
 * `PairList` of Sns.CallbackFriendDelete (34360), Sns.CallbackBlackListAdd (34361) and
 * Sns.CallbackBlackListDelete (34362): each pair says that `To_Account` was added to / removed
 * from `From_Account`'s friend list or blocklist.
 */
export const accountPair = {
  type: "object",
  properties: {
    From_Account: { type: "string", description: "the user whose list changed" },
    To_Account: { type: "string", description: "the user added to or removed from From_Account's list" },
  },
} as const;

export const accountPairList = { type: "array", items: accountPair } as const;

/** Sns.CallbackPrevFriendAdd (43468) and Sns.CallbackPrevFriendResponse (43467): who asks, for whom. */
export const friendRequestProperties = {
  Requester_Account: { type: "string", description: "the user who sent the request" },
  From_Account: { type: "string", description: "the user whose friend list the request changes" },
  EventTime: eventTimeMs,
} as const;

/** The two users of a one-to-one message: every C2C.* callback about one message names them so. */
export const c2cPartiesProperties = {
  From_Account: { ...userId, description: "the message's sender" },
  To_Account: { ...userId, description: "the message's recipient" },
} as const;

/** `FriendItem` / `ResponseFriendItem` entries of the two Sns before-callbacks: the other user and the remark for them. */
export const friendTargetProperties = {
  To_Account: { type: "string", description: "the other user of the request" },
  Remark: { type: "string", description: "From_Account's remark for To_Account" },
} as const;

/** The one-to-one message's parties and identity, as C2C.CallbackBeforeSendMsg (34364), C2C.CallbackAfterSendMsg (34365) and C2C.CallbackAfterModifyMsg document them. */
export const c2cMessageIdentityProperties = {
  ...c2cPartiesProperties,
  MsgSeq: { type: "integer", description: "message sequence number (32-bit unsigned)" },
  MsgRandom: { type: "integer", description: "message random number (32-bit unsigned)" },
  MsgTime: { type: "integer", description: "send time, seconds since the epoch; one-to-one messages sort by MsgTime, then MsgSeq" },
  MsgKey: { type: "string", description: "unique message key (MsgSeq_MsgRandom_MsgTime); the REST API recalls a message by it" },
} as const;

/** C2C.CallbackBeforeSendMsg (34364) and C2C.CallbackAfterSendMsg (34365): the client ID of the message and the online-only flag. */
export const c2cSendProperties = {
  MsgId: { type: "string", description: "the message's client-side unique ID" },
  OnlineOnlyFlag: { type: "integer", description: "1 = online-only message, 0 = ordinary message" },
} as const;

/** `UnreadMsgNum` of C2C.CallbackAfterSendMsg, C2C.CallbackAfterMsgReport and C2C.CallbackAfterMsgWithDraw. */
export const unreadMsgNum = {
  type: "integer",
  description: "the user's total number of unread one-to-one messages, across all one-to-one conversations",
} as const;

/**
 * The extension change of C2C.CallbackAfterC2CMsgExtension (1047/76006); the group page
 * (Group.CallbackAfterGroupMsgExtension, 76007) documents the same three fields.
 */
export const msgExtensionProperties = {
  OperateType: { type: "integer", description: "1 = set key-values | 2 = delete key-values | 3 = clear all" },
  ExtensionList: {
    type: "array",
    description: "the key-values concerned (Value is empty when deleted)",
    items: {
      type: "object",
      properties: {
        Key: { type: "string" },
        Value: { type: "string" },
        Seq: { type: "integer", description: "this key-value's version" },
      },
    },
  },
  Seq: { type: "integer", description: "the latest extension version of the whole message" },
} as const;
