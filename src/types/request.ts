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
