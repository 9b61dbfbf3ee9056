/** The body `send` posts: the catalogue's raw sample, or a file / stdin that must hold a JSON object. */
import { readFile } from "node:fs/promises";
import type { CommandDefinition } from "../../schemas/index.js";
import { decodeUtf8, parseJsonObject } from "../json/parse.js";
import type { Protocol } from "./args.js";
import { unknownEvent } from "./events.js";
import { CliError, describe, warn, type CliIo } from "./io.js";

export interface Payload {
  text: string;
  /** How output describes it: "sample payload", "payload from stdin", "payload from <file>". */
  label: string;
}

/**
 * `given` is the command or event as typed, `definition` what it names (undefined when unknown:
 * then only an explicit payload can be sent).
 */
export async function payloadFor(
  protocol: Protocol,
  given: string,
  definition: CommandDefinition | undefined,
  source: string | undefined,
  io: CliIo,
): Promise<Payload> {
  if (source === undefined) {
    // An alias (an older or alternative name) goes in the query as given, with its command's sample.
    if (!definition) throw unknownEvent(protocol, given, " or pass --payload <file.json> to send it anyway");
    return { text: definition.sample, label: "sample payload" };
  }
  const text = source === "-" ? await io.readStdin() : await readPayloadFile(source);
  const label = source === "-" ? "the payload on stdin" : `payload file ${source}`;
  try {
    JSON.parse(text); // only for its precise syntax error message
  } catch (error) {
    throw new CliError(`${label} is not valid JSON: ${describe(error)}`);
  }
  let payload: Record<string, unknown>;
  try {
    payload = parseJsonObject(text); // the receiver's own rules: an object, no __proto__ keys
  } catch (error) {
    throw new CliError(`${label} is refused: ${describe(error)}`);
  }
  // A mismatch is worth testing (the app answers 400, or runs another event's handlers), so it is a warning.
  const mismatch = mismatchOf(protocol, given, definition, payload);
  if (mismatch) warn(io, `warning: ${label} ${mismatch}`);
  return { text, label: source === "-" ? "payload from stdin" : `payload from ${source}` };
}

function mismatchOf(protocol: Protocol, given: string, definition: CommandDefinition | undefined, payload: Record<string, unknown>): string | undefined {
  if (protocol === "callback") {
    const sent = payload.CallbackCommand;
    return sent !== undefined && sent !== given ? `has CallbackCommand ${JSON.stringify(sent)}, the query says "${given}"` : undefined;
  }
  const field = protocol === "trtc" ? "EventType" : "event_type";
  const sent = payload[field];
  if (definition?.code === undefined || sent === undefined || String(sent) === String(definition.code)) return undefined;
  return `has ${field} ${JSON.stringify(sent)}, not ${definition.code} (${definition.command})`;
}

async function readPayloadFile(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : describe(error);
    throw new CliError(`cannot read payload file ${path}: ${why}`);
  }
  try {
    return decodeUtf8(bytes);
  } catch {
    throw new CliError(`payload file ${path} is not UTF-8 text`);
  }
}
