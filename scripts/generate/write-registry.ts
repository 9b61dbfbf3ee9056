/**
 * schemas/generated/registry.ts: every definition, imported once, grouped by protocol (the CLI,
 * the testing kit and the tests read it). schemas/generated/commands.ts: what the runtime keeps of
 * each (a CommandInfo), as plain data, so that the main entry loads no schema and no sample.
 */
import { INFO_KEYS, type CommandDefinition, type ProtocolName } from "../../schemas/define.js";
import { GENERATED } from "./banner.js";
import { bindingName, type LoadedDefinition } from "./load-definitions.js";

const GROUPS: readonly [ProtocolName, string][] = [
  ["callback", "The callback endpoint's commands (Live, Room, Chat, …)."],
  ["trtc", "TRTC event callbacks."],
  ["css", "CSS streaming callbacks."],
];

/** One exported array per protocol, `<protocol><suffix>`, of one rendered entry per command. */
function grouped(loaded: readonly LoadedDefinition[], suffix: string, type: string, entry: (loaded: LoadedDefinition) => string): string[] {
  return GROUPS.flatMap(([protocol, doc]) => {
    const entries = loaded.filter(({ definition }) => definition.protocol === protocol).map((item) => `  ${entry(item)},`);
    return [`/** ${doc} */`, `export const ${protocol}${suffix}${type} = [\n${entries.join("\n")}\n]${type ? "" : " as const"};`, ""];
  });
}

export function registryModule(loaded: readonly LoadedDefinition[]): string {
  const imports = loaded.map(({ module }) => `import ${bindingName(module)} from "../${module}.js";`);
  return [GENERATED, ...imports, "", ...grouped(loaded, "Definitions", "", ({ module }) => bindingName(module))].join("\n");
}

function info(definition: CommandDefinition): string {
  const fields = INFO_KEYS.filter((key) => definition[key] !== undefined).map((key) => `${key}: ${JSON.stringify(definition[key])}`);
  return `{ ${fields.join(", ")} }`;
}

export function commandsModule(loaded: readonly LoadedDefinition[]): string {
  const header = [GENERATED, 'import type { CommandInfo } from "../define.js";', ""];
  return [...header, ...grouped(loaded, "Commands", ": readonly CommandInfo[]", ({ definition }) => info(definition))].join("\n");
}
