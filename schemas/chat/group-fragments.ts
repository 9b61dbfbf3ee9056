/**
 * Schema fragments that several `Group.*` callback pages document alike (https://trtc.io/document/34355,
 * Group Webhooks). Group IDs and accounts are strings (numbers on the wire are coerced); `EventTime` is
 * documented as an Integer but every sample sends it as a digit string, which is coerced to a number.
 */
import { messageContentProperties } from "./fragments.js";

/** The group the callback is about. */
export const groupId = { type: "string", description: "the group ID (a live room's ID for TUILiveKit)" } as const;

/** `Type` is any string: Chat's group types and the live rooms of TUILiveKit share these callbacks. */
export const groupType = {
  type: "string",
  description: "group type: Private (Work) | Public | ChatRoom (Meeting) | AVChatRoom | Community; Live for TUILiveKit rooms",
} as const;

/** When the event happened. */
export const eventTime = { type: "integer", description: "event time, milliseconds since the epoch" } as const;

/** A list of members, each `{ Member_Account }`. */
export const memberList = {
  type: "array",
  items: { type: "object", properties: { Member_Account: { type: "string" } } },
} as const;

/** Custom group / topic fields, each `{ Key, Value }` (only sent when custom fields are enabled). */
export const userDefinedDataList = {
  type: "array",
  items: { type: "object", properties: { Key: { type: "string" }, Value: { type: "string" } } },
} as const;

/** The group (or topic) and its type, with who acted. */
export const groupOperationProperties = {
  GroupId: groupId,
  Type: groupType,
  Operator_Account: { type: "string", description: "UserID of the operator (an admin for REST API calls)" },
} as const;

/** A changed group or topic profile: only the fields that changed are sent. */
export const profileChangeProperties = {
  ...groupOperationProperties,
  Name: { type: "string", description: "new name" },
  Introduction: { type: "string", description: "new introduction" },
  Notification: { type: "string", description: "new notice" },
  FaceUrl: { type: "string", description: "new profile photo URL" },
} as const;

/** A group message's sequence number: with the `GroupId` it identifies the message (group messages carry no `MsgKey`). */
export const msgSeq = { type: "integer", description: "message sequence number in the group; group messages sort by it" } as const;

/** A message's client-side identifier. */
export const msgId = { type: "string", description: "unique identifier of the message on the client" } as const;

/** A topic of a topic-enabled community. */
export const topicId = { type: "string", description: "topic ID; only for topic-enabled communities" } as const;

/**
 * A group message as the send callbacks carry it (Before/After send, send exception): sender, request,
 * client message ID, the message itself, the topic and the event time.
 */
export const groupMessageProperties = {
  GroupId: groupId,
  Type: groupType,
  From_Account: { type: "string", description: "UserID of the sender" },
  Operator_Account: { type: "string", description: "UserID of the request initiator (an admin for REST API sends)" },
  Random: { type: "integer", description: "32-bit random number of the request" },
  MsgId: msgId,
  OnlineOnlyFlag: { type: "integer", description: "1 online-only message | 0 (default) not; always 0 for audio-video groups" },
  ...messageContentProperties,
  TopicId: topicId,
  EventTime: eventTime,
} as const;
