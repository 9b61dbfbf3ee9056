/** schemas/generated/registry.ts: every definition, imported once, grouped by protocol. */
import type { ProtocolName } from "../../schemas/define.js";
import { GENERATED } from "./banner.js";
import { bindingName, type LoadedDefinition } from "./load-definitions.js";

export function registryModule(loaded: readonly LoadedDefinition[]): string {
  const imports = loaded.map(({ module }) => `import ${bindingName(module)} from "../${module}.js";`);
  const group = (protocol: ProtocolName) =>
    loaded.filter(({ definition }) => definition.protocol === protocol).map(({ module }) => `  ${bindingName(module)},`);
  return [
    GENERATED,
    ...imports,
    "",
    "/** The callback endpoint's commands (Live, Room, Chat, …). */",
    `export const callbackDefinitions = [\n${group("callback").join("\n")}\n] as const;`,
    "",
    "/** TRTC event callbacks. */",
    `export const trtcDefinitions = [\n${group("trtc").join("\n")}\n] as const;`,
    "",
    "/** CSS streaming callbacks. */",
    `export const cssDefinitions = [\n${group("css").join("\n")}\n] as const;`,
    "",
  ].join("\n");
}
