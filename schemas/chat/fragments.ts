/**
 * Schema fragments that several Chat callback pages document identically. Area-specific
 * fragments live in `schemas/chat/<area>-fragments.ts` beside the command files that share them.
 */

/** One message element: `MsgType` (TIMTextElem, TIMCustomElem, TIMImageElem, …) and its content object. */
export const msgElement = {
  type: "object",
  properties: {
    MsgType: {
      type: "string",
      description: "TIMTextElem, TIMLocationElem, TIMFaceElem, TIMCustomElem, TIMSoundElem, TIMImageElem, TIMFileElem, TIMVideoFileElem, TIMRelayElem",
    },
    MsgContent: { type: "object" },
  },
  // Types only (json-schema-to-typescript): MsgContent typed per MsgType, see src/types/message.ts.
  tsType: "MsgElement",
} as const;

/** A message body: its elements in order (https://cloud.tencent.com/document/product/269/2720, message formats). */
export const msgBody = { type: "array", items: msgElement } as const;

/** The message's elements and custom data, as every message callback sends them. */
export const messageContentProperties = {
  MsgBody: msgBody,
  CloudCustomData: { type: "string" },
} as const;
