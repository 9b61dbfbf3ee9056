/**
 * TRTC event callbacks (https://trtc.io/document/39558): headers `SdkAppId` and
 * `Sign = base64(HMAC-SHA256(key, raw body))` over the exact bytes sent (Tencent pretty-prints
 * with tabs: re-serialising breaks it); `EventType` names the event; Tencent retries any non-200.
 */
import { trtcCatalogue } from "../../../schemas/runtime.js";
import { hmacSha256Base64, safeEqual } from "../../crypto.js";
import { reject } from "../../errors.js";
import { checkSdkAppId, sdkAppIdList, type Apps } from "../callback/apps.js";
import { codeFail, codeOk, eventName, keyList } from "../json-reply.js";
import type { Protocol } from "../types.js";

export interface TrtcSettings {
  apps: Apps;
  keys: readonly string[];
  sdkAppIds: readonly string[];
}

export const trtcProtocol: Protocol<TrtcSettings> = {
  name: "trtc",
  catalogue: trtcCatalogue,
  optionKeys: ["sdkAppId", "key"],
  defaultDedupe: ["EventGroupId", "EventType", "EventInfo.RoomId", "EventInfo.UserId", "EventInfo.EventMsTs"],

  settings(options) {
    const sdkAppIds = sdkAppIdList(options.sdkAppId);
    const keys = keyList(options.key, "key");
    return { apps: new Map(sdkAppIds.map((id) => [id, { any: keys }])), keys, sdkAppIds };
  },

  async authenticate({ headers, raw }, settings) {
    const sdkAppId = checkSdkAppId(headers.sdkappid, settings.apps, "SdkAppId");
    if (raw === undefined) {
      throw reject(
        "raw_body_required",
        "TRTC signs the raw body bytes, and this body was already parsed by another middleware: mount the TRTC route before any JSON body parser",
      );
    }
    const sign = headers.sign;
    if (!sign) throw reject("signature_missing", "The Sign header is required");
    for (let keyIndex = 0; keyIndex < settings.keys.length; keyIndex++) {
      if (safeEqual(await hmacSha256Base64(settings.keys[keyIndex]!, raw), sign)) return { sdkAppId, keyIndex };
    }
    throw reject("signature_invalid", "Signature is invalid");
  },

  trusted(meta, settings) {
    if (meta.sdkAppId !== undefined && !settings.apps.has(meta.sdkAppId)) throw reject("sdk_app_id_mismatch", "SdkAppId does not match this app");
    return { sdkAppId: meta.sdkAppId ?? settings.sdkAppIds[0] };
  },

  commandOf: (payload) => eventName(payload.EventType, "EventType", (code) => trtcCatalogue.byCode.get(code)),
  ok: codeOk,
  refuse: codeFail,
};
