/** `queue show <id>`: one dead letter in full: error and stack, schema errors, the job and its raw request. */
import type { WebhookQueue } from "../delivery/contract.js";
import { CliError, EXIT, type CliIo } from "./io.js";

export async function queueShow(queue: WebhookQueue, id: string, json: boolean, io: CliIo): Promise<number> {
  const dead = await queue.failedJob(id);
  if (!dead) throw new CliError(`no dead letter with id "${id}"`, EXIT.notOk);
  if (json) {
    io.stdout(`${JSON.stringify(dead, null, 2)}\n`);
    return EXIT.ok;
  }
  const { job } = dead;
  const lines = [
    `id           ${dead.id}`,
    `command      ${job.command} (${job.protocol})`,
    `dedupe key   ${job.dedupeKey}`,
    `received at  ${new Date(job.receivedAt).toISOString()}`,
    `failed at    ${new Date(dead.failedAt).toISOString()}`,
    `attempts     ${dead.attemptsMade}`,
    `reason       ${dead.reason}`,
    `error        ${dead.error}`,
  ];
  if (dead.schemaErrors?.length) lines.push("schema errors", ...dead.schemaErrors.map((error) => `  ${JSON.stringify(error)}`));
  if (dead.stack) lines.push("stack", ...dead.stack.split("\n").map((line) => `  ${line.trim()}`));
  lines.push("request", `  ${job.method} ${job.url}`, ...Object.entries(job.headers).map(([name, value]) => `  ${name}: ${value}`), "", job.rawBody);
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
