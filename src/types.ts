import type { ProtocolName, ReplyKind } from "../schemas/define.js";
import type { CallbackAliases, CallbackPayloads, CallbackReplyKinds, CssCodes, CssPayloads, TrtcCodes, TrtcPayloads } from "../schemas/generated/payloads.js";
import type { DedupeStore, WebhookQueue } from "./delivery/types.js";
import type { Rejection, RejectionReason, WebhookResponse } from "./errors.js";
import type { SchemaError } from "./pipeline/validate.js";
import type { DecisionByReply } from "./protocols/callback/decision.js";
import type { SdkAppIdInput, TokenInput } from "./protocols/callback/apps.js";

export type { WebhookResponse } from "./errors.js";
export type { SdkAppIdInput, TokenInput } from "./protocols/callback/apps.js";

/** pino-compatible: anything with `warn` and `error` taking a string. */
export interface Logger {
  warn(message: string): void;
  error(message: string): void;
}

/** Options every dispatcher takes. */
export interface SharedOptions {
  /** Largest accepted body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** How long adapters wait for the whole body before answering 408 and closing. Default 10 000 ms (Tencent gives up after 2–5 s). */
  bodyTimeoutMs?: number;
  /** How long handlers may take before the reply is a 504 (they are not cut off). Default 2000 ms. */
  handlerTimeoutMs?: number;
  /** The same for "before" callbacks, whose reply decides: default 1500 ms, inside Tencent's ~2 s. */
  decisionTimeoutMs?: number;
  /**
   * "before" callbacks: the answer when a handler throws or the decision times out, by command.
   * Default: what Tencent itself does without a reply (messages go ahead; gifts are blocked).
   */
  onDecisionFailure?: Readonly<Record<string, "allow" | "block">>;
  /** `"accept"` (default) runs `onAny` handlers for commands this package does not know; `"reject"` answers 400. */
  unknownCommands?: "accept" | "reject";
  /** Where refusals go when no `onError` is registered. Default the console; one line each, rate-limited. */
  logger?: Logger;
  /** Durable hand-off: "after" callbacks are written to the queue and answered 200 once the write is acknowledged. */
  queue?: WebhookQueue | undefined;
  /** Inline dedupe without a queue (a `memoryQueue().dedupe` or a Redis store); with `queue`, the queue's store is used. */
  dedupe?: DedupeStore | undefined;
  /** How long a dedupe claim lasts. Default: the queue's, else 900 s (longer than CSS's ~12 min of retries). */
  dedupeTtlSeconds?: number;
  /** Clock in milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

export interface DispatcherOptions extends SharedOptions {
  /** Your SDKAppID (number or digit string), a list of them, or a map from SDKAppID to its token(s). Others get 403. */
  sdkAppId: SdkAppIdInput;
  /** The callback token(s) from Tencent's console; with a list, any one signs (rotation). When set, every callback must be signed. */
  token?: TokenInput | undefined;
  /** How far `RequestTime` may be from now, in seconds, past or future. Default 60 (Tencent documents 1 minute). */
  signatureToleranceSeconds?: number;
}

export interface TrtcDispatcherOptions extends SharedOptions {
  /** Your SDKAppID(s): the `SdkAppId` header must be one. */
  sdkAppId: number | string | readonly (number | string)[];
  /** The TRTC console's callback key(s) (up to 32 letters and digits); with a list, any one signs. */
  key: string | readonly string[];
}

export interface CssDispatcherOptions extends SharedOptions {
  /** The CSS console's callback key(s). */
  key: string | readonly string[];
  /** When set, the body's `appid` must be this. */
  appId?: number | string | undefined;
  /** Seconds past `t` (the notification's expiry) still accepted, for clock drift. Default 0. */
  clockToleranceSeconds?: number;
}

export type HeaderValue = string | string[] | number | undefined;
/** A plain header record (any key case), or a WHATWG `Headers`. */
export type HeadersInput = Record<string, HeaderValue> | { forEach(cb: (value: string, key: string) => void): void };

/** What an adapter hands the core: the HTTP request as received. */
export interface WebhookRequest {
  method: string;
  /** Path plus query string, e.g. `/tencent?SdkAppid=1400000000&CallbackCommand=…`; a full URL works too. */
  url: string;
  headers?: HeadersInput | undefined;
  /** Raw body (string or bytes, preferred), an object some body parser already produced, or nothing. */
  body?: string | Uint8Array | object | null | undefined;
  /** Set by adapters when the body could not be read: it timed out, or something else had consumed it. */
  bodyError?: "timeout" | "consumed" | undefined;
  /** The adapter (`express`, `koa`, …): refusals name the fix for that framework. */
  source?: string | undefined;
}

/** The request as this package saw it: enough to log, inspect or replay it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  /** Query parameters by lower-cased key. */
  query: Record<string, string>;
  /** Headers by lower-cased key. */
  headers: Record<string, string>;
  /** The body as text (UTF-8); see `rawBodyExact`. `undefined` when none was sent. */
  rawBody: string | undefined;
  /** False when `rawBody` is a re-serialisation of a body another middleware parsed — not what Tencent sent. */
  rawBodyExact: boolean;
}

export interface WebhookEvent<C extends string = string, P = Record<string, unknown>> {
  protocol: ProtocolName;
  command: C;
  /** Typed from the command's schema: the documented fields, exactly. */
  payload: P;
  /** The same object, untyped: fields Tencent sends that the schema does not know yet (`event.extra.NewField`). */
  extra: Readonly<Record<string, unknown>>;
  /** The app the callback is for (always one you serve); CSS: the body's `appid`, when present. */
  sdkAppId: string;
  clientIp: string | undefined;
  /** `RESTAPI`, `Web`, `Android`, `iOS`, `Windows`, `Mac`, `iPad`, `Unknown` (case normalised), or as sent. */
  optPlatform: string | undefined;
  /** Which configured token / key signed it (0 for the first), or `undefined` when unsigned. */
  keyIndex: number | undefined;
  /** The body text; `request.rawBodyExact` says whether it is byte-for-byte what Tencent sent. */
  rawBody: string;
  /** The idempotency key: the same for a resent callback, different for any other. */
  dedupeKey: string;
  /** 1 inline; the queue's attempt number in a worker. */
  attempt: number;
  request: ReceivedRequest;
}

type MaybePromise<T> = T | Promise<T>;

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
export type Resolve<T extends ProtocolTypes, K> = K extends NameOf<T>
  ? K
  : K extends keyof T["aliases"]
    ? T["aliases"][K] & NameOf<T>
    : { [N in keyof T["codes"]]: T["codes"][N] extends K ? N : never }[keyof T["codes"]] & NameOf<T>;
/** The event of one name (distributive: checking `event.command` narrows a union). */
export type EventOf<T extends ProtocolTypes, N> = N extends NameOf<T> ? WebhookEvent<N, T["payloads"][N]> : never;
type DecisionOf<T extends ProtocolTypes, N> = N extends keyof T["replies"] ? (T["replies"][N] extends ReplyKind ? DecisionByReply[T["replies"][N]] : never) : never;

/**
 * A handler for "before" commands may return a decision the command's page allows; handlers for
 * "after" commands (or a mix) return nothing that matters.
 */
export type HandlerOf<T extends ProtocolTypes, K> = [Resolve<T, K>] extends [keyof T["replies"]]
  ? (event: EventOf<T, Resolve<T, K>>) => MaybePromise<DecisionOf<T, Resolve<T, K>> | void>
  : (event: EventOf<T, Resolve<T, K>>) => MaybePromise<void>;

export type AnyWebhookEvent = WebhookEvent<string, Record<string, unknown>>;
export type AnyHandler = (event: AnyWebhookEvent) => MaybePromise<void>;
export type ErrorHandler = (error: WebhookErrorEvent) => MaybePromise<void>;
export type DuplicateHandler = (duplicate: DuplicateEvent) => MaybePromise<void>;

/** A callback already accepted once (same `dedupeKey` within the TTL): answered 200, not handled again. */
export interface DuplicateEvent {
  protocol: ProtocolName;
  command: string;
  dedupeKey: string;
  request: ReceivedRequest;
}

/** A callback that was refused or whose handlers failed; `request` is enough to replay it. */
export interface WebhookErrorEvent {
  reason: RejectionReason;
  status: number;
  /** The safe message also sent in the reply. */
  message: string;
  /** The Boom error behind the reply. */
  error: Rejection;
  /** What a handler threw, for `handler_failed`; what the queue threw, for `queue_unavailable`. */
  cause?: unknown;
  command?: string | undefined;
  payload?: Record<string, unknown> | undefined;
  schemaErrors?: SchemaError[] | undefined;
  /** In a worker: the attempt that failed, and whether it was the last (the job is then in the dead-letter set). */
  attempt?: number | undefined;
  final?: boolean | undefined;
  dedupeKey?: string | undefined;
  request: ReceivedRequest;
}

export interface DispatchMeta {
  sdkAppId?: string;
  /** The query's `CallbackCommand`, when there was one: it must agree with the payload's. */
  command?: string | undefined;
  clientIp?: string | undefined;
  optPlatform?: string | undefined;
  rawBody?: string;
  request?: ReceivedRequest;
}

/** The resolved shared options, as adapters read them (no secrets). */
export interface ResolvedPublicOptions {
  readonly protocol: ProtocolName;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  readonly handlerTimeoutMs: number;
  readonly decisionTimeoutMs: number;
  readonly unknownCommands: "accept" | "reject";
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
  /** Every accepted callback, known or not. */
  onAny(handler: AnyHandler): this;
  /** Every refused or failed callback, with the raw request. */
  onError(handler: ErrorHandler): this;
  /** Every duplicate (answered 200, not handled again). */
  onDuplicate(handler: DuplicateHandler): this;
  removeListener(command: KeyOf<T> | readonly KeyOf<T>[] | "*" | "error" | "duplicate", handler: (...args: never[]) => unknown): this;
  /** Run one HTTP request through every check and the handlers (or the queue). Never throws, never rejects. */
  handle(request: WebhookRequest): Promise<WebhookResponse>;
  /** Validate and dispatch an already-parsed payload (replays, tests). Never throws, never rejects. */
  dispatch(payload: unknown, meta?: DispatchMeta): Promise<WebhookResponse>;
  /** A queue worker's entry: runs the handlers of one queued callback; rejects when one failed (the queue retries). */
  deliver(job: import("./delivery/types.js").QueuedCallback, attempt: import("./delivery/types.js").DeliveryAttempt): Promise<void>;
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
