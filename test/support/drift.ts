/**
 * What the drift table (test/conformance/drift-cases.ts) and the drift property test
 * (test/fuzz/drift.property.test.ts) share: a walk over a body and its schema (which fields are
 * there, with which plain scalar type, optional or not), lossless edits of raw JSON text (64-bit
 * literals stay exact), an independent model of the documented coercions (README "Big integers
 * and types") checked with Ajv, the request each protocol sends, authenticated or not, and a
 * queued run (memoryQueue) that settles once its worker ran.
 */
import { Ajv } from "ajv";
import { parse as losslessParse, stringify as losslessStringify } from "lossless-json";
import type { CommandDefinition, JsonSchema } from "../../schemas/define.js";
import { memoryQueue, type MemoryQueue } from "../../src/index.js";
import { SILENT_LOGGER, TOKEN, tencentQuery } from "./fixtures.js";
import { CSS_KEY, TRTC_APP_ID, TRTC_KEY, signCssText, trtcSign, type MadeDispatcher } from "./protocol-fixtures.js";
import { losslessValue } from "./samples.js";

export type Path = readonly (string | number)[];
export type Scalar = "string" | "integer" | "number" | "boolean";

interface Node {
  type?: unknown;
  const?: unknown;
  enum?: unknown;
  required?: readonly string[];
  properties?: Record<string, Node>;
  items?: Node;
}

/** One field present in a body, with its schema. */
export interface Field {
  path: Path;
  /** The field's schema type when it is one plain scalar type (no enum / const), else undefined. */
  scalar: Scalar | undefined;
  /** Its parent's `required` lists it (array items count as required). */
  required: boolean;
  /** Its value as the package parses it (64-bit integers as exact strings). */
  value: unknown;
}

/** The fields that name the event or carry the signature: never edited (they decide routing and authentication). */
const FIXED = new Set(["CallbackCommand", "EventGroupId", "EventType", "event_type", "t", "sign"]);

/**
 * Every field of `text` the schema describes, parents before children (array items: the first one).
 * With `absent`, also the plain scalar fields the schema has and the body leaves out (value `undefined`),
 * in objects the body has.
 */
export function fieldsOf(definition: Pick<CommandDefinition, "schema">, text: string, { absent = false } = {}): Field[] {
  const found: Field[] = [];
  const walk = (node: Node, value: unknown, path: Path) => {
    if (node.properties && value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(node.properties)) {
        if (path.length === 0 && FIXED.has(key)) continue;
        if (!Object.hasOwn(value, key)) {
          if (absent && scalarOf(child))
            found.push({ path: [...path, key], scalar: scalarOf(child), required: node.required?.includes(key) ?? false, value: undefined });
          continue;
        }
        const childValue = (value as Record<string, unknown>)[key];
        found.push({ path: [...path, key], scalar: scalarOf(child), required: node.required?.includes(key) ?? false, value: childValue });
        walk(child, childValue, [...path, key]);
      }
    }
    if (node.items && Array.isArray(value) && value.length > 0) {
      found.push({ path: [...path, 0], scalar: scalarOf(node.items), required: true, value: value[0] });
      walk(node.items, value[0], [...path, 0]);
    }
  };
  walk(definition.schema as Node, losslessValue(text), []);
  return found;
}

function scalarOf(node: Node): Scalar | undefined {
  const plain = node.enum === undefined && node.const === undefined;
  return plain && typeof node.type === "string" && ["string", "integer", "number", "boolean"].includes(node.type) ? (node.type as Scalar) : undefined;
}

/** Whether `path` and every parent of it is required (a dot-separated path, as `disagreements` write it). */
export function isRequired(schema: JsonSchema, path: readonly string[]): boolean {
  let node = schema as Node;
  for (const key of path) {
    if (!node.required?.includes(key)) return false;
    node = node.properties?.[key] ?? {};
  }
  return true;
}

/**
 * The raw text with the value at `path` replaced (`undefined`: deleted; a function: called with the
 * lossless-json value there, numbers as `LosslessNumber`); every other number literal exact.
 */
export function editText(text: string, path: Path, change: unknown): string {
  const tree = losslessParse(text) as Record<string, unknown>;
  let parent: Record<string | number, unknown> = tree;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const value = typeof change === "function" ? (change as (current: unknown) => unknown)(parent[last]) : change;
  if (value !== undefined) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return losslessStringify(tree)!;
}

/** Whether the raw text has a value at `path`. */
export function hasPath(text: string, path: Path): boolean {
  let node: unknown = losslessParse(text);
  for (const key of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

export function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | null | undefined)?.[key], value);
}

/** The JSON Pointer Ajv reports for `path`. */
export function pointer(path: Path): string {
  return path.map((key) => `/${String(key)}`).join("");
}

// ---------------------------------------------------------------------------------------------
// The model: the README's coercions, written from the table, then Ajv on the result
// ---------------------------------------------------------------------------------------------

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The value the package must deliver for `value` under `schema` (README "Big integers and types"):
 * a number where a string is wanted → its decimal string; a decimal string where an integer (a
 * safe one) / a number / a numeric constant is wanted → the number; "true" / "false" / 1 / 0
 * where a boolean is wanted → the boolean. Nothing else changes. Returns a copy.
 */
export function coerced(schema: JsonSchema | Node, value: unknown): unknown {
  const node = schema as Node;
  const numeric = node.type === "integer" || node.type === "number" || (node.type === undefined && typeof node.const === "number");
  if (node.type === "string" && typeof value === "number" && Number.isFinite(value)) return String(value);
  if (numeric && typeof value === "string" && DECIMAL.test(value)) {
    const number = Number(value);
    const integer = node.type === "integer" || Number.isInteger(node.const);
    if (integer ? Number.isSafeInteger(number) : Number.isFinite(number)) return number;
  }
  if (node.type === "boolean" && (value === "true" || value === 1)) return true;
  if (node.type === "boolean" && (value === "false" || value === 0)) return false;
  if (Array.isArray(value)) return value.map((item) => (node.items ? coerced(node.items, item) : item));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, node.properties?.[key] ? coerced(node.properties[key], child) : child]));
  }
  return value;
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addKeyword({ keyword: "tsType", schemaType: "string" }); // the generated types' hint, as the generator declares it
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** Ajv (strict, draft-07) on the coerced value: true when the package must deliver it. */
export function passesSchema(definition: Pick<CommandDefinition, "schema">, value: unknown): boolean {
  const id = String(definition.schema.$id);
  let validate = validators.get(id);
  if (!validate) validators.set(id, (validate = ajv.compile(definition.schema)));
  return validate(value) === true;
}

/** What the package must deliver for the body `text`, and whether it passes the schema. */
export function model(definition: Pick<CommandDefinition, "schema">, text: string): { payload: unknown; valid: boolean } {
  const payload = coerced(definition.schema, losslessValue(text));
  return { payload, valid: passesSchema(definition, payload) };
}

// ---------------------------------------------------------------------------------------------
// The request each protocol sends
// ---------------------------------------------------------------------------------------------

/** The wrong secret an unauthenticated TRTC / CSS request is signed with (both protocols require a key). */
export const WRONG_KEY = "not-the-key";

export interface DriftRequest {
  /** Query string with `?` (callback protocol), else "". */
  query: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * `text` as Tencent sends it for `definition`. Authenticated: signed with the dispatcher's token /
 * key. Unauthenticated: the callback protocol unsigned (its dispatcher has no token); TRTC and CSS,
 * whose dispatchers always have a key, signed with WRONG_KEY.
 */
export function driftRequest(definition: Pick<CommandDefinition, "protocol" | "command">, text: string, authenticated: boolean): DriftRequest {
  switch (definition.protocol) {
    case "callback": {
      const named = (losslessValue(text) as Record<string, unknown>).CallbackCommand;
      const command = typeof named === "string" ? named : definition.command;
      return { query: tencentQuery({ command, sign: authenticated }), headers: {}, body: text };
    }
    case "trtc":
      return { query: "", headers: { SdkAppId: TRTC_APP_ID, Sign: trtcSign(text, authenticated ? TRTC_KEY : WRONG_KEY) }, body: text };
    case "css":
      return { query: "", headers: {}, body: signCssText(text, { key: authenticated ? CSS_KEY : WRONG_KEY }) };
  }
}

/** The callback dispatcher's options for a drift request: the token when authenticated. */
export const callbackAuth = (authenticated: boolean) => (authenticated ? { token: TOKEN } : {});

/**
 * A run of one request. Queued: the dispatcher gets a fresh memoryQueue and a worker on itself;
 * `settle` waits until the worker ran every job, records the dead letters, and closes both.
 */
export function withQueue(queued: boolean, make: (options: { queue?: MemoryQueue }) => Omit<MadeDispatcher, "settle">): MadeDispatcher {
  if (!queued) return make({});
  const queue = memoryQueue({ backoff: { delayMs: 10 }, logger: SILENT_LOGGER });
  const run = make({ queue });
  const worker = queue.work(run.dispatcher);
  return {
    ...run,
    settle: async () => {
      for (let polls = 0; ; polls++) {
        const health = await queue.health();
        if (health.waiting + health.delayed + health.active === 0) break;
        if (polls > 5000) throw new Error("the queue did not drain");
        await new Promise((resolve) => (polls < 100 ? setImmediate(resolve) : setTimeout(resolve, 5)));
      }
      run.recorded.failed = await queue.failed();
      await worker.close();
      await queue.close();
    },
  };
}
