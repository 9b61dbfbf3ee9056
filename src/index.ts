export { createDispatcher } from "./dispatcher.js";
export { computeSignature, signatureMatches, signedQuery } from "./signature.js";
export { parseJsonObject } from "./body.js";
export { allow, block, type BeforeDecision } from "./decision.js";
export type { RejectionReason, Rejection, TencentReply, WebhookResponse } from "./errors.js";
export type { SchemaError } from "./validate.js";
export type * from "./types.js";
export {
  registry,
  knownCommands,
  isKnownCommand,
  type KnownCommand,
  type CommandPayloads,
  type PayloadOf,
  type CommandDefinition,
  type CommandKind,
  type BeforeCommand,
} from "../schemas/index.js";
export type { LiveAfterDestroyRoomPayload } from "../schemas/live-after-destroy-room.js";
export type { RoomAfterDestroyRoomPayload } from "../schemas/room-after-destroy-room.js";
export type { LiveAfterCreateRoomReachingThresholdPayload } from "../schemas/live-after-create-room-reaching-threshold.js";
