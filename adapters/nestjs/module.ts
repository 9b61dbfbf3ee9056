import type { DynamicModule, OnModuleInit, Provider } from "@nestjs/common";
import { DiscoveryModule, DiscoveryService, HttpAdapterHost, MetadataScanner } from "@nestjs/core";
import { createCssDispatcher, createDispatcher, createTrtcDispatcher } from "../../src/dispatcher/create.js";
import { registerHandlers, type Dispatchers } from "./explorer.js";
import { mount } from "./mount.js";
import { PROTOCOLS, type Protocol, type TencentWebhooksModuleAsyncOptions, type TencentWebhooksModuleOptions } from "./options.js";
import { DISPATCHER_TOKENS, TENCENT_WEBHOOKS_OPTIONS } from "./tokens.js";

const CREATE = { callback: createDispatcher, trtc: createTrtcDispatcher, css: createCssDispatcher } as const;
const MOUNTED = Symbol("TENCENT_WEBHOOKS_MOUNTED");

/** Each configured protocol's dispatcher, from its options (without `path`), or `null`. */
const dispatcherProviders: Provider[] = PROTOCOLS.map((protocol) => ({
  provide: DISPATCHER_TOKENS[protocol],
  inject: [TENCENT_WEBHOOKS_OPTIONS],
  useFactory: (options: TencentWebhooksModuleOptions) => {
    const entry = options[protocol];
    if (!entry) return null;
    const { path: _path, ...dispatcherOptions } = entry;
    return (CREATE[protocol] as (options: object) => unknown)(dispatcherOptions);
  },
}));

/**
 * Mounting happens while Nest creates the providers (`NestFactory.create`), i.e. before
 * `app.init()` registers Nest's body parser: the webhook routes come first on Express.
 */
const mountProvider: Provider = {
  provide: MOUNTED,
  inject: [TENCENT_WEBHOOKS_OPTIONS, HttpAdapterHost, ...PROTOCOLS.map((protocol) => DISPATCHER_TOKENS[protocol])],
  useFactory: (options: TencentWebhooksModuleOptions, host: HttpAdapterHost, ...dispatchers: Dispatchers[Protocol][]) => {
    PROTOCOLS.forEach((protocol, index) => {
      const entry = options[protocol];
      const dispatcher = dispatchers[index];
      if (entry && dispatcher) mount(host, entry.path, dispatcher);
    });
    return true;
  },
};

/** Registers the decorated provider methods once every provider exists (`onModuleInit`, before the app listens). */
class TencentWebhooksExplorer implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly dispatchers: Dispatchers[Protocol][],
  ) {}

  onModuleInit(): void {
    const [callback = null, trtc = null, css = null] = this.dispatchers;
    registerHandlers(this.discovery, this.scanner, { callback, trtc, css });
  }
}

const explorerProvider: Provider = {
  provide: TencentWebhooksExplorer,
  inject: [DiscoveryService, MetadataScanner, ...PROTOCOLS.map((protocol) => DISPATCHER_TOKENS[protocol]), MOUNTED],
  useFactory: (discovery: DiscoveryService, scanner: MetadataScanner, ...dispatchers: Dispatchers[Protocol][]) =>
    new TencentWebhooksExplorer(discovery, scanner, dispatchers.slice(0, PROTOCOLS.length)),
};

function dynamicModule(options: Provider, imports: NonNullable<DynamicModule["imports"]>): DynamicModule {
  return {
    module: TencentWebhooksModule,
    // Global: any module's providers can inject a dispatcher and carry decorated handlers.
    global: true,
    imports: [DiscoveryModule, ...imports],
    providers: [options, ...dispatcherProviders, mountProvider, explorerProvider],
    exports: [TENCENT_WEBHOOKS_OPTIONS, ...PROTOCOLS.map((protocol) => DISPATCHER_TOKENS[protocol])],
  };
}

/**
 * `TencentWebhooksModule.forRoot({ callback: { path, sdkAppId, token }, trtc: { path, sdkAppId, key }, css: { path, key } })`:
 * creates each configured dispatcher, mounts it at its path ahead of Nest's body parser (Express
 * and Fastify platforms), and registers every `@OnTencentCallback` / `@OnTrtcEvent` / `@OnCssEvent` method.
 */
// biome-ignore lint/complexity/noStaticOnlyClass: a Nest module class (forRoot / forRootAsync is the dynamic-module idiom).
export class TencentWebhooksModule {
  static forRoot(options: TencentWebhooksModuleOptions): DynamicModule {
    return dynamicModule({ provide: TENCENT_WEBHOOKS_OPTIONS, useValue: options }, []);
  }

  /** The options from a factory: `forRootAsync({ imports: [ConfigModule], inject: [ConfigService], useFactory: (config) => ({ … }) })`. */
  static forRootAsync({ useFactory, inject = [], imports = [] }: TencentWebhooksModuleAsyncOptions): DynamicModule {
    return dynamicModule({ provide: TENCENT_WEBHOOKS_OPTIONS, useFactory, inject }, imports);
  }
}
