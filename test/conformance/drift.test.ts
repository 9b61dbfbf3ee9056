/**
 * The drift table (drift-cases.ts), through the conformance runner (`runTable`): every row in
 * every mode (authenticated or not × inline or queued) through handle(), and the representative
 * rows (`representative()`: one per protocol, drift kind, outcome and command kind) in every mode
 * over real HTTP through the express, fastify, koa, node and fetch adapters, answering exactly as
 * handle() does. All rows through every adapter would be ~5 × 4 × 1,000 servers started for the
 * same five shapes of answer the representative rows already compare.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { ProtocolName } from "../../schemas/index.js";
import { describeSchemaErrors } from "../../src/pipeline/validate.js";
import { CALLBACK_PATH, TOKEN, recordingDispatcher, type Recorded } from "../support/fixtures.js";
import { callbackAuth, isRequired, withQueue } from "../support/drift.js";
import { expectOutcome } from "../support/outcome.js";
import {
  CSS_KEY,
  CSS_PATH,
  TRTC_KEY,
  TRTC_PATH,
  recordingCssDispatcher,
  recordingTrtcDispatcher,
  expectProtocolOutcome,
  runTable,
  type ProtocolCase,
} from "../support/protocol-fixtures.js";
import { closeAllServers } from "../support/servers.js";
import type { ConformanceCase } from "./cases.js";
import {
  DEFINITIONS,
  MODES,
  driftRows,
  expectationOf,
  modeName,
  modelDisagreement,
  representative,
  type DriftExpectation,
  type DriftMode,
  type DriftRow,
} from "./drift-cases.js";

afterAll(closeAllServers);

/** What a drift case carries besides the runner's case: its mode, and the expectation it was made from. */
type Drift = { queued: boolean; drift: DriftExpectation };

/**
 * Nothing lost: wherever the callback ended, its body as sent is there to recover it — the typed
 * handler's event, the quarantined event (with the coerced payload, as the model predicts), the
 * dead letter, or the refusal's onError event.
 */
function expectKept(want: DriftExpectation, recorded: Recorded): void {
  const sent = want.request.body;
  const places = [...recorded.on, ...recorded.invalid, ...recorded.errors].map((event) => event.request.rawBody);
  expect(places, "one place holds the body as sent").toEqual([sent]);
  if (want.quarantined) expect(recorded.invalid[0]!.payload).toEqual(want.coerced);
  for (const dead of recorded.failed ?? []) expect(dead.job.rawBody).toBe(sent);
}

const rowsOf = (protocol: ProtocolName) => driftRows.filter((row) => row.definition.protocol === protocol);
const caseName = (row: DriftRow, mode: DriftMode) => `${row.name} [${modeName(mode)}]`;

function callbackCase(row: DriftRow, mode: DriftMode): ConformanceCase & Drift {
  const want = expectationOf(row, mode);
  const handled = want.payload === undefined ? 0 : 1;
  return {
    name: caseName(row, mode),
    queued: mode.queued,
    drift: want,
    options: callbackAuth(mode.authenticated),
    request: { query: want.request.query, body: want.request.body },
    expect: {
      status: want.status,
      ...(want.schemaError && want.status !== 200 ? { errorInfo: `Payload does not match the ${row.definition.command} schema: ${want.schemaError}` } : {}),
      on: handled,
      any: handled,
      errors: want.errors,
      invalid: want.quarantined ? [row.definition.command] : [],
      failed: want.failed,
      check: ({ payload, command, invalid }) => {
        if (want.payload !== undefined) expect({ command, payload }).toEqual({ command: row.definition.command, payload: want.payload });
        if (want.quarantined) expect(describeSchemaErrors(invalid!.schemaErrors)).toBe(want.schemaError);
      },
    },
  };
}

function protocolCase(row: DriftRow, mode: DriftMode): ProtocolCase<object> & Drift {
  const want = expectationOf(row, mode);
  const handled = want.payload === undefined ? 0 : 1;
  const { command } = row.definition;
  return {
    name: caseName(row, mode),
    queued: mode.queued,
    drift: want,
    request: { headers: want.request.headers, body: want.request.body },
    expect: {
      status: want.status,
      on: handled,
      any: handled,
      errors: want.errors,
      ...(want.quarantined ? { invalid: `Payload does not match the ${command} schema: ${want.schemaError}` } : {}),
      failed: want.failed,
      command,
      check: (event) => {
        if (want.payload !== undefined) expect(event?.payload).toEqual(want.payload);
      },
    },
  };
}

function table<C>(protocol: ProtocolName, toCase: (row: DriftRow, mode: DriftMode) => C) {
  const rows = rowsOf(protocol);
  return {
    cases: rows.flatMap((row) => MODES.map((mode) => toCase(row, mode))),
    overHttp: representative(rows).flatMap((row) => MODES.map((mode) => toCase(row, mode))),
  };
}

runTable({
  label: "drift: callback endpoint",
  ...table("callback", callbackCase),
  path: CALLBACK_PATH,
  make: (testCase) => withQueue(testCase.queued, (queue) => recordingDispatcher({ ...testCase.options, ...queue })),
  secrets: [TOKEN],
  expectOutcome: (testCase, answer, recorded) => {
    expectOutcome(testCase, answer, recorded);
    expectKept(testCase.drift, recorded);
  },
});

const protocols = [
  ["TRTC", "trtc", TRTC_PATH, recordingTrtcDispatcher, [TRTC_KEY]],
  ["CSS", "css", CSS_PATH, recordingCssDispatcher, [`"${CSS_KEY}"`]],
] as const;
for (const [label, protocol, path, record, secrets] of protocols) {
  runTable({
    label: `drift: ${label}`,
    ...table(protocol, protocolCase),
    path,
    make: (testCase) => withQueue(testCase.queued, record),
    secrets,
    expectOutcome: (testCase, answer, recorded, keys) => {
      expectProtocolOutcome(testCase, answer, recorded, keys);
      expectKept(testCase.drift, recorded);
    },
  });
}

describe("the drift table covers what the command files record", () => {
  it("every row's outcome is what the independent model (the README's coercions, then Ajv) predicts", () => {
    const wrong = driftRows.flatMap((row) => {
      const problem = modelDisagreement(row);
      return problem ? [`${row.name}: ${problem}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it("every command, every documented body and disagreement, every drift kind in every protocol", () => {
    const commands = new Set(driftRows.map((row) => `${row.definition.protocol} ${row.definition.command}`));
    expect(commands.size).toBe(DEFINITIONS.length);
    const bodies = DEFINITIONS.reduce((sum, definition) => sum + 1 + (definition.variants?.length ?? 0), 0);
    expect(driftRows.filter((row) => row.kind === "body")).toHaveLength(bodies);
    const disagreements = DEFINITIONS.flatMap((definition) =>
      (definition.disagreements ?? [])
        .filter((item) => !isRequired(definition.schema, item.field.split(".")))
        .map((item) => `${definition.command}: disagreement: ${item.field} `),
    );
    for (const prefix of disagreements)
      expect(
        driftRows.some((row) => row.name.startsWith(prefix)),
        prefix,
      ).toBe(true);
    for (const protocol of ["callback", "trtc", "css"] as const) {
      const kinds = new Set(rowsOf(protocol).map((row) => row.kind));
      const booleans = rowsOf(protocol).some((row) => JSON.stringify(row.definition.schema).includes('"type":"boolean"'));
      const wanted = ["body", "cannot be coerced", "digit string for a number", "number for a string", "optional fields left out"];
      expect([...kinds].sort(), protocol).toEqual(expect.arrayContaining([...wanted, ...(booleans ? ["boolean as 1/0", "boolean as a string"] : [])]));
      if (protocol !== "callback") expect(kinds.has("event number as a digit string"), protocol).toBe(true);
    }
  });
});
