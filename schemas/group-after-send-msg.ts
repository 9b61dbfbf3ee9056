import type { FromSchema } from "json-schema-to-ts";
import { groupMessageContentProperties, groupMessageSenderProperties } from "./fragments.js";

/**
 * `Group.CallbackAfterSendMsg` — a message was sent in a live room.
 * Source: https://trtc.io/document/74348 (= tencentcloud.com/document/product/647/74348).
 * The same command is Chat's "after group message is sent" callback, sent for every group type,
 * so `Type` is any string and only `GroupId` is required. The page's sample sends `EventTime` as
 * a digit string: it is coerced to a number. `MsgTime` is in seconds.
 */
export const command = "Group.CallbackAfterSendMsg" as const;
export const kind = "after" as const;

export const schema = {
  $id: "Group.CallbackAfterSendMsg",
  type: "object",
  required: ["CallbackCommand", "GroupId"],
  properties: {
    CallbackCommand: { const: "Group.CallbackAfterSendMsg" },
    ...groupMessageSenderProperties,
    MsgSeq: { type: "integer", description: "message sequence number in the room" },
    MsgTime: { type: "integer", description: "seconds since the epoch" },
    ...groupMessageContentProperties,
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type GroupAfterSendMsgPayload = FromSchema<typeof schema>;

/** The page's sample; only its JS comments removed (`EventTime` stays a string, as sent). */
export const sample = `{
"CallbackCommand": "Group.CallbackAfterSendMsg",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Live",
"From_Account": "jared",
"Operator_Account":"admin",
"Random": 123456,
"MsgId": "144115233406643804-1727580296-4026038328",
"MsgSeq": 123,
"MsgTime": 1490686222,
"MsgBody": [
{
"MsgType": "TIMTextElem",
"MsgContent":{
"Text": "red packet"
}
}
],
"CloudCustomData": "your cloud custom data",
"EventTime":"1670574414123"
}`;
