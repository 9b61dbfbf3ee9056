import type { CssEventCode, CssEventName } from "../../schemas/runtime.js";
import type { DedupeStore, WebhookQueue } from "../delivery/contract.js";
import type { SdkAppIdInput, TokenInput } from "../protocols/callback/apps.js";

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
  /**
   * An authenticated callback (a token or key is configured and matched) whose payload fails its
   * schema: `"quarantine"` (default) answers it as accepted ("before": the command's failure
   * default) and hands it to `onInvalid` (queued: the dead-letter set, reason `schema_invalid`);
   * `"reject"` answers 400. Unauthenticated callbacks that fail their schema are always refused 400.
   */
  invalidPayloads?: "quarantine" | "reject";
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
  /**
   * OpenTelemetry spans and metrics through `@opentelemetry/api` (install it; the app registers
   * the SDK). Default false. Names: docs/telemetry.md.
   */
  telemetry?: boolean | undefined;
}

export interface DispatcherOptions extends SharedOptions {
  /** Your SDKAppID (number or digit string), a list of them, or a map from SDKAppID to its token(s). Others get 403. */
  sdkAppId: SdkAppIdInput;
  /**
   * The callback token(s) from Tencent's console; with a list, any one signs (rotation). When set, every callback must be signed.
   * Keyed by product (`{ chat, live, room, call }`, each a token or a list) when the products' consoles hold different tokens:
   * a product's token signs only that product's commands (README: "A token per product").
   */
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
  /**
   * Event types (names or codes) accepted without `t` and `sign`, for an event Tencent sends unsigned
   * (a pull-and-relay task's per-task callback URL, 314, for one). Such a body is unauthenticated:
   * delivered when its schema passes, refused 400 when not (never quarantined). A body that does
   * carry `t` or `sign` is still verified. Default: none — every event must be signed.
   */
  unsignedEvents?: readonly (CssEventName | CssEventCode)[];
}
