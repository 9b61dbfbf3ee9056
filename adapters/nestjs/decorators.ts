import type { CallbackTypes, CssTypes, HandlerOf, KeyOf, ProtocolTypes, TrtcTypes } from "../../src/types.js";
import type { Protocol } from "./options.js";

/** The metadata key on a decorated method: every registration of that method, in order. */
export const HANDLER_METADATA = "tencent-webhooks:handlers";

export interface HandlerRegistration {
  protocol: Protocol;
  commands: readonly (string | number)[];
}

/**
 * A method decorator (Nest's `experimentalDecorators`) whose method must fit `on(commands, handler)`:
 * a parameter typed for another command, or a decision a command cannot return, is a compile error.
 */
type HandlerDecorator<T extends ProtocolTypes, K> = <M extends HandlerOf<T, K>>(
  target: object,
  method: string | symbol,
  descriptor: TypedPropertyDescriptor<M>,
) => void;

/** reflect-metadata's API (Nest loads it; its types are not needed here). */
export const metadata = Reflect as typeof Reflect & {
  getMetadata(key: string, target: object): unknown;
  defineMetadata(key: string, value: unknown, target: object): void;
};

function handlerDecorator<T extends ProtocolTypes, K>(protocol: Protocol, command: K | readonly K[]): HandlerDecorator<T, K> {
  const commands = (Array.isArray(command) ? [...command] : [command]) as (string | number)[];
  return (_target, _method, descriptor) => {
    const method = descriptor.value as object;
    // Reflect metadata (loaded by every Nest app): one store even if this module is loaded twice (ESM and CommonJS).
    const existing = (metadata.getMetadata(HANDLER_METADATA, method) ?? []) as HandlerRegistration[];
    metadata.defineMetadata(HANDLER_METADATA, [...existing, { protocol, commands }], method);
  };
}

/** `@OnTencentCallback("Live.CallbackAfterDestroyRoom")`: the method handles that callback-endpoint command (or several). */
export function OnTencentCallback<const K extends KeyOf<CallbackTypes>>(command: K | readonly K[]): HandlerDecorator<CallbackTypes, K> {
  return handlerDecorator("callback", command);
}

/** `@OnTrtcEvent("EnterRoom")` (or the wire code, `103`): the method handles that TRTC event. */
export function OnTrtcEvent<const K extends KeyOf<TrtcTypes>>(event: K | readonly K[]): HandlerDecorator<TrtcTypes, K> {
  return handlerDecorator("trtc", event);
}

/** `@OnCssEvent("PushBegin")` (or the wire code, `1`): the method handles that CSS event. */
export function OnCssEvent<const K extends KeyOf<CssTypes>>(event: K | readonly K[]): HandlerDecorator<CssTypes, K> {
  return handlerDecorator("css", event);
}
