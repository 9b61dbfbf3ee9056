/**
 * Any definition's raw text (sample, variant, or an edit of one) as the request Tencent would
 * send it, for the dispatcher of its protocol — signed by an independent signer (node:crypto):
 * - callback: `POST ?SdkAppid=…&CallbackCommand=<command>&…` (unsigned: the dispatcher has no token);
 * - TRTC: headers `SdkAppId` and `Sign` = base64(HMAC-SHA256(key, raw text));
 * - CSS: the body's `t` (expiry, Unix seconds, in the future) and `sign` = hex(MD5(key + t)),
 *   replaced in the raw text (64-bit literals stay intact), or added where the sample has none.
 * And a lossless reading of raw JSON text (lossless-json) to compare parsed payloads with.
 */
import { createHash, createHmac } from "node:crypto";
import { isLosslessNumber, parse as losslessParse, stringify as losslessStringify } from "lossless-json";
import type { CommandDefinition, ProtocolName } from "../../schemas/index.js";
import { createCssDispatcher, createDispatcher, createTrtcDispatcher, type WebhookRequest } from "../../src/index.js";
import type { ProtocolTypes, Dispatcher } from "../../src/types.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, SILENT_LOGGER, tencentQuery } from "./fixtures.js";

export const TRTC_KEY = "catalogue-trtc-key";
export const CSS_KEY = "catalogue-css-key";
/** CSS `t` is when the notification expires: ten minutes after the dispatchers' fixed clock. */
export const CSS_T = Math.floor(NOW_MS / 1000) + 600;

/** A dispatcher of `protocol` on the fixed clock, quiet (tests register onError). */
export function dispatcherFor(protocol: ProtocolName): Dispatcher<ProtocolTypes> {
  const shared = { now: () => NOW_MS, logger: SILENT_LOGGER };
  switch (protocol) {
    case "callback":
      return createDispatcher({ sdkAppId: APP_ID, ...shared }) as unknown as Dispatcher<ProtocolTypes>;
    case "trtc":
      return createTrtcDispatcher({ sdkAppId: APP_ID, key: TRTC_KEY, ...shared }) as unknown as Dispatcher<ProtocolTypes>;
    case "css":
      return createCssDispatcher({ key: CSS_KEY, ...shared }) as unknown as Dispatcher<ProtocolTypes>;
  }
}

export function trtcSign(text: string, key = TRTC_KEY): string {
  return createHmac("sha256", key).update(text).digest("base64");
}

export function cssSign(t: number, key = CSS_KEY): string {
  return createHash("md5").update(`${key}${t}`).digest("hex");
}

const CSS_T_FIELD = /("t"\s*:\s*)("?)\d+\2/;
const CSS_SIGN_FIELD = /("sign"\s*:\s*)"[^"]*"/;

/** The CSS text with a valid, unexpired `t` / `sign` pair: replaced where present, added first where not. */
export function cssSigned(text: string, t = CSS_T, key = CSS_KEY): string {
  const sign = cssSign(t, key);
  const hasT = CSS_T_FIELD.test(text);
  const hasSign = CSS_SIGN_FIELD.test(text);
  let signed = text.replace(CSS_T_FIELD, `$1${t}`).replace(CSS_SIGN_FIELD, `$1"${sign}"`);
  const missing = [hasT ? "" : `"t":${t},`, hasSign ? "" : `"sign":"${sign}",`].join("");
  if (missing) signed = signed.replace(/^(\s*\{)/, `$1${missing}`);
  return signed;
}

/** The request that delivers `text` for `definition` to `dispatcherFor(definition.protocol)`. */
export function signedRequest(definition: CommandDefinition, text: string): { request: WebhookRequest; body: string } {
  const headers: Record<string, string> = { "content-type": "application/json" };
  switch (definition.protocol) {
    case "callback":
      return { body: text, request: { method: "POST", url: `${CALLBACK_PATH}${tencentQuery({ command: definition.command })}`, headers, body: text } };
    case "trtc":
      return { body: text, request: { method: "POST", url: "/trtc/callback", headers: { ...headers, SdkAppId: APP_ID, Sign: trtcSign(text) }, body: text } };
    case "css": {
      const body = cssSigned(text);
      return { body, request: { method: "POST", url: "/css/callback", headers, body } };
    }
  }
}

/** The same raw text with `field` added at the top level (first, before the other fields). */
export function withTopField(text: string, field: string, valueJson: string): string {
  return text.replace(/^(\s*\{)/, `$1${JSON.stringify(field)}:${valueJson},`);
}

/** The raw text without one top-level field; every other number literal kept exactly (lossless-json). */
export function withoutTopField(text: string, field: string): string {
  const tree = losslessParse(text) as Record<string, unknown>;
  delete tree[field];
  return losslessStringify(tree)!;
}

/**
 * What an exact parse of `text` holds: JSON.parse's value, except every integer literal beyond
 * 2^53 as its exact decimal string (what the package delivers for 64-bit IDs).
 */
export function losslessValue(text: string): unknown {
  const convert = (node: unknown): unknown => {
    if (isLosslessNumber(node)) {
      const number = Number(node.value);
      return Number.isInteger(number) && !Number.isSafeInteger(number) && /^-?\d+$/.test(node.value) ? node.value : number;
    }
    if (Array.isArray(node)) return node.map(convert);
    if (node !== null && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, convert(value)]));
    return node;
  };
  return convert(losslessParse(text));
}

/** Every integer literal in `text` beyond 2^53, with its path (`/RoomInfo/Owner_Account`). */
export function unsafeIntegers(text: string): { path: string[]; digits: string }[] {
  const found: { path: string[]; digits: string }[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (isLosslessNumber(node)) {
      if (/^-?\d+$/.test(node.value) && !Number.isSafeInteger(Number(node.value))) found.push({ path, digits: node.value });
    } else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    }
  };
  walk(losslessParse(text), []);
  return found;
}

export function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}
