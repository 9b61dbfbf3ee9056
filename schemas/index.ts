/**
 * The command registry: the one list of commands this package knows. Everything else (the
 * validators, the typed `on()`, the JSON copies, the CLI's `list` and `sample`) derives from it,
 * so adding a command is adding its file and one line below.
 */
import type { FromSchema, JSONSchema } from "json-schema-to-ts";
import * as liveAfterCreateRoomReachingThreshold from "./live-after-create-room-reaching-threshold.js";
import * as liveAfterDestroyRoom from "./live-after-destroy-room.js";
import * as roomAfterDestroyRoom from "./room-after-destroy-room.js";

/** "after" callbacks notify; "before" callbacks ask, and the reply decides. */
export type CommandKind = "after" | "before";

export interface CommandDefinition {
  readonly command: string;
  readonly kind: CommandKind;
  readonly schema: JSONSchema & object;
  /** The sample body from Tencent's page, as raw JSON text (big integers intact). */
  readonly sample: string;
}

const definitions = [
  liveAfterDestroyRoom,
  liveAfterCreateRoomReachingThreshold,
  roomAfterDestroyRoom,
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
