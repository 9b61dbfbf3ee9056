/**
 * `tencent-webhooks/testing`: requests exactly as Tencent sends them, signed with your test
 * token or key, for your own tests. Hand one to `dispatcher.handle(…)`, or `.toRequest(origin)`
 * to a fetch handler or a real server. Without a payload, the registry's sample is sent as raw
 * text, its 64-bit integers intact; an object payload is serialised (the fields that name the
 * event are filled in when it lacks them). Signing needs `node:crypto` (Node, Bun, Deno,
 * workerd with nodejs_compat).
 */
import { bodiesOf, callbackCatalogue, cssCatalogue, trtcCatalogue } from "../../schemas/index.js";
import type { Catalogue, CommandDefinition, CssEventName, KnownCommand, SampleVariant, TrtcEventName } from "../../schemas/index.js";
import { hmacSha256Base64, md5Hex } from "../crypto.js";
import { tokenFor, type TokenInput } from "../protocols/callback/apps.js";
import { productsOf } from "../protocols/callback/products.js";
import { computeSignature } from "../protocols/callback/signature.js";
import type { CallbackTypes, CssTypes, KeyOf, TrtcTypes } from "../types.js";
import { setTopLevelFields } from "./json-text.js";
import type {
  CssRequestOptions,
  SignedRequestOptions,
  TestRequest,
  TrtcRequestOptions,
  CallbackPayloadInput,
  CssPayloadInput,
  TrtcPayloadInput,
} from "./types.js";

export type * from "./types.js";
export type { SampleVariant } from "../../schemas/index.js";

const JSON_HEADERS = { "content-type": "application/json" } as const;

/**
 * A callback-endpoint request (Live, Room, Chat, …): `POST path?SdkAppid=…&CallbackCommand=…&contenttype=json&ClientIP=…&OptPlatform=…`,
 * signed (`Sign`, `RequestTime`) when `token` is given.
 */
export function signedRequest<const C extends KeyOf<CallbackTypes> | (string & {})>(
  command: C,
  payload: CallbackPayloadInput<C> | undefined,
  options: SignedRequestOptions,
): TestRequest;
export function signedRequest<const C extends KeyOf<CallbackTypes>>(command: C, options: SignedRequestOptions): TestRequest;
export function signedRequest(command: string, ...rest: [unknown, SignedRequestOptions] | [SignedRequestOptions]): TestRequest {
  const [payload, options] = rest.length === 1 ? [undefined, rest[0]] : rest;
  if (typeof command !== "string" || command === "") fail("signedRequest(command, …) needs the CallbackCommand");
  const { sdkAppId, token, requestTime, clientIp = "127.0.0.1", optPlatform = "RESTAPI", path } = options ?? fail("signedRequest() needs { sdkAppId }");
  if (sdkAppId === undefined || sdkAppId === "") fail("signedRequest() needs { sdkAppId }");
  const body = bodyOf(callbackCatalogue, command, payload, "signedRequest", () => ({ CallbackCommand: command }));
  const query = new URLSearchParams({ SdkAppid: String(sdkAppId), CallbackCommand: command, contenttype: "json" });
  if (clientIp !== null) query.set("ClientIP", clientIp);
  if (optPlatform !== null) query.set("OptPlatform", optPlatform);
  const signing = token === undefined ? undefined : tokenForCommand(token, command);
  if (signing !== undefined) {
    const time = String(requestTime instanceof Date ? seconds(requestTime) : (requestTime ?? seconds(new Date())));
    query.set("Sign", computeSignature(signing, time));
    query.set("RequestTime", time);
  }
  return testRequest(withQuery(path, query), { ...JSON_HEADERS }, body);
}

/** A TRTC event callback: headers `SdkAppId` and `Sign = base64(HMAC-SHA256(key, body))` over the exact body text. */
export function trtcRequest<const E extends KeyOf<TrtcTypes>>(event: E, payload: TrtcPayloadInput<E> | undefined, options: TrtcRequestOptions): TestRequest;
export function trtcRequest<const E extends KeyOf<TrtcTypes>>(event: E, options: TrtcRequestOptions): TestRequest;
export function trtcRequest(event: string | number, ...rest: [unknown, TrtcRequestOptions] | [TrtcRequestOptions]): TestRequest {
  const [payload, options] = rest.length === 1 ? [undefined, rest[0]] : rest;
  const { sdkAppId, key, path } = options ?? fail("trtcRequest() needs { sdkAppId, key }");
  if (sdkAppId === undefined || sdkAppId === "" || typeof key !== "string" || key === "") fail("trtcRequest() needs { sdkAppId, key }");
  const body = bodyOf(trtcCatalogue, event, payload, "trtcRequest", (definition) =>
    definition ? { EventGroupId: definition.group, EventType: definition.code } : {},
  );
  const sign = synchronously(hmacSha256Base64(key, body), "trtcRequest");
  return testRequest(withQuery(path), { ...JSON_HEADERS, sdkappid: String(sdkAppId), sign }, body);
}

/** A CSS event callback: `t` and `sign = hex(MD5(key + t))` set in the body (the rest of a text payload is kept byte for byte). */
export function cssRequest<const E extends KeyOf<CssTypes>>(event: E, payload: CssPayloadInput<E> | undefined, options: CssRequestOptions): TestRequest;
export function cssRequest<const E extends KeyOf<CssTypes>>(event: E, options: CssRequestOptions): TestRequest;
export function cssRequest(event: string | number, ...rest: [unknown, CssRequestOptions] | [CssRequestOptions]): TestRequest {
  const [payload, options] = rest.length === 1 ? [undefined, rest[0]] : rest;
  const { key, t, appId, path } = options ?? fail("cssRequest() needs { key }");
  if (typeof key !== "string" || key === "") fail("cssRequest() needs { key }");
  const expiry = t instanceof Date ? seconds(t) : (t ?? seconds(new Date()) + 600);
  if (!Number.isSafeInteger(expiry) || expiry < 0) fail(`cssRequest(): t must be Unix seconds, got ${String(t)}`);
  const sign = synchronously(md5Hex(`${key}${expiry}`), "cssRequest");
  const text = bodyOf(cssCatalogue, event, payload, "cssRequest", (definition) => (definition ? { event_type: definition.code } : {}));
  const fields: Record<string, string> = { t: String(expiry), sign: JSON.stringify(sign) };
  if (appId !== undefined) {
    if (!/^\d+$/.test(String(appId))) fail(`cssRequest(): appId must be digits, got ${JSON.stringify(appId)}`);
    fields.appid = String(appId);
  }
  return testRequest(withQuery(path), { ...JSON_HEADERS }, setTopLevelFields(text, fields));
}

/** The registry's sample bodies (raw JSON text, 64-bit literals intact) by protocol and name. */
export const samples: {
  readonly callback: Readonly<Record<KnownCommand, string>>;
  readonly trtc: Readonly<Record<TrtcEventName, string>>;
  readonly css: Readonly<Record<CssEventName, string>>;
} = Object.freeze({
  callback: samplesOf<KnownCommand>(callbackCatalogue),
  trtc: samplesOf<TrtcEventName>(trtcCatalogue),
  css: samplesOf<CssEventName>(cssCatalogue),
});

/**
 * Every documented body of each event, with the page it comes from: the sample first, then the
 * other language's page and the pages' other samples (what the package's own catalogue test sends).
 */
export const sampleVariants: {
  readonly callback: Readonly<Record<KnownCommand, readonly SampleVariant[]>>;
  readonly trtc: Readonly<Record<TrtcEventName, readonly SampleVariant[]>>;
  readonly css: Readonly<Record<CssEventName, readonly SampleVariant[]>>;
} = Object.freeze({
  callback: variantsOf<KnownCommand>(callbackCatalogue),
  trtc: variantsOf<TrtcEventName>(trtcCatalogue),
  css: variantsOf<CssEventName>(cssCatalogue),
});

function variantsOf<N extends string>(catalogue: Catalogue<CommandDefinition>): Readonly<Record<N, readonly SampleVariant[]>> {
  return Object.freeze(Object.fromEntries([...catalogue.byName].map(([name, definition]) => [name, Object.freeze(bodiesOf(definition))]))) as Record<
    N,
    readonly SampleVariant[]
  >;
}

function samplesOf<N extends string>(catalogue: Catalogue<CommandDefinition>): Readonly<Record<N, string>> {
  return Object.freeze(Object.fromEntries([...catalogue.byName].map(([name, definition]) => [name, definition.sample]))) as Record<N, string>;
}

/** The body text: the payload's text as given, the object serialised (naming fields first when missing), or the sample. */
function bodyOf(
  catalogue: Catalogue<CommandDefinition>,
  event: string | number,
  payload: unknown,
  caller: string,
  naming: (definition: CommandDefinition | undefined) => Record<string, unknown>,
): string {
  const definition = catalogue.find(event);
  if (typeof payload === "string") return payload;
  if (payload === undefined) {
    if (!definition) fail(`${caller}(): ${JSON.stringify(event)} is not a known event, so it has no sample: pass a payload`);
    return definition.sample;
  }
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) fail(`${caller}(): the payload must be an object or JSON text`);
  const filled: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(naming(definition))) if (!(field in payload) && value !== undefined) filled[field] = value;
  return JSON.stringify({ ...filled, ...payload });
}

function testRequest(url: string, headers: Record<string, string>, body: string): TestRequest {
  const request = { method: "POST" as const, url, headers, body };
  // Not enumerable: the request spreads, compares and logs as plain data.
  Object.defineProperty(request, "toRequest", {
    value: (origin = "http://localhost") => new Request(new URL(url, origin), { method: "POST", headers, body }),
  });
  return request as TestRequest;
}

function withQuery(path = "/", query?: URLSearchParams): string {
  const search = query?.toString();
  if (!search) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${search}`;
}

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function synchronously(digest: string | Promise<string>, caller: string): string {
  if (typeof digest !== "string")
    fail(`${caller}() signs with node:crypto, which this runtime does not have (Node, Bun, Deno and workerd with nodejs_compat do)`);
  return digest;
}

function fail(message: string): never {
  throw new TypeError(`tencent-webhooks/testing: ${message}`);
}

/** The token that signs `command` (its canonical name decides the product); a token map without one for it is an error, not an unsigned request. */
function tokenForCommand(token: TokenInput, command: string): string {
  const canonical = callbackCatalogue.canonical(command);
  return (
    tokenFor(token, canonical) ?? fail(`signedRequest(): the token map has no token for ${productsOf(canonical).join(" or ")} commands such as ${command}`)
  );
}
