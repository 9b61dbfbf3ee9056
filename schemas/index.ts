/**
 * The command registry: the one list of commands this package knows. Everything else (the
 * validators, the typed `on()`, the JSON copies, the CLI's `list` and `sample`) derives from it,
 * so adding a command is adding its file and one line below.
 */
import type { FromSchema, JSONSchema } from "json-schema-to-ts";
import * as followAfterFollowAdd from "./follow-after-follow-add.js";
import * as followAfterFollowDelete from "./follow-after-follow-delete.js";
import * as groupAfterSendMsg from "./group-after-send-msg.js";
import * as groupBeforeSendMsg from "./group-before-send-msg.js";
import * as liveAfterChangeOwner from "./live-after-change-owner.js";
import * as liveAfterCreateBattle from "./live-after-create-battle.js";
import * as liveAfterCreateRoom from "./live-after-create-room.js";
import * as liveAfterCreateRoomReachingThreshold from "./live-after-create-room-reaching-threshold.js";
import * as liveAfterDelMetadata from "./live-after-del-metadata.js";
import * as liveAfterDestroyRoom from "./live-after-destroy-room.js";
import * as liveAfterEndBattle from "./live-after-end-battle.js";
import * as liveAfterMemberStateChanged from "./live-after-member-state-changed.js";
import * as liveAfterModifyAdmin from "./live-after-modify-admin.js";
import * as liveAfterSetMetadata from "./live-after-set-metadata.js";
import * as liveAfterStartBattle from "./live-after-start-battle.js";
import * as liveAfterUpdateRoomInfo from "./live-after-update-room-info.js";
import * as liveBeforeSendGift from "./live-before-send-gift.js";
import * as micAfterSeatInfoChanged from "./mic-after-seat-info-changed.js";
import * as roomAfterCreateRoom from "./room-after-create-room.js";
import * as roomAfterDestroyRoom from "./room-after-destroy-room.js";
import * as roomAfterMemberEnter from "./room-after-member-enter.js";
import * as roomAfterMemberLeave from "./room-after-member-leave.js";
import * as roomAfterUpdateRoomInfo from "./room-after-update-room-info.js";

/** "after" callbacks notify; "before" callbacks ask, and the reply decides. */
export type CommandKind = "after" | "before";

export interface CommandDefinition {
  readonly command: string;
  readonly kind: CommandKind;
  readonly schema: JSONSchema & object;
  /** The sample body from Tencent's page, as raw JSON text (big integers intact). */
  readonly sample: string;
  /**
   * Other names Tencent's pages give this command (a page that contradicts itself, an older
   * name). The schema's `CallbackCommand` accepts them too; `definitionFor()` resolves them.
   */
  readonly aliases?: readonly string[];
  /** Other documented forms of the body (raw JSON text), e.g. from another version of the page. */
  readonly variants?: readonly string[];
}

const definitions = [
  followAfterFollowAdd,
  followAfterFollowDelete,
  groupAfterSendMsg,
  groupBeforeSendMsg,
  liveAfterChangeOwner,
  liveAfterCreateBattle,
  liveAfterCreateRoom,
  liveAfterCreateRoomReachingThreshold,
  liveAfterDelMetadata,
  liveAfterDestroyRoom,
  liveAfterEndBattle,
  liveAfterMemberStateChanged,
  liveAfterModifyAdmin,
  liveAfterSetMetadata,
  liveAfterStartBattle,
  liveAfterUpdateRoomInfo,
  liveBeforeSendGift,
  micAfterSeatInfoChanged,
  roomAfterCreateRoom,
  roomAfterDestroyRoom,
  roomAfterMemberEnter,
  roomAfterMemberLeave,
  roomAfterUpdateRoomInfo,
] as const satisfies readonly CommandDefinition[];

type Definition = (typeof definitions)[number];

/** Every command name the package knows, e.g. `"Live.CallbackAfterDestroyRoom"`. */
export type KnownCommand = Definition["command"];

/** The payload type of each known command, derived from its JSON Schema. */
export type CommandPayloads = {
  [D in Definition as D["command"]]: FromSchema<D["schema"]>;
};

export type PayloadOf<C extends KnownCommand> = CommandPayloads[C];

/** Known commands whose reply decides whether Tencent goes ahead with the action. */
export type BeforeCommand = Extract<Definition, { kind: "before" }>["command"];

export const registry: ReadonlyMap<string, CommandDefinition> = new Map(
  definitions.map((definition) => [definition.command, definition]),
);

export const knownCommands = definitions.map((definition) => definition.command) as readonly KnownCommand[];

export function isKnownCommand(command: string): command is KnownCommand {
  return registry.has(command);
}

/**
 * Alias -> canonical command (e.g. `"Live.CallbackMemberStateChanged"` ->
 * `"Live.CallbackAfterMemberStateChanged"`). Aliases are not keys of `registry` and not
 * `KnownCommand`s: handlers are registered, and events emitted, under the canonical name.
 */
export const commandAliases: ReadonlyMap<string, KnownCommand> = new Map(
  definitions.flatMap((definition: CommandDefinition) =>
    (definition.aliases ?? []).map((alias) => [alias, definition.command as KnownCommand] as const),
  ),
);

/** The canonical name of a command or of one of its aliases; any other name unchanged. */
export function canonicalCommand(command: string): string {
  return commandAliases.get(command) ?? command;
}

/** The definition of a command, looked up by its canonical name or by an alias. */
export function definitionFor(command: string): CommandDefinition | undefined {
  return registry.get(canonicalCommand(command));
}
