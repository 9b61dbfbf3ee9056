/**
 * The shape of one command file: `export default defineCommand({ … })`. Everything else —
 * the registries, payload types, validators, JSON copies, README tables, CLI list/sample —
 * is generated from these files by `npm run generate`.
 */

/** The three wire protocols: the callback endpoint (Live/Room/Chat), TRTC events, CSS streaming events. */
export type ProtocolName = "callback" | "trtc" | "css";

/** "after" callbacks notify; "before" callbacks ask, and the reply decides. TRTC and CSS events are all "after". */
export type CommandKind = "after" | "before";

/**
 * What a "before" reply may carry, as the command's page allows:
 * - `plain`: allow / reject (ErrorCode only);
 * - `message`: allow (optionally with a replacement `MsgBody` / `CloudCustomData`), reject (1 or [120001, 130000]), discard (2);
 * - `groupMessage`: the same for group messages, whose custom reject codes are [10100, 10200];
 * - `gift`: allow (0) / block (non-zero; [102100, 102200] reach the client);
 * - `invite`: allow with `RefusedMembers_Account`;
 * - `subscriber`: allow with `RefusedSubscribers_Account`;
 * - `friend`: a `ResultItem` per friend, reject codes in [38000, 39000];
 * - `signal`: allow with `RspData`, the answer that goes back to the chatbot (Chatbot.OnC2CSignalMessage).
 */
export type ReplyKind = "plain" | "message" | "groupMessage" | "gift" | "invite" | "subscriber" | "friend" | "signal";

/** A JSON Schema (draft-07) object, as the command files write them. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface CommandDefinition {
  /** Which endpoint receives it. Default `"callback"`. */
  readonly protocol: ProtocolName;
  /**
   * The name handlers use. Callback protocol: the `CallbackCommand` (`"Live.CallbackAfterDestroyRoom"`).
   * TRTC: Tencent's constant without `EVENT_TYPE_`, in PascalCase (`"EnterRoom"`). CSS: a PascalCase name (`"PushBegin"`).
   */
  readonly command: string;
  /** TRTC `EventType` / CSS `event_type`: the number on the wire. */
  readonly code?: number;
  /** TRTC `EventGroupId`. */
  readonly group?: number;
  readonly kind: CommandKind;
  /**
   * The body's JSON Schema. Unknown fields pass (no `additionalProperties: false`); types are generated from it.
   * Write only what the page documents: `defineCommand` adds `$id`, `type: "object"` and the field that names
   * the command (`CallbackCommand` with its aliases; TRTC `EventGroupId` + `EventType`; CSS `event_type`), required.
   */
  readonly schema: JsonSchema;
  /** Tencent's sample body from `source`, as raw JSON text (64-bit literals intact, comments removed). */
  readonly sample: string;
  /** The Tencent page the schema and sample come from. */
  readonly source: string;
  /** Other names Tencent's pages use for this command; they reach the same handlers. */
  readonly aliases?: readonly string[];
  /**
   * Every other form of the body a page documents — the other language's sample, a page's second
   * sample, an older version of the page — each valid against `schema` and tested like `sample`.
   */
  readonly variants?: readonly SampleVariant[];
  /** The command's page in each language, as compared for `disagreements` (either may be missing: Tencent publishes it in one only). */
  readonly pages?: CommandPages;
  /** Where the command's Chinese and English pages (or a page and its sample) disagree, and what the schema does about it. */
  readonly disagreements?: readonly PageDisagreement[];
  /** "before" commands: what the reply may carry. Default `plain`. */
  readonly reply?: ReplyKind;
  /** "before" commands: what Tencent does when no reply comes in time (`allow` for messages, `block` for gifts). */
  readonly onTimeout?: "allow" | "block";
  /** A natural idempotency key: payload field paths (dot-separated) that identify one callback, e.g. `["MsgKey"]`. */
  readonly dedupe?: readonly string[];
  /** A one-line summary for tables and `list`. */
  readonly summary?: string;
}

/** Another documented form of a command's body. */
export interface SampleVariant {
  /** The page it comes from (its language follows: cloud.tencent.com and trtc.io/zh/ are Chinese, trtc.io / tencentcloud.com English). */
  readonly source: string;
  /** What differs from the canonical sample, or what was cleaned (`//` comments, a stray comma). */
  readonly note?: string;
  /** The body as raw JSON text, 64-bit literals intact. */
  readonly text: string;
}

/** The command's page per language: `en` on trtc.io / tencentcloud.com, `zh` on cloud.tencent.com or trtc.io/zh/. */
export interface CommandPages {
  readonly en?: string;
  readonly zh?: string;
}

/** What one page says about a field. */
export interface PageClaim {
  readonly url: string;
  readonly says: string;
}

/** One field on which the command's pages disagree (generated into docs/page-disagreements.md). */
export interface PageDisagreement {
  /** The field's path in the body (`Member_Account`, `RoomInfo.EventTime`). */
  readonly field: string;
  readonly en: PageClaim;
  readonly zh: PageClaim;
  /** What the schema accepts, and what a handler reads. */
  readonly resolution: string;
}

/** The language of a Tencent page: cloud.tencent.com (.cn) and the `/zh/` pages of trtc.io / tencentcloud.com are Chinese. */
export function languageOf(url: string): "en" | "zh" {
  const { hostname, pathname } = new URL(url);
  return /^cloud\.tencent\.(com|cn|com\.cn)$/.test(hostname) || pathname.startsWith("/zh/") ? "zh" : "en";
}

/** Every documented body of a command, the canonical sample first, each with the page it comes from. */
export function bodiesOf(definition: Pick<CommandDefinition, "sample" | "source" | "variants">): readonly SampleVariant[] {
  return [{ source: definition.source, text: definition.sample }, ...(definition.variants ?? [])];
}

/**
 * What the runtime keeps of every command: how to recognise it and answer it. The schema and the
 * sample are not loaded with the package (a cold start would parse ~100 of each): a command's
 * schema arrives with its generated validator (loaded by `on()` or the first callback); samples are in
 * `tencent-webhooks/testing`, and every schema is in `schemas/json/`.
 */
export type CommandInfo = Pick<CommandDefinition, (typeof INFO_KEYS)[number]>;

/** The keys of a CommandInfo, in the order the generated registry writes them. */
export const INFO_KEYS = ["protocol", "command", "code", "group", "kind", "aliases", "reply", "onTimeout", "dedupe", "summary", "source"] as const;

/** The schema `$id` (and validator key) of a command: the callback command's name, else `trtc.EnterRoom`, `css.PushBegin`. */
export function schemaIdOf(protocol: ProtocolName, command: string): string {
  return protocol === "callback" ? command : `${protocol}.${command}`;
}

export type CommandInput = Omit<CommandDefinition, "protocol"> & { readonly protocol?: ProtocolName };

type Defined<D extends CommandInput> = D & { readonly protocol: D["protocol"] extends ProtocolName ? D["protocol"] : "callback" };

/** Declares one command; the literal types are kept (`const`) for the generator and the tests. */
export function defineCommand<const D extends CommandInput>(definition: D): Defined<D> {
  const protocol = definition.protocol ?? "callback";
  return Object.freeze({ ...definition, protocol, schema: completeSchema(protocol, definition) }) as Defined<D>;
}

/** The field (or fields) on the wire that say which command a body is. */
function namingFields(protocol: ProtocolName, definition: CommandInput): Record<string, JsonSchema> {
  switch (protocol) {
    case "callback": {
      const names = [definition.command, ...(definition.aliases ?? [])];
      return { CallbackCommand: names.length === 1 ? { const: names[0] } : { enum: names } };
    }
    case "trtc":
      return { EventGroupId: { const: definition.group }, EventType: { const: definition.code } };
    case "css":
      return { event_type: { const: definition.code } };
  }
}

function completeSchema(protocol: ProtocolName, definition: CommandInput): JsonSchema {
  const naming = namingFields(protocol, definition);
  const { properties = {}, required = [], ...rest } = definition.schema as { properties?: object; required?: readonly string[] };
  // A callback body may leave CallbackCommand to the query (ContentCallback.ResultNotify does): not required.
  const names = protocol === "callback" ? [] : Object.keys(naming);
  return {
    $id: schemaIdOf(protocol, definition.command),
    type: "object",
    ...rest,
    required: [...names, ...required.filter((key) => !names.includes(key))],
    properties: { ...naming, ...properties },
  };
}
