/**
 * Which SDKAppIDs a dispatcher serves, and the tokens each one signs with. `sdkAppId` is one
 * app, a list, or a map from app to its token(s); `token` applies to every app not given its own.
 * A token is one string or a list (rotation: any one signs) for every product, or a map by product
 * (`{ chat, live, room, call }`, see products.ts) when the products' consoles hold different tokens.
 */
import { reject } from "../../errors.js";
import { fail } from "../../options.js";
import { CONFLICT, single, type Query } from "../../pipeline/query.js";
import { CALLBACK_PRODUCTS, isCallbackProduct, productsOf, type CallbackProduct } from "./products.js";

export type TokenList = string | readonly string[];
/** One token or a list for every product, or a token (list) per product. */
export type TokenInput = TokenList | Readonly<Partial<Record<CallbackProduct, TokenList>>>;
export type SdkAppIdInput = number | string | readonly (number | string)[] | Readonly<Record<string, TokenInput | undefined>>;

/** An app's tokens: one list for every product (`any`, empty when unsigned), or lists by product. */
export type AppTokens = { readonly any: readonly string[] } | { readonly byProduct: Readonly<Partial<Record<CallbackProduct, readonly string[]>>> };

/** App id (canonical digits) -> its tokens. */
export type Apps = ReadonlyMap<string, AppTokens>;

const APP_ID = /^[1-9]\d*$/;
const UNSIGNED: AppTokens = { any: [] };

/** Options accept a number or a digit string; the comparison is always on the canonical digits. */
export function canonicalSdkAppId(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value === "string" && APP_ID.test(value)) return value;
  return undefined;
}

function tokenList(value: unknown, name: string): string[] {
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : fail(`\`${name}\` must be a string or a list of strings`);
  for (const token of list) {
    if (typeof token !== "string" || token.length === 0) {
      fail(`\`${name}\` must be non-empty strings (an empty TENCENT_CALLBACK_TOKEN= is not a token: leave the option out to skip signature checks)`);
    }
  }
  if (list.length === 0) fail(`\`${name}\` is an empty list`);
  return [...list];
}

/** A token option as given (string, list or product map) checked; `undefined` when not given. */
function appTokens(value: unknown, name: string): AppTokens | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { any: tokenList(value, name) };
  const byProduct: Partial<Record<CallbackProduct, string[]>> = {};
  for (const [product, tokens] of Object.entries(value)) {
    if (!isCallbackProduct(product)) fail(`\`${name}\` keys are products: ${CALLBACK_PRODUCTS.join(", ")}; got ${JSON.stringify(product)}`);
    if (tokens !== undefined) byProduct[product] = tokenList(tokens, `${name}.${product}`);
  }
  if (Object.keys(byProduct).length === 0) fail(`\`${name}\` names no product's token`);
  return { byProduct };
}

function checkedSdkAppId(id: unknown): string {
  return canonicalSdkAppId(id) ?? fail(`\`sdkAppId\` must be your SDKAppID as a positive integer or digit string, got ${JSON.stringify(id)}`);
}

/** The `sdkAppId` option as one app or a list of them, canonical (TRTC takes only these forms). */
export function sdkAppIdList(sdkAppId: unknown): string[] {
  if (!Array.isArray(sdkAppId)) return [checkedSdkAppId(sdkAppId)];
  if (sdkAppId.length === 0) fail("`sdkAppId` is an empty list");
  return sdkAppId.map(checkedSdkAppId);
}

export function resolveApps(sdkAppId: unknown, token: unknown): Apps {
  const shared = appTokens(token, "token") ?? UNSIGNED;
  if (Array.isArray(sdkAppId) || sdkAppId === null || typeof sdkAppId !== "object") {
    return new Map(sdkAppIdList(sdkAppId).map((id) => [id, shared]));
  }
  const apps = new Map<string, AppTokens>();
  for (const [id, own] of Object.entries(sdkAppId)) apps.set(checkedSdkAppId(id), appTokens(own, `sdkAppId["${id}"]`) ?? shared);
  if (apps.size === 0) fail("`sdkAppId` is an empty map");
  return apps;
}

export function isSigned(tokens: AppTokens): boolean {
  return "byProduct" in tokens || tokens.any.length > 0;
}

/** The tokens that may sign `command` (every product's when the command is not known yet), each with its product and rotation index. */
export function candidateTokens(tokens: AppTokens, command: string | undefined): { token: string; product?: CallbackProduct; index: number }[] {
  if ("any" in tokens) return tokens.any.map((token, index) => ({ token, index }));
  const products = command === undefined ? CALLBACK_PRODUCTS : productsOf(command);
  return products.flatMap((product) => (tokens.byProduct[product] ?? []).map((token, index) => ({ token, product, index })));
}

/** The token a sender (the CLI, the test kit) signs `command` with: its product's first, or the shared first. */
export function tokenFor(token: TokenInput | undefined, command: string): string | undefined {
  const tokens = appTokens(token, "token");
  return tokens && isSigned(tokens) ? candidateTokens(tokens, command)[0]?.token : undefined;
}

/** The app must check that the callback is for its own SDKAppID; no leading zeros, no spaces. */
export function checkSdkAppId(received: string | undefined | typeof CONFLICT, apps: { has(id: string): boolean }, name = "SdkAppid"): string {
  if (received === undefined || received === "") throw reject("sdk_app_id_missing", `${name} is missing`);
  if (received === CONFLICT) throw reject("sdk_app_id_mismatch", `${name} is given twice with different values`);
  if (!apps.has(received)) throw reject("sdk_app_id_mismatch", `${name} does not match this app`);
  return received;
}

export function querySdkAppId(query: Query, apps: Apps): string {
  return checkSdkAppId(single(query, "sdkappid"), apps);
}
