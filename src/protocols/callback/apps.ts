/**
 * Which SDKAppIDs a dispatcher serves, and the tokens each one signs with. `sdkAppId` is one
 * app, a list, or a map from app to its token(s); `token` (one or a list, for rotation) applies
 * to every app not given its own.
 */
import { reject } from "../../errors.js";
import { fail } from "../../options.js";
import { CONFLICT, single, type Query } from "../../pipeline/query.js";

export type TokenInput = string | readonly string[];
export type SdkAppIdInput = number | string | readonly (number | string)[] | Readonly<Record<string, TokenInput | undefined>>;

/** App id (canonical digits) -> its tokens; an empty list means unsigned. */
export type Apps = ReadonlyMap<string, readonly string[]>;

const APP_ID = /^[1-9]\d*$/;

/** Options accept a number or a digit string; the comparison is always on the canonical digits. */
export function canonicalSdkAppId(value: unknown): string | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value === "string" && APP_ID.test(value)) return value;
  return undefined;
}

function tokens(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : fail(`\`${name}\` must be a string or a list of strings`);
  for (const token of list) {
    if (typeof token !== "string" || token.length === 0) {
      fail(`\`${name}\` must be non-empty strings (an empty TENCENT_CALLBACK_TOKEN= is not a token: leave the option out to skip signature checks)`);
    }
  }
  if (value !== undefined && list.length === 0) fail(`\`${name}\` is an empty list`);
  return [...list];
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
  const shared = tokens(token, "token");
  if (Array.isArray(sdkAppId) || sdkAppId === null || typeof sdkAppId !== "object") {
    return new Map(sdkAppIdList(sdkAppId).map((id) => [id, shared]));
  }
  const apps = new Map<string, string[]>();
  for (const [id, own] of Object.entries(sdkAppId)) {
    const list = tokens(own, `sdkAppId["${id}"]`);
    apps.set(checkedSdkAppId(id), list.length > 0 ? list : shared);
  }
  if (apps.size === 0) fail("`sdkAppId` is an empty map");
  return apps;
}

/** The app must check that the callback is for its own SDKAppID; no leading zeros, no spaces. */
export function checkSdkAppId(received: string | undefined | typeof CONFLICT, apps: Apps, name = "SdkAppid"): string {
  if (received === undefined || received === "") throw reject("sdk_app_id_missing", `${name} is missing`);
  if (received === CONFLICT) throw reject("sdk_app_id_mismatch", `${name} is given twice with different values`);
  if (!apps.has(received)) throw reject("sdk_app_id_mismatch", `${name} does not match this app`);
  return received;
}

export function querySdkAppId(query: Query, apps: Apps): string {
  return checkSdkAppId(single(query, "sdkappid"), apps);
}
