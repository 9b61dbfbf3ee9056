/**
 * CSS (Cloud Streaming Services) callbacks (https://www.tencentcloud.com/document/product/267/38080):
 * `t` (when the notification expires, Unix seconds) and `sign = hex(MD5(key + t))` are fields of
 * the body, which is otherwise unsigned; `event_type` names the event; Tencent retries non-200.
 * One rule for every event type: the key belongs to the callback template, so every request must
 * carry a right `t` and `sign`, also for the events whose page samples leave them out (314, 343,
 * 344, 345, 348, 349). `unsignedEvents` is the explicit opt-out: a body of a listed type with
 * neither field is accepted as unauthenticated (a schema failure is then refused, never quarantined).
 */
import { cssCatalogue } from "../../../schemas/runtime.js";
import { md5Hex, safeEqual } from "../../crypto.js";
import { reject } from "../../errors.js";
import { canonicalSdkAppId } from "../callback/apps.js";
import { codeFail, codeOk, eventCode, eventName, keyList } from "../json-reply.js";
import type { Protocol } from "../types.js";

export interface CssSettings {
  keys: readonly string[];
  appId: string | undefined;
  clockToleranceSeconds: number;
  sdkAppIds: readonly string[];
  /** Event codes accepted without `t` and `sign` (as unauthenticated). */
  unsigned: ReadonlySet<number>;
}

const T = /^\d{1,12}$/;

export const cssProtocol: Protocol<CssSettings> = {
  name: "css",
  catalogue: cssCatalogue,
  optionKeys: ["key", "appId", "clockToleranceSeconds", "unsignedEvents"],

  settings(options) {
    const appId = options.appId === undefined ? undefined : canonicalSdkAppId(options.appId);
    if (options.appId !== undefined && appId === undefined)
      throw new TypeError(`tencent-webhooks: \`appId\` must be your CSS appid as digits, got ${JSON.stringify(options.appId)}`);
    const tolerance = options.clockToleranceSeconds ?? 0;
    if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0) {
      throw new TypeError("tencent-webhooks: `clockToleranceSeconds` must be a number >= 0");
    }
    return {
      keys: keyList(options.key, "key"),
      appId,
      clockToleranceSeconds: tolerance,
      sdkAppIds: appId ? [appId] : [],
      unsigned: unsignedCodes(options.unsignedEvents),
    };
  },

  authenticate: () => ({}),

  async authenticatePayload(payload, identity, settings, nowMs) {
    // Only a number or a digit string is an appid: anything else (an array, an object) is none.
    const raw = payload.appid;
    const appid = typeof raw === "number" || (typeof raw === "string" && raw !== "") ? String(raw) : undefined;
    if (settings.appId !== undefined && appid !== settings.appId) {
      throw raw === undefined ? reject("sdk_app_id_missing", "appid is missing") : reject("sdk_app_id_mismatch", "appid does not match this app");
    }
    identity.sdkAppId = appid;
    const { t, sign } = payload;
    if (t === undefined && sign === undefined && settings.unsigned.size > 0) {
      const code = eventCode(payload.event_type);
      if (code !== undefined && settings.unsigned.has(code)) return;
    }
    if ((typeof t !== "string" && typeof t !== "number") || typeof sign !== "string" || sign === "") {
      throw reject("signature_missing", "t and sign are required (an event type Tencent sends unsigned can be listed in `unsignedEvents`)");
    }
    const expiry = String(t);
    if (!T.test(expiry)) throw reject("signature_invalid", "Signature is invalid");
    let matched = -1;
    for (let i = 0; i < settings.keys.length; i++) {
      if (safeEqual(await md5Hex(`${settings.keys[i]}${expiry}`), sign.toLowerCase()) && matched === -1) matched = i;
    }
    if (matched === -1) throw reject("signature_invalid", "Signature is invalid");
    const late = Math.floor(nowMs / 1000) - Number(expiry);
    if (late > settings.clockToleranceSeconds) {
      throw reject("signature_expired", `The notification expired ${late} s ago (t is when it expires; allowed: ${settings.clockToleranceSeconds} s)`);
    }
    identity.keyIndex = matched;
  },

  withoutAgeLimit: (settings) => ({ ...settings, clockToleranceSeconds: Number.POSITIVE_INFINITY }),

  trusted(meta, settings) {
    return { sdkAppId: meta.sdkAppId ?? settings.appId };
  },

  commandOf: (payload) => eventName(payload.event_type, "event_type", (code) => cssCatalogue.byCode.get(code)),
  ok: codeOk,
  refuse: codeFail,
};

function unsignedCodes(option: unknown): ReadonlySet<number> {
  if (option === undefined) return new Set();
  if (!Array.isArray(option)) throw new TypeError("tencent-webhooks: `unsignedEvents` must be a list of CSS event names or codes");
  return new Set(
    option.map((entry: unknown) => {
      const code = typeof entry === "number" ? entry : typeof entry === "string" ? cssCatalogue.find(entry)?.code : undefined;
      if (code === undefined || !Number.isSafeInteger(code)) {
        throw new TypeError(`tencent-webhooks: \`unsignedEvents\`: ${JSON.stringify(entry)} is not a CSS event name or code (see \`tencent-webhooks list\`)`);
      }
      return code;
    }),
  );
}
