import type { ProtocolName, ReplyKind } from "../../schemas/define.js";
import type {
  CallbackAliases,
  CallbackPayloads,
  CallbackReplyKinds,
  CssCodes,
  CssPayloads,
  TrtcCodes,
  TrtcPayloads,
} from "../../schemas/generated/payloads.js";
import type { DeliveryAttempt, QueuedCallback } from "../delivery/contract.js";
import type { WebhookResponse } from "../errors.js";
import type { DecisionByReply } from "../protocols/callback/decision.js";
import type { AnyHandler, DispatchMeta, DuplicateHandler, ErrorHandler, InvalidHandler, MaybePromise, WebhookEvent } from "./events.js";
import type { ReceivedRequest, WebhookRequest } from "./request.js";

/** The types of one protocol: payloads by name, aliases, codes on the wire, "before" reply kinds. */
export interface ProtocolTypes {
  payloads: object;
  aliases: object;
  codes: object;
  replies: object;
}
export interface CallbackTypes {
  payloads: CallbackPayloads;
  aliases: CallbackAliases;
  codes: Record<never, never>;
  replies: CallbackReplyKinds;
}
export interface TrtcTypes {
  payloads: TrtcPayloads;
  aliases: Record<never, never>;
  codes: TrtcCodes;
  replies: Record<never, never>;
}
export interface CssTypes {
  payloads: CssPayloads;
  aliases: Record<never, never>;
  codes: CssCodes;
  replies: Record<never, never>;
}

export type NameOf<T extends ProtocolTypes> = keyof T["payloads"] & string;
/** What `on()` takes: a name, an alias, or the number on the wire. */
export type KeyOf<T extends ProtocolTypes> = NameOf<T> | (keyof T["aliases"] & string) | T["codes"][keyof T["codes"]];
/** A key resolved to its name. */
export type Resolve<T extends ProtocolTypes, K> =
  K extends NameOf<T>
    ? K
    : K extends keyof T["aliases"]
      ? T["aliases"][K] & NameOf<T>
      : { [N in keyof T["codes"]]: T["codes"][N] extends K ? N : never }[keyof T["codes"]] & NameOf<T>;
/** The event of one name (distributive: checking `event.command` narrows a union). */
export type EventOf<T extends ProtocolTypes, N> = N extends NameOf<T> ? WebhookEvent<N, T["payloads"][N]> : never;
type DecisionOf<T extends ProtocolTypes, N> = N extends keyof T["replies"]
  ? T["replies"][N] extends ReplyKind
    ? DecisionByReply[T["replies"][N]]
    : never
  : never;

/**
 * A handler for "before" commands may return a decision the command's page allows (or nothing:
 * allow). What a handler of "after" commands returns is ignored, so an expression arrow such as
 * `(event) => log(event.payload)` fits. A handler for a mix of both returns nothing: a decision
 * there would be read for some commands and ignored for others.
 */
export type HandlerOf<T extends ProtocolTypes, K> = [Resolve<T, K>] extends [keyof T["replies"]]
  ? (event: EventOf<T, Resolve<T, K>>) => MaybePromise<DecisionOf<T, Resolve<T, K>> | void>
  : [Extract<Resolve<T, K>, keyof T["replies"]>] extends [never]
    ? (event: EventOf<T, Resolve<T, K>>) => unknown
    : (event: EventOf<T, Resolve<T, K>>) => MaybePromise<void>;

/** The resolved shared options, as adapters read them (no secrets). */
export interface ResolvedPublicOptions {
  readonly protocol: ProtocolName;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  readonly handlerTimeoutMs: number;
  readonly decisionTimeoutMs: number;
  readonly unknownCommands: "accept" | "reject";
  readonly invalidPayloads: "quarantine" | "reject";
  readonly signed: boolean;
  /** The callback protocol's first SDKAppID (kept for compatibility), or "" for CSS. */
  readonly sdkAppId: string;
  readonly sdkAppIds: readonly string[];
  readonly signatureToleranceSeconds: number;
  readonly queued: boolean;
}

export interface Dispatcher<T extends ProtocolTypes = CallbackTypes> {
  /** Handle one known command or event (or several): the handler's event is typed from its schema. */
  on<const K extends KeyOf<T>>(command: K | readonly K[], handler: HandlerOf<T, K>): this;
  /** Every accepted callback, known or not (never a quarantined one: see `onInvalid`). */
  onAny(handler: AnyHandler): this;
  /** Every refused or failed callback, with the raw request. */
  onError(handler: ErrorHandler): this;
  /** Every duplicate (answered 200, not handled again). */
  onDuplicate(handler: DuplicateHandler): this;
  /**
   * Every authenticated callback whose payload failed its schema (quarantined, not refused; see
   * `invalidPayloads`). Queued, it runs in the worker and the job stays in the dead-letter set.
   */
  onInvalid(handler: InvalidHandler): this;
  removeListener(command: KeyOf<T> | readonly KeyOf<T>[] | "*" | "error" | "duplicate" | "invalid", handler: (...args: never[]) => unknown): this;
  /** Run one HTTP request through every check and the handlers (or the queue). Never throws, never rejects. */
  handle(request: WebhookRequest): Promise<WebhookResponse>;
  /** Validate and dispatch an already-parsed payload (replays, tests). Never throws, never rejects. */
  dispatch(payload: unknown, meta?: DispatchMeta): Promise<WebhookResponse>;
  /**
   * Run a stored request (`onError`'s or `onInvalid`'s `request`) again, after the signature's
   * time window has passed: the app id and the signature are still checked, their age is not.
   * Answers like `handle()`; what was never authenticated is refused again.
   */
  replay(request: ReceivedRequest): Promise<WebhookResponse>;
  /** A queue worker's entry: runs the handlers of one queued callback; rejects when one failed (the queue retries). */
  deliver(job: QueuedCallback, attempt: DeliveryAttempt): Promise<void>;
  /** The resolved options (no token or key). */
  readonly options: ResolvedPublicOptions;
}

export type TrtcDispatcher = Dispatcher<TrtcTypes>;
export type CssDispatcher = Dispatcher<CssTypes>;

/** Kept names: the callback endpoint's event and handler types. */
export type EventFor<C extends KnownCommandName> = EventOf<CallbackTypes, C>;
export type Handler<C extends KnownCommandName> = HandlerOf<CallbackTypes, C>;
type KnownCommandName = keyof CallbackPayloads & string;

/** What an adapter needs of a dispatcher, whatever its protocol: every dispatcher is one. */
export type WebhookReceiver = Pick<Dispatcher<ProtocolTypes>, "handle" | "options">;
