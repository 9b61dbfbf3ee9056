/**
 * `tencent-webhooks`: send signed sample callbacks (callback endpoint, TRTC, CSS) to any URL,
 * list the known commands, print samples. The built entry point (dist/cli.js) and what
 * bin/tencent-webhooks.js runs. `main` returns the exit code and never calls process.exit, so
 * tests run it in-process. Every command name comes from the schema catalogues.
 */
import { suggest } from "./args.js";
import { help, HELP, SUBCOMMANDS } from "./help.js";
import { CliError, describe, EXIT, NAME, warn, withDefaults, type CliIo } from "./io.js";
import { list, sample } from "./list.js";
import { queue } from "./queue.js";
import { send } from "./send.js";
import { packageVersion } from "./version.js";

export { EXIT, type CliIo } from "./io.js";

export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const full = withDefaults(io);
  const [subcommand, ...rest] = argv;
  try {
    switch (subcommand) {
      case undefined:
        // Nothing asked for: the usage goes to stderr and the exit is a usage error, as with any mistake.
        full.stderr(HELP.main);
        return EXIT.usage;
      case "-h":
      case "--help":
        full.stdout(HELP.main);
        return EXIT.ok;
      case "--version":
        full.stdout(`${packageVersion()}\n`);
        return EXIT.ok;
      case "help":
        return help(rest, full);
      case "send":
        return await send(rest, full);
      case "list":
        return list(rest, full);
      case "sample":
        return sample(rest, full);
      case "queue":
        return await queue(rest, full);
      default:
        throw unknownSubcommand(subcommand);
    }
  } catch (error) {
    warn(full, error instanceof CliError ? error.message : `unexpected error: ${describe(error)}`);
    return error instanceof CliError ? error.code : EXIT.usage;
  }
}

/** Options the subcommands take, for `tencent-webhooks --protocol trtc list`. */
const SUBCOMMAND_OPTIONS =
  /^--(protocol|url|sdk-app-id|token|key|payload|client-ip|opt-platform|expires-at|timeout|verbose|json|redis|postgres|name|limit|offset|command|reason|all|yes)(=|$)/;

function unknownSubcommand(given: string): CliError {
  const run = `run \`${NAME} --help\``;
  if (given.startsWith("-")) {
    if (SUBCOMMAND_OPTIONS.test(given)) return new CliError(`${given.split("=")[0]} goes after the subcommand, e.g. \`${NAME} list --protocol trtc\`; ${run}`);
    const guess = suggest(given, ["--help", "--version"]);
    return new CliError(`unknown option ${given}${guess ? ` (did you mean ${guess}?)` : ""}; ${run}`);
  }
  const guess = suggest(given, SUBCOMMANDS);
  return new CliError(`unknown subcommand "${given}"${guess ? ` (did you mean ${guess}?)` : ""}; ${run}`);
}
