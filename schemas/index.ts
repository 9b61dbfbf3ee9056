/**
 * The command registry with everything the command files hold — schemas, samples, variants —
 * for the CLI, the testing kit, the generator and the tests. The runtime reads schemas/runtime.ts,
 * the same commands without their schemas and samples.
 */
import { catalogue, type Catalogue } from "./catalogue.js";
import type { CommandDefinition } from "./define.js";
import { callbackDefinitions, cssDefinitions, trtcDefinitions } from "./generated/registry.js";

export type * from "./runtime.js";
export { canonicalCommand, commandAliases, isKnownCommand, knownCommands } from "./runtime.js";
export { bodiesOf, languageOf } from "./define.js";

export const callbackCatalogue: Catalogue<CommandDefinition> = catalogue(callbackDefinitions as readonly CommandDefinition[]);
export const trtcCatalogue: Catalogue<CommandDefinition> = catalogue(trtcDefinitions as readonly CommandDefinition[]);
export const cssCatalogue: Catalogue<CommandDefinition> = catalogue(cssDefinitions as readonly CommandDefinition[]);

/** The callback endpoint's commands by canonical name. */
export const registry: ReadonlyMap<string, CommandDefinition> = callbackCatalogue.byName;

/** The definition of a command, looked up by its canonical name or by an alias. */
export function definitionFor(command: string): CommandDefinition | undefined {
  return callbackCatalogue.find(command);
}
