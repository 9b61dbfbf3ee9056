/**
 * The command registry as the runtime reads it: names, kinds, aliases, codes, reply kinds and
 * dedupe fields (CommandInfo), from schemas/generated/commands.ts. No schema and no sample: those
 * are ~200 KB of objects a cold start would build for nothing (schemas/index.ts has them all).
 */
import { catalogue, type Catalogue } from "./catalogue.js";
import type { CommandInfo } from "./define.js";
import type { CallbackAliases, CallbackPayloads, CallbackReplyKinds, CssCodes, CssPayloads, TrtcCodes, TrtcPayloads } from "./generated/payloads.js";
import { callbackCommands, cssCommands, trtcCommands } from "./generated/commands.js";

export type {
  CommandDefinition,
  CommandInfo,
  CommandKind,
  CommandPages,
  PageClaim,
  PageDisagreement,
  ProtocolName,
  ReplyKind,
  SampleVariant,
} from "./define.js";
export type { Catalogue } from "./catalogue.js";
export type * from "./generated/payloads.js";

/** Every callback-endpoint command the package knows, e.g. `"Live.CallbackAfterDestroyRoom"`. */
export type KnownCommand = keyof CallbackPayloads;
/** Other names Tencent uses for a known command (`on()` takes them too). */
export type KnownAlias = keyof CallbackAliases;
/** A command or alias, resolved to its command. */
export type Canonical<C extends string> = C extends KnownAlias ? CallbackAliases[C] : C;
export type CommandPayloads = CallbackPayloads;
export type PayloadOf<C extends KnownCommand> = CallbackPayloads[C];
/** Known commands whose reply decides whether Tencent goes ahead with the action. */
export type BeforeCommand = keyof CallbackReplyKinds;

export type TrtcEventName = keyof TrtcPayloads;
export type TrtcEventCode = TrtcCodes[TrtcEventName];
export type CssEventName = keyof CssPayloads;
export type CssEventCode = CssCodes[CssEventName];

export const callbackCatalogue: Catalogue = catalogue(callbackCommands);
export const trtcCatalogue: Catalogue = catalogue(trtcCommands);
export const cssCatalogue: Catalogue = catalogue(cssCommands);

/** The callback endpoint's commands by canonical name. */
export const registry: ReadonlyMap<string, CommandInfo> = callbackCatalogue.byName;
export const knownCommands = [...registry.keys()] as readonly KnownCommand[];
export const commandAliases = callbackCatalogue.aliases as ReadonlyMap<KnownAlias, KnownCommand>;

export function isKnownCommand(command: string): command is KnownCommand {
  return registry.has(command);
}

/** The canonical name of a command or of one of its aliases; any other name unchanged. */
export function canonicalCommand(command: string): string {
  return callbackCatalogue.canonical(command);
}

/** What the package knows of a command, looked up by its canonical name or by an alias. */
export function definitionFor(command: string): CommandInfo | undefined {
  return callbackCatalogue.find(command);
}
