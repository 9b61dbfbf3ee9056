/**
 * THE drift table: bodies that drift from Tencent's docs, generated from the command files, so a
 * variant, a disagreement or a command another change adds is covered without a line here.
 *
 * Rows, for every command of the three protocols (callback endpoint, TRTC, CSS):
 * - every documented body (`sample` and each of `variants`): delivered;
 * - every `disagreements` entry: the field left out of each body that has it — a field one page
 *   does not show is optional (a disagreement on a required field keeps its bodies' rows only);
 * - the body with every optional field left out, at every level: delivered (`required` keeps only
 *   what identifies the event);
 * - each coercion the README lists, on the first field of the sample that allows it (else the first
 *   such field of the schema the sample leaves out): a number
 *   where a string is wanted, a digit string where an integer / a number is wanted, "true"/"false"
 *   and 1/0 where a boolean is wanted, the event numbers (TRTC `EventGroupId` + `EventType`, CSS
 *   `event_type`) as digit strings: delivered, the value coerced;
 * - a value no coercion fixes ("no" for a boolean, "yesterday" for an integer, an object for a
 *   string), on the first such field: quarantined.
 *
 * Each row then runs in four modes — authenticated or not, inline or queued (memoryQueue, a worker
 * on the same dispatcher) — with the outcome the README promises, and nothing lost: every callback
 * ends in exactly one place (the typed handler, `onInvalid` (+ the dead-letter set, queued), or a
 * refusal through `onError`).
 */
import { bodiesOf, cssCatalogue, languageOf, registry, trtcCatalogue, type CommandDefinition } from "../../schemas/index.js";
import type { DeadLetterReason } from "../../src/delivery/contract.js";
import type { RejectionReason } from "../../src/errors.js";
import { driftRequest, editText, fieldsOf, hasPath, isRequired, model, pointer, valueAt, type DriftRequest, type Path, type Scalar } from "../support/drift.js";

export type DriftKind =
  | "body"
  | "disagreement"
  | "optional fields left out"
  | "number for a string"
  | "digit string for a number"
  | "boolean as a string"
  | "boolean as 1/0"
  | "event number as a digit string"
  | "cannot be coerced";

export interface DriftRow {
  name: string;
  kind: DriftKind;
  definition: CommandDefinition;
  /** The body before signing. */
  text: string;
  /** Delivered with these values at these paths (the coercion's result), or quarantined with a type error at `path`. */
  outcome: { delivered: { path: Path; value: unknown }[] } | { quarantined: { path: Path; type: Scalar } };
}

/** Every command of the three protocols, from their command files. */
export const DEFINITIONS: readonly CommandDefinition[] = [...registry.values(), ...trtcCatalogue.definitions, ...cssCatalogue.definitions];

const delivered = (...values: { path: Path; value: unknown }[]) => ({ delivered: values });

/** Values no documented coercion turns into the wanted type. */
const UNCOERCIBLE: Record<Scalar, unknown> = { boolean: "no", integer: "yesterday", number: "n/a", string: { drift: true } };

function rowsOf(definition: CommandDefinition): DriftRow[] {
  const rows: DriftRow[] = [];
  const row = (kind: DriftKind, detail: string, text: string, outcome: DriftRow["outcome"]): void => {
    rows.push({ name: `${definition.command}: ${kind}: ${detail}`, kind, definition, text, outcome });
  };
  const bodies = bodiesOf(definition);
  for (const [index, { source, text }] of bodies.entries()) {
    row("body", `${index === 0 ? "sample" : `variant ${index}`} (${languageOf(source)}, ${source})`, text, delivered());
  }

  for (const { field } of definition.disagreements ?? []) {
    const path = field.split(".");
    if (isRequired(definition.schema, path)) continue;
    if (!bodies.some(({ text }) => hasPath(text, path))) row("disagreement", `${field} in no body`, definition.sample, delivered());
    bodies.forEach(({ text }, index) => {
      if (hasPath(text, path)) row("disagreement", `${field} left out of body ${index}`, editText(text, path, undefined), delivered());
    });
  }

  const sample = definition.sample;
  const fields = fieldsOf(definition, sample);
  const optional = fields.filter((field) => !field.required);
  const outermost = optional.filter((field) => !optional.some((other) => other !== field && pointer(field.path).startsWith(`${pointer(other.path)}/`)));
  if (outermost.length > 0) {
    const bare = outermost.reduceRight((text, field) => editText(text, field.path, undefined), sample);
    row("optional fields left out", outermost.map((field) => pointer(field.path)).join(" "), bare, delivered());
  }

  // The first field of the sample that allows the coercion, else the first such field the sample leaves out.
  const candidates = [...fields, ...fieldsOf(definition, sample, { absent: true }).filter((field) => field.value === undefined)];
  const first = (scalar: Scalar, accept: (value: unknown) => boolean) => candidates.find((field) => field.scalar === scalar && accept(field.value));
  const text = first("string", (value) => typeof value === "string" || value === undefined);
  if (text) {
    const number = typeof text.value === "string" && /^\d{1,15}$/.test(text.value) ? Number(text.value) : 8489;
    row("number for a string", `${pointer(text.path)}: ${number}`, editText(sample, text.path, number), delivered({ path: text.path, value: String(number) }));
  }
  for (const scalar of ["integer", "number"] as const) {
    const numeric = first(scalar, (value) => (typeof value === "number" && Number.isSafeInteger(value)) || value === undefined);
    if (!numeric) continue;
    const number = numeric.value ?? 400;
    row(
      "digit string for a number",
      `${pointer(numeric.path)} (${scalar}): "${String(number)}"`,
      editText(sample, numeric.path, String(number)),
      delivered({ path: numeric.path, value: number }),
    );
  }
  const flag = first("boolean", (value) => typeof value === "boolean" || value === undefined);
  if (flag) {
    const flipped = !flag.value;
    row(
      "boolean as a string",
      `${pointer(flag.path)}: "${flipped}"`,
      editText(sample, flag.path, String(flipped)),
      delivered({ path: flag.path, value: flipped }),
    );
    row(
      "boolean as 1/0",
      `${pointer(flag.path)}: ${Number(flipped)}`,
      editText(sample, flag.path, Number(flipped)),
      delivered({ path: flag.path, value: flipped }),
    );
  }
  const numbers = definition.protocol === "trtc" ? ["EventGroupId", "EventType"] : definition.protocol === "css" ? ["event_type"] : [];
  if (numbers.length > 0) {
    const values = numbers.map((name) => ({ path: [name], value: name === "EventGroupId" ? definition.group : definition.code }));
    const stringified = values.reduce((body, { path, value }) => editText(body, path, String(value)), sample);
    row(
      "event number as a digit string",
      values.map(({ path, value }) => `${pointer(path)}: "${String(value)}"`).join(", "),
      stringified,
      delivered(...values),
    );
  }
  const target = fields.find((field) => field.scalar !== undefined);
  if (target?.scalar) {
    const value = UNCOERCIBLE[target.scalar];
    row("cannot be coerced", `${pointer(target.path)} (${target.scalar}): ${JSON.stringify(value)}`, editText(sample, target.path, value), {
      quarantined: { path: target.path, type: target.scalar },
    });
  }
  return rows;
}

export const driftRows: readonly DriftRow[] = DEFINITIONS.flatMap(rowsOf);

export interface DriftMode {
  authenticated: boolean;
  queued: boolean;
}

export const MODES: readonly DriftMode[] = [
  { authenticated: true, queued: false },
  { authenticated: false, queued: false },
  { authenticated: true, queued: true },
  { authenticated: false, queued: true },
];

export const modeName = ({ authenticated, queued }: DriftMode) => `${authenticated ? "authenticated" : "unauthenticated"}, ${queued ? "queued" : "inline"}`;

/** What the README promises for a row in a mode, whatever the protocol's reply shape. */
export interface DriftExpectation {
  request: DriftRequest;
  status: number;
  /** The typed handler ran (once) with this payload: the model's coercion of the body sent. */
  payload?: unknown;
  /** The model's coercion of the body sent, whether or not it passes the schema (what `onInvalid` sees). */
  coerced: unknown;
  /** The body fails its schema with this error (`/path must be type`). */
  schemaError?: string;
  /** Handed to `onInvalid` (once), never to a typed handler. */
  quarantined: boolean;
  errors: RejectionReason[];
  failed: DeadLetterReason[];
}

export function expectationOf(row: DriftRow, mode: DriftMode): DriftExpectation {
  const { definition } = row;
  const request = driftRequest(definition, row.text, mode.authenticated);
  const { payload } = model(definition, request.body);
  const none = { coerced: payload, quarantined: false, errors: [], failed: [] };
  // TRTC and CSS always have a key: a request signed with another one is refused before its body is read.
  if (!mode.authenticated && definition.protocol !== "callback") return { request, status: 401, ...none, errors: ["signature_invalid"] };
  if ("delivered" in row.outcome) return { request, status: 200, payload, ...none };
  const { path, type } = row.outcome.quarantined;
  const schemaError = `${pointer(path)} must be ${type}`;
  if (!mode.authenticated) return { request, status: 400, schemaError, ...none, errors: ["schema_invalid"] };
  const quarantined = { request, coerced: payload, schemaError, quarantined: true, errors: [] };
  // "before": decided inline even when queued, as Tencent does without a reply (messages go ahead, gifts do not).
  if (definition.kind === "before") return { ...quarantined, status: (definition.onTimeout ?? "block") === "allow" ? 200 : 400, failed: [] };
  return { ...quarantined, status: 200, failed: mode.queued ? ["schema_invalid"] : [] };
}

/** Where the independent model (coercions + Ajv) and a row's stated outcome disagree: a wrong row, or a wrong model. */
export function modelDisagreement(row: DriftRow): string | undefined {
  const { payload, valid } = model(row.definition, driftRequest(row.definition, row.text, true).body);
  if ("quarantined" in row.outcome) return valid ? "the model says the body passes its schema" : undefined;
  if (!valid) return "the model says the body fails its schema";
  const wrong = row.outcome.delivered.find(({ path, value }) => valueAt(payload, path) !== value);
  return wrong && `the model delivers ${JSON.stringify(valueAt(payload, wrong.path))} at ${pointer(wrong.path)}, the row says ${JSON.stringify(wrong.value)}`;
}

/**
 * The rows every adapter also runs over real HTTP: the first row of each (protocol, kind, outcome,
 * command kind, failure default). handle() runs them all; the adapters add nothing per command
 * (the conformance tables prove they answer as handle() does), only per shape of answer.
 */
export function representative(rows: readonly DriftRow[]): DriftRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const { protocol, kind, onTimeout } = row.definition;
    const key = [protocol, row.kind, "delivered" in row.outcome, kind, onTimeout].join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
