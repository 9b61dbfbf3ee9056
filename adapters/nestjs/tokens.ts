import { Inject } from "@nestjs/common";
import type { Protocol } from "./options.js";

/** Injection tokens of the module's options and of each protocol's dispatcher (`null` when that protocol is not configured). */
export const TENCENT_WEBHOOKS_OPTIONS = Symbol("TENCENT_WEBHOOKS_OPTIONS");
export const TENCENT_CALLBACK_DISPATCHER = Symbol("TENCENT_CALLBACK_DISPATCHER");
export const TENCENT_TRTC_DISPATCHER = Symbol("TENCENT_TRTC_DISPATCHER");
export const TENCENT_CSS_DISPATCHER = Symbol("TENCENT_CSS_DISPATCHER");

export const DISPATCHER_TOKENS: Readonly<Record<Protocol, symbol>> = {
  callback: TENCENT_CALLBACK_DISPATCHER,
  trtc: TENCENT_TRTC_DISPATCHER,
  css: TENCENT_CSS_DISPATCHER,
};

/**
 * Injects a protocol's dispatcher (default: the callback endpoint's), e.g. to add `onError`:
 * `constructor(@InjectDispatcher("trtc") trtc: TrtcDispatcher) { trtc.onError(…) }`.
 */
export function InjectDispatcher(protocol: Protocol = "callback"): PropertyDecorator & ParameterDecorator {
  return Inject(DISPATCHER_TOKENS[protocol]);
}
