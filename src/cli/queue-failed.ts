/** `queue failed`: a page of dead letters, newest first, as a table or JSON. */
import type { DeadLetterReason, WebhookQueue } from "../delivery/contract.js";
import type { QueueArgs } from "./queue-connect.js";
import { CliError, EXIT, NAME, type CliIo } from "./io.js";
import { oneLine, table } from "./table.js";

export async function queueFailed(queue: WebhookQueue, values: QueueArgs["values"], io: CliIo): Promise<number> {
  const limit = count("--limit", values.limit, 20);
  const offset = count("--offset", values.offset, 0);
  const failed = await queue.failed({ offset, limit, command: values.command, reason: reasonOf(values.reason) });
  if (values.json) {
    io.stdout(`${JSON.stringify(failed, null, 2)}\n`);
    return EXIT.ok;
  }
  if (failed.length === 0) {
    io.stdout(offset === 0 ? "No dead letters.\n" : `No dead letters after the first ${offset}.\n`);
    return EXIT.ok;
  }
  const rows = failed.map((dead) => [
    dead.id,
    new Date(dead.failedAt).toISOString(),
    dead.job.command,
    dead.reason,
    String(dead.attemptsMade),
    oneLine(dead.error, 80),
  ]);
  io.stdout(table(["ID", "FAILED AT", "COMMAND", "REASON", "ATTEMPTS", "ERROR"], rows));
  if (failed.length === limit) io.stdout(`(more may follow: --offset ${offset + limit}; \`${NAME} queue show <id>\` for one in full)\n`);
  return EXIT.ok;
}

export function reasonOf(value: string | undefined): DeadLetterReason | undefined {
  if (value === undefined || value === "handler_failed" || value === "schema_invalid") return value;
  throw new CliError(`--reason must be handler_failed or schema_invalid, got "${value}"`);
}

function count(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || (option === "--limit" && (number < 1 || number > 1000))) {
    throw new CliError(`${option} must be ${option === "--limit" ? "a whole number from 1 to 1000" : "a whole number >= 0"}, got "${value}"`);
  }
  return number;
}
