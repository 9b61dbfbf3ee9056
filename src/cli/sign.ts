/**
 * The request each protocol's servers send, signed as they sign it:
 * - callback: `SdkAppid`, `CallbackCommand`, … in the query, `Sign = hex(SHA-256(token + RequestTime))`;
 * - TRTC: the exact body bytes, headers `SdkAppId` and `Sign = base64(HMAC-SHA256(key, body))`;
 * - CSS: the body's `t` (expiry, Unix seconds) and `sign = hex(MD5(key + t))`, written into the raw text.
 */
import { hmacSha256Base64, md5Hex } from "../crypto.js";
import { signedQuery } from "../protocols/callback/signature.js";
import { memberText, setMembers } from "./raw-json.js";

export interface SignedRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** For the summary line: "signed", "unsigned", "signed (t …)". */
  signing: string;
  /** Printed only with --verbose: they carry the signature. */
  verbose: string[];
}

export interface CallbackSettings {
  sdkAppId: string;
  /** As typed: an alias goes in the query, as an app configured with the old name receives it. */
  command: string;
  clientIp: string;
  optPlatform: string;
  token: string | undefined;
  /** The product whose token it is (`--live-token`…), for the summary line. */
  product?: string | undefined;
  nowMs: number;
}

export function callbackRequest(target: URL, body: string, settings: CallbackSettings): SignedRequest {
  // Tencent appends its parameters to the configured URL, keeping any query the user put there.
  const url = new URL(target);
  url.searchParams.set("SdkAppid", settings.sdkAppId);
  url.searchParams.set("CallbackCommand", settings.command);
  url.searchParams.set("contenttype", "json");
  url.searchParams.set("ClientIP", settings.clientIp);
  url.searchParams.set("OptPlatform", settings.optPlatform);
  if (settings.token === undefined) return { url, headers: {}, body, signing: "unsigned", verbose: [] };
  const { Sign, RequestTime } = signedQuery(settings.token, settings.nowMs);
  url.searchParams.set("Sign", Sign);
  url.searchParams.set("RequestTime", RequestTime);
  return {
    url,
    headers: {},
    body,
    signing: settings.product ? `signed (${settings.product} token)` : "signed",
    verbose: [`  Sign: ${Sign} (RequestTime ${RequestTime})`],
  };
}

export async function trtcRequest(target: URL, body: string, settings: { sdkAppId: string; key: string }): Promise<SignedRequest> {
  // fetch sends a string body as its UTF-8 bytes: the bytes signed here.
  const sign = await hmacSha256Base64(settings.key, new TextEncoder().encode(body));
  return {
    url: new URL(target),
    headers: { SdkAppId: settings.sdkAppId, Sign: sign },
    body,
    signing: `signed (SdkAppId ${settings.sdkAppId})`,
    verbose: [`  SdkAppId: ${settings.sdkAppId}`, `  Sign: ${sign}`],
  };
}

export async function cssRequest(target: URL, body: string, settings: { key: string; expiresAt: number }): Promise<SignedRequest> {
  const t = String(settings.expiresAt);
  const sign = await md5Hex(`${settings.key}${t}`);
  // `t` keeps the sample's own type (Tencent sends a number); everything else stays byte for byte.
  const quoted = memberText(body, "t")?.startsWith('"') ?? false;
  const signed = setMembers(body, { t: quoted ? JSON.stringify(t) : t, sign: JSON.stringify(sign) });
  const expires = new Date(settings.expiresAt * 1000).toISOString().replace(".000Z", "Z");
  return { url: new URL(target), headers: {}, body: signed, signing: `signed (t ${t}, expires ${expires})`, verbose: [`  t: ${t}`, `  sign: ${sign}`] };
}
