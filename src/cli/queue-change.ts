/**
 * `queue replay` and `queue remove`: one dead letter by id, or `--all` of them (narrowed by
 * `--command` / `--reason`) after a confirmation on the terminal or `--yes`. Without a terminal
 * and without `--yes` a bulk change is refused (exit 4): a script must say it means it.
 */
import type { WebhookQueue } from "../delivery/contract.js";
import type { QueueArgs } from "./queue-connect.js";
import { reasonOf } from "./queue-failed.js";
import { CliError, EXIT, NAME, type CliIo } from "./io.js";

const VERBS = {
  replay: {
    past: "replayed",
    one: (queue: WebhookQueue, id: string) => queue.replay(id),
    all: (queue: WebhookQueue, filter: Filter) => queue.replayAll(filter),
  },
  remove: {
    past: "removed",
    one: (queue: WebhookQueue, id: string) => queue.remove(id),
    all: (queue: WebhookQueue, filter: Filter) => queue.removeAll(filter),
  },
} as const;

type Filter = Parameters<WebhookQueue["replayAll"]>[0];

export async function queueChange(
  action: keyof typeof VERBS,
  queue: WebhookQueue,
  id: string | undefined,
  values: QueueArgs["values"],
  io: CliIo,
): Promise<number> {
  const verb = VERBS[action];
  if (id === undefined) return bulk(action, queue, values, io);
  if (values.all) throw new CliError(`queue ${action} takes an id or --all, not both`);
  try {
    await verb.one(queue, id);
  } catch (error) {
    if (error instanceof Error && /no failed job/.test(error.message)) throw new CliError(`no dead letter with id "${id}"`, EXIT.notOk);
    throw error;
  }
  io.stdout(values.json ? `${JSON.stringify({ [verb.past]: 1, id })}\n` : `${verb.past} ${id}\n`);
  return EXIT.ok;
}

async function bulk(action: keyof typeof VERBS, queue: WebhookQueue, values: QueueArgs["values"], io: CliIo): Promise<number> {
  const verb = VERBS[action];
  if (!values.all) throw new CliError(`queue ${action} needs a dead letter's id or --all; \`${NAME} queue failed\` lists them`);
  const filter = { command: values.command, reason: reasonOf(values.reason) };
  if (!values.yes) {
    const matching = (await queue.failed({ ...filter, limit: 1000 })).length;
    if (matching === 0) {
      io.stdout(values.json ? `${JSON.stringify({ [verb.past]: 0 })}\n` : `No dead letters to ${action}.\n`);
      return EXIT.ok;
    }
    const what = `${matching === 1000 ? "1000 or more" : matching} dead letter(s)${filter.command ? ` of ${filter.command}` : ""}${filter.reason ? ` (${filter.reason})` : ""}`;
    const answer = await io.confirm(`${action === "replay" ? "Replay" : "Remove for good"} ${what}?`);
    if (answer === undefined) throw new CliError(`queue ${action} --all changes ${what}: confirm on a terminal, or pass --yes`, EXIT.unconfirmed);
    if (!answer) {
      io.stderr("Nothing changed.\n");
      return EXIT.unconfirmed;
    }
  }
  const done = await verb.all(queue, filter);
  io.stdout(values.json ? `${JSON.stringify({ [verb.past]: done })}\n` : `${verb.past} ${done} dead letter(s)\n`);
  return EXIT.ok;
}
