/**
 * The command catalogue, derived from the registries (schemas/index.ts), never from a list kept
 * here: every definition of every protocol — callback (Live, Room, Chat…), TRTC, CSS — has a
 * sample and variants that parse losslessly (64-bit literals as exact strings), validate against
 * their schema, and reach a typed handler through handle() of that protocol's dispatcher, signed
 * as Tencent signs them (test/support/samples.ts). Names, aliases and codes resolve; JSON copies
 * match; unknown fields pass through `event.extra`; a missing required field is refused.
 * The README tables: test/core/readme.test.ts; the generated files' freshness: test/core/generated.test.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parseJsonObject } from "../../src/json/parse.js";
import { validatorFor } from "../../src/pipeline/validate.js";
import type {
  AnyWebhookEvent,
  InvalidPayloadEvent,
  SchemaError,
  BeforeCommand,
  CallbackPayloads,
  CommandDefinition,
  CssEventCode,
  CssEventName,
  CssPayloads,
  KnownCommand,
  LiveAfterCreateRoomPayload,
  LiveAfterEndBattlePayload,
  LiveAfterMemberStateChangedPayload,
  LiveBeforeSendGiftPayload,
  MicAfterSeatInfoChangedPayload,
  PayloadOf,
  RoomAfterMemberLeavePayload,
  RoomAfterUpdateRoomInfoPayload,
  GroupBeforeSendMsgPayload,
  TrtcEnterRoomPayload,
  TrtcEventCode,
  TrtcEventName,
  TrtcPayloads,
  CssPushBeginPayload,
  WebhookErrorEvent,
  WebhookResponse,
} from "../../src/index.js";
import {
  callbackCatalogue,
  bodiesOf,
  canonicalCommand,
  commandAliases,
  cssCatalogue,
  definitionFor,
  isKnownCommand,
  knownCommands,
  languageOf,
  registry,
  trtcCatalogue,
  type Catalogue,
  type ProtocolName,
} from "../../schemas/index.js";
import { shippedSchema } from "../../scripts/generate/write-docs.js";
import { APP_ID } from "../support/fixtures.js";
import { at, dispatcherFor, losslessValue, signedRequest, unsafeIntegers, withoutTopField, withTopField } from "../support/samples.js";

const CATALOGUES: Record<ProtocolName, Catalogue<CommandDefinition>> = { callback: callbackCatalogue, trtc: trtcCatalogue, css: cssCatalogue };
const PROTOCOLS = ["callback", "trtc", "css"] as const;
const ALL = PROTOCOLS.flatMap((protocol) => CATALOGUES[protocol].definitions);
const label = (definition: CommandDefinition) => (definition.protocol === "callback" ? definition.command : `${definition.protocol} ${definition.command}`);

/** Every documented body of every definition — the sample, then each variant (the other language's page, a page's other samples) — labelled. */
const TEXTS = ALL.flatMap((definition) =>
  bodiesOf(definition).map(
    ({ source, text }, index) => [`${label(definition)} ${index === 0 ? "sample" : `variant ${index} (${languageOf(source)})`}`, definition, text] as const,
  ),
);

const CALLBACK_OK = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';
const CODE_OK = '{"code":0}';

/** The fields that name the command on the wire (defineCommand adds them). */
const NAMING: Record<ProtocolName, readonly string[]> = { callback: ["CallbackCommand"], trtc: ["EventGroupId", "EventType"], css: ["event_type"] };
/** Fields whose absence the protocol refuses before the schema (CSS signs with them). */
const SIGNATURE_FIELDS: Record<ProtocolName, readonly string[]> = { callback: [], trtc: [], css: ["t", "sign"] };

interface Delivery {
  response: WebhookResponse;
  events: AnyWebhookEvent[];
  /** Events the handler registered by the wire code saw (TRTC, CSS). */
  byCode: AnyWebhookEvent[];
  any: AnyWebhookEvent[];
  errors: WebhookErrorEvent[];
  /** What `onInvalid` saw: authenticated callbacks that failed their schema (quarantined). */
  invalid: InvalidPayloadEvent[];
  body: string;
}

/** `text` for `definition` through handle() of a fresh dispatcher of its protocol, with handlers by name (and code). */
async function deliver(definition: CommandDefinition, text: string): Promise<Delivery> {
  const dispatcher = dispatcherFor(definition.protocol);
  const events: AnyWebhookEvent[] = [];
  const byCode: AnyWebhookEvent[] = [];
  const any: AnyWebhookEvent[] = [];
  const errors: WebhookErrorEvent[] = [];
  dispatcher.on(definition.command as never, ((event: AnyWebhookEvent) => void events.push(event)) as never);
  if (definition.code !== undefined) dispatcher.on(definition.code as never, ((event: AnyWebhookEvent) => void byCode.push(event)) as never);
  dispatcher.onAny((event) => void any.push(event));
  dispatcher.onError((error) => void errors.push(error));
  const invalid: InvalidPayloadEvent[] = [];
  dispatcher.onInvalid((event) => void invalid.push(event));
  const { request, body } = signedRequest(definition, text);
  const response = await dispatcher.handle(request);
  return { response, events, byCode, any, errors, invalid, body };
}

/**
 * Whether a delivered scalar is the literal it was sent as: equal, or the documented coercions
 * (a number where a string is wanted becomes its decimal string; an exact decimal string where
 * a number is wanted becomes that number; "true"/"false" or 1/0 where a boolean is wanted becomes
 * that boolean). A 64-bit literal must arrive as its exact digits.
 */
function sameScalar(sent: unknown, delivered: unknown): boolean {
  if (Object.is(sent, delivered)) return true;
  if (typeof sent === "number" && typeof delivered === "string") return String(sent) === delivered;
  if (typeof sent === "string" && typeof delivered === "number") return String(delivered) === sent || Number(sent) === delivered;
  if (typeof delivered === "boolean") return String(sent) === String(delivered) || sent === Number(delivered);
  return false;
}

function expectSameTree(sent: unknown, delivered: unknown, path = ""): void {
  if (sent !== null && typeof sent === "object") {
    expect(delivered, path || "/").toBeTypeOf("object");
    expect(Array.isArray(delivered), path).toBe(Array.isArray(sent));
    expect(Object.keys(delivered as object).sort(), path).toEqual(Object.keys(sent).sort());
    for (const [key, value] of Object.entries(sent)) expectSameTree(value, (delivered as Record<string, unknown>)[key], `${path}/${key}`);
  } else {
    expect(sameScalar(sent, delivered), `${path}: sent ${JSON.stringify(sent)}, delivered ${JSON.stringify(delivered)}`).toBe(true);
  }
}

function expectAccepted({ response, errors }: Delivery, definition: CommandDefinition): void {
  expect(errors.map((error) => `${error.reason}: ${error.message}`)).toEqual([]);
  expect(response.status, response.body).toBe(200);
  expect(response.body).toBe(definition.protocol === "callback" ? CALLBACK_OK : CODE_OK);
}

describe("the registries", () => {
  it("hold about 80 callback-endpoint commands, and the TRTC and CSS events", () => {
    expect(callbackCatalogue.definitions.length).toBeGreaterThanOrEqual(75);
    expect(callbackCatalogue.definitions.length).toBeLessThanOrEqual(90);
    expect(trtcCatalogue.definitions.length).toBeGreaterThan(30);
    expect(cssCatalogue.definitions.length).toBeGreaterThan(5);
  });

  it("registry / knownCommands are the callback catalogue, one entry per definition", () => {
    expect([...registry.keys()]).toEqual(callbackCatalogue.definitions.map((definition) => definition.command));
    expect(knownCommands).toEqual([...registry.keys()]);
    expect(new Set(knownCommands).size).toBe(knownCommands.length);
    for (const protocol of PROTOCOLS) {
      for (const definition of CATALOGUES[protocol].definitions) expect(definition.protocol).toBe(protocol);
    }
  });

  it.each(ALL.map((definition) => [label(definition), definition] as const))(
    "%s: named on the wire as defineCommand says, found by name and code",
    (_label, definition) => {
      const catalogue = CATALOGUES[definition.protocol];
      const schema = definition.schema as { $id: string; type: string; required: string[]; properties: Record<string, { const?: unknown; enum?: unknown[] }> };
      expect(schema.$id).toBe(definition.protocol === "callback" ? definition.command : `${definition.protocol}.${definition.command}`);
      expect(schema.type).toBe("object");
      expect(catalogue.find(definition.command)).toBe(definition);
      expect(catalogue.byName.get(definition.command)).toBe(definition);
      // Unknown fields pass through: no schema closes an object.
      expect(JSON.stringify(definition.schema)).not.toContain("additionalProperties");
      const sample = parseJsonObject(definition.sample);
      switch (definition.protocol) {
        case "callback": {
          const names = [definition.command, ...(definition.aliases ?? [])];
          expect(schema.properties.CallbackCommand!.enum ?? [schema.properties.CallbackCommand!.const]).toEqual(names);
          // The query may carry the command alone (Push.* name it only per event): not required.
          expect(schema.required).not.toContain("CallbackCommand");
          if (sample.CallbackCommand !== undefined) expect(names).toContain(sample.CallbackCommand);
          else for (const event of sample.Events as { CallbackCommand: string }[]) expect(event.CallbackCommand).toBe(definition.command);
          expect(definition.code).toBeUndefined();
          break;
        }
        case "trtc":
          expect(schema.properties.EventType!.const).toBe(definition.code);
          expect(schema.properties.EventGroupId!.const).toBe(definition.group);
          expect(schema.required).toEqual(expect.arrayContaining(["EventGroupId", "EventType"]));
          expect(sample).toMatchObject({ EventGroupId: definition.group, EventType: definition.code });
          expect(catalogue.find(definition.code!)).toBe(definition);
          break;
        case "css":
          expect(schema.properties.event_type!.const).toBe(definition.code);
          expect(schema.required).toContain("event_type");
          expect(sample.event_type).toBe(definition.code);
          expect(catalogue.find(definition.code!)).toBe(definition);
          break;
      }
      // Before callbacks are named so, except the request-reply chatbot signal (its reply answers the chatbot).
      const asks = /\.Callback(Before|Prev)/.test(definition.command) || definition.command === "Chatbot.OnC2CSignalMessage";
      expect(definition.kind === "before").toBe(definition.protocol === "callback" && asks);
      if (definition.kind === "before")
        expect(["plain", "message", "groupMessage", "gift", "invite", "subscriber", "friend", "signal"]).toContain(definition.reply ?? "plain");
      else expect(definition.reply).toBeUndefined();
    },
  );
});

describe("every sample and variant through the package", () => {
  it.each(TEXTS)("%s: parses losslessly and validates", async (_label, definition, text) => {
    const payload = parseJsonObject(text);
    expect(payload).toEqual(losslessValue(text));
    for (const { path, digits } of unsafeIntegers(text)) expect(at(payload, path)).toBe(digits);
    const errors = (await validatorFor(definition))(payload);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
  });

  it.each(TEXTS)("%s: reaches its typed handler through handle(), 200, nothing lost", async (_label, definition, text) => {
    const delivery = await deliver(definition, text);
    expectAccepted(delivery, definition);
    expect(delivery.events).toHaveLength(1);
    expect(delivery.any).toHaveLength(1);
    const event = delivery.events[0]!;
    expect(event).toMatchObject({
      protocol: definition.protocol,
      command: definition.command,
      rawBody: delivery.body,
      attempt: 1,
      request: { rawBody: delivery.body, rawBodyExact: true },
    });
    expect(event.extra).toBe(event.payload);
    expect(event.dedupeKey).toEqual(expect.any(String));
    expect(event.dedupeKey.length).toBeGreaterThan(0);
    expect(event.keyIndex).toBe(definition.protocol === "callback" ? undefined : 0);
    if (definition.protocol !== "css") expect(event.sdkAppId).toBe(APP_ID);
    if (definition.code !== undefined) expect(delivery.byCode).toEqual([event]);
    // Every value arrives as sent (modulo the documented string/number coercions); 64-bit IDs exact.
    expectSameTree(losslessValue(delivery.body), event.payload);
    for (const { path, digits } of unsafeIntegers(delivery.body)) expect(at(event.payload, path)).toBe(digits);
  });

  it.each(ALL.map((definition) => [label(definition), definition] as const))(
    "%s: an unknown field passes through untouched, reachable through event.extra",
    async (_label, definition) => {
      const delivery = await deliver(definition, withTopField(definition.sample, "AddedByTencentLater", '{"x":[1,"y",null]}'));
      expectAccepted(delivery, definition);
      expect(delivery.events[0]!.extra.AddedByTencentLater).toEqual({ x: [1, "y", null] });
    },
  );

  const requiredCases = ALL.flatMap((definition) =>
    ((definition.schema as { required?: string[] }).required ?? [])
      .filter((field) => !NAMING[definition.protocol].includes(field) && !SIGNATURE_FIELDS[definition.protocol].includes(field))
      .filter((field) => field in parseJsonObject(definition.sample))
      .map((field) => [label(definition), field, definition] as const),
  );
  // The callback dispatcher here has no token (unauthenticated: refused 400); TRTC and CSS are signed (quarantined: 200, onInvalid).
  it.each(requiredCases)("%s without its required %s: refused (unsigned) or quarantined (signed), no handler", async (_label, field, definition) => {
    const delivery = await deliver(definition, withoutTopField(definition.sample, field));
    const missing = (errors: readonly SchemaError[] | undefined) =>
      errors?.some((error) => (error.params as { missingProperty?: string }).missingProperty === field);
    if (definition.protocol === "callback") {
      expect(delivery.response.status).toBe(400);
      expect(delivery.errors.map((error) => error.reason)).toEqual(["schema_invalid"]);
      expect(missing(delivery.errors[0]!.schemaErrors)).toBe(true);
      expect(delivery.invalid).toEqual([]);
    } else {
      expect(delivery.response.status).toBe(200);
      expect(delivery.errors).toEqual([]);
      expect(delivery.invalid.map((event) => [event.reason, event.command])).toEqual([["schema_invalid", definition.command]]);
      expect(missing(delivery.invalid[0]!.schemaErrors)).toBe(true);
    }
    expect(delivery.events).toEqual([]);
    expect(delivery.any).toEqual([]);
  });

  /** Whatever a page may leave out: times, counts, bodies, states. `required` keeps what identifies the event. */
  const NOT_IDENTIFYING =
    /^(EventTime|EventTs|EventMsTs|CallbackTs|MsgTime|MsgBody|Type|OperateType|ErrorCode|ErrorInfo|Status|record_event|CurRoomCount|MaxRoomCount|Quota|QuotaUsed|ProfileItem|Statistic)$/;
  it.each(ALL.map((definition) => [label(definition), definition] as const))("%s: requires only what identifies the event", (_label, definition) => {
    const required = (node: unknown, path: string): string[] => {
      if (!node || typeof node !== "object") return [];
      const { required: own = [], properties = {} } = node as { required?: string[]; properties?: Record<string, unknown> };
      return [
        ...own.map((key) => `${path}${key}`),
        ...Object.entries(properties).flatMap(([key, child]) => (own.includes(key) ? required(child, `${path}${key}.`) : [])),
      ];
    };
    const offending = required(definition.schema, "").filter((path) => NOT_IDENTIFYING.test(path.split(".").pop()!));
    expect(offending.filter((path) => !(definition.protocol !== "callback" && NAMING[definition.protocol].includes(path)))).toEqual([]);
  });

  it("the required-field cases are not vacuous", () => {
    expect(requiredCases.length).toBeGreaterThan(ALL.length / 2);
    for (const protocol of PROTOCOLS)
      expect(
        requiredCases.some(([, , definition]) => definition.protocol === protocol),
        protocol,
      ).toBe(true);
  });
});

describe("variants and page disagreements (the command files' records of Tencent's pages)", () => {
  const isTencentPage = (url: string) =>
    /^https:\/\/(cloud\.tencent\.(com|cn)|trtc\.io|(www\.|intl\.cloud\.)?tencentcloud\.com|intl\.cloud\.tencent\.com)\//.test(url);

  it.each(ALL.map((definition) => [label(definition), definition] as const))(
    "%s: every body names its page; pages and disagreements cite both languages",
    (_label, definition) => {
      for (const { source, note, text } of bodiesOf(definition)) {
        expect(isTencentPage(source), source).toBe(true);
        expect(note === undefined || note.length > 0).toBe(true);
        expect(text.trim().startsWith("{")).toBe(true);
      }
      const texts = bodiesOf(definition).map(({ text }) => text);
      expect(new Set(texts).size, "a variant repeats another body").toBe(texts.length);
      if (definition.pages?.en) expect(languageOf(definition.pages.en)).toBe("en");
      if (definition.pages?.zh) expect(languageOf(definition.pages.zh)).toBe("zh");
      if (definition.pages) expect([definition.pages.en, definition.pages.zh]).toContain(definition.source);
      for (const disagreement of definition.disagreements ?? []) {
        expect(languageOf(disagreement.en.url)).toBe("en");
        expect(languageOf(disagreement.zh.url)).toBe("zh");
        expect(disagreement.en.says.length * disagreement.zh.says.length * disagreement.resolution.length).toBeGreaterThan(0);
        expect(disagreement.field).toMatch(/^[A-Za-z_][\w.[\]]*$/);
      }
    },
  );

  it("languageOf reads the host: cloud.tencent.com is Chinese, the rest English", () => {
    expect(languageOf("https://cloud.tencent.com/document/product/269/105353")).toBe("zh");
    expect(languageOf("https://trtc.io/document/60393")).toBe("en");
    expect(languageOf("https://trtc.io/zh/document/34375")).toBe("zh");
    expect(languageOf("https://cloud.tencent.cn/document/product/269/61697")).toBe("zh");
    expect(languageOf("https://www.tencentcloud.com/document/product/1047/76006")).toBe("en");
  });

  it("the runtime's registry carries no variant, page or disagreement", async () => {
    const runtime = await import("../../schemas/runtime.js");
    for (const info of [...runtime.callbackCatalogue.definitions, ...runtime.trtcCatalogue.definitions, ...runtime.cssCatalogue.definitions])
      for (const key of ["sample", "variants", "pages", "disagreements"]) expect(Object.keys(info)).not.toContain(key);
  });
});

describe("aliases (names a page gives besides the command list's)", () => {
  it("map to their definitions, and stay out of the known commands", () => {
    const fromDefinitions = callbackCatalogue.definitions.flatMap((definition) => (definition.aliases ?? []).map((alias) => [alias, definition.command]));
    expect(fromDefinitions.length).toBeGreaterThan(0);
    expect(Object.fromEntries(commandAliases)).toEqual(Object.fromEntries(fromDefinitions));
    expect(commandAliases.get("Live.CallbackMemberStateChanged" as never)).toBe("Live.CallbackAfterMemberStateChanged");
    for (const [alias, command] of commandAliases) {
      expect(registry.has(alias)).toBe(false);
      expect(isKnownCommand(alias)).toBe(false);
      expect(canonicalCommand(alias)).toBe(command);
      expect(definitionFor(alias)).toBe(registry.get(command));
    }
    expect(canonicalCommand("Live.CallbackAfterDestroyRoom")).toBe("Live.CallbackAfterDestroyRoom");
    expect(canonicalCommand("Nope.Callback")).toBe("Nope.Callback");
    expect(definitionFor("Nope.Callback")).toBeUndefined();
  });

  it.each([...commandAliases].map(([alias, command]) => [alias, command] as const))(
    "%s in the query, the body or both reaches %s's handler",
    async (alias, command) => {
      const definition = registry.get(command)!;
      const body = JSON.stringify({ ...parseJsonObject(definition.sample), CallbackCommand: alias });
      expect((await validatorFor(definition))(parseJsonObject(body))).toBeUndefined();
      for (const [inQuery, inBody] of [
        [alias, command],
        [command, alias],
        [alias, alias],
      ] as const) {
        const dispatcher = dispatcherFor("callback");
        const seen: string[] = [];
        dispatcher.on(command as never, ((event: AnyWebhookEvent) => void seen.push(`${event.command} ${String(event.payload.CallbackCommand)}`)) as never);
        const text = JSON.stringify({ ...parseJsonObject(definition.sample), CallbackCommand: inBody });
        const { request } = signedRequest({ ...definition, command: inQuery }, text);
        const response = await dispatcher.handle(request);
        expect(response.status, response.body).toBe(200);
        expect(seen).toEqual([`${command} ${inBody}`]);
      }
    },
  );
});

describe("the documented type mismatches", () => {
  async function delivered<C extends KnownCommand>(command: C, text = registry.get(command)!.sample): Promise<PayloadOf<C>> {
    const delivery = await deliver(registry.get(command)!, text);
    expectAccepted(delivery, registry.get(command)!);
    return delivery.events[0]!.payload as unknown as PayloadOf<C>;
  }

  it("Group.CallbackAfterMemberFieldChanged: the member as Member_Account (English page) or Modified_Account (Chinese page)", async () => {
    const definition = registry.get("Group.CallbackAfterMemberFieldChanged")!;
    const members: (string | undefined)[] = [];
    for (const { text } of bodiesOf(definition)) {
      const payload = await delivered("Group.CallbackAfterMemberFieldChanged", text);
      members.push(payload.Member_Account ?? payload.Modified_Account);
    }
    expect(members).toEqual(["123456", "123456"]);
    expect(definition.disagreements?.map((item) => [item.field, item.zh.url])).toContainEqual([
      "Member_Account",
      "https://cloud.tencent.com/document/product/269/105353",
    ]);
    expectTypeOf<PayloadOf<"Group.CallbackAfterMemberFieldChanged">["Modified_Account"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PayloadOf<"Group.CallbackAfterMemberFieldChanged">["Member_Account"]>().toEqualTypeOf<string | undefined>();
  });

  it("64-bit Owner_Account literals of Live.CallbackAfterEndBattle arrive as exact strings", async () => {
    const payload = await delivered("Live.CallbackAfterEndBattle");
    expect(payload.FromRoomInfo?.Owner_Account).toBe("144115245353757792");
    expect(payload.ToRoomList?.[0]?.Owner_Account).toBe("144115245442327522");
  });

  it("the 64-bit Member_Account of Mic.CallbackAfterSeatInfoChanged arrives as the exact string", async () => {
    const payload = await delivered("Mic.CallbackAfterSeatInfoChanged");
    expect(payload.SeatList?.[0]?.Member_Account).toBe("144115233775727695");
  });

  it.each(["Group.CallbackBeforeSendMsg", "Group.CallbackAfterSendMsg"] as const)(
    "%s: EventTime sent as a digit string arrives as a number",
    async (command) => {
      expect(registry.get(command)!.sample).toContain('"EventTime":"1670574414123"');
      const payload = await delivered(command);
      expect(payload.EventTime).toBe(1670574414123);
    },
  );

  it('Room.CallbackAfterUpdateRoomInfo: IsCloudRecordingDisabled sent as "false" (the page\'s sample) or "true" reaches the handler as a boolean', async () => {
    const sample = registry.get("Room.CallbackAfterUpdateRoomInfo")!.sample;
    expect(sample).toContain('"IsCloudRecordingDisabled" : "false"');
    expect((await delivered("Room.CallbackAfterUpdateRoomInfo")).RoomInfo.IsCloudRecordingDisabled).toBe(false);
    const sentTrue = sample.replace('"IsCloudRecordingDisabled" : "false"', '"IsCloudRecordingDisabled" : "true"');
    expect((await delivered("Room.CallbackAfterUpdateRoomInfo", sentTrue)).RoomInfo.IsCloudRecordingDisabled).toBe(true);
  });

  it("a numeric user ID is delivered as its decimal string", async () => {
    const text = registry.get("Follow.CallbackAfterFollowDelete")!.sample.replace('"UserID_001"', "1234567");
    expect(text).toContain("1234567");
    const payload = await delivered("Follow.CallbackAfterFollowDelete", text);
    expect(payload.From_Account).toBe("1234567");
  });

  it("Live.CallbackAfterCreateRoom: EventTime at the top level, inside RoomInfo, or absent (the pages' three forms)", async () => {
    const definition = registry.get("Live.CallbackAfterCreateRoom")!;
    const times: (number | undefined)[] = [];
    for (const { text } of bodiesOf(definition)) {
      const payload = await delivered("Live.CallbackAfterCreateRoom", text);
      times.push(payload.EventTime ?? payload.RoomInfo.EventTime);
    }
    expect(times).toEqual([1703589922780, 1703589922780, undefined]);
  });
});

describe("schemas/json copies", () => {
  const dir = new URL("../../schemas/json/", import.meta.url);
  const ids = ALL.map((definition) => String(definition.schema.$id));

  it("hold one file per definition of every protocol, and nothing else", () => {
    expect(readdirSync(dir).sort()).toEqual(ids.map((id) => `${id}.json`).sort());
  });

  it.each(ALL.map((definition) => [String(definition.schema.$id), definition] as const))("%s.json equals the TS schema", (id, definition) => {
    const json: unknown = JSON.parse(readFileSync(new URL(`${id}.json`, dir), "utf8"));
    expect(json).toEqual(shippedSchema(definition.schema));
    expect(json).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#", $id: id });
    expect(JSON.stringify(json)).not.toContain('"tsType"');
  });
});

describe("payload types (checked by tsc)", () => {
  it("are the registries' maps, by name and by wire code", () => {
    expectTypeOf<PayloadOf<"Live.CallbackAfterEndBattle">>().toEqualTypeOf<LiveAfterEndBattlePayload>();
    expectTypeOf<CallbackPayloads["Live.CallbackBeforeSendGift"]>().toEqualTypeOf<LiveBeforeSendGiftPayload>();
    expectTypeOf<TrtcPayloads["EnterRoom"]>().toEqualTypeOf<TrtcEnterRoomPayload>();
    expectTypeOf<CssPayloads["PushBegin"]>().toEqualTypeOf<CssPushBeginPayload>();
    expectTypeOf<103>().toExtend<TrtcEventCode>();
    expectTypeOf<1>().toExtend<CssEventCode>();
    expectTypeOf<"EnterRoom">().toExtend<TrtcEventName>();
    expectTypeOf<"PushBegin">().toExtend<CssEventName>();
    expectTypeOf<"EnterRoom">().not.toExtend<KnownCommand>();
  });

  it("type IDs as strings, counts and times as numbers, and require the identity fields", () => {
    expectTypeOf<LiveAfterEndBattlePayload["BattleId"]>().toEqualTypeOf<string>();
    expectTypeOf<LiveAfterEndBattlePayload["EventTime"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NonNullable<LiveAfterEndBattlePayload["FromRoomInfo"]>["Owner_Account"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<MicAfterSeatInfoChangedPayload["SeatList"]>[number]["Member_Account"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<LiveBeforeSendGiftPayload["GiftWater"]["Count"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<LiveBeforeSendGiftPayload["GiftWater"]["To_Account"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<LiveAfterCreateRoomPayload["RoomInfo"]["RoomId"]>().toEqualTypeOf<string>();
    expectTypeOf<LiveAfterCreateRoomPayload["EventTime"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RoomAfterMemberLeavePayload["MemberList_Account"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<GroupBeforeSendMsgPayload["GroupId"]>().toEqualTypeOf<string>();
  });

  it("accept the alias names in CallbackCommand, which the query may carry alone", () => {
    expectTypeOf<LiveAfterMemberStateChangedPayload["CallbackCommand"]>().toEqualTypeOf<
      "Live.CallbackAfterMemberStateChanged" | "Live.CallbackMemberStateChanged" | undefined
    >();
    expectTypeOf<RoomAfterUpdateRoomInfoPayload["RoomInfo"]["IsCloudRecordingDisabled"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<"Live.CallbackMemberStateChanged">().not.toExtend<KnownCommand>();
  });

  it("know which commands are before callbacks, as the registry does", () => {
    expectTypeOf<BeforeCommand>().toEqualTypeOf<
      | "Live.CallbackBeforeSendGift"
      | "C2C.CallbackBeforeSendMsg"
      | "Chatbot.OnC2CSignalMessage"
      | "Group.CallbackBeforeApplyJoinGroup"
      | "Group.CallbackBeforeCreateGroup"
      | "Group.CallbackBeforeCreateTopic"
      | "Group.CallbackBeforeInviteJoinGroup"
      | "Group.CallbackBeforeSendMsg"
      | "OfficialAccount.CallbackBeforeAddSubscriber"
      | "OfficialAccount.CallbackBeforeCreateOfficialAccount"
      | "OfficialAccount.CallbackBeforeSendMsg"
      | "Sns.CallbackPrevFriendAdd"
      | "Sns.CallbackPrevFriendResponse"
    >();
    const before = callbackCatalogue.definitions.filter((definition) => definition.kind === "before").map((definition) => definition.command);
    expect(before.sort()).toEqual([
      "C2C.CallbackBeforeSendMsg",
      "Chatbot.OnC2CSignalMessage",
      "Group.CallbackBeforeApplyJoinGroup",
      "Group.CallbackBeforeCreateGroup",
      "Group.CallbackBeforeCreateTopic",
      "Group.CallbackBeforeInviteJoinGroup",
      "Group.CallbackBeforeSendMsg",
      "Live.CallbackBeforeSendGift",
      "OfficialAccount.CallbackBeforeAddSubscriber",
      "OfficialAccount.CallbackBeforeCreateOfficialAccount",
      "OfficialAccount.CallbackBeforeSendMsg",
      "Sns.CallbackPrevFriendAdd",
      "Sns.CallbackPrevFriendResponse",
    ]);
  });
});

describe("the runtime's registry (schemas/runtime.ts, what the main entry exports)", () => {
  it("holds every command with exactly the fields of its definition that the runtime reads, and no schema or sample", async () => {
    const runtime = await import("../../schemas/runtime.js");
    const { INFO_KEYS } = await import("../../schemas/define.js");
    const lean = { callback: runtime.callbackCatalogue, trtc: runtime.trtcCatalogue, css: runtime.cssCatalogue };
    for (const protocol of PROTOCOLS) {
      const expected = CATALOGUES[protocol].definitions.map((definition) =>
        Object.fromEntries(INFO_KEYS.filter((key) => definition[key] !== undefined).map((key) => [key, definition[key]])),
      );
      expect(lean[protocol].definitions).toEqual(expected);
      for (const info of lean[protocol].definitions) expect(Object.keys(info)).not.toContain("schema");
    }
  });

  it("the main entry exports the runtime's registry", async () => {
    const main = await import("../../src/index.js");
    const runtime = await import("../../schemas/runtime.js");
    expect(main.callbackCatalogue).toBe(runtime.callbackCatalogue);
    expect(main.definitionFor("Live.CallbackAfterDestroyRoom")).toMatchObject({ kind: "after", source: "https://trtc.io/document/64423" });
    expect(main.definitionFor("Live.CallbackAfterDestroyRoom")).not.toHaveProperty("sample");
  });
});
