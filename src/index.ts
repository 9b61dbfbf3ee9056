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
  canonicalCommand,
  commandAliases,
} from "../schemas/index.js";

// Each command's payload type by name (test/readme.test.ts checks that none is missing).
export type { FollowAfterFollowAddPayload } from "../schemas/follow-after-follow-add.js";
export type { FollowAfterFollowDeletePayload } from "../schemas/follow-after-follow-delete.js";
export type { GroupAfterSendMsgPayload } from "../schemas/group-after-send-msg.js";
export type { GroupBeforeSendMsgPayload } from "../schemas/group-before-send-msg.js";
export type { LiveAfterChangeOwnerPayload } from "../schemas/live-after-change-owner.js";
export type { LiveAfterCreateBattlePayload } from "../schemas/live-after-create-battle.js";
export type { LiveAfterCreateRoomReachingThresholdPayload } from "../schemas/live-after-create-room-reaching-threshold.js";
export type { LiveAfterCreateRoomPayload } from "../schemas/live-after-create-room.js";
export type { LiveAfterDelMetadataPayload } from "../schemas/live-after-del-metadata.js";
export type { LiveAfterDestroyRoomPayload } from "../schemas/live-after-destroy-room.js";
export type { LiveAfterEndBattlePayload } from "../schemas/live-after-end-battle.js";
export type { LiveAfterMemberStateChangedPayload } from "../schemas/live-after-member-state-changed.js";
export type { LiveAfterModifyAdminPayload } from "../schemas/live-after-modify-admin.js";
export type { LiveAfterSetMetadataPayload } from "../schemas/live-after-set-metadata.js";
export type { LiveAfterStartBattlePayload } from "../schemas/live-after-start-battle.js";
export type { LiveAfterUpdateRoomInfoPayload } from "../schemas/live-after-update-room-info.js";
export type { LiveBeforeSendGiftPayload } from "../schemas/live-before-send-gift.js";
export type { MicAfterSeatInfoChangedPayload } from "../schemas/mic-after-seat-info-changed.js";
export type { RoomAfterCreateRoomPayload } from "../schemas/room-after-create-room.js";
export type { RoomAfterDestroyRoomPayload } from "../schemas/room-after-destroy-room.js";
export type { RoomAfterMemberEnterPayload } from "../schemas/room-after-member-enter.js";
export type { RoomAfterMemberLeavePayload } from "../schemas/room-after-member-leave.js";
export type { RoomAfterUpdateRoomInfoPayload } from "../schemas/room-after-update-room-info.js";
