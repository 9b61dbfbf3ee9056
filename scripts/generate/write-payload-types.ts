/**
 * schemas/generated/payloads.ts: one exact interface per command (a misspelt field is a compile
 * error; unknown fields still pass at run time, see `event.extra`), and the maps that type `on()`.
 */
import { compile } from "json-schema-to-typescript";
import type { CommandDefinition, ProtocolName } from "../../schemas/define.js";
import { GENERATED } from "./banner.js";
import { payloadTypeName, type LoadedDefinition } from "./load-definitions.js";

async function payloadInterface(definition: CommandDefinition): Promise<string> {
  const { $id: _id, ...schema } = definition.schema as Record<string, unknown>;
  const title = payloadTypeName(definition);
  const described = {
    ...schema,
    title,
    description: `${definition.command}${definition.summary ? `: ${definition.summary}` : ""}.\n@see ${definition.source}`,
  };
  return compile(described as never, title, {
    bannerComment: "",
    additionalProperties: false,
    unknownAny: true,
    declareExternallyReferenced: true,
    strictIndexSignatures: true,
    style: { printWidth: 120 },
  });
}

const quote = (value: string | number) => (typeof value === "number" ? String(value) : JSON.stringify(value));

function map(name: string, doc: string, entries: [string | number, string][]): string {
  const body = entries.map(([key, value]) => `  ${quote(key)}: ${value};`).join("\n");
  return `/** ${doc} */\nexport interface ${name} {\n${body}\n}\n`;
}

export async function payloadTypesModule(loaded: readonly LoadedDefinition[]): Promise<string> {
  // Types that schemas name with `tsType` (json-schema-to-typescript's hint), e.g. the Chat message element.
  const parts = [GENERATED, 'import type { MsgElement } from "../../src/types/message.js";\n'];
  for (const { definition } of loaded) parts.push(await payloadInterface(definition));
  const of = (protocol: ProtocolName) => loaded.map(({ definition }) => definition).filter((d) => d.protocol === protocol);
  const callback = of("callback");
  parts.push(
    map(
      "CallbackPayloads",
      "The payload type of each callback-endpoint command.",
      callback.map((d) => [d.command, payloadTypeName(d)]),
    ),
  );
  parts.push(
    map(
      "CallbackAliases",
      "Other names Tencent's pages use, and the command each one reaches.",
      callback.flatMap((d) => (d.aliases ?? []).map((alias) => [alias, quote(d.command)] as [string, string])),
    ),
  );
  parts.push(
    map(
      "CallbackReplyKinds",
      'What the reply of each "before" command may carry.',
      callback.filter((d) => d.kind === "before").map((d) => [d.command, quote(d.reply ?? "plain")]),
    ),
  );
  for (const [protocol, prefix] of [
    ["trtc", "Trtc"],
    ["css", "Css"],
  ] as const) {
    const list = of(protocol);
    parts.push(
      map(
        `${prefix}Payloads`,
        `The payload type of each ${protocol.toUpperCase()} event, by name.`,
        list.map((d) => [d.command, payloadTypeName(d)]),
      ),
    );
    parts.push(
      map(
        `${prefix}Codes`,
        `The number on the wire of each ${protocol.toUpperCase()} event.`,
        list.map((d) => [d.command, String(d.code)]),
      ),
    );
  }
  return parts.join("\n");
}
