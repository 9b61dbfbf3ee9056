/**
 * `replay(request)`: a stored request (`onError`'s or `onInvalid`'s `request`) through the whole
 * pipeline again, later. Tencent's signatures expire (the callback endpoint's `RequestTime`
 * window, CSS's `t`), so a replay checks the app id and the signature itself but not its age:
 * what was never authenticated is still refused, with the same reason as the first time.
 */
import type { ReceivedRequest } from "../types.js";
import type { WebhookResponse } from "../errors.js";
import type { Engine } from "./engine.js";
import { handleRequest } from "./handle.js";

const ageless = new WeakMap<Engine, Engine>();

export function replayRequest(engine: Engine, request: ReceivedRequest): Promise<WebhookResponse> {
  if (request === null || typeof request !== "object" || typeof request.method !== "string" || typeof request.url !== "string") {
    return Promise.reject(new TypeError("tencent-webhooks: replay(request) needs a stored request ({ method, url, headers, rawBody }: onError's `request`)"));
  }
  let replaying = ageless.get(engine);
  if (!replaying) {
    const { protocol, settings } = engine;
    replaying = { ...engine, settings: protocol.withoutAgeLimit ? protocol.withoutAgeLimit(settings) : settings };
    ageless.set(engine, replaying);
  }
  return handleRequest(replaying, { method: request.method, url: request.url, headers: request.headers ?? {}, body: request.rawBody, source: "replay" });
}
