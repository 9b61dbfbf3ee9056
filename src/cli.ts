/**
 * `tencent-webhooks`: send signed sample callbacks to any URL, list the known commands, print samples.
 * `main` returns the exit code and never calls process.exit, so tests run it in-process.
 * Every command name comes from the schema registry: adding a schema file adds it here too.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { commandAliases, definitionFor, registry } from "../schemas/index.js";
import { decodeUtf8, parseJsonObject } from "./json/parse.js";
import { signedQuery } from "./protocols/callback/signature.js";
import { distance as editDistance } from "fastest-levenshtein";

export interface CliIo {
  /** Receives stdout text (whole lines, newline included). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of stdin, for `--payload -`. */
  readStdin: () => Promise<string>;
  /** Environment fallbacks for `--sdk-app-id` and `--token`. */
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
  /** Clock in milliseconds, for `RequestTime`. */
  now: () => number;
}

/** Exit codes, documented in docs/cli.md. */
export const EXIT = { ok: 0, notOk: 1, usage: 2, unreachable: 3 } as const;

const NAME = "tencent-webhooks";
const DEFAULT_TIMEOUT_MS = 10_000;

/** A failure we can explain in one line: printed without a stack trace. */
class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
  }
}

export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const full = withDefaults(io);
  const [subcommand, ...rest] = argv;
  try {
    switch (subcommand) {
      case undefined:
      case "-h":
      case "--help":
        full.stdout(HELP.main);
        return EXIT.ok;
      case "help":
        return help(rest, full);
      case "send":
        return await send(rest, full);
      case "list":
        return list(rest, full);
      case "sample":
        return sample(rest, full);
      default:
        throw new CliError(`unknown subcommand "${subcommand}"; run \`${NAME} --help\``);
    }
  } catch (error) {
    const message = error instanceof CliError || isParseArgsError(error) ? error.message : `unexpected error: ${describe(error)}`;
    full.stderr(`${NAME}: ${message}\n`);
    return error instanceof CliError ? error.code : EXIT.usage;
  }
}

function withDefaults(io: Partial<CliIo>): CliIo {
  return {
    stdout: io.stdout ?? ((text) => void process.stdout.write(text)),
    stderr: io.stderr ?? ((text) => void process.stderr.write(text)),
    readStdin: io.readStdin ?? readProcessStdin,
    env: io.env ?? process.env,
    fetch: io.fetch ?? globalThis.fetch,
    now: io.now ?? Date.now,
  };
}

// ---------------------------------------------------------------- help, list, sample

function help(args: string[], io: CliIo): number {
  const topic = args[0];
  if (topic === undefined) io.stdout(HELP.main);
  else if (isSubcommand(topic)) io.stdout(HELP[topic]);
  else throw new CliError(`no help for "${topic}"; subcommands: send, list, sample`);
  return EXIT.ok;
}

function list(args: string[], io: CliIo): number {
  const { values } = parse(args, { json: { type: "boolean" } }, false);
  if (values.help) return printHelp("list", io);
  const commands = [...registry.values()]
    .map(({ command, kind, aliases = [] }) => ({ command, kind, aliases }))
    .sort((a, b) => a.command.localeCompare(b.command));
  if (values.json) {
    io.stdout(`${JSON.stringify(commands, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...commands.map(({ command }) => command.length));
  for (const { command, kind, aliases } of commands) {
    const also = aliases.length > 0 ? `   (also sent as ${aliases.join(", ")})` : "";
    io.stdout(`${command.padEnd(width)}  ${kind.padEnd(6)}${also}`.trimEnd() + "\n");
  }
  return EXIT.ok;
}

function sample(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, {}, true);
  if (values.help) return printHelp("sample", io);
  const command = onePositional(positionals, "sample");
  const definition = definitionFor(command); // an alias prints its command's sample
  if (!definition) throw unknownCommand(command, "");
  // The raw text, not a re-serialisation: 64-bit integers such as Owner_Account stay exact.
  io.stdout(definition.sample.endsWith("\n") ? definition.sample : `${definition.sample}\n`);
  return EXIT.ok;
}

// ---------------------------------------------------------------- send

const SEND_OPTIONS = {
  url: { type: "string" },
  "sdk-app-id": { type: "string" },
  token: { type: "string" },
  payload: { type: "string" },
  "client-ip": { type: "string", default: "127.0.0.1" },
  "opt-platform": { type: "string", default: "RESTAPI" },
  timeout: { type: "string", default: String(DEFAULT_TIMEOUT_MS) },
} as const;

async function send(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, SEND_OPTIONS, true);
  if (values.help) return printHelp("send", io);
  const command = onePositional(positionals, "send");
  const url = callbackUrl(values.url);
  const sdkAppId = values["sdk-app-id"] ?? io.env.SDK_APP_ID;
  if (sdkAppId === undefined || sdkAppId === "") throw new CliError("send needs --sdk-app-id <id> (or SDK_APP_ID in the environment)");
  if (!/^\d+$/.test(sdkAppId)) throw new CliError(`--sdk-app-id must be digits, like 1400000000 (got "${sdkAppId}")`);
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new CliError(`--timeout must be a positive number of milliseconds (got "${values.timeout}")`);
  // An empty TENCENT_CALLBACK_TOKEN means "unsigned", so a shell can switch signing off.
  const token = values.token ?? (io.env.TENCENT_CALLBACK_TOKEN || undefined);

  const body = await payloadFor(command, values.payload, io);

  // Tencent appends its parameters to the configured URL, keeping any query the user put there.
  url.searchParams.set("SdkAppid", sdkAppId);
  url.searchParams.set("CallbackCommand", command);
  url.searchParams.set("contenttype", "json");
  url.searchParams.set("ClientIP", values["client-ip"]);
  url.searchParams.set("OptPlatform", values["opt-platform"]);
  if (token !== undefined) {
    const { Sign, RequestTime } = signedQuery(token, io.now());
    url.searchParams.set("Sign", Sign);
    url.searchParams.set("RequestTime", RequestTime);
  }

  const what = values.payload === undefined ? "sample payload" : `payload from ${values.payload === "-" ? "stdin" : values.payload}`;
  io.stdout(`POST ${redacted(url)}\n`);
  io.stdout(`  ${command} ${what}, ${Buffer.byteLength(body)} bytes, ${token === undefined ? "unsigned" : "signed"}\n`);

  const { response, text } = await post(url, body, timeoutMs, io);
  io.stdout(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}\n${text}${text.endsWith("\n") ? "" : "\n"}`);

  const reply = tencentReply(text);
  if (response.ok && reply?.ActionStatus === "OK") {
    // A "before" callback's ErrorCode is the app's decision: non-zero blocks the action, and is still a good reply.
    const code = reply.ErrorCode ?? 0;
    if (code !== 0) io.stdout(`decision: block (ErrorCode ${String(code)}: ${String(reply.ErrorInfo)})\n`);
    else if (definitionFor(command)?.kind === "before") io.stdout("decision: allow\n");
    return EXIT.ok;
  }
  io.stderr(`${NAME}: ${reply ? `the app answered ${String(reply.ActionStatus)} (ErrorCode ${String(reply.ErrorCode)}): ${String(reply.ErrorInfo)}` : `the reply is not a Tencent reply (HTTP ${response.status}); is --url the callback path?`}\n`);
  return EXIT.notOk;
}

/** The URL as printed: a password in it is not echoed to the terminal or a CI log. */
function redacted(url: URL): string {
  if (url.password === "") return url.href;
  const copy = new URL(url);
  copy.password = "***";
  return copy.href;
}

function callbackUrl(value: string | undefined): URL {
  if (value === undefined) throw new CliError("send needs --url <url>, e.g. --url http://127.0.0.1:3000/tencent/callback");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--url is not a valid URL: "${value}" (expected e.g. http://127.0.0.1:3000/tencent/callback)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    // "localhost:3000/x" parses with the scheme "localhost:": suggest what was probably meant.
    const guess = value.includes("//") ? "" : `; did you mean http://${value}?`;
    throw new CliError(`--url must be http or https (got "${value}")${guess}`);
  }
  return url;
}

/** The body to send: the registry's raw sample, or a file / stdin that must hold a JSON object. */
async function payloadFor(command: string, source: string | undefined, io: CliIo): Promise<string> {
  if (source === undefined) {
    // An alias (an older or alternative name) goes in the query as given, with its command's sample.
    const definition = definitionFor(command);
    if (!definition) throw unknownCommand(command, " or pass --payload <file.json> to send it anyway");
    return definition.sample;
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
  // A mismatch is worth testing (the app answers 400), so it is a warning, not an error.
  if (payload.CallbackCommand !== undefined && payload.CallbackCommand !== command) {
    io.stderr(`${NAME}: warning: ${label} has CallbackCommand ${JSON.stringify(payload.CallbackCommand)}, the query says "${command}"\n`);
  }
  return text;
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

/** The reply and its body; the timeout covers both, and either failing is a network failure. */
async function post(url: URL, body: string, timeoutMs: number, io: CliIo): Promise<{ response: Response; text: string }> {
  // fetch refuses URLs with credentials; send them as Basic auth, as curl does.
  const headers: Record<string, string> = { "content-type": "application/json" };
  const target = new URL(url);
  if (target.username !== "" || target.password !== "") {
    const user = decodeURIComponent(target.username);
    const password = decodeURIComponent(target.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    target.username = "";
    target.password = "";
  }
  try {
    const response = await io.fetch(target, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { response, text: await response.text() };
  } catch (error) {
    if ((error as Error | null)?.name === "TimeoutError") {
      throw new CliError(`no reply from ${url.origin} within ${timeoutMs} ms`, EXIT.unreachable);
    }
    throw new CliError(`cannot reach ${url.origin}: ${networkReason(error)}`, EXIT.unreachable);
  }
}

/** fetch hides the socket error in `cause` (an AggregateError when several addresses were tried). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } } | null)?.cause;
  const code = cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: "connection refused (is the app running on that port?)",
    ENOTFOUND: "host not found",
    ECONNRESET: "connection reset",
    EHOSTUNREACH: "host unreachable",
    ETIMEDOUT: "connection timed out",
  };
  if (code) return `${known[code] ?? "network error"} (${code})`;
  return cause?.message ?? describe(error);
}

function tencentReply(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && "ActionStatus" in value ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- shared

type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

function parse<O extends Options>(args: string[], options: O, allowPositionals: boolean) {
  return parseArgs({
    args,
    options: { ...options, help: { type: "boolean", short: "h" } } as O & { help: { type: "boolean"; short: "h" } },
    allowPositionals,
    strict: true,
  });
}

function onePositional(positionals: string[], subcommand: "send" | "sample"): string {
  const [command, extra] = positionals;
  if (command === undefined) throw new CliError(`${subcommand} needs a command, e.g. \`${NAME} ${subcommand} Live.CallbackAfterDestroyRoom\`; \`${NAME} list\` shows them`);
  if (extra !== undefined) throw new CliError(`${subcommand} takes one command, got "${command}" and "${extra}"`);
  return command;
}

function unknownCommand(command: string, hint: string): CliError {
  const guess = closest(command, [...registry.keys(), ...commandAliases.keys()]);
  const suggestion = guess ? ` (did you mean ${guess}?)` : "";
  return new CliError(`unknown command "${command}"${suggestion}; \`${NAME} list\` shows the known ones${hint}`);
}

/** The known command nearest by edit distance, when it is near enough to be a typo. */
function closest(input: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(input.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function isSubcommand(name: string): name is "send" | "list" | "sample" {
  return name === "send" || name === "list" || name === "sample";
}

function printHelp(topic: "send" | "list" | "sample", io: CliIo): number {
  io.stdout(HELP[topic]);
  return EXIT.ok;
}

/** parseArgs' own errors (unknown option, missing value) are already one clear line. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError("--payload - reads JSON from stdin, but stdin is a terminal; pipe a file in");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  try {
    return decodeUtf8(Buffer.concat(chunks));
  } catch {
    throw new CliError("the payload on stdin is not UTF-8 text");
  }
}

const HELP = {
  main: `Usage: ${NAME} <subcommand> [options]

Sends Tencent Cloud callbacks (Live.*, Room.*) to your app, signed the way Tencent signs them.

Subcommands:
  send <command>     POST a command's sample payload (or your own) to --url, print the reply
  list               the callback commands this package knows, with their kind
  sample <command>   print a command's sample payload (64-bit integers intact)
  help [subcommand]  this text, or a subcommand's

Run \`${NAME} <subcommand> --help\` for its options.
`,
  send: `Usage: ${NAME} send <command> --url <url> --sdk-app-id <id> [options]

POSTs <command>'s sample payload (or --payload) to <url> as Tencent does:
  <url>?SdkAppid=<id>&CallbackCommand=<command>&contenttype=json&ClientIP=<ip>&OptPlatform=<p>
  plus &Sign=<sha256(token + RequestTime)>&RequestTime=<unix seconds> when a token is given,
then prints the HTTP status and the reply body.

Options:
  --url <url>            your callback URL, e.g. http://127.0.0.1:3000/tencent/callback
  --sdk-app-id <id>      the SDKAppID to send (default: $SDK_APP_ID)
  --token <token>        callback authentication token: signs the request
                         (default: $TENCENT_CALLBACK_TOKEN; set it empty to send unsigned)
  --payload <file|->     send this JSON file, or stdin with "-", instead of the sample;
                         required for a command this package does not know
  --client-ip <ip>       ClientIP query parameter (default 127.0.0.1)
  --opt-platform <p>     OptPlatform query parameter (default RESTAPI)
  --timeout <ms>         give up waiting for the reply after this long (default ${DEFAULT_TIMEOUT_MS})
  -h, --help             this text

For a "before" callback (e.g. Live.CallbackBeforeSendGift) the reply's ErrorCode is your
app's decision and is printed: 0 allows the action, anything else blocks it.

Exit status: 0 the app answered ActionStatus "OK" (a "block" decision included);
1 it answered anything else; 2 bad arguments or payload; 3 the app could not be
reached or did not answer in time.
`,
  list: `Usage: ${NAME} list [--json]

Lists the callback commands this package knows (name and kind: "after" notifies,
"before" asks your app to allow or block an action), and the other names Tencent
also uses for some of them (send and sample accept those too).

Options:
  --json       print a JSON array of {command, kind, aliases}
  -h, --help   this text
`,
  sample: `Usage: ${NAME} sample <command>

Prints the sample payload of <command> from Tencent's documentation, exactly as sent:
64-bit integers such as RoomInfo.Owner_Account stay exact. Edit it and send it back with
\`${NAME} send <command> --payload <file>\`.

Options:
  -h, --help   this text
`,
} as const;
