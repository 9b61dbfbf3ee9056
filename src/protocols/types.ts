/**
 * The seam between the one request pipeline and the three wire protocols. See README.md here
 * for what a protocol must provide.
 */
import type { Catalogue } from "../../schemas/catalogue.js";
import type { CommandInfo, ProtocolName } from "../../schemas/define.js";
import type { Rejection, WebhookResponse } from "../errors.js";
import type { Query } from "../pipeline/query.js";
import type { CallbackProduct } from "./callback/products.js";

/** The request as the pipeline has it when the protocol authenticates it. */
export interface Incoming {
  method: string;
  url: string;
  /** Headers by lower-cased key. */
  headers: Record<string, string>;
  query: Query;
  /** The body as received (text or bytes); `undefined` when a framework had already parsed it. */
  raw: string | Uint8Array | undefined;
}

/** What authentication established about a callback. */
export interface Identity {
  /** The app the callback is for (query, header or body); always one the dispatcher serves. */
  sdkAppId?: string | undefined;
  /** Which configured token / key matched (0 for the first: rotation). */
  keyIndex?: number | undefined;
  /** The callback protocol's tokens keyed by product: whose token matched. */
  product?: CallbackProduct | undefined;
  /** The command as named outside the body (the callback protocol's query). */
  commandHint?: string | undefined;
  /** The query named two different commands: refused once the body is parsed (a bad body answers first). */
  commandConflict?: boolean | undefined;
  clientIp?: string | undefined;
  optPlatform?: string | undefined;
}

/** What `dispatch()` callers may say about a payload that did not come through `handle()`. */
export interface TrustedMeta {
  sdkAppId?: string | undefined;
  command?: string | undefined;
  clientIp?: string | undefined;
  optPlatform?: string | undefined;
}

export interface Protocol<S = unknown> {
  readonly name: ProtocolName;
  readonly catalogue: Catalogue;
  /** Option keys this protocol reads, besides the shared ones (timeouts, limits, queue, logger). */
  readonly optionKeys: readonly string[];
  /** Payload paths that identify one event when its command declares none (TRTC: group, type, room, user, time). */
  readonly defaultDedupe?: readonly string[];
  /** Reads and checks this protocol's options at start-up; throws a TypeError naming the option. */
  settings(options: Readonly<Record<string, unknown>>): S;
  /** What the request proves before its body is parsed (the callback protocol's query; TRTC's headers and raw bytes). */
  authenticate(incoming: Incoming, settings: S, nowMs: number): Identity | Promise<Identity>;
  /** What the parsed body proves (CSS signs fields of the body). */
  authenticatePayload?(payload: Record<string, unknown>, identity: Identity, settings: S, nowMs: number): void | Promise<void>;
  /**
   * The same settings with no limit on a signature's age, for `replay()` of a stored request: the
   * signature is still checked, its time window is not. Absent when the protocol checks no age.
   */
  withoutAgeLimit?(settings: S): S;
  /** The identity of a payload handed to `dispatch()`; throws when `meta` names an app not served. */
  trusted(meta: TrustedMeta, settings: S): Identity;
  /** The payload's command: its canonical name when known, else the name as sent. Throws command_missing / command_mismatch. */
  commandOf(payload: Record<string, unknown>, identity: Identity): string;
  /** The 200 reply of an accepted "after" callback. */
  ok(): WebhookResponse;
  /** A refusal in this protocol's reply shape. */
  refuse(rejection: Rejection): WebhookResponse;
  /** "before" commands: the reply built from the handlers' decisions; throws decision_invalid. */
  decide?(definition: CommandInfo, decisions: readonly unknown[]): WebhookResponse;
}
