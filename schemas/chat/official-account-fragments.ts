/**
 * Schema fragments shared by the official account (OfficialAccount.*), chatbot (Bot.*, Chatbot.*)
 * and push result (Push.*) callback pages (trtc.io/document/60795–60805, 68952, 68953, 59057,
 * 67551, 67552), where two or more of them document the same fields the same way.
 */
import { messageContentProperties } from "./fragments.js";

/** `EventTime` on every official account and chatbot page. */
export const eventTimeMs = { type: "integer", description: "when the event fired, milliseconds since the epoch" } as const;

/** The official account the event is about (its user ID, "@TOA#…"). */
export const officialAccountId = { type: "string", description: "the official account's user ID (@TOA#…)" } as const;

/** Who made the request (an admin for REST API calls). */
export const operatorAccount = { type: "string", description: "the UserID of who made the request" } as const;

/** Create (60795, 60796) and destroy (60798) pages: the owner, the name, the time. */
export const officialAccountOwnerProperties = {
  Owner_Account: { type: "string", description: "the creator, who owns the official account" },
  Name: { type: "string", description: "the official account's name" },
  EventTime: eventTimeMs,
} as const;

/** BeforeCreateOfficialAccount (60795) and AfterCreateOfficialAccount (60796): the request, the owner, the name. */
export const officialAccountCreationProperties = {
  Operator_Account: operatorAccount,
  ...officialAccountOwnerProperties,
} as const;

/** AfterOfficialAccountInfoChanged (60797): the profile after the change. */
export const officialAccountProfileProperties = {
  Introduction: { type: "string", description: "the new introduction" },
  Name: { type: "string", description: "the new name" },
  FaceUrl: { type: "string", description: "the new profile photo URL" },
  Organization: { type: "string", description: "the new organization" },
} as const;

/** BeforeAddSubscriber (60799), AfterAddSubscriber (60800), AfterDeleteSubscriber (60802): who (un)subscribes. */
export const subscriberChangeProperties = {
  Official_Account: officialAccountId,
  Operator_Account: operatorAccount,
  SubscribeAccountList: {
    type: "array",
    description: "the users who subscribe (or unsubscribe)",
    items: { type: "object", properties: { Subscriber_Account: { type: "string" } } },
  },
  EventTime: eventTimeMs,
} as const;

/** `MsgKey` of a one-to-one or official account message. */
export const msgKey = { type: "string", description: "unique message key (for recalling it through the REST API)" } as const;

/** `MsgTime` of a message. */
export const msgTimeSeconds = { type: "integer", description: "when the message was sent (server time), seconds since the epoch" } as const;

/** `OnlineOnlyFlag` as the message pages document it. */
export const onlineOnlyFlag = { type: "integer", description: "1 for an online-only message, 0 otherwise" } as const;

/** OfficialAccount.CallbackBeforeSendMsg (60803) and …AfterSendMsg (60804): the broadcast message. */
export const officialAccountMessageProperties = {
  Official_Account: officialAccountId,
  OnlineOnlyFlag: onlineOnlyFlag,
  ...messageContentProperties,
  EventTime: eventTimeMs,
} as const;

/** Bot.OnC2CMessage (68952) and Chatbot.OnC2CSignalMessage (59057): the one-to-one message to a chatbot and its identifiers. */
export const chatbotC2CMessageProperties = {
  From_Account: { type: "string", description: "the sender" },
  To_Account: { type: "string", description: "the recipient (the chatbot, @RBT#…)" },
  MsgSeq: { type: "integer", description: "message sequence number (32-bit unsigned)" },
  MsgRandom: { type: "integer", description: "message random number (32-bit unsigned)" },
  MsgKey: msgKey,
  EventTime: eventTimeMs,
} as const;

/** Push.OfflinePush (67552) and Push.AllMemberPush (67551): the fields every push result event carries. */
export const pushEventProperties = {
  CallbackCommand: { type: "string" },
  EventTime: { type: "integer", description: "when the event occurred, seconds since the epoch" },
  To_Account: { type: "string", description: "the recipient" },
  PushPlatform: {
    type: "integer",
    description: "vendor: 0 unknown, 1 Apple APNs, 2 Xiaomi, 3 Huawei, 4 Google FCM, 5 Meizu, 6 OPPO, 7 vivo, 8 Honor",
  },
  PushStage: { type: "integer", description: "1 sent, 2 delivered, 3 clicked" },
  ErrCode: { type: "integer", description: "0 success, non-zero failure" },
  ErrInfo: { type: "string", description: "the result's description, may be empty" },
} as const;

/** The batch envelope of the push result callbacks: `Events`, 1 to 100 event objects. */
export function pushEventBatch<const P extends Record<string, object>>(eventProperties: P) {
  return {
    required: ["Events"],
    properties: {
      Events: {
        type: "array",
        description: "1 to 100 push result events",
        items: { type: "object", properties: { ...pushEventProperties, ...eventProperties } },
      },
    },
  } as const;
}
