/** `send`: POST a signed sample (or your payload) to your app as Tencent would, and judge the reply. */
import type { CommandDefinition } from "../../schemas/index.js";
import { onePositional, parse, PROTOCOL_OPTION, protocolOf, type Protocol } from "./args.js";
import { findEvent, labelOf, TITLES } from "./events.js";
import { HELP } from "./help.js";
import { jsonReply, post, printable, targetUrl } from "./http.js";
import { CliError, EXIT, warn, type CliIo } from "./io.js";
import { payloadFor } from "./payload.js";
import { callbackRequest, cssRequest, trtcRequest, type SignedRequest } from "./sign.js";
import { callbackCatalogue } from "../../schemas/index.js";
import { CALLBACK_PRODUCTS, productsOf, type CallbackProduct } from "../protocols/callback/products.js";

export const DEFAULT_TIMEOUT_MS = 10_000;
/** CSS sets `t` to the send time plus 10 minutes. */
export const CSS_EXPIRY_SECONDS = 600;

const SEND_OPTIONS = {
  ...PROTOCOL_OPTION,
  url: { type: "string" },
  "sdk-app-id": { type: "string" },
  token: { type: "string" },
  "chat-token": { type: "string" },
  "live-token": { type: "string" },
  "room-token": { type: "string" },
  "call-token": { type: "string" },
  key: { type: "string" },
  payload: { type: "string" },
  "client-ip": { type: "string" },
  "opt-platform": { type: "string" },
  "expires-at": { type: "string" },
  timeout: { type: "string", default: String(DEFAULT_TIMEOUT_MS) },
  verbose: { type: "boolean" },
} as const;

/** Options that mean something for some protocols only: given for another, they are a mistake. */
const APPLIES_TO: Readonly<Record<string, readonly Protocol[]>> = {
  "sdk-app-id": ["callback", "trtc"],
  token: ["callback"],
  "chat-token": ["callback"],
  "live-token": ["callback"],
  "room-token": ["callback"],
  "call-token": ["callback"],
  "client-ip": ["callback"],
  "opt-platform": ["callback"],
  key: ["trtc", "css"],
  "expires-at": ["css"],
};

const KEY_ENV: Readonly<Record<Protocol, string>> = { callback: "TENCENT_CALLBACK_TOKEN", trtc: "TRTC_CALLBACK_KEY", css: "CSS_CALLBACK_KEY" };

export async function send(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse("send", args, SEND_OPTIONS, true);
  if (values.help) {
    io.stdout(HELP.send);
    return EXIT.ok;
  }
  const protocol = protocolOf(values.protocol);
  for (const [option, protocols] of Object.entries(APPLIES_TO)) {
    if (values[option as keyof typeof values] !== undefined && !protocols.includes(protocol)) {
      throw new CliError(`--${option} does not apply to --protocol ${protocol}; it is for ${protocols.map((p) => `--protocol ${p}`).join(" and ")}`);
    }
  }
  const given = onePositional(positionals, "send", protocol);
  const target = targetUrl(values.url);
  const sdkAppId = protocol === "css" ? "" : requireSdkAppId(values["sdk-app-id"] || io.env.SDK_APP_ID || undefined, protocol);
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new CliError(`--timeout must be a positive number of milliseconds (got "${values.timeout}")`);
  const secret = protocol === "callback" ? callbackToken(given, values, io) : { value: secretFor(protocol, values.key, io), product: undefined };
  const expiresAt = protocol === "css" ? expiryOf(values["expires-at"], io.now()) : 0;

  const definition = findEvent(protocol, given);
  const payload = await payloadFor(protocol, given, definition, values.payload, io);
  const request: SignedRequest =
    protocol === "callback"
      ? callbackRequest(target, payload.text, {
          sdkAppId,
          command: given,
          clientIp: values["client-ip"] ?? "127.0.0.1",
          optPlatform: values["opt-platform"] ?? "RESTAPI",
          token: secret.value,
          product: secret.product,
          nowMs: io.now(),
        })
      : protocol === "trtc"
        ? await trtcRequest(target, payload.text, { sdkAppId, key: secret.value! })
        : await cssRequest(target, payload.text, { key: secret.value!, expiresAt });

  const what = protocol === "callback" ? given : `${TITLES[protocol]} ${definition ? labelOf(definition) : given}`;
  io.stdout(`POST ${printable(request.url, values.verbose === true)}\n`);
  io.stdout(`  ${what} ${payload.label}, ${Buffer.byteLength(request.body)} bytes, ${request.signing}\n`);
  if (values.verbose) for (const line of request.verbose) io.stdout(`${line}\n`);

  const { response, text } = await post(request.url, request.body, request.headers, timeoutMs, io);
  io.stdout(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}\n${text}${text.endsWith("\n") ? "" : "\n"}`);
  const verdict = protocol === "callback" ? callbackVerdict(response, text, definition, io) : codeVerdict(protocol, response, text);
  if (verdict === undefined) return EXIT.ok;
  warn(io, verdict);
  return EXIT.notOk;
}

function requireSdkAppId(sdkAppId: string | undefined, protocol: Protocol): string {
  const flag = protocol === "callback" ? "send" : "send --protocol trtc";
  if (sdkAppId === undefined) throw new CliError(`${flag} needs --sdk-app-id <id> (or SDK_APP_ID in the environment)`);
  if (!/^\d+$/.test(sdkAppId)) throw new CliError(`--sdk-app-id must be digits, like 1400000000 (got "${sdkAppId}")`);
  return sdkAppId;
}

/**
 * The token (callback) or key (TRTC, CSS), from the option or else the environment. Empty is not a
 * secret (an app refuses an empty token or key at start-up): it counts as not set, said once on stderr.
 * Unsigned is a valid callback setup; TRTC and CSS always sign, so their key is required.
 */
function secretFor(protocol: Protocol, option: string | undefined, io: CliIo): string | undefined {
  const [flag, envName] = [protocol === "callback" ? "--token" : "--key", KEY_ENV[protocol]];
  const env = io.env[envName];
  const value = option || env || undefined;
  const empty = option === "" ? `${flag} is empty` : option === undefined && env === "" ? `${envName} is empty` : undefined;
  if (protocol !== "callback" && value === undefined) {
    throw new CliError(`send --protocol ${protocol} needs --key <key> (or ${envName} in the environment)${empty ? `; ${empty}, which is not a key` : ""}`);
  }
  if (empty) {
    const outcome = value === undefined ? "the request is sent unsigned" : `${envName} signs the request`;
    warn(io, `note: ${empty}, which is not a ${protocol === "callback" ? "token" : "key"}: treated as not set, so ${outcome}`);
  }
  return value;
}

type ProductFlag = `${CallbackProduct}-token`;

/**
 * The token a callback is signed with: that of the product whose configuration sends the command
 * (`--live-token`, or $TENCENT_LIVE_CALLBACK_TOKEN, for `Live.*`; see products.ts), else `--token`
 * (every product). A product token given for other products only is a mistake, not an unsigned send.
 */
function callbackToken(command: string, values: Partial<Record<ProductFlag | "token", string>>, io: CliIo) {
  const products = productsOf(callbackCatalogue.canonical(command));
  for (const product of products) {
    const value = values[`${product}-token`] || io.env[`TENCENT_${product.toUpperCase()}_CALLBACK_TOKEN`] || undefined;
    if (value !== undefined) return { value, product };
  }
  const value = secretFor("callback", values.token, io);
  const others = CALLBACK_PRODUCTS.filter((product) => values[`${product}-token`]);
  if (value === undefined && others.length > 0) {
    const flags = products.map((product) => `--${product}-token`).join(" or ");
    throw new CliError(
      `${command} is signed with a ${products.join(" or ")} token: give ${flags}, or --token (the ${others.join(", ")} token does not sign it)`,
    );
  }
  return { value, product: undefined };
}

function expiryOf(value: string | undefined, nowMs: number): number {
  if (value === undefined) return Math.floor(nowMs / 1000) + CSS_EXPIRY_SECONDS;
  if (!/^\d{1,12}$/.test(value))
    throw new CliError(`--expires-at must be Unix seconds, like ${Math.floor(nowMs / 1000) + CSS_EXPIRY_SECONDS} (got "${value}")`);
  return Number(value);
}

/** Callback replies: ActionStatus "OK" over HTTP 2xx; a "before" reply's ErrorCode is the app's decision. */
function callbackVerdict(response: Response, text: string, definition: CommandDefinition | undefined, io: CliIo): string | undefined {
  const reply = jsonReply(text);
  const tencent = reply && "ActionStatus" in reply ? reply : undefined;
  if (response.ok && tencent?.ActionStatus === "OK") {
    // Non-zero blocks the action, and is still a good reply.
    const code = tencent.ErrorCode ?? 0;
    if (code !== 0) io.stdout(`decision: block (ErrorCode ${String(code)}: ${String(tencent.ErrorInfo)})\n`);
    else if (definition?.kind === "before") io.stdout("decision: allow\n");
    return undefined;
  }
  if (!tencent) return `the reply is not a Tencent reply (HTTP ${response.status}); is --url the callback path?`;
  return `the app answered ${String(tencent.ActionStatus)} (ErrorCode ${String(tencent.ErrorCode)}): ${String(tencent.ErrorInfo)}`;
}

/** TRTC and CSS replies: Tencent counts HTTP 200 with `{"code":0}` as delivered, and retries anything else. */
function codeVerdict(protocol: Protocol, response: Response, text: string): string | undefined {
  const reply = jsonReply(text);
  const code = reply && "code" in reply ? reply.code : undefined;
  if (response.status === 200 && (code === 0 || code === "0")) return undefined;
  const title = TITLES[protocol];
  if (code === undefined) {
    return `the reply is not a ${title} reply (HTTP ${response.status}; Tencent expects HTTP 200 with {"code":0}); is --url the ${title} callback path?`;
  }
  const message = typeof reply?.message === "string" && reply.message !== "" ? `: ${reply.message}` : "";
  return `the app answered code ${String(code)}${message} (HTTP ${response.status})`;
}
