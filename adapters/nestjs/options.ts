import type { CssDispatcherOptions, DispatcherOptions, TrtcDispatcherOptions } from "../../src/types.js";

/** Where a dispatcher is mounted: the exact path (query aside), absolute — Nest's global prefix does not apply. */
export interface MountedAt {
  path: string;
}

/** One entry per protocol the app receives; each creates its dispatcher with the same options as `create…Dispatcher()`. */
export interface TencentWebhooksModuleOptions {
  /** The callback endpoint (Live, Room, Chat, Call): `createDispatcher()` options plus its path. */
  callback?: (MountedAt & DispatcherOptions) | undefined;
  /** TRTC event callbacks: `createTrtcDispatcher()` options plus its path. */
  trtc?: (MountedAt & TrtcDispatcherOptions) | undefined;
  /** CSS streaming callbacks: `createCssDispatcher()` options plus its path. */
  css?: (MountedAt & CssDispatcherOptions) | undefined;
}

/** `forRootAsync()`: the options from a factory, with Nest's usual `inject` and `imports`. */
export interface TencentWebhooksModuleAsyncOptions {
  // biome-ignore lint/suspicious/noExplicitAny: Nest's own factory signature (FactoryProvider.useFactory).
  useFactory: (...args: any[]) => TencentWebhooksModuleOptions | Promise<TencentWebhooksModuleOptions>;
  // biome-ignore lint/suspicious/noExplicitAny: Nest's InjectionToken list (classes, strings, symbols).
  inject?: any[];
  // biome-ignore lint/suspicious/noExplicitAny: Nest's module list (classes, dynamic modules, promises of them).
  imports?: any[];
}

export type Protocol = "callback" | "trtc" | "css";
export const PROTOCOLS: readonly Protocol[] = ["callback", "trtc", "css"];
