/**
 * Argument parsing shared by the subcommands: node:util's parseArgs (strict), with its errors
 * turned into one line and a "did you mean" for a mistyped option, plus the typo matching
 * used for subcommands, options, protocols and command names.
 */
import { parseArgs } from "node:util";
import { distance } from "fastest-levenshtein";
import { CliError, NAME } from "./io.js";

export type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"];
type WithHelp<O> = O & { help: { type: "boolean"; short: "h" } };

export const PROTOCOLS = ["callback", "trtc", "css"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** `--protocol`, which send, list and sample take. */
export const PROTOCOL_OPTION = { protocol: { type: "string" } } as const;

/** parseArgs with `-h/--help` added; `subcommand` names the usage to point at in errors. */
export function parse<O extends Options>(subcommand: string, args: string[], options: O, allowPositionals: boolean) {
  const all = { ...options, help: { type: "boolean", short: "h" } } as WithHelp<O>;
  try {
    return parseArgs({ args, options: all, allowPositionals, strict: true });
  } catch (error) {
    throw parseError(error, subcommand, all);
  }
}

/** parseArgs' errors, as one line: a mistyped option gets the nearest known one. */
function parseError(error: unknown, subcommand: string, options: Options): unknown {
  const code = String((error as NodeJS.ErrnoException | null)?.code);
  if (!(error instanceof TypeError) || !code.startsWith("ERR_PARSE_ARGS")) return error;
  const usage = `\`${NAME} ${subcommand} --help\` lists its options`;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const given = /'([^']+)'/.exec(error.message)?.[1] ?? "";
    const known = Object.entries(options ?? {}).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
    const guess = given.startsWith("--")
      ? suggest(
          given,
          known.filter((name) => name.startsWith("--")),
        )
      : undefined;
    return new CliError(`unknown option ${given} for ${subcommand}${guess ? ` (did you mean ${guess}?)` : ""}; ${usage}`);
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const given = /'([^']*)'/.exec(error.message)?.[1] ?? "";
    return new CliError(`${subcommand} takes no arguments, got "${given}"; ${usage}`);
  }
  const [first = error.message] = error.message.split("\n");
  if (/argument is ambiguous/.test(first)) {
    const option = /'([^']+)'/.exec(first)?.[1] ?? "the option";
    return new CliError(`${option} needs a value, but the next argument is an option; write ${option}=<value> for a value starting with "-"`);
  }
  return new CliError(first);
}

/** The one positional argument of send and sample. */
export function onePositional(positionals: string[], subcommand: "send" | "sample", protocol: Protocol): string {
  const [command, extra] = positionals;
  const example = protocol === "callback" ? "Live.CallbackAfterDestroyRoom" : protocol === "trtc" ? "--protocol trtc EnterRoom" : "--protocol css PushBegin";
  const what = protocol === "callback" ? "a command" : "an event (name or number)";
  if (command === undefined) throw new CliError(`${subcommand} needs ${what}, e.g. \`${NAME} ${subcommand} ${example}\`; \`${NAME} list\` shows them`);
  if (extra !== undefined) throw new CliError(`${subcommand} takes one ${protocol === "callback" ? "command" : "event"}, got "${command}" and "${extra}"`);
  return command;
}

export function protocolOf(value: string | undefined): Protocol {
  if (value === undefined) return "callback";
  const protocol = PROTOCOLS.find((name) => name === value.toLowerCase());
  if (protocol) return protocol;
  const guess = suggest(value, [...PROTOCOLS]);
  throw new CliError(`--protocol must be callback, trtc or css (got "${value}")${guess ? `; did you mean ${guess}?` : ""}`);
}

/**
 * A subcommand, option or protocol the input is probably a typo of: a unique candidate it is a
 * prefix of, or the nearest within a small edit distance (1 for short words, 2, then 3).
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  const prefixed = candidates.filter((candidate) => lower.replace(/^-+/, "").length >= 2 && candidate.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  const bare = lower.replace(/^-+/, "");
  const limit = bare.length <= 3 ? 1 : bare.length <= 7 ? 2 : 3;
  return nearest(lower, candidates, limit);
}

/** The known command nearest by edit distance, when it is near enough to be a typo. */
export function closestCommand(input: string, candidates: readonly string[]): string | undefined {
  return nearest(input.toLowerCase(), candidates, Math.max(3, Math.floor(input.length / 4)));
}

function nearest(lower: string, candidates: readonly string[], limit: number): string | undefined {
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
