/**
 * docs/page-disagreements.md: where a command's Chinese and English pages disagree (each with both
 * URLs and what the schema does), which commands were compared, and the other documented bodies
 * (variants) the catalogue test also sends — all from the command files' `pages`, `disagreements`
 * and `variants`.
 */
import { bodiesOf, languageOf, type CommandDefinition, type ProtocolName } from "../../schemas/define.js";
import { GENERATED_MARK } from "./banner.js";
import type { LoadedDefinition } from "./load-definitions.js";

const PROTOCOL_TITLES: Record<ProtocolName, string> = { callback: "Callback endpoint (Chat, Live, Room)", trtc: "TRTC events", css: "CSS events" };

/** A table cell: pipes and line breaks would end the cell. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
const link = (url: string | undefined) => (url ? `[${url.replace(/^https:\/\/(www\.)?/, "")}](${url})` : "—");
const name = (definition: CommandDefinition) => (definition.code === undefined ? `\`${definition.command}\`` : `${definition.code} \`${definition.command}\``);

type Coverage = "both pages" | "English page only" | "Chinese page only" | "not compared";

function coverageOf(definition: CommandDefinition): Coverage {
  const { en, zh } = definition.pages ?? {};
  if (en && zh) return "both pages";
  if (en) return "English page only";
  if (zh) return "Chinese page only";
  return "not compared";
}

function coverageTable(definitions: readonly CommandDefinition[]): string[] {
  const order: Coverage[] = ["both pages", "English page only", "Chinese page only", "not compared"];
  const counts = order.map((coverage) => [coverage, definitions.filter((definition) => coverageOf(definition) === coverage).length] as const);
  return ["| compared | commands |", "|---|---|", ...counts.map(([coverage, count]) => `| ${coverage} | ${count} |`)];
}

function disagreementRows(definitions: readonly CommandDefinition[]): string[] {
  const rows = definitions.flatMap((definition) =>
    (definition.disagreements ?? []).map(
      (item) =>
        `| ${name(definition)} | \`${item.field}\` | ${cell(item.en.says)} ([en](${item.en.url})) | ${cell(item.zh.says)} ([zh](${item.zh.url})) | ${cell(item.resolution)} |`,
    ),
  );
  if (rows.length === 0) return ["None recorded."];
  return ["| command | field | English page | Chinese page | what the schema accepts |", "|---|---|---|---|---|", ...rows];
}

function pageRows(definitions: readonly CommandDefinition[]): string[] {
  const rows = definitions.map((definition) => {
    const variants = bodiesOf(definition)
      .slice(1)
      .map(({ source, note }) => `${languageOf(source)}${note ? `: ${cell(note)}` : ""}`);
    const disagreements = definition.disagreements?.length ?? 0;
    return `| ${name(definition)} | ${link(definition.pages?.en)} | ${link(definition.pages?.zh)} | ${disagreements || ""} | ${variants.join("; ")} |`;
  });
  return ["| command | English page | Chinese page | disagreements | other bodies tested |", "|---|---|---|---|---|", ...rows];
}

export function disagreementsPage(loaded: readonly LoadedDefinition[]): string {
  const all = loaded.map(({ definition }) => definition);
  const sections = (["callback", "trtc", "css"] as const).flatMap((protocol) => {
    const definitions = all.filter((definition) => definition.protocol === protocol);
    definitions.sort((a, b) => (a.code ?? 0) - (b.code ?? 0) || a.command.localeCompare(b.command));
    if (definitions.length === 0) return [];
    return [
      `## ${PROTOCOL_TITLES[protocol]}`,
      "",
      ...coverageTable(definitions),
      "",
      "### Disagreements",
      "",
      ...disagreementRows(definitions),
      "",
      "### Pages compared, and the other bodies the tests send",
      "",
      ...pageRows(definitions),
      "",
    ];
  });
  return [
    `<!-- ${GENERATED_MARK} from the command files (schemas/<product>/*.ts: pages, disagreements, variants). Do not edit. -->`,
    "",
    "# Where Tencent's pages disagree",
    "",
    "Tencent publishes most callbacks twice: in Chinese on cloud.tencent.com and in English on trtc.io /",
    "tencentcloud.com. The two pages of one command do not always agree — a field's name, whether it is",
    "sent, its type in the sample. The schemas follow what traffic can carry, not one page:",
    "",
    "- where the pages name a field differently, both names are accepted and typed as optional;",
    "- a field that is not on every page and in every sample is optional; `required` keeps only what",
    "  identifies the event (the command, and the ids it is about);",
    "- every page's sample is kept as a variant of the command, and the catalogue test sends each one",
    "  through `handle()` to its typed handler (`tencent-webhooks/testing` exports them as `sampleVariants`).",
    "",
    "What cannot be made to fit a schema is quarantined, not refused, when the request is authenticated.",
    'Each command file\'s `pages` records the pages compared. "English page only" (or "Chinese page only")',
    'means no page in the other language was found for that command; "not compared" means not compared yet.',
    "",
    ...sections,
  ].join("\n");
}
