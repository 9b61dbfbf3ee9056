/**
 * The three protocols' catalogues, as the CLI looks commands up in them: callback commands by
 * name or alias, TRTC and CSS events by name or by the number on the wire (`EnterRoom` or `103`).
 */
import { callbackCatalogue, cssCatalogue, trtcCatalogue, type Catalogue, type CommandDefinition } from "../../schemas/index.js";
import { closestCommand, PROTOCOLS, type Protocol } from "./args.js";
import { CliError, NAME } from "./io.js";

export const CATALOGUES: Readonly<Record<Protocol, Catalogue<CommandDefinition>>> = { callback: callbackCatalogue, trtc: trtcCatalogue, css: cssCatalogue };

/** How the protocols are named in messages and headings. */
export const TITLES: Readonly<Record<Protocol, string>> = { callback: "callback", trtc: "TRTC", css: "CSS" };

/** The definition `nameOrCode` names in `protocol`'s catalogue, if any. */
export function findEvent(protocol: Protocol, nameOrCode: string): CommandDefinition | undefined {
  const catalogue = CATALOGUES[protocol];
  if (protocol !== "callback" && /^\d{1,9}$/.test(nameOrCode)) return catalogue.find(Number(nameOrCode));
  return catalogue.find(nameOrCode);
}

/** The label of a definition in output: `EnterRoom (103)` for TRTC and CSS. */
export function labelOf(definition: CommandDefinition): string {
  return definition.code === undefined ? definition.command : `${definition.command} (${definition.code})`;
}

/**
 * An unknown name: the nearest one in the same protocol, or the protocol that does know it
 * (`sample EnterRoom` without `--protocol trtc`).
 */
export function unknownEvent(protocol: Protocol, given: string, hint = ""): CliError {
  const catalogue = CATALOGUES[protocol];
  const what = protocol === "callback" ? "command" : `${TITLES[protocol]} event`;
  const list = `\`${NAME} list${protocol === "callback" ? "" : ` --protocol ${protocol}`}\` shows the known ones`;
  const elsewhere = PROTOCOLS.find((other) => other !== protocol && findEvent(other, given));
  if (elsewhere) {
    const found = labelOf(findEvent(elsewhere, given)!);
    const where = elsewhere === "callback" ? "a callback command: leave --protocol out" : `a ${TITLES[elsewhere]} event: add --protocol ${elsewhere}`;
    return new CliError(`unknown ${what} "${given}"; ${found} is ${where}`);
  }
  const names = [...catalogue.byName.keys(), ...catalogue.aliases.keys()];
  const guess = /^\d+$/.test(given) ? undefined : closestCommand(given, names);
  const suggestion = guess ? ` (did you mean ${guess}?)` : "";
  return new CliError(`unknown ${what} "${given}"${suggestion}; ${list}${hint}`);
}
