import type { ProtocolName } from "../../schemas/define.js";
import type { Rejection, RejectionReason } from "../errors.js";
import type { SchemaError } from "../pipeline/validate.js";
import type { CallbackProduct } from "../protocols/callback/products.js";
import type { ReceivedRequest } from "./request.js";

export type MaybePromise<T> = T | Promise<T>;

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
  /** Which configured token / key signed it (0 for the first; with tokens by product, the index in that product's list), or `undefined` when unsigned. */
  keyIndex: number | undefined;
  /** With `token: { chat, live, room, call }`: the product whose token signed it; `undefined` for a plain token, unsigned callbacks, TRTC and CSS. */
  product: CallbackProduct | undefined;
  /** The body text; `request.rawBodyExact` says whether it is byte-for-byte what Tencent sent. */
  rawBody: string;
  /** The idempotency key: the same for a resent callback, different for any other. */
  dedupeKey: string;
  /** 1 inline; the queue's attempt number in a worker. */
  attempt: number;
  request: ReceivedRequest;
}

export type AnyWebhookEvent = WebhookEvent<string, Record<string, unknown>>;
export type AnyHandler = (event: AnyWebhookEvent) => MaybePromise<void>;
export type ErrorHandler = (error: WebhookErrorEvent) => MaybePromise<void>;
export type DuplicateHandler = (duplicate: DuplicateEvent) => MaybePromise<void>;
export type InvalidHandler = (invalid: InvalidPayloadEvent) => MaybePromise<void>;

/**
 * An authenticated callback whose payload fails its schema: quarantined, not dropped. Typed `on()`
 * handlers (and `onAny`) never see it; it was answered as accepted ("after") or with the command's
 * failure default ("before"). Queued: it reaches `onInvalid` in the worker and stays in the
 * dead-letter set with reason `schema_invalid`, so `queue.replay(id)` delivers it after an upgrade.
 */
export interface InvalidPayloadEvent {
  reason: "schema_invalid";
  protocol: ProtocolName;
  command: string;
  /** The payload as parsed (and coerced where the schema allows): untyped, it failed the schema. */
  payload: Record<string, unknown>;
  schemaErrors: SchemaError[];
  /** The request as received: `request.rawBody` is enough to replay it with `handle()`. */
  request: ReceivedRequest;
  dedupeKey: string;
  /** 1 inline; the queue's attempt in a worker. */
  attempt: number;
}

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
