/** Reads every command file under schemas/<product>/ (fragments aside), in a stable order. */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { CommandDefinition } from "../../schemas/define.js";

export const PRODUCTS = ["live", "room", "call", "chat", "trtc", "css"] as const;

export interface LoadedDefinition {
  definition: CommandDefinition;
  /** Path from schemas/, without extension: `live/live-after-destroy-room`. */
  module: string;
}

export async function loadDefinitions(schemasDir: string): Promise<LoadedDefinition[]> {
  const loaded: LoadedDefinition[] = [];
  for (const product of PRODUCTS) {
    const dir = join(schemasDir, product);
    const files = readdirSync(dir)
      .filter((file) => file.endsWith(".ts") && !file.includes("fragments"))
      .sort();
    for (const file of files) {
      const path = join(dir, file);
      const definition = (await import(pathToFileURL(path).href)).default as CommandDefinition | undefined;
      if (!definition?.command || !definition.schema) throw new Error(`${path}: the default export must be defineCommand({ … })`);
      loaded.push({ definition, module: relative(schemasDir, path).replace(/\.ts$/, "") });
    }
  }
  const seen = new Map<string, string>();
  for (const { definition, module } of loaded) {
    for (const name of [definition.command, ...(definition.aliases ?? [])]) {
      const key = `${definition.protocol}:${name}`;
      if (seen.has(key)) throw new Error(`${module}: ${key} is already defined by ${seen.get(key)}`);
      seen.set(key, module);
    }
    if (definition.code !== undefined) {
      const key = `${definition.protocol}#${definition.group ?? ""}:${definition.code}`;
      if (seen.has(key)) throw new Error(`${module}: code ${key} is already used by ${seen.get(key)}`);
      seen.set(key, module);
    }
  }
  return loaded;
}

/** `Live.CallbackAfterDestroyRoom` → `LiveAfterDestroyRoomPayload`; TRTC `EnterRoom` → `TrtcEnterRoomPayload`. */
export function payloadTypeName(definition: Pick<CommandDefinition, "protocol" | "command">): string {
  const base = definition.command.replace(".Callback", "").replace(/\./g, "");
  const prefix = definition.protocol === "trtc" ? "Trtc" : definition.protocol === "css" ? "Css" : "";
  return `${prefix}${base}Payload`;
}

/** `live/live-after-destroy-room` → `liveAfterDestroyRoom` (an import binding). */
export function bindingName(module: string): string {
  const [product, file] = module.split("/") as [string, string];
  const camel = file.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return `${product}_${camel}`;
}
