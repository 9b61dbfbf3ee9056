import type { FromSchema } from "json-schema-to-ts";
import { groupMessageContentProperties, groupMessageSenderProperties } from "./fragments.js";

/**
 * `Group.CallbackBeforeSendMsg` — a message is about to be sent in a live room; the reply decides.
 * Source: https://trtc.io/document/74347 (= tencentcloud.com/document/product/647/74347).
 * The same command is Chat's "before group message is sent" callback (trtc.io/document/34374),
 * sent for every group type, so `Type` is any string ("Live" for TUILiveKit rooms, "Community",
 * "Public", … in Chat) and only `GroupId` is required.
 * A "before" callback: ErrorCode 0 allows, 1 forbids (the sender gets error 10016), 2 discards
 * silently, [10100, 10200] forbids and relays the code and ErrorInfo to the sender; an allowing
 * reply may carry a rewritten `MsgBody` / `CloudCustomData`. The page's sample sends `EventTime`
 * as a digit string (`"1670574414123"`): it is coerced to a number.
 */
export const command = "Group.CallbackBeforeSendMsg" as const;
export const kind = "before" as const;

export const schema = {
  $id: "Group.CallbackBeforeSendMsg",
  type: "object",
  required: ["CallbackCommand", "GroupId"],
  properties: {
    CallbackCommand: { const: "Group.CallbackBeforeSendMsg" },
    ...groupMessageSenderProperties,
    ...groupMessageContentProperties,
    EventTime: { type: "integer", description: "milliseconds since the epoch" },
  },
} as const;

export type GroupBeforeSendMsgPayload = FromSchema<typeof schema>;

/** The page's sample; only its JS comments removed (`EventTime` stays a string, as sent). */
export const sample = `{
"CallbackCommand": "Group.CallbackBeforeSendMsg",
"GroupId": "@TGS#2J4SZEAEL",
"Type": "Live",
"From_Account": "jared",
"Operator_Account":"admin",
"Random": 123456,
"MsgId": "144115233406643804-1727580296-4026038328",
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
