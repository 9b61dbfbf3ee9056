/** The public types, by subject. */
export type { WebhookResponse } from "./errors.js";
export type { SdkAppIdInput, TokenInput } from "./protocols/callback/apps.js";
export type { CallbackProduct } from "./protocols/callback/products.js";
export type * from "./types/options.js";
export type * from "./types/request.js";
export type * from "./types/events.js";
export type * from "./types/dispatcher.js";
export type * from "./types/message.js";
