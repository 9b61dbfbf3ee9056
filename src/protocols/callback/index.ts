/**
 * The callback endpoint (Live, Room, Chat, …): `POST url?SdkAppid=…&CallbackCommand=…&Sign=…&RequestTime=…`,
 * replies `{"ActionStatus","ErrorInfo","ErrorCode"}` (https://trtc.io/document/34354).
 */
import { callbackCatalogue } from "../../../schemas/runtime.js";
import { reject } from "../../errors.js";
import { CONFLICT, optional, single, type Query } from "../../pipeline/query.js";
import type { Identity, Protocol } from "../types.js";
import type { CallbackProduct } from "./products.js";
import { candidateTokens, querySdkAppId, resolveApps, type Apps } from "./apps.js";
import { productsOf } from "./products.js";
import { decide } from "./decide.js";
import { failReply, okReply } from "./reply.js";
import { checkSignature } from "./signature.js";

export interface CallbackSettings {
  apps: Apps;
  signatureToleranceSeconds: number;
}

function queryCommand(query: Query): Pick<Identity, "commandHint" | "commandConflict"> {
  const command = single(query, "callbackcommand");
  if (command === CONFLICT) return { commandConflict: true };
  return { commandHint: command === "" ? undefined : command };
}

export const callbackProtocol: Protocol<CallbackSettings> = {
  name: "callback",
  catalogue: callbackCatalogue,
  optionKeys: ["sdkAppId", "token", "signatureToleranceSeconds"],

  settings(options) {
    const tolerance = options.signatureToleranceSeconds ?? 60;
    if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0) {
      throw new TypeError(`tencent-webhooks: \`signatureToleranceSeconds\` must be a number >= 0, got ${JSON.stringify(tolerance)}`);
    }
    return { apps: resolveApps(options.sdkAppId, options.token), signatureToleranceSeconds: tolerance };
  },

  authenticate({ query }, settings, nowMs) {
    const sdkAppId = querySdkAppId(query, settings.apps);
    const tokens = settings.apps.get(sdkAppId)!;
    const named = queryCommand(query);
    const identity = (matched: { index: number; product?: CallbackProduct | undefined } | undefined): Identity => ({
      sdkAppId,
      keyIndex: matched?.index,
      product: matched?.product,
      ...named,
      clientIp: optional(query, "clientip"),
      optPlatform: optional(query, "optplatform"),
    });
    if ("any" in tokens) {
      // One token list for every product: the common case, no per-request allocation.
      if (tokens.any.length === 0) return identity(undefined);
      const matched = checkSignature(query, tokens.any, nowMs, settings.signatureToleranceSeconds);
      return typeof matched === "number" ? identity({ index: matched }) : matched.then((index) => identity({ index }));
    }
    // Tokens by product: only the products that send this command may sign it; without a name in
    // the query, any product's token, checked against the body's command in authenticatePayload.
    const command = named.commandHint === undefined ? undefined : callbackCatalogue.canonical(named.commandHint);
    const candidates = candidateTokens(tokens, command);
    if (candidates.length === 0) {
      throw reject("signature_invalid", `No token is configured for ${productsOf(command!).join(" or ")} commands such as ${command}`);
    }
    const matched = checkSignature(
      query,
      candidates.map((candidate) => candidate.token),
      nowMs,
      settings.signatureToleranceSeconds,
    );
    return typeof matched === "number" ? identity(candidates[matched]) : matched.then((index) => identity(candidates[index]));
  },

  /** Tokens by product, and the query named no command: the token that matched must be one of the body's command's products. */
  authenticatePayload(payload, identity) {
    if (identity.product === undefined || identity.commandHint !== undefined || identity.commandConflict) return;
    const named = payload.CallbackCommand;
    if (typeof named !== "string" || named === "") return; // commandOf refuses it
    const products = productsOf(callbackCatalogue.canonical(named));
    if (!products.includes(identity.product)) {
      throw reject("signature_invalid", `A ${identity.product} token does not sign ${named} (${products.join(" or ")} commands)`);
    }
  },

  withoutAgeLimit: (settings) => ({ ...settings, signatureToleranceSeconds: Number.POSITIVE_INFINITY }),

  trusted(meta, settings) {
    const first = settings.apps.keys().next().value as string;
    if (meta.sdkAppId !== undefined && !settings.apps.has(meta.sdkAppId)) throw reject("sdk_app_id_mismatch", "SdkAppid does not match this app");
    return { sdkAppId: meta.sdkAppId ?? first, commandHint: meta.command, clientIp: meta.clientIp, optPlatform: meta.optPlatform };
  },

  /**
   * The body repeats the query's CallbackCommand; it is authoritative when the query has none.
   * Names are compared canonical: a page that calls a command by an older or inconsistent name
   * (an alias in the registry) still reaches that command's handlers.
   */
  commandOf(payload, { commandHint, commandConflict }) {
    if (commandConflict) throw reject("command_mismatch", "CallbackCommand is given twice with different values");
    const fromBody = payload.CallbackCommand;
    if (fromBody !== undefined && typeof fromBody !== "string") throw reject("command_missing", "CallbackCommand in the body must be a string");
    const body = fromBody ? callbackCatalogue.canonical(fromBody) : undefined;
    const query = commandHint ? callbackCatalogue.canonical(commandHint) : undefined;
    if (body && query && body !== query) throw reject("command_mismatch", "CallbackCommand in the query and the body disagree");
    const command = body || query;
    if (!command) throw reject("command_missing", "CallbackCommand is missing");
    return command;
  },

  ok: okReply,
  refuse: failReply,
  decide,
};
