import { callbackProtocol } from "../protocols/callback/index.js";
import { cssProtocol } from "../protocols/css/index.js";
import { trtcProtocol } from "../protocols/trtc/index.js";
import type { CssDispatcher, CssDispatcherOptions, Dispatcher, DispatcherOptions, TrtcDispatcher, TrtcDispatcherOptions } from "../types.js";
import { ProtocolDispatcher } from "./dispatcher.js";

/** The callback endpoint (Live, Room, Chat, …): register handlers with `on`, feed requests to `handle`. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  return new ProtocolDispatcher(callbackProtocol, options as never, "createDispatcher") as unknown as Dispatcher;
}

/** TRTC event callbacks (room, media, recording, relay, …), configured in the TRTC console with its own URL and key. */
export function createTrtcDispatcher(options: TrtcDispatcherOptions): TrtcDispatcher {
  return new ProtocolDispatcher(trtcProtocol, options as never, "createTrtcDispatcher") as unknown as TrtcDispatcher;
}

/** CSS streaming callbacks (push, recording, screenshot, moderation, …), configured per CSS domain. */
export function createCssDispatcher(options: CssDispatcherOptions): CssDispatcher {
  return new ProtocolDispatcher(cssProtocol, options as never, "createCssDispatcher") as unknown as CssDispatcher;
}
