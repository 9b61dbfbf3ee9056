/** TypeScript 7 from the registry, installed into node_modules/.cache/typescript7 (./cached-install.ts). */
import { join } from "node:path";
import { cachedInstall } from "./cached-install.js";

export const TYPESCRIPT7_VERSION = "7.0.2";

/** The path of TypeScript 7's `tsc` (a Node script). */
export async function typescript7(): Promise<string> {
  const prefix = await cachedInstall("typescript7", { typescript: TYPESCRIPT7_VERSION });
  return join(prefix, "node_modules/typescript/bin/tsc");
}
