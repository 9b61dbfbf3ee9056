/**
 * Tencent's documents and its traffic disagree on scalar types (IDs documented as strings
 * arrive as numbers; counts documented as strings or arrays arrive as numbers, or as digit
 * strings; booleans arrive as "false"; a TRTC `EventType` as "103"). Before validation we coerce
 * exactly these, guided by the schema:
 *   - a number where the schema wants a string becomes its decimal string;
 *   - a decimal string where the schema wants an integer/number becomes a number, if exact;
 *   - a decimal string where the schema wants a numeric constant (TRTC `EventGroupId` /
 *     `EventType`, CSS `event_type`) becomes a number, so a stringified event still validates;
 *   - `"true"` / `"false"` and `1` / `0` where the schema wants a boolean become that boolean.
 * Nothing else changes (Ajv's `coerceTypes` would also turn `null` into `""` or `0`).
 */
type Coerce = (value: unknown) => unknown;

interface SchemaNode {
  type?: unknown;
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode | readonly SchemaNode[];
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

const numberToString: Coerce = (value) => (typeof value === "number" && Number.isFinite(value) ? String(value) : value);

function toNumber(integerOnly: boolean): Coerce {
  return (value) => {
    if (typeof value !== "string" || !DECIMAL.test(value)) return value;
    const number = Number(value);
    if (integerOnly ? !Number.isSafeInteger(number) : !Number.isFinite(number)) return value;
    return number;
  };
}
const toInteger = toNumber(true);
const toFloat = toNumber(false);

const BOOLEANS = new Map<unknown, boolean>([
  ["true", true],
  ["false", false],
  [1, true],
  [0, false],
]);
const toBoolean: Coerce = (value) => BOOLEANS.get(value) ?? value;

/** The kinds of value a coercion can change; anything else is skipped without a call. */
type Trigger = "number" | "string" | "object" | "scalar";
const fires = (trigger: Trigger, value: unknown): boolean =>
  trigger === "scalar" ? typeof value === "string" || typeof value === "number" : typeof value === trigger && value !== null;

/** Builds the coercion for a schema once; `undefined` means there is nothing to coerce there. */
export function compileCoercer(schema: SchemaNode): Coerce | undefined {
  switch (schema.type) {
    case "string":
      return numberToString;
    case "integer":
      return toInteger;
    case "number":
      return toFloat;
    case "boolean":
      return toBoolean;
  }
  if (schema.type === undefined && typeof schema.const === "number") return Number.isInteger(schema.const) ? toInteger : toFloat;
  if (schema.properties) return compileObject(schema.properties);
  if (schema.items && !Array.isArray(schema.items)) return compileArray(schema.items as SchemaNode);
  return undefined;
}

/**
 * The only type of value a coercion can change: `numberToString` changes numbers, `toNumber` strings,
 * `toBoolean` strings and numbers, and the object / array coercions work in place on objects.
 * Anything else is skipped without a call (most fields already have the documented type).
 */
function triggerOf(schema: SchemaNode): Trigger {
  if (schema.type === "string") return "number";
  if (schema.type === "integer" || schema.type === "number") return "string";
  if (schema.type === "boolean") return "scalar";
  if (schema.type === undefined && typeof schema.const === "number") return "string";
  return "object";
}

function compileObject(properties: Record<string, SchemaNode>): Coerce | undefined {
  const keys: string[] = [];
  const triggers: Trigger[] = [];
  const coercers: Coerce[] = [];
  for (const [key, child] of Object.entries(properties)) {
    const coerce = compileCoercer(child);
    if (!coerce) continue;
    keys.push(key);
    triggers.push(triggerOf(child));
    coercers.push(coerce);
  }
  if (keys.length === 0) return undefined;
  return (value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const record = value as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const field = record[key];
      if (!fires(triggers[i]!, field) || !Object.hasOwn(record, key)) continue;
      const coerced = coercers[i]!(field);
      if (coerced !== field) record[key] = coerced;
    }
    return record;
  };
}

function compileArray(items: SchemaNode): Coerce | undefined {
  const coerce = compileCoercer(items);
  if (!coerce) return undefined;
  const trigger = triggerOf(items);
  return (value) => {
    if (!Array.isArray(value)) return value;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (!fires(trigger, item)) continue;
      const coerced = coerce(item);
      if (coerced !== item) value[i] = coerced;
    }
    return value;
  };
}
