/** One protocol's commands, looked up by name, alias or code on the wire. */
import type { CommandInfo } from "./define.js";

export interface Catalogue<D extends CommandInfo = CommandInfo> {
  readonly definitions: readonly D[];
  /** Canonical name -> definition. */
  readonly byName: ReadonlyMap<string, D>;
  /** Alias -> canonical name. */
  readonly aliases: ReadonlyMap<string, string>;
  /** `EventType` / `event_type` -> definition (TRTC, CSS). */
  readonly byCode: ReadonlyMap<number, D>;
  /** The canonical name of a name or alias; any other name unchanged. */
  canonical(name: string): string;
  /** By canonical name, alias or code. */
  find(nameOrCode: string | number): D | undefined;
}

export function catalogue<D extends CommandInfo>(definitions: readonly D[]): Catalogue<D> {
  const byName = new Map(definitions.map((definition) => [definition.command, definition]));
  const aliases = new Map(definitions.flatMap((definition) => (definition.aliases ?? []).map((alias) => [alias, definition.command] as const)));
  const byCode = new Map(definitions.flatMap((definition) => (definition.code === undefined ? [] : [[definition.code, definition] as const])));
  const canonical = (name: string) => aliases.get(name) ?? name;
  return {
    definitions,
    byName,
    aliases,
    byCode,
    canonical,
    find: (key) => (typeof key === "number" ? byCode.get(key) : byName.get(canonical(key))),
  };
}
