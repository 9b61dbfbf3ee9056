export { createCssDispatcher, createDispatcher, createTrtcDispatcher } from "./dispatcher/create.js";
export { computeSignature, computeSignatureAsync, signatureMatches, signedQuery, signedQueryAsync } from "./protocols/callback/signature.js";
export { CALLBACK_PRODUCTS, productsOf } from "./protocols/callback/products.js";
export { parseJsonObject } from "./json/parse.js";
export {
  allow,
  block,
  discard,
  friendResults,
  type AllowDecision,
  type BeforeDecision,
  type BlockDecision,
  type DiscardDecision,
  type DecisionByReply,
  type FriendRejectCode,
  type FriendResult,
  type GroupMessageRejectCode,
  type MessageRejectCode,
  type ReplyFields,
  type PlainDecision,
  type GiftDecision,
  type MessageDecision,
  type GroupMessageDecision,
  type InviteDecision,
  type SubscriberDecision,
  type FriendDecision,
  type SignalDecision,
} from "./protocols/callback/decision.js";
export type { TencentReply } from "./protocols/callback/reply.js";
export type { RejectionReason, Rejection, WebhookResponse } from "./errors.js";
export type { SchemaError } from "./pipeline/validate.js";
export type * from "./types.js";
export type * from "./delivery/contract.js";
export { memoryQueue, type MemoryQueue, type MemoryQueueCounts, type MemoryQueueOptions } from "./delivery/memory/memory-queue.js";
export {
  registry,
  knownCommands,
  isKnownCommand,
  canonicalCommand,
  commandAliases,
  definitionFor,
  callbackCatalogue,
  trtcCatalogue,
  cssCatalogue,
} from "../schemas/runtime.js";
export type * from "../schemas/runtime.js";
