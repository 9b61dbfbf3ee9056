/** `queue stats | failed | show <id> | replay <id>|--all | remove <id>|--all`: operate the durable queue from a terminal. */
import { suggest } from "./args.js";
import { HELP } from "./help.js";
import { CliError, EXIT, NAME, type CliIo } from "./io.js";
import { queueChange } from "./queue-change.js";
import { openQueue, parseQueueArgs, unreachable } from "./queue-connect.js";
import { queueFailed } from "./queue-failed.js";
import { queueShow } from "./queue-show.js";
import { queueStats } from "./queue-stats.js";

const ACTIONS = ["stats", "failed", "show", "replay", "remove"] as const;

export async function queue(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseQueueArgs(args);
  if (values.help) {
    io.stdout(HELP.queue);
    return EXIT.ok;
  }
  const [action, id, extra] = positionals;
  if (action === undefined) throw new CliError(`queue needs an action: ${ACTIONS.join(", ")}; \`${NAME} queue --help\``);
  if (!(ACTIONS as readonly string[]).includes(action)) {
    const guess = suggest(action, ACTIONS);
    throw new CliError(`unknown queue action "${action}"${guess ? ` (did you mean ${guess}?)` : ""}; actions: ${ACTIONS.join(", ")}`);
  }
  const takesId = action === "show" || action === "replay" || action === "remove";
  if (extra !== undefined || (!takesId && id !== undefined)) throw new CliError(`queue ${action} got an unexpected argument "${extra ?? id}"`);
  if (action === "show" && id === undefined) throw new CliError(`queue show needs a dead letter's id; \`${NAME} queue failed\` lists them`);

  const opened = await openQueue(values, io);
  try {
    switch (action) {
      case "stats":
        return await queueStats(opened, values.json === true, io);
      case "failed":
        return await queueFailed(opened, values, io);
      case "show":
        return await queueShow(opened, id!, values.json === true, io);
      default:
        return await queueChange(action as "replay" | "remove", opened, id, values, io);
    }
  } catch (error) {
    throw unreachable(error, values, io) ?? error;
  } finally {
    await opened.close();
  }
}
