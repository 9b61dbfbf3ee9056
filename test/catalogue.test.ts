/**
 * The command catalogue (issue 8): every registered command's sample — Tencent's own, from the
 * page cited in its schema file — parses, validates and reaches a typed `on()` handler through
 * `handle()`; the JSON copies match the TS schemas; the payload types hold what the pages say.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parseJsonObject } from "../src/json/parse.js";
import { createDispatcher, type WebhookRequest } from "../src/index.js";
import { validatorFor } from "../src/pipeline/validate.js";
import {
  canonicalCommand,
  commandAliases,
  definitionFor,
  isKnownCommand,
  knownCommands,
  registry,
  type BeforeCommand,
  type CommandDefinition,
  type KnownCommand,
  type PayloadOf,
} from "../schemas/index.js";
import type { FollowAfterFollowAddPayload } from "../schemas/follow-after-follow-add.js";
import type { FollowAfterFollowDeletePayload } from "../schemas/follow-after-follow-delete.js";
import type { GroupAfterSendMsgPayload } from "../schemas/group-after-send-msg.js";
import type { GroupBeforeSendMsgPayload } from "../schemas/group-before-send-msg.js";
import type { LiveAfterChangeOwnerPayload } from "../schemas/live-after-change-owner.js";
import type { LiveAfterCreateBattlePayload } from "../schemas/live-after-create-battle.js";
import type { LiveAfterCreateRoomPayload } from "../schemas/live-after-create-room.js";
import type { LiveAfterDelMetadataPayload } from "../schemas/live-after-del-metadata.js";
import type { LiveAfterEndBattlePayload } from "../schemas/live-after-end-battle.js";
import type { LiveAfterMemberStateChangedPayload } from "../schemas/live-after-member-state-changed.js";
import type { LiveAfterModifyAdminPayload } from "../schemas/live-after-modify-admin.js";
import type { LiveAfterSetMetadataPayload } from "../schemas/live-after-set-metadata.js";
import type { LiveAfterStartBattlePayload } from "../schemas/live-after-start-battle.js";
import type { LiveAfterUpdateRoomInfoPayload } from "../schemas/live-after-update-room-info.js";
import type { LiveBeforeSendGiftPayload } from "../schemas/live-before-send-gift.js";
import type { MicAfterSeatInfoChangedPayload } from "../schemas/mic-after-seat-info-changed.js";
import type { RoomAfterCreateRoomPayload } from "../schemas/room-after-create-room.js";
import type { RoomAfterMemberEnterPayload } from "../schemas/room-after-member-enter.js";
import type { RoomAfterMemberLeavePayload } from "../schemas/room-after-member-leave.js";
import type { RoomAfterUpdateRoomInfoPayload } from "../schemas/room-after-update-room-info.js";
import { APP_ID, CALLBACK_PATH, NOW_MS, recordingDispatcher, tencentQuery } from "./support/fixtures.js";

/** Every command of ../shared/PROTOCOL-NOTES.md, the three seeds included. */
const CATALOGUE = [
  "Follow.CallbackAfterFollowAdd",
  "Follow.CallbackAfterFollowDelete",
  "Group.CallbackAfterSendMsg",
  "Group.CallbackBeforeSendMsg",
  "Live.CallbackAfterChangeOwner",
  "Live.CallbackAfterCreateBattle",
  "Live.CallbackAfterCreateRoom",
  "Live.CallbackAfterCreateRoomReachingThreshold",
  "Live.CallbackAfterDelMetadata",
  "Live.CallbackAfterDestroyRoom",
  "Live.CallbackAfterEndBattle",
  "Live.CallbackAfterMemberStateChanged",
  "Live.CallbackAfterModifyAdmin",
  "Live.CallbackAfterSetMetadata",
  "Live.CallbackAfterStartBattle",
  "Live.CallbackAfterUpdateRoomInfo",
  "Live.CallbackBeforeSendGift",
  "Mic.CallbackAfterSeatInfoChanged",
  "Room.CallbackAfterCreateRoom",
  "Room.CallbackAfterDestroyRoom",
  "Room.CallbackAfterMemberEnter",
  "Room.CallbackAfterMemberLeave",
  "Room.CallbackAfterUpdateRoomInfo",
] as const satisfies readonly KnownCommand[];

const OK_BODY = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';
const definitions = [...registry.values()];
const byCommand = definitions.map((definition) => [definition.command, definition] as const);

function post(command: string, body: string): WebhookRequest {
  return { method: "POST", url: `${CALLBACK_PATH}${tencentQuery({ command })}`, headers: { "content-type": "application/json" }, body };
}

/** The schema's accepted `CallbackCommand` values: its `const`, or its `enum`. */
function acceptedNames(definition: CommandDefinition): readonly unknown[] {
  const property = (definition.schema as { properties: { CallbackCommand: { const?: unknown; enum?: unknown[] } } }).properties
    .CallbackCommand;
  return property.enum ?? [property.const];
}

/** Compiles only when A and B are mutually assignable. */
function sameType<A, B>(..._proof: [A] extends [B] ? ([B] extends [A] ? [] : [never]) : [never]): void {}

function requiredOf(definition: CommandDefinition): string[] {
  return ((definition.schema as { required?: string[] }).required ?? []).filter((field) => field !== "CallbackCommand");
}

describe("the registry holds the whole catalogue", () => {
  it("knows exactly the commands of PROTOCOL-NOTES.md, in sorted order", () => {
    expect([...registry.keys()]).toEqual([...CATALOGUE]);
    expect(knownCommands).toEqual([...CATALOGUE]);
  });

  it("marks exactly the two Before callbacks as kind before", () => {
    const before = definitions.filter((definition) => definition.kind === "before").map((definition) => definition.command);
    expect(before).toEqual(["Group.CallbackBeforeSendMsg", "Live.CallbackBeforeSendGift"]);
    for (const definition of definitions) expect(definition.kind).toBe(definition.command.includes(".CallbackBefore") ? "before" : "after");
  });

  it.each(byCommand)("%s: $id, CallbackCommand and sample agree with the command", (command, definition) => {
    expect(definition.schema).toMatchObject({ $id: command, type: "object" });
    expect(acceptedNames(definition)).toEqual([command, ...(definition.aliases ?? [])]);
    expect((definition.schema as { required: string[] }).required).toContain("CallbackCommand");
    expect(parseJsonObject(definition.sample).CallbackCommand).toBe(command);
    // Unknown fields pass through: no schema closes an object.
    expect(JSON.stringify(definition.schema)).not.toContain("additionalProperties");
  });
});

describe("each sample through the package", () => {
  it.each(byCommand)("%s: parses, validates, and dispatches to a typed on() handler with 200 OK", async (command, definition) => {
    const payload = parseJsonObject(definition.sample);
    expect(validatorFor(definition)(payload)).toBeUndefined();

    const { dispatcher, recorded } = recordingDispatcher();
    const response = await dispatcher.handle(post(command, definition.sample));
    expect(recorded.errors).toEqual([]);
    expect(response).toMatchObject({ status: 200, body: OK_BODY });
    expect(recorded.on).toHaveLength(1);
    expect(recorded.any).toHaveLength(1);
    expect(recorded.on[0]).toMatchObject({ command, sdkAppId: APP_ID, rawBody: definition.sample, payload: { CallbackCommand: command } });
  });

  it.each(byCommand)("%s: an unknown field passes through untouched", async (command, definition) => {
    const body = definition.sample.replace(/^\{/, '{"AddedByTencentLater":{"x":[1,"y",null]},');
    const { dispatcher, recorded } = recordingDispatcher();
    expect((await dispatcher.handle(post(command, body))).status).toBe(200);
    expect(recorded.on[0]!.payload.AddedByTencentLater).toEqual({ x: [1, "y", null] });
  });

  const requiredCases = definitions.flatMap((definition) => requiredOf(definition).map((field) => [definition.command, field, definition] as const));
  it.each(requiredCases)("%s without its required %s: 400 schema_invalid, onError, no handler", async (command, field, definition) => {
    const payload = parseJsonObject(definition.sample);
    delete payload[field];
    const { dispatcher, recorded } = recordingDispatcher();
    const response = await dispatcher.handle(post(command, JSON.stringify(payload)));
    expect(response.status).toBe(400);
    expect(recorded.errors.map((error) => error.reason)).toEqual(["schema_invalid"]);
    expect(recorded.on).toHaveLength(0);
  });
});

describe("other documented forms of a body (variants)", () => {
  const variantCases = definitions.flatMap((definition) => (definition.variants ?? []).map((variant, index) => [definition.command, index, variant, definition] as const));

  it("exist where a page contradicts itself or two pages differ", () => {
    expect(variantCases.map(([command]) => command)).toEqual([
      "Live.CallbackAfterCreateRoom",
      "Live.CallbackAfterMemberStateChanged",
      "Mic.CallbackAfterSeatInfoChanged",
      "Room.CallbackAfterUpdateRoomInfo",
    ]);
  });

  it.each(variantCases)("%s variant %i validates against its schema", (_command, _index, variant, definition) => {
    expect(validatorFor(definition)(parseJsonObject(variant))).toBeUndefined();
  });

  const sameName = variantCases.filter(([command, , variant]) => parseJsonObject(variant).CallbackCommand === command);
  it.each(sameName)("%s variant %i dispatches to the on() handler with 200 OK", async (command, _index, variant) => {
    const { dispatcher, recorded } = recordingDispatcher();
    expect(await dispatcher.handle(post(command, variant))).toMatchObject({ status: 200, body: OK_BODY });
    expect(recorded.on).toHaveLength(1);
  });

  it("Live.CallbackAfterCreateRoom: EventTime at the top level (647/110523) or inside RoomInfo (647/110679)", async () => {
    const definition = registry.get("Live.CallbackAfterCreateRoom")!;
    const times: (number | undefined)[] = [];
    const webhooks = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS });
    webhooks.on("Live.CallbackAfterCreateRoom", (event) => {
      times.push(event.payload.EventTime ?? event.payload.RoomInfo.EventTime);
    });
    for (const body of [definition.sample, ...definition.variants!]) {
      expect((await webhooks.handle(post("Live.CallbackAfterCreateRoom", body))).status).toBe(200);
    }
    expect(times).toEqual([1703589922780, 1703589922780]);
  });
});

describe("aliases (names a page gives besides the command list's)", () => {
  it("map the short / older names to their definitions, and stay out of the known commands", () => {
    expect(Object.fromEntries(commandAliases)).toEqual({
      "Live.CallbackMemberStateChanged": "Live.CallbackAfterMemberStateChanged",
      "Room.CallbackUpdateRoomInfo": "Room.CallbackAfterUpdateRoomInfo",
    });
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

  it("are accepted in the body's CallbackCommand by the canonical schema", () => {
    for (const [alias, command] of commandAliases) {
      const body = { ...parseJsonObject(registry.get(command)!.sample), CallbackCommand: alias };
      expect(validatorFor(definitionFor(alias)!)(body)).toBeUndefined();
    }
  });

  it.each([
    ["the query", "Live.CallbackMemberStateChanged", "Live.CallbackAfterMemberStateChanged"],
    ["the body", "Live.CallbackAfterMemberStateChanged", "Live.CallbackMemberStateChanged"],
    ["both", "Live.CallbackMemberStateChanged", "Live.CallbackMemberStateChanged"],
  ])("an alias in %s reaches the canonical command's handler", async (_where, inQuery, inBody) => {
    const canonical = "Live.CallbackAfterMemberStateChanged";
    const seen: string[] = [];
    const webhooks = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS });
    webhooks.on(canonical, (event) => {
      seen.push(`${event.command} ${String(event.payload.CallbackCommand)}`);
    });
    const body = JSON.stringify({ ...parseJsonObject(registry.get(canonical)!.sample), CallbackCommand: inBody });
    const response = await webhooks.handle(post(inQuery, body));
    expect(response.status, response.body).toBe(200);
    expect(seen).toEqual([`${canonical} ${inBody}`]);
  });
});

describe("the documented type mismatches", () => {
  async function delivered<C extends KnownCommand>(command: C): Promise<PayloadOf<C>> {
    const seen: PayloadOf<C>[] = [];
    const webhooks = createDispatcher({ sdkAppId: APP_ID, now: () => NOW_MS });
    webhooks.on(command as KnownCommand, (event) => {
      seen.push(event.payload as PayloadOf<C>);
    });
    expect((await webhooks.handle(post(command, registry.get(command)!.sample))).status).toBe(200);
    return seen[0]!;
  }

  it("64-bit Owner_Account literals of Live.CallbackAfterEndBattle arrive as exact strings", async () => {
    const payload = await delivered("Live.CallbackAfterEndBattle");
    expect(payload.FromRoomInfo?.Owner_Account).toBe("144115245353757792");
    expect(payload.ToRoomList?.[0]?.Owner_Account).toBe("144115245442327522");
  });

  it("the 64-bit Member_Account of Mic.CallbackAfterSeatInfoChanged arrives as the exact string", async () => {
    const payload = await delivered("Mic.CallbackAfterSeatInfoChanged");
    expect(payload.SeatList?.[0]?.Member_Account).toBe("144115233775727695");
  });

  it.each(["Group.CallbackBeforeSendMsg", "Group.CallbackAfterSendMsg"] as const)("%s: EventTime sent as a digit string arrives as a number", async (command) => {
    const payload = await delivered(command);
    expect(payload.EventTime).toBe(1670574414123);
  });

  it('Room.CallbackAfterUpdateRoomInfo: IsCloudRecordingDisabled sent as "false" is accepted as sent', async () => {
    const payload = await delivered("Room.CallbackAfterUpdateRoomInfo");
    expect(payload.RoomInfo.IsCloudRecordingDisabled).toBe("false");
  });

  it("a numeric user ID is delivered as its decimal string", async () => {
    const body = registry.get("Follow.CallbackAfterFollowDelete")!.sample.replace('"UserID_001"', "1234567");
    const seen: string[] = [];
    const webhooks = createDispatcher({ sdkAppId: APP_ID });
    webhooks.on("Follow.CallbackAfterFollowDelete", (event) => {
      seen.push(event.payload.From_Account);
    });
    expect((await webhooks.handle(post("Follow.CallbackAfterFollowDelete", body))).status).toBe(200);
    expect(seen).toEqual(["1234567"]);
  });
});

describe("schemas/json copies", () => {
  const dir = new URL("../schemas/json/", import.meta.url);

  it("hold one file per registered command and nothing else", () => {
    expect(readdirSync(dir).sort()).toEqual([...registry.keys()].map((command) => `${command}.json`).sort());
  });

  it.each(byCommand)("%s.json equals the TS schema", (command, definition) => {
    const json: unknown = JSON.parse(readFileSync(new URL(`${command}.json`, dir), "utf8"));
    expect(json).toEqual({ $schema: "http://json-schema.org/draft-07/schema#", ...definition.schema });
  });
});

describe("payload types", () => {
  // Mutual assignability rather than expectTypeOf().toEqualTypeOf(): the types are identical, so
  // this costs nothing, where expect-type's deep comparison of 20 FromSchema types cost ~1 s of tsc.
  it("are the registry's PayloadOf for each command", () => {
    sameType<FollowAfterFollowAddPayload, PayloadOf<"Follow.CallbackAfterFollowAdd">>();
    sameType<FollowAfterFollowDeletePayload, PayloadOf<"Follow.CallbackAfterFollowDelete">>();
    sameType<GroupAfterSendMsgPayload, PayloadOf<"Group.CallbackAfterSendMsg">>();
    sameType<GroupBeforeSendMsgPayload, PayloadOf<"Group.CallbackBeforeSendMsg">>();
    sameType<LiveAfterChangeOwnerPayload, PayloadOf<"Live.CallbackAfterChangeOwner">>();
    sameType<LiveAfterCreateBattlePayload, PayloadOf<"Live.CallbackAfterCreateBattle">>();
    sameType<LiveAfterCreateRoomPayload, PayloadOf<"Live.CallbackAfterCreateRoom">>();
    sameType<LiveAfterDelMetadataPayload, PayloadOf<"Live.CallbackAfterDelMetadata">>();
    sameType<LiveAfterEndBattlePayload, PayloadOf<"Live.CallbackAfterEndBattle">>();
    sameType<LiveAfterMemberStateChangedPayload, PayloadOf<"Live.CallbackAfterMemberStateChanged">>();
    sameType<LiveAfterModifyAdminPayload, PayloadOf<"Live.CallbackAfterModifyAdmin">>();
    sameType<LiveAfterSetMetadataPayload, PayloadOf<"Live.CallbackAfterSetMetadata">>();
    sameType<LiveAfterStartBattlePayload, PayloadOf<"Live.CallbackAfterStartBattle">>();
    sameType<LiveAfterUpdateRoomInfoPayload, PayloadOf<"Live.CallbackAfterUpdateRoomInfo">>();
    sameType<LiveBeforeSendGiftPayload, PayloadOf<"Live.CallbackBeforeSendGift">>();
    sameType<MicAfterSeatInfoChangedPayload, PayloadOf<"Mic.CallbackAfterSeatInfoChanged">>();
    sameType<RoomAfterCreateRoomPayload, PayloadOf<"Room.CallbackAfterCreateRoom">>();
    sameType<RoomAfterMemberEnterPayload, PayloadOf<"Room.CallbackAfterMemberEnter">>();
    sameType<RoomAfterMemberLeavePayload, PayloadOf<"Room.CallbackAfterMemberLeave">>();
    sameType<RoomAfterUpdateRoomInfoPayload, PayloadOf<"Room.CallbackAfterUpdateRoomInfo">>();
  });

  it("type IDs as strings, counts and times as numbers, and require the identity fields", () => {
    expectTypeOf<LiveAfterEndBattlePayload["BattleId"]>().toEqualTypeOf<string>();
    expectTypeOf<LiveAfterEndBattlePayload["EventTime"]>().toEqualTypeOf<number>();
    expectTypeOf<NonNullable<LiveAfterEndBattlePayload["FromRoomInfo"]>["Owner_Account"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<MicAfterSeatInfoChangedPayload["SeatList"]>[number]["Member_Account"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<LiveBeforeSendGiftPayload["GiftWater"]["Count"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<LiveBeforeSendGiftPayload["GiftWater"]["To_Account"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<LiveAfterCreateRoomPayload["RoomInfo"]["RoomId"]>().toEqualTypeOf<string>();
    expectTypeOf<LiveAfterCreateRoomPayload["EventTime"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RoomAfterMemberLeavePayload["MemberList_Account"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<GroupBeforeSendMsgPayload["GroupId"]>().toEqualTypeOf<string>();
  });

  it("accept the alias names in CallbackCommand", () => {
    expectTypeOf<LiveAfterMemberStateChangedPayload["CallbackCommand"]>().toEqualTypeOf<
      "Live.CallbackAfterMemberStateChanged" | "Live.CallbackMemberStateChanged"
    >();
    expectTypeOf<RoomAfterUpdateRoomInfoPayload["RoomInfo"]["IsCloudRecordingDisabled"]>().toEqualTypeOf<boolean | "true" | "false" | undefined>();
    expectTypeOf<"Live.CallbackMemberStateChanged">().not.toMatchTypeOf<KnownCommand>();
  });

  it("know which commands are Before callbacks", () => {
    expectTypeOf<BeforeCommand>().toEqualTypeOf<"Live.CallbackBeforeSendGift" | "Group.CallbackBeforeSendMsg">();
  });
});
