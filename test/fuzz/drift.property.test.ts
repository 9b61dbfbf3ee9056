/**
 * Drift, fuzzed: every documented body of every command (sample and variants; callback endpoint,
 * TRTC, CSS) with its fields mutated — deleted, given another type (string, number, a 64-bit
 * literal, boolean, null, object, array), numbers and booleans stringified, booleans and digit
 * strings turned into numbers, fields the body leaves out added with any of those — then signed as
 * the protocol signs it and sent through handle() (inline, and queued on a memoryQueue).
 *
 * The oracle is independent of the pipeline: the README's coercions re-implemented on the body's
 * lossless parse, then Ajv on the result (test/support/drift.ts). Authenticated, a callback is
 * exactly one of: delivered to its typed handler with the model's payload (which passes the
 * schema), or quarantined (`onInvalid` once, typed handlers never) with a 200 — or, for a
 * "before" callback, its failure default (a gift is blocked: 400). Never a refusal, never lost,
 * never both. Unauthenticated (no token; TRTC / CSS signed with another key): never quarantined —
 * delivered or 400 `schema_invalid` (callback), 401 (TRTC, CSS).
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { LosslessNumber, isLosslessNumber } from "lossless-json";
import { describe, expect, it } from "vitest";
import { bodiesOf, type CommandDefinition, type ProtocolName } from "../../schemas/index.js";
import { CALLBACK_PATH, recordingDispatcher, type Recorded } from "../support/fixtures.js";
import { callbackAuth, driftRequest, editText, fieldsOf, model, passesSchema, withQueue } from "../support/drift.js";
import { fuzzTimeout, replay, runs } from "../support/arbitraries.js";
import { losslessValue } from "../support/samples.js";
import { CSS_PATH, TRTC_PATH, recordingCssDispatcher, recordingTrtcDispatcher, type MadeDispatcher } from "../support/protocol-fixtures.js";
import { DEFINITIONS } from "../conformance/drift-cases.js";

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

type Mutation = { op: "delete" } | { op: "stringify" } | { op: "numberify" } | { op: "set"; value: unknown };

// `t` / `sign` nested in a CSS body would be taken for the signature fields by the test signer.
const key = fc.string({ minLength: 1, maxLength: 4 }).filter((name) => !["__proto__", "constructor", "prototype", "t", "sign"].includes(name));
const scalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("true", "false", "0", "1", "-7", "12345", "1.5", "no", ""),
  fc.constantFrom(0, 1),
  // A 64-bit literal, written as such: the parser keeps it as its exact decimal string.
  fc.bigInt({ min: 2n ** 53n, max: 2n ** 63n }).map((big) => new LosslessNumber(String(big))),
);
const value = fc.oneof(scalar, fc.dictionary(key, scalar, { maxKeys: 2 }), fc.array(scalar, { maxLength: 3 }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ op: "delete" as const }),
  fc.constant({ op: "stringify" as const }),
  fc.constant({ op: "numberify" as const }),
  value.map((set) => ({ op: "set" as const, value: set })),
);

/** The new value for `current` (a lossless-json value: numbers are `LosslessNumber`s). */
function mutated(current: unknown, change: Mutation): unknown {
  switch (change.op) {
    case "delete":
      return undefined;
    case "set":
      return change.value;
    case "stringify":
      if (isLosslessNumber(current)) return current.value;
      return typeof current === "boolean" ? String(current) : current;
    case "numberify":
      if (typeof current === "boolean") return current ? 1 : 0;
      return typeof current === "string" && /^-?\d{1,15}$/.test(current) ? Number(current) : current;
  }
}

interface Generated {
  definition: CommandDefinition;
  /** Which documented body, and the text after the mutations (before signing). */
  body: number;
  text: string;
  changes: string[];
}

const BODIES = DEFINITIONS.flatMap((definition) => bodiesOf(definition).map(({ text }, body) => ({ definition, body, text })));

/** A documented body with 1–3 of its fields (any depth, never the ones naming the event or signing it) mutated. */
const generated: fc.Arbitrary<Generated> = fc
  .tuple(fc.constantFrom(...BODIES), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }))
  .map(([{ definition, body, text }, mutations]) => {
    const changes: string[] = [];
    for (const [pick, change] of mutations) {
      const fields = fieldsOf(definition, text, { absent: true });
      if (fields.length === 0) break;
      const { path } = fields[pick % fields.length]!;
      text = editText(text, path, (current: unknown) => mutated(current, change));
      changes.push(`${path.join(".")}: ${JSON.stringify(change)}`);
    }
    return { definition, body, text, changes, [fc.toStringMethod]: () => `${definition.command} body ${body}: ${changes.join("; ")} → ${text}` };
  });

// ---------------------------------------------------------------------------------------------
// Harnesses: one recording dispatcher per protocol and authentication
// ---------------------------------------------------------------------------------------------

const PATHS: Record<ProtocolName, string> = { callback: CALLBACK_PATH, trtc: TRTC_PATH, css: CSS_PATH };

function harness(protocol: ProtocolName, authenticated: boolean, queued: boolean): MadeDispatcher {
  return withQueue(queued, (queue) => {
    switch (protocol) {
      case "callback":
        return recordingDispatcher({ ...callbackAuth(authenticated), ...queue });
      case "trtc":
        return recordingTrtcDispatcher(queue);
      case "css":
        return recordingCssDispatcher(queue);
    }
  });
}

/** Inline dispatchers are reused (their records cleared); a queued run gets a fresh queue (its dedupe would take a repeated body for a resend). */
const inline = new Map<string, MadeDispatcher>();
function harnessFor(protocol: ProtocolName, authenticated: boolean, queued: boolean): MadeDispatcher {
  if (queued) return harness(protocol, authenticated, true);
  const name = `${protocol} ${authenticated}`;
  let made = inline.get(name);
  if (!made) inline.set(name, (made = harness(protocol, authenticated, false)));
  for (const list of [made.recorded.on, made.recorded.any, made.recorded.errors, made.recorded.invalid]) list.length = 0;
  return made;
}

interface Sent {
  status: number;
  body: string;
  recorded: Recorded;
  /** The body as sent (CSS: with its `t` / `sign`). */
  sent: string;
}

/** Sends the mutated body, signed (or not); queued, waits until the worker ran it. */
async function send(input: Generated, authenticated: boolean, queued = false): Promise<Sent> {
  const { definition } = input;
  const { dispatcher, recorded, settle } = harnessFor(definition.protocol, authenticated, queued);
  const request = driftRequest(definition, input.text, authenticated);
  const response = await dispatcher.handle({
    method: "POST",
    url: `${PATHS[definition.protocol]}${request.query}`,
    headers: { "content-type": "application/json", ...request.headers },
    body: request.body,
  });
  await settle?.();
  return { status: response.status, body: response.body, recorded, sent: request.body };
}

/**
 * The authenticated oracle: exactly one of delivered (the model's payload, which passes the schema)
 * or quarantined (onInvalid; 200, or a "before" callback's failure default; queued "after"
 * callbacks also in the dead-letter set as schema_invalid with the body as sent). Returns which.
 */
function expectDeliveredOrQuarantined(input: Generated, { status, body, recorded, sent }: Sent): "delivered" | "quarantined" {
  const { definition } = input;
  const want = model(definition, sent);
  expect(
    recorded.errors.map((error) => `${error.reason}: ${error.message}`),
    body,
  ).toEqual([]);
  expect(recorded.on.length + recorded.invalid.length, "exactly one of delivered / quarantined").toBe(1);
  const dead = (recorded.failed ?? []).map((letter) => [letter.reason, letter.job.rawBody]);
  if (want.valid) {
    expect(recorded.on).toHaveLength(1);
    expect(recorded.on[0]!.command).toBe(definition.command);
    expect(recorded.on[0]!.payload).toEqual(want.payload);
    expect(passesSchema(definition, recorded.on[0]!.payload)).toBe(true);
    expect(recorded.any).toHaveLength(1);
    expect(status, body).toBe(200);
    expect(dead).toEqual([]);
    return "delivered";
  }
  expect(recorded.invalid).toHaveLength(1);
  expect(recorded.invalid[0]!).toMatchObject({ reason: "schema_invalid", command: definition.command });
  expect(recorded.invalid[0]!.schemaErrors.length).toBeGreaterThan(0);
  expect(recorded.any).toHaveLength(0);
  // "before": decided inline even when queued, as Tencent does without a reply (messages go ahead, gifts are blocked).
  const failureDefault = definition.kind === "before" ? (definition.onTimeout ?? "block") : "allow";
  expect(status, body).toBe(failureDefault === "allow" ? 200 : 400);
  expect(dead).toEqual(recorded.failed && definition.kind === "after" ? [["schema_invalid", sent]] : []);
  return "quarantined";
}

/** How the properties' runs ended: the oracle must not be vacuous. */
const outcomes = new Map<string, number>();
const count = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);

describe("drift property: mutated documented bodies through handle()", () => {
  it(
    "authenticated: delivered to the typed handler (the model's payload, passing the schema) or quarantined with a 200 — never a refusal, never lost, never both",
    async () => {
      outcomes.clear();
      await fc.assert(
        fc.asyncProperty(generated, async (input) => {
          const answer = await send(input, true);
          const outcome = expectDeliveredOrQuarantined(input, answer);
          if (outcome === "quarantined") count(outcome);
          else count(answer.sent === bodiesOf(input.definition)[input.body]!.text ? "delivered as documented" : "delivered, drifted");
          if (outcome === "delivered" && !isDeepStrictEqual(answer.recorded.on[0]!.payload, losslessValue(answer.sent))) count("delivered, coerced");
        }),
        { numRuns: runs(2000), ...replay() },
      );
      expect(outcomes.get("delivered, drifted") ?? 0, "coerced or left-out bodies delivered").toBeGreaterThan(50);
      expect(outcomes.get("delivered, coerced") ?? 0, "bodies delivered only thanks to a coercion").toBeGreaterThan(20);
      expect(outcomes.get("quarantined") ?? 0, "bodies quarantined").toBeGreaterThan(50);
    },
    fuzzTimeout(),
  );

  it(
    "authenticated, queued (memoryQueue): the worker delivers it, or it is quarantined and in failed() as schema_invalid with its body",
    async () => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(generated, async (input) => {
          seen.add(expectDeliveredOrQuarantined(input, await send(input, true, true)));
        }),
        { numRuns: runs(500), ...replay() },
      );
      expect([...seen].sort()).toEqual(["delivered", "quarantined"]);
    },
    fuzzTimeout(),
  );

  it(
    "unauthenticated: never quarantined — delivered, or refused (callback 400 schema_invalid, TRTC / CSS 401) through onError",
    async () => {
      await fc.assert(
        fc.asyncProperty(generated, async (input) => {
          const { definition } = input;
          const { status, body, recorded, sent } = await send(input, false);
          const want = model(definition, sent);
          expect(recorded.invalid).toEqual([]);
          if (definition.protocol !== "callback") {
            expect(status, body).toBe(401);
            expect(recorded.errors.map((error) => error.reason)).toEqual(["signature_invalid"]);
            expect(recorded.on).toEqual([]);
          } else if (want.valid) {
            expect(status, body).toBe(200);
            expect(recorded.on.map((event) => event.payload)).toEqual([want.payload]);
          } else {
            expect(status, body).toBe(400);
            expect(recorded.errors.map((error) => error.reason)).toEqual(["schema_invalid"]);
            expect(recorded.on).toEqual([]);
          }
        }),
        { numRuns: runs(800), ...replay() },
      );
    },
    fuzzTimeout(),
  );
});
