/** `list` (every protocol's commands, grouped) and `sample` (one command's raw sample). */
import type { CommandDefinition } from "../../schemas/index.js";
import { onePositional, parse, PROTOCOL_OPTION, PROTOCOLS, protocolOf, type Protocol } from "./args.js";
import { CATALOGUES, findEvent, TITLES, unknownEvent } from "./events.js";
import { HELP } from "./help.js";
import { EXIT, type CliIo } from "./io.js";

/** One `list --json` item: the first three keys are the original format's. */
export interface ListItem {
  command: string;
  kind: string;
  aliases: readonly string[];
  protocol: Protocol;
  code?: number;
  group?: number;
  summary?: string;
}

const HOW: Readonly<Record<Protocol, string>> = {
  callback: "send <command> --sdk-app-id <id> [--token <token>]",
  trtc: "send --protocol trtc <name|number> --sdk-app-id <id> --key <key>",
  css: "send --protocol css <name|number> --key <key>",
};

export function list(args: string[], io: CliIo): number {
  const { values } = parse("list", args, { ...PROTOCOL_OPTION, json: { type: "boolean" } }, false);
  if (values.help) {
    io.stdout(HELP.list);
    return EXIT.ok;
  }
  const protocols = values.protocol === undefined ? PROTOCOLS : [protocolOf(values.protocol)];
  const groups = protocols.map((protocol) => ({ protocol, items: itemsOf(protocol) }));
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        groups.flatMap(({ items }) => items),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const blocks = groups.map(({ protocol, items }) => {
    const noun = protocol === "callback" ? "commands" : "events";
    return [`${TITLES[protocol]}: ${items.length} ${noun}   (${HOW[protocol]})`, ...(protocol === "callback" ? callbackLines(items) : eventLines(items))];
  });
  io.stdout(`${blocks.map((lines) => lines.join("\n")).join("\n\n")}\n`);
  return EXIT.ok;
}

function itemsOf(protocol: Protocol): ListItem[] {
  const item = ({ command, kind, aliases = [], code, group, summary }: CommandDefinition): ListItem => ({
    command,
    kind,
    aliases,
    protocol,
    ...(code === undefined ? {} : { code }),
    ...(group === undefined ? {} : { group }),
    ...(summary === undefined ? {} : { summary }),
  });
  const items = CATALOGUES[protocol].definitions.map(item);
  return protocol === "callback" ? items.sort((a, b) => a.command.localeCompare(b.command)) : items.sort((a, b) => a.code! - b.code!);
}

/** `  Live.CallbackAfterDestroyRoom   after   a live room was destroyed   (also sent as …)` */
function callbackLines(items: ListItem[]): string[] {
  const width = Math.max(...items.map(({ command }) => command.length));
  return items.map(({ command, kind, aliases, summary = "" }) => {
    const also = aliases.length > 0 ? `   (also sent as ${aliases.join(", ")})` : "";
    return `  ${command.padEnd(width)}  ${kind.padEnd(6)}  ${summary}${also}`.trimEnd();
  });
}

/** `  103  EnterRoom   a user entered a room` (TRTC adds its event group). */
function eventLines(items: ListItem[]): string[] {
  const codeWidth = Math.max(...items.map(({ code }) => String(code).length));
  const width = Math.max(...items.map(({ command }) => command.length));
  return items.map(({ code, command, group, summary = "" }) => {
    const inGroup = group === undefined ? "" : `group ${group}  `;
    return `  ${String(code).padStart(codeWidth)}  ${command.padEnd(width)}  ${inGroup}${summary}`.trimEnd();
  });
}

export function sample(args: string[], io: CliIo): number {
  const { values, positionals } = parse("sample", args, PROTOCOL_OPTION, true);
  if (values.help) {
    io.stdout(HELP.sample);
    return EXIT.ok;
  }
  const protocol = protocolOf(values.protocol);
  const given = onePositional(positionals, "sample", protocol);
  const definition = findEvent(protocol, given); // an alias prints its command's sample
  if (!definition) throw unknownEvent(protocol, given);
  // The raw text, not a re-serialisation: 64-bit integers such as Owner_Account stay exact.
  io.stdout(definition.sample.endsWith("\n") ? definition.sample : `${definition.sample}\n`);
  return EXIT.ok;
}
