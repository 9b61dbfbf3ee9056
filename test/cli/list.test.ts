/** `list` (every protocol, grouped; --protocol; --json) and `sample` (any protocol's raw sample, by name or number). */
import { describe, expect, it } from "vitest";
import { callbackCatalogue, commandAliases, cssCatalogue, registry, trtcCatalogue, type CommandDefinition } from "../../schemas/index.js";
import { cli, expectOneLineError } from "./support.js";

const CATALOGUES = { callback: callbackCatalogue, trtc: trtcCatalogue, css: cssCatalogue } as const;
const TITLES = { callback: "callback", trtc: "TRTC", css: "CSS" } as const;
type Protocol = keyof typeof CATALOGUES;
const PROTOCOLS = Object.keys(CATALOGUES) as Protocol[];

/** The text output split into its groups: heading and entry lines. */
function groupsOf(stdout: string) {
  return stdout
    .trimEnd()
    .split("\n\n")
    .map((block) => {
      const [heading = "", ...lines] = block.split("\n");
      return { heading, lines };
    });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("list", () => {
  it("lists all three protocols, grouped, each definition once", async () => {
    const { code, stdout, stderr } = await cli(["list"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const groups = groupsOf(stdout);
    expect(groups.map(({ heading }) => heading.split(":")[0])).toEqual(["callback", "TRTC", "CSS"]);
    PROTOCOLS.forEach((protocol, index) => {
      const { heading, lines } = groups[index]!;
      const { definitions } = CATALOGUES[protocol];
      expect(heading).toMatch(new RegExp(`^${TITLES[protocol]}: ${definitions.length} (commands|events) `));
      expect(lines).toHaveLength(definitions.length);
      for (const line of lines) expect(line).toMatch(/^ {2}/);
    });
  });

  it("callback: sorted by name, with the kind and summary", async () => {
    const { stdout } = await cli(["list", "--protocol", "callback"]);
    const [group] = groupsOf(stdout);
    const parsed = group!.lines.map((line) => line.trim().split(/\s+/));
    expect(parsed.map(([command]) => command)).toEqual([...registry.keys()].sort((a, b) => a.localeCompare(b)));
    for (const [command, kind] of parsed) expect(kind).toBe(registry.get(command!)!.kind);
    for (const line of group!.lines) {
      const definition = registry.get(line.trim().split(/\s+/)[0]!)!;
      if (definition.summary) expect(line).toContain(definition.summary);
    }
  });

  it("shows the other names a callback command is sent under", async () => {
    const { stdout } = await cli(["list"]);
    for (const [alias, command] of commandAliases) {
      expect(stdout).toMatch(new RegExp(`^ {2}${escapeRegExp(command)} .*\\(also sent as .*${escapeRegExp(alias)}`, "m"));
    }
  });

  it.each(["trtc", "css"] as const)("%s: by number, with the name and summary", async (protocol) => {
    const { code, stdout } = await cli(["list", "--protocol", protocol]);
    expect(code).toBe(0);
    const groups = groupsOf(stdout);
    expect(groups).toHaveLength(1);
    const sorted = [...CATALOGUES[protocol].definitions].sort((a, b) => a.code! - b.code!);
    expect(groups[0]!.lines.map((line) => line.trim().split(/\s+/).slice(0, 2))).toEqual(sorted.map(({ code, command }) => [String(code), command]));
    for (const [index, definition] of sorted.entries()) {
      expect(groups[0]!.lines[index]).toContain(definition.summary!);
      if (protocol === "trtc") expect(groups[0]!.lines[index]).toContain(`group ${definition.group}`);
    }
  });

  it("--json prints every protocol's definitions as one array", async () => {
    const { code, stdout } = await cli(["list", "--json"]);
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as {
      protocol: Protocol;
      command: string;
      kind: string;
      aliases: string[];
      code?: number;
      group?: number;
      summary?: string;
    }[];
    expect(items).toHaveLength(PROTOCOLS.reduce((sum, protocol) => sum + CATALOGUES[protocol].definitions.length, 0));
    for (const item of items) {
      const definition: CommandDefinition = CATALOGUES[item.protocol].byName.get(item.command)!;
      expect(item).toEqual({
        command: definition.command,
        kind: definition.kind,
        aliases: [...(definition.aliases ?? [])],
        protocol: definition.protocol,
        ...(definition.code === undefined ? {} : { code: definition.code }),
        ...(definition.group === undefined ? {} : { group: definition.group }),
        ...(definition.summary === undefined ? {} : { summary: definition.summary }),
      });
    }
  });

  it("--protocol callback --json is the original format's set: {command, kind, aliases} for every callback command", async () => {
    const { stdout } = await cli(["list", "--protocol", "callback", "--json"]);
    const items = JSON.parse(stdout) as { command: string; kind: string; aliases: string[] }[];
    expect(items.map((item) => item.command).sort()).toEqual([...registry.keys()].sort());
    for (const item of items) {
      expect(item.kind).toBe(registry.get(item.command)!.kind);
      expect(item.aliases).toEqual([...(registry.get(item.command)!.aliases ?? [])]);
    }
  });

  it.each(["trtc", "css"] as const)("--protocol %s --json filters too", async (protocol) => {
    const items = JSON.parse((await cli(["list", "--json", "--protocol", protocol])).stdout) as { protocol: string; code: number }[];
    expect(items).toHaveLength(CATALOGUES[protocol].definitions.length);
    expect(new Set(items.map((item) => item.protocol))).toEqual(new Set([protocol]));
  });

  it("refuses positionals, unknown options and unknown protocols", async () => {
    for (const argv of [
      ["list", "extra"],
      ["list", "--bogus"],
      ["list", "--protocol", "rtmp"],
      ["list", "--protocol"],
    ]) {
      const { code, stdout, stderr } = await cli(argv);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expectOneLineError(stderr);
    }
  });
});

const every = PROTOCOLS.flatMap((protocol) => CATALOGUES[protocol].definitions.map((definition) => [protocol, definition.command, definition] as const));

describe("sample", () => {
  it.each(every)("%s %s: the raw sample, byte for byte", async (protocol, command, definition) => {
    const argv = protocol === "callback" ? ["sample", command] : ["sample", "--protocol", protocol, command];
    const { code, stdout, stderr } = await cli(argv);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(definition.sample.endsWith("\n") ? definition.sample : `${definition.sample}\n`);
  });

  it.each(every.filter(([protocol]) => protocol !== "callback"))("%s %s: by its number too", async (protocol, _, definition) => {
    const byNumber = await cli(["sample", "--protocol", protocol, String(definition.code)]);
    expect(byNumber.code).toBe(0);
    expect(byNumber.stdout).toBe(`${definition.sample}\n`);
  });

  it.each([...commandAliases])("prints the sample of %s's command, %s", async (alias, command) => {
    const { code, stdout } = await cli(["sample", alias]);
    expect(code).toBe(0);
    expect(stdout.trimEnd()).toBe(registry.get(command)!.sample.trimEnd());
  });

  it("keeps the 64-bit Owner_Account literal exact", async () => {
    const { stdout } = await cli(["sample", "Live.CallbackAfterDestroyRoom"]);
    expect(stdout).toMatch(/"Owner_Account":\s*144115216631667826\b/);
  });

  it("keeps TRTC's tabs (its signature covers the exact bytes) and CSS's 64-bit sequence", async () => {
    expect((await cli(["sample", "--protocol", "trtc", "103"])).stdout).toContain('"EventType":\t103,');
    expect((await cli(["sample", "--protocol", "css", "PushBegin"])).stdout).toContain('"sequence":"2210464508206756938"');
  });

  it("refuses an unknown command and suggests the nearest known one", async () => {
    const { code, stdout, stderr } = await cli(["sample", "Live.CallbackAfterDestoryRoom"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expectOneLineError(stderr);
    expect(stderr).toContain('unknown command "Live.CallbackAfterDestoryRoom"');
    expect(stderr).toContain("did you mean Live.CallbackAfterDestroyRoom?");
  });

  it.each([
    [
      ["sample", "--protocol", "trtc", "EnterRom"],
      'unknown TRTC event "EnterRom" (did you mean EnterRoom?); `tencent-webhooks list --protocol trtc` shows the known ones',
    ],
    [["sample", "--protocol", "trtc", "999"], 'unknown TRTC event "999"; `tencent-webhooks list --protocol trtc` shows the known ones'],
    [["sample", "--protocol", "css", "PushBegn"], 'unknown CSS event "PushBegn" (did you mean PushBegin?)'],
    [["sample", "EnterRoom"], 'unknown command "EnterRoom"; EnterRoom (103) is a TRTC event: add --protocol trtc'],
    [["sample", "103"], 'unknown command "103"; EnterRoom (103) is a TRTC event: add --protocol trtc'],
    [["sample", "--protocol", "trtc", "PushBegin"], 'unknown TRTC event "PushBegin"; PushBegin (1) is a CSS event: add --protocol css'],
    [["sample", "--protocol", "css", "Live.CallbackAfterDestroyRoom"], "Live.CallbackAfterDestroyRoom is a callback command: leave --protocol out"],
  ])("%j", async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(2);
    expectOneLineError(stderr);
    expect(stderr).toContain(message);
  });

  it("makes no wild guesses for something far from every command", async () => {
    const { stderr } = await cli(["sample", "Nothing.Like.It.At.All"]);
    expect(stderr).not.toContain("did you mean");
  });

  it("needs exactly one command", async () => {
    for (const argv of [["sample"], ["sample", "--protocol", "trtc"], ["sample", "Live.CallbackAfterDestroyRoom", "Room.CallbackAfterDestroyRoom"]]) {
      const { code, stderr } = await cli(argv);
      expect(code).toBe(2);
      expectOneLineError(stderr);
    }
  });
});
