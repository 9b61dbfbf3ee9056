import type { BeforeCommand, KnownCommand, PayloadOf } from "../schemas/index.js";
import type { BeforeDecision } from "./decision.js";
import type { Rejection, RejectionReason, WebhookResponse } from "./errors.js";
import type { SchemaError } from "./validate.js";

export type { WebhookResponse } from "./errors.js";

export interface DispatcherOptions {
  /** Your SDKAppID (number or digit string); callbacks for any other app are refused with 403. */
  sdkAppId: number | string;
  /** The callback authentication token from Tencent's console; when set, every callback must be signed. */
  token?: string | undefined;
  /** Largest accepted body, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** How far `RequestTime` may be from now, in seconds, past or future. Default 60 (Tencent documents 1 minute). */
  signatureToleranceSeconds?: number;
  /** How long handlers may take before the reply is a 504 (they are not cut off). Default 2000 ms. */
  handlerTimeoutMs?: number;
  /**
   * The same for "before" callbacks, whose reply decides: default 1500 ms, so that the (blocking)
   * 504 reaches Tencent before its own ~2 s timeout.
   */
  decisionTimeoutMs?: number;
  /** `"accept"` (default) runs `onAny` handlers for commands this package does not know; `"reject"` answers 400. */
  unknownCommands?: "accept" | "reject";
  /** Clock in milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
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
}

/** The request as this package saw it: enough to log, inspect or replay it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  /** Query parameters by lower-cased key. */
  query: Record<string, string>;
  /** Headers by lower-cased key. */
  headers: Record<string, string>;
  /** The body as text (UTF-8), or `undefined` when none was sent. */
  rawBody: string | undefined;
}

export interface WebhookEvent<C extends string = string, P = Record<string, unknown>> {
  command: C;
  payload: P;
  /** The SDKAppID from the query (always yours: others are refused). */
  sdkAppId: string;
  clientIp: string | undefined;
  /** `RESTAPI`, `Web`, `Android`, `iOS`, `Windows`, `Mac`, `iPad`, `Unknown` (case normalised), or as sent. */
  optPlatform: string | undefined;
  /** The exact body text Tencent sent. */
  rawBody: string;
  request: ReceivedRequest;
}

export type EventFor<C extends KnownCommand> = WebhookEvent<C, PayloadOf<C>>;

/** What `onAny` handlers see: any accepted callback, known or not. */
export type AnyWebhookEvent = WebhookEvent<string, Record<string, unknown>>;

type MaybePromise<T> = T | Promise<T>;

/**
 * A handler for "before" commands may return a decision (`allow()` / `block(code, message)`);
 * handlers for "after" commands (or a mix) return nothing that matters.
 */
export type Handler<C extends KnownCommand> = [C] extends [BeforeCommand]
  ? (event: EventFor<C>) => MaybePromise<BeforeDecision | void>
  : (event: EventFor<C>) => MaybePromise<void>;
export type AnyHandler = (event: AnyWebhookEvent) => MaybePromise<void>;
export type ErrorHandler = (error: WebhookErrorEvent) => MaybePromise<void>;

/** A callback that was refused or whose handlers failed; `request` is enough to replay it. */
export interface WebhookErrorEvent {
  reason: RejectionReason;
  status: number;
  /** The safe message also sent as `ErrorInfo`. */
  message: string;
  /** The Boom error behind the reply. */
  error: Rejection;
  /** What a handler threw, for `handler_failed`. */
  cause?: unknown;
  command?: string | undefined;
  payload?: Record<string, unknown> | undefined;
  schemaErrors?: SchemaError[] | undefined;
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

export interface Dispatcher {
  /** Handle one known command (or several): the handler's event is typed from the command's schema. */
  on<C extends KnownCommand>(command: C | readonly C[], handler: Handler<C>): this;
  /** Every accepted callback, known or not. */
  onAny(handler: AnyHandler): this;
  /** Every refused or failed callback, with the raw request. */
  onError(handler: ErrorHandler): this;
  removeListener<C extends KnownCommand>(command: C | readonly C[] | "*" | "error", handler: Handler<C> | AnyHandler | ErrorHandler): this;
  /** Run one HTTP request through every check and the handlers. Never throws, never rejects. */
  handle(request: WebhookRequest): Promise<WebhookResponse>;
  /** Validate and dispatch an already-parsed payload (queues, replays, tests). Never throws, never rejects. */
  dispatch(payload: unknown, meta?: DispatchMeta): Promise<WebhookResponse>;
  /** The resolved options (the token is not exposed). */
  readonly options: Readonly<Required<Omit<DispatcherOptions, "token" | "now" | "sdkAppId">> & { sdkAppId: string; signed: boolean }>;
}
