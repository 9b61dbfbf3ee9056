import type { CommandInfo, ProtocolName } from "../../schemas/define.js";
import { sha256Hex } from "../crypto.js";

function at(payload: Record<string, unknown>, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The idempotency key of one callback: `<protocol>:<command>:` then the natural key the command
 * (or its protocol) declares — its fields' values — or, without one, the SHA-256 of the raw body,
 * so that a resent identical body is the same callback and any other is not.
 */
export function dedupeKey(
  protocol: ProtocolName,
  command: string,
  definition: CommandInfo | undefined,
  fallback: readonly string[] | undefined,
  payload: Record<string, unknown>,
  rawBody: string,
): string | Promise<string> {
  const prefix = `${protocol}:${command}:`;
  const paths = definition?.dedupe ?? fallback;
  if (paths) {
    const values = paths.map((path) => at(payload, path));
    // Only scalars make a key: an object or array (possible in an unknown event) would collide as "[object Object]".
    const scalar = values.every(
      (value) => value === undefined || value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean",
    );
    if (scalar && values.some((value) => value !== undefined && value !== null)) {
      return prefix + values.map((value) => (value === undefined || value === null ? "" : JSON.stringify(value))).join("|");
    }
  }
  const hash = sha256Hex(rawBody);
  return typeof hash === "string" ? prefix + hash : hash.then((digest) => prefix + digest);
}
