import type { MsgElement } from "../../types/message.js";

/**
 * What a handler of a "before" callback returns. Tencent goes ahead only when the reply's
 * `ErrorCode` is 0; each command's page says what else a reply may carry (`ReplyKind`), and the
 * types below let a handler return only that. Returning nothing allows.
 */
type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;

/** Custom codes a message callback may reject with: [120001, 130000] (https://trtc.io/document/34364). */
export type MessageRejectCode = 1 | Exclude<ToNumber<`12${Digit}${Digit}${Digit}${Digit}`>, 120000> | 130000;
/** Custom codes a group-message callback may reject with: [10100, 10200] (https://trtc.io/document/34374). */
export type GroupMessageRejectCode = 1 | ToNumber<`101${Digit}${Digit}`> | 10200;
/** Codes a friend callback may refuse one friend with: [38000, 39000] (https://trtc.io/document/43468). */
export type FriendRejectCode = ToNumber<`38${Digit}${Digit}${Digit}`> | 39000;

export interface AllowDecision<K extends string = never> {
  readonly action: "allow";
  readonly code: 0;
  readonly message: "";
  readonly reply: Readonly<Record<string, unknown>>;
  /** The reply fields this decision sets (types only). */
  readonly fields?: K;
}
export interface BlockDecision<C extends number = number> {
  readonly action: "block";
  readonly code: C;
  readonly message: string;
  readonly reply: Readonly<Record<string, unknown>>;
}
export interface DiscardDecision {
  readonly action: "discard";
  readonly code: 2;
  readonly message: string;
  readonly reply: Readonly<Record<string, unknown>>;
}
export type BeforeDecision = AllowDecision<string> | BlockDecision | DiscardDecision;

export type { MsgElement };
/** A per-friend answer of `Sns.CallbackPrevFriendAdd` / `…Response`. */
export interface FriendResult<C extends number = number> {
  To_Account: string;
  /** 0 accepts; a code in [38000, 39000] refuses that friend. */
  ResultCode: 0 | C;
  ResultInfo?: string;
}

// One named type per reply kind (the README's table), so a compile error names the kind.
/** `plain` reply kind: `allow()` or `block(code, why)`. */
export type PlainDecision = AllowDecision | BlockDecision;
/** `gift` reply kind (`Live.CallbackBeforeSendGift`): `allow()` or `block(code, why)`. */
export type GiftDecision = AllowDecision | BlockDecision;
/** `message` reply kind: `allow()`, `allow({ MsgBody, CloudCustomData })`, `block(1 | 120001…130000, why)`, `discard()`. */
export type MessageDecision = AllowDecision<"MsgBody" | "CloudCustomData"> | BlockDecision<MessageRejectCode> | DiscardDecision;
/** `groupMessage` reply kind: like `message`, with reject codes 1 or 10100…10200. */
export type GroupMessageDecision = AllowDecision<"MsgBody" | "CloudCustomData"> | BlockDecision<GroupMessageRejectCode> | DiscardDecision;
/** `invite` reply kind: `allow({ RefusedMembers_Account })` or `block(code, why)`. */
export type InviteDecision = AllowDecision<"RefusedMembers_Account"> | BlockDecision;
/** `subscriber` reply kind: `allow({ RefusedSubscribers_Account })` or `block(code, why)`. */
export type SubscriberDecision = AllowDecision<"RefusedSubscribers_Account"> | BlockDecision;
/** `friend` reply kind: `friendResults([...])` or `block(code, why)`. */
export type FriendDecision = AllowDecision<"ResultItem"> | BlockDecision;
/** `signal` reply kind (`Chatbot.OnC2CSignalMessage`): `allow({ RspData })` or `block(code, why)`. */
export type SignalDecision = AllowDecision<"RspData"> | BlockDecision;

/** What each reply kind lets a handler return. */
export interface DecisionByReply {
  plain: PlainDecision;
  gift: GiftDecision;
  message: MessageDecision;
  groupMessage: GroupMessageDecision;
  invite: InviteDecision;
  subscriber: SubscriberDecision;
  friend: FriendDecision;
  signal: SignalDecision;
}

/**
 * Fields a decision may carry, by name, as Tencent's pages type them. `MsgBody` takes the
 * payload's own elements (`allow({ MsgBody: event.payload.MsgBody })`); `undefined` leaves a field out.
 */
export interface ReplyFields {
  MsgBody?: readonly MsgElement[] | undefined;
  CloudCustomData?: string | undefined;
  RefusedMembers_Account?: readonly string[] | undefined;
  RefusedSubscribers_Account?: readonly string[] | undefined;
  ResultItem?: readonly FriendResult<FriendRejectCode>[] | undefined;
  /** Chatbot.OnC2CSignalMessage: the answer to the app's pass-through content, handed back to the chatbot. */
  RspData?: string | undefined;
}

const RESERVED = new Set(["ActionStatus", "ErrorCode", "ErrorInfo"]);

function extraFields(reply: object | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reply ?? {})) {
    if (value === undefined) continue;
    if (RESERVED.has(key)) throw new TypeError(`tencent-webhooks: reply field ${key} is set by the decision itself`);
    fields[key] = value;
  }
  return fields;
}

/** Let the action happen (`ErrorCode` 0), optionally with the reply fields the command allows (a new `MsgBody`, refused members, …). */
export function allow<const R extends ReplyFields = Record<never, never>>(reply?: R): AllowDecision<keyof R & string> {
  return Object.freeze({ action: "allow", code: 0, message: "", reply: extraFields(reply) }) as AllowDecision<keyof R & string>;
}

/** Stop the action: `code` is a non-zero integer the command allows; `message` becomes `ErrorInfo`. */
export function block<const C extends number>(code: C extends 0 | 2 ? never : C, message = "", reply?: Record<string, unknown>): BlockDecision<C> {
  if (!Number.isSafeInteger(code) || code === 0 || code === 2) {
    throw new TypeError(`tencent-webhooks: block() needs a non-zero integer code (2 is discard()), got ${String(code)}`);
  }
  return Object.freeze({ action: "block", code, message: String(message), reply: extraFields(reply) });
}

/** Message callbacks: drop the message silently (`ErrorCode` 2): the sender is told it was sent. */
export function discard(message = ""): DiscardDecision {
  return Object.freeze({ action: "discard", code: 2, message: String(message), reply: {} });
}

/** Friend callbacks: one answer per friend (`ResultItem`); `ErrorCode` 0. */
export function friendResults<const C extends FriendRejectCode>(items: readonly FriendResult<C>[]): AllowDecision<"ResultItem"> {
  return allow({ ResultItem: items });
}

export function isDecision(value: unknown): value is BeforeDecision {
  const decision = value as BeforeDecision | null;
  if (typeof decision !== "object" || decision === null || typeof decision.message !== "string" || typeof decision.reply !== "object") return false;
  if (decision.action === "allow") return decision.code === 0;
  if (decision.action === "discard") return decision.code === 2;
  return decision.action === "block" && Number.isSafeInteger(decision.code) && decision.code !== 0;
}
