/** The BullMQ job id derived from a dedupe key. */
import { createHash } from "node:crypto";

/**
 * The BullMQ job id for a dedupe key: one job per key while it is waiting, running or failed.
 * BullMQ refuses ids with ":" and integer-looking ids, so characters outside `[A-Za-z0-9._-]` are
 * written `~XX` (UTF-8 bytes, upper-case hex; a lone surrogate `~uXXXX`), an integer-looking result gets `~n` in front and one
 * longer than 200 characters becomes `~h` + the key's SHA-256. Distinct keys give distinct ids.
 */
export function jobIdFor(dedupeKey: string): string {
  const id = dedupeKey.replace(UNSAFE, (char) => {
    const unit = char.charCodeAt(0);
    // A lone surrogate has no UTF-8 form (it would become U+FFFD, like any other): its code unit.
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) return `~u${unit.toString(16).toUpperCase()}`;
    let escaped = "";
    for (const byte of Buffer.from(char, "utf8")) escaped += `~${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    return escaped;
  });
  if (id.length > 200) return `~h${createHash("sha256").update(dedupeKey, "utf8").digest("hex")}`;
  if (`${Number.parseInt(id, 10)}` === id) return `~n${id}`;
  return id;
}

/** One character (a whole code point: `u`) outside what a job id keeps as is. */
const UNSAFE = /[^A-Za-z0-9._-]/gu;
