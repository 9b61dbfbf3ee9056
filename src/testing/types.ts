/** The test kit's request and option types. */
import type { CallbackTypes, CssTypes, ProtocolTypes, Resolve, TrtcTypes } from "../types.js";

/** One HTTP request as Tencent would send it; pass it to `dispatcher.handle()` as it is. */
export interface TestRequest {
  readonly method: "POST";
  /** Path and query, e.g. `/tencent/callback?SdkAppid=…&CallbackCommand=…&Sign=…&RequestTime=…`. */
  readonly url: string;
  /** By lower-cased name, as node's `req.headers` has them. */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body text (what TRTC signs byte for byte). */
  readonly body: string;
  /** The same request as a WHATWG `Request` for a fetch handler or `fetch()`: `origin` defaults to `http://localhost`. */
  toRequest(origin?: string): Request;
}

/**
 * What a test may pass as the payload of a known event: its typed payload, the fields that name
 * the event optional (filled in); or raw JSON text, sent as it is (for bodies the schema refuses,
 * fields it does not know, exact 64-bit literals).
 */
export type PayloadInput<T extends ProtocolTypes, K, Naming extends string> =
  | string
  | ([Resolve<T, K>] extends [never] ? Record<string, unknown> : Loosen<T["payloads"][Resolve<T, K> & keyof T["payloads"]], Naming>);
type Loosen<P, Naming extends string> = Omit<P, Naming> & Partial<Pick<P, Naming & keyof P>>;

export type CallbackPayloadInput<C> = PayloadInput<CallbackTypes, C, "CallbackCommand">;
export type TrtcPayloadInput<E> = PayloadInput<TrtcTypes, E, "EventGroupId" | "EventType">;
export type CssPayloadInput<E> = PayloadInput<CssTypes, E, "event_type" | "t" | "sign">;

import type { TokenInput } from "../protocols/callback/apps.js";

export interface SignedRequestOptions {
  /** The SDKAppID the callback is for (the `SdkAppid` query parameter). */
  sdkAppId: number | string;
  /**
   * The callback token: adds `Sign` and `RequestTime`. Leave it out for an unsigned callback. The
   * dispatcher's `token` option as it is works too: with tokens by product (`{ chat, live, room, call }`)
   * the command's product signs (the first token of its list), as Tencent signs.
   */
  token?: TokenInput | undefined;
  /** `RequestTime`: Unix seconds (or a `Date`). Default now; match it to the dispatcher's `now` option. */
  requestTime?: number | string | Date | undefined;
  /** `ClientIP`. Default `127.0.0.1`; `null` leaves it out. */
  clientIp?: string | null | undefined;
  /** `OptPlatform`. Default `RESTAPI`; `null` leaves it out. */
  optPlatform?: string | null | undefined;
  /** Where the webhook is mounted. Default `/`. */
  path?: string | undefined;
}

export interface TrtcRequestOptions {
  /** The `SdkAppId` header. */
  sdkAppId: number | string;
  /** The TRTC console's callback key: `Sign = base64(HMAC-SHA256(key, body))`. */
  key: string;
  /** Where the webhook is mounted. Default `/`. */
  path?: string | undefined;
}

export interface CssRequestOptions {
  /** The CSS callback key: `sign = hex(MD5(key + t))`, set in the body with `t`. */
  key: string;
  /** `t`, when the notification expires: Unix seconds (or a `Date`). Default ten minutes from now. */
  t?: number | Date | undefined;
  /** Sets the body's `appid` (your CSS APPID) when given. */
  appId?: number | string | undefined;
  /** Where the webhook is mounted. Default `/`. */
  path?: string | undefined;
}
