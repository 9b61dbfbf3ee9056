import type { DiscoveryService, MetadataScanner } from "@nestjs/core";
import type { ProtocolTypes } from "../../src/types.js";
import type { Dispatcher } from "../../src/types/dispatcher.js";
import { HANDLER_METADATA, metadata, type HandlerRegistration } from "./decorators.js";
import type { Protocol } from "./options.js";

export type Dispatchers = Readonly<Record<Protocol, Dispatcher<ProtocolTypes> | null>>;

/**
 * Finds every provider method decorated with `@OnTencentCallback` / `@OnTrtcEvent` / `@OnCssEvent`
 * (Nest's DiscoveryService and MetadataScanner) and registers it with its protocol's dispatcher,
 * bound to the provider's instance, so its return value (a "before" decision) is the reply.
 */
export function registerHandlers(discovery: DiscoveryService, scanner: MetadataScanner, dispatchers: Dispatchers): void {
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== "object") continue;
    const prototype = Object.getPrototypeOf(instance) as object | null;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const method = instance[name];
      if (typeof method !== "function") continue;
      const registrations = (metadata.getMetadata(HANDLER_METADATA, method) ?? []) as HandlerRegistration[];
      if (registrations.length > 0 && !wrapper.isDependencyTreeStatic()) {
        throw new Error(
          `tencent-webhooks: ${String(wrapper.name)}.${name} is a Tencent handler in a request-scoped provider; handlers need a singleton provider`,
        );
      }
      for (const { protocol, commands } of registrations) {
        const dispatcher = dispatchers[protocol];
        if (!dispatcher) {
          throw new Error(
            `tencent-webhooks: ${String(wrapper.name)}.${name} handles ${protocol} events, but TencentWebhooksModule has no \`${protocol}\` options`,
          );
        }
        // The decorator already checked the method's type against these commands.
        dispatcher.on(commands as never, ((event: unknown) => (method as (event: unknown) => unknown).call(instance, event)) as never);
      }
    }
  }
}
