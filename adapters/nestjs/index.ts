/**
 * `tencent-webhooks/nestjs`: `TencentWebhooksModule.forRoot(…)` mounts the dispatchers ahead of
 * Nest's body parser and registers provider methods decorated with `@OnTencentCallback(…)`,
 * `@OnTrtcEvent(…)` and `@OnCssEvent(…)`. `@nestjs/common` and `@nestjs/core` are optional peer
 * dependencies of the package, loaded only by this entry.
 */
export { TencentWebhooksModule } from "./module.js";
export { OnCssEvent, OnTencentCallback, OnTrtcEvent } from "./decorators.js";
export {
  InjectDispatcher,
  TENCENT_CALLBACK_DISPATCHER,
  TENCENT_CSS_DISPATCHER,
  TENCENT_TRTC_DISPATCHER,
  TENCENT_WEBHOOKS_OPTIONS,
} from "./tokens.js";
export type { MountedAt, Protocol, TencentWebhooksModuleAsyncOptions, TencentWebhooksModuleOptions } from "./options.js";
export type { TencentCallbackEvent, TrtcEvent, CssEvent } from "./events.js";
