/**
 * What every subcommand shares: the injectable I/O (`main` returns the exit code and never calls
 * process.exit, so tests run it in-process), the exit codes, and the one-line error type.
 */
import { decodeUtf8 } from "../json/parse.js";

export interface CliIo {
  /** Receives stdout text (whole lines, newline included). */
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of stdin, for `--payload -`. */
  readStdin: () => Promise<string>;
  /** Environment fallbacks: SDK_APP_ID, TENCENT_CALLBACK_TOKEN, TRTC_CALLBACK_KEY, CSS_CALLBACK_KEY. */
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
  /** Clock in milliseconds, for `RequestTime` and the CSS expiry `t`. */
  now: () => number;
  /** Asks a yes/no question on the terminal; `undefined` when there is none to ask (stdin is not a TTY). */
  confirm: (question: string) => Promise<boolean | undefined>;
}

/** Exit codes, documented in docs/cli.md. */
export const EXIT = { ok: 0, notOk: 1, usage: 2, unreachable: 3, unconfirmed: 4 } as const;

export const NAME = "tencent-webhooks";

/** A failure we can explain in one line: printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.usage,
  ) {
    super(message);
  }
}

export function withDefaults(io: Partial<CliIo>): CliIo {
  return {
    stdout: io.stdout ?? ((text) => void process.stdout.write(text)),
    stderr: io.stderr ?? ((text) => void process.stderr.write(text)),
    readStdin: io.readStdin ?? readProcessStdin,
    env: io.env ?? process.env,
    fetch: io.fetch ?? globalThis.fetch,
    now: io.now ?? Date.now,
    confirm: io.confirm ?? confirmOnTerminal,
  };
}

/** One line on stderr, prefixed with the program's name. */
export function warn(io: CliIo, message: string): void {
  io.stderr(`${NAME}: ${message}\n`);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function confirmOnTerminal(question: string): Promise<boolean | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const { createInterface } = await import("node:readline/promises");
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await terminal.question(`${question} [y/N] `)).trim());
  } finally {
    terminal.close();
  }
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
