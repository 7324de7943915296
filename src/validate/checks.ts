/**
 * Hand-written checks for caller input on the screening path (issue 8: zod is ~60 ms of module
 * loading, too much for a cold start that must answer in 150 ms). Each check reports problems as
 * zod v4 would for the matching schema in `src/schema` — same path, code, bound and message — so
 * `inputIssuesFrom` turns both into the same `InputIssue`s; `test/validate/*.test.ts` feeds the same
 * values to both and requires equal issues.
 *
 * Contract (zod v4's, measured): a value of the wrong type gets one `invalid_type` issue, and then,
 * for a string or array schema, the length bounds checked against whatever `.length` the value has
 * (zod runs length checks on anything that has one: `{ name: [] }` is also "expected a non-empty
 * name"); a string runs every check (length, pattern, refinement) in the order given; a number stops
 * at a failed `int`; an array longer than its maximum gets only `too_big` (its items are not checked),
 * otherwise its items' issues come before `too_small`; an object reports its fields in shape order,
 * then, when strict, every unknown enumerable key (own or inherited) in one `unrecognized_keys` issue.
 */
import type { ValidationIssue } from "../errors";

/** A check: appends the problems of `value` (found at `path`) to `issues`. */
export type Check = (value: unknown, path: readonly PropertyKey[], issues: ValidationIssue[]) => void;

/** zod's name for the type of a received value (`util.parsedType`, with its display of NaN and infinities). */
function receivedType(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? "number" : String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") {
    const proto: unknown = Object.getPrototypeOf(value);
    const ctor = (value as { constructor?: { name?: string } }).constructor;
    if (proto !== Object.prototype && "constructor" in value && ctor) return String(ctor.name);
    return "object";
  }
  return typeof value;
}

function typeIssue(expected: string, value: unknown, path: readonly PropertyKey[], message?: string): ValidationIssue {
  return { code: "invalid_type", expected, path: [...path], message: message ?? `Invalid input: expected ${expected}, received ${receivedType(value)}` };
}

/** A bound with an optional custom message, as `z.string().min(1, "expected a non-empty name")`. */
export type Bound = number | readonly [number, string];

const boundOf = (b: Bound): readonly [number, string | undefined] => (typeof b === "number" ? [b, undefined] : b);
const SIZE_UNIT: Record<string, string> = { string: "characters", array: "items" };

/** zod's origin of a length check: what the value is, not what the schema wanted. */
function lengthOrigin(value: unknown): string {
  return Array.isArray(value) ? "array" : typeof value === "string" ? "string" : "unknown";
}

/** The length a wrong-typed value still has, as zod reads it for its length checks; undefined when none. */
function lengthOf(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" ? length : undefined;
}

/** Length bounds in the order declared (min, then max), with zod's origin of the value. */
function checkLength(value: unknown, length: number, min: Bound | undefined, max: Bound | undefined, path: readonly PropertyKey[], issues: ValidationIssue[]): void {
  if (min !== undefined && length < boundOf(min)[0]) issues.push(tooSmall(lengthOrigin(value), min, true, path));
  if (max !== undefined && length > boundOf(max)[0]) issues.push(tooBig(lengthOrigin(value), max, path));
}

function tooSmall(origin: string, bound: Bound, inclusive: boolean, path: readonly PropertyKey[]): ValidationIssue {
  const [minimum, message] = boundOf(bound);
  const adj = inclusive ? ">=" : ">";
  const unit = SIZE_UNIT[origin];
  const text = unit === undefined ? `Too small: expected ${origin} to be ${adj}${minimum}` : `Too small: expected ${origin} to have ${adj}${minimum} ${unit}`;
  return { code: "too_small", origin, minimum, inclusive, path: [...path], message: message ?? text };
}

function tooBig(origin: string, bound: Bound, path: readonly PropertyKey[]): ValidationIssue {
  const [maximum, message] = boundOf(bound);
  const unit = SIZE_UNIT[origin];
  const text = unit === undefined ? `Too big: expected ${origin} to be <=${maximum}` : `Too big: expected ${origin} to have <=${maximum} ${unit}`;
  return { code: "too_big", origin, maximum, inclusive: true, path: [...path], message: message ?? text };
}

/** Options of {@link string}: checked in this order, every one of them. */
export interface StringCheckOptions {
  readonly min?: Bound;
  readonly max?: Bound;
  readonly pattern?: readonly [RegExp, string];
  /** A refinement: the message of its issue, or undefined when the string passes. */
  readonly refine?: (value: string) => string | undefined;
}

/**
 * A string, as `z.string()` with `.min`, `.max`, `.regex`, `.refine` in that order.
 * @example
 * const issues: ValidationIssue[] = [];
 * string({ min: [1, "expected a non-empty name"] })("", ["name"], issues);
 * issues[0]?.message //=> "expected a non-empty name"
 */
export function string(options: StringCheckOptions = {}): Check {
  const { min, max, pattern, refine } = options;
  return (value, path, issues) => {
    if (typeof value !== "string") {
      issues.push(typeIssue("string", value, path));
      const length = lengthOf(value);
      if (length !== undefined) checkLength(value, length, min, max, path, issues);
      return;
    }
    checkLength(value, value.length, min, max, path, issues);
    if (pattern !== undefined && !pattern[0].test(value)) issues.push({ code: "invalid_format", origin: "string", path: [...path], message: pattern[1] });
    if (refine !== undefined) {
      const message = refine(value);
      if (message !== undefined) issues.push({ code: "custom", path: [...path], message });
    }
  };
}

/** Options of {@link number}. */
export interface NumberCheckOptions {
  /** `.int()`: true, or the message of its issue. */
  readonly int?: true | string;
  /** `.min(n)` (inclusive) or `.gt(n)` (exclusive). */
  readonly min?: Bound;
  readonly gt?: Bound;
  /** `.max(n)` / `.lte(n)` (inclusive). */
  readonly max?: Bound;
}

/**
 * A finite number, as `z.number()` with `.int()` first, then `.min`/`.gt`, then `.max`.
 * @example
 * const issues: ValidationIssue[] = [];
 * number({ int: true, min: 1 })(2.5, ["maxHits"], issues);
 * issues[0]?.message //=> "Invalid input: expected int, received number"
 */
export function number(options: NumberCheckOptions = {}): Check {
  const { int, min, gt, max } = options;
  return (value, path, issues) => {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.push(typeIssue("number", value, path));
      return;
    }
    if (int !== undefined) {
      if (!Number.isInteger(value)) {
        issues.push(typeIssue("int", value, path, int === true ? undefined : int));
        return;
      }
      // `.int()` is zod's safe-integer format: beyond ±2^53 it reports the safe range, and goes on.
      // A custom `int` message is also the message of the safe-range issue.
      const message = int === true ? undefined : int;
      if (value > Number.MAX_SAFE_INTEGER) issues.push(tooBig("int", message === undefined ? Number.MAX_SAFE_INTEGER : [Number.MAX_SAFE_INTEGER, message], path));
      if (value < Number.MIN_SAFE_INTEGER) issues.push(tooSmall("int", message === undefined ? Number.MIN_SAFE_INTEGER : [Number.MIN_SAFE_INTEGER, message], true, path));
    }
    if (min !== undefined && value < boundOf(min)[0]) issues.push(tooSmall("number", min, true, path));
    if (gt !== undefined && value <= boundOf(gt)[0]) issues.push(tooSmall("number", gt, false, path));
    if (max !== undefined && value > boundOf(max)[0]) issues.push(tooBig("number", max, path));
  };
}

/**
 * A boolean, as `z.boolean()`.
 * @example
 * const issues: ValidationIssue[] = [];
 * boolean()("yes", ["snapshot"], issues);
 * issues[0]?.message //=> "Invalid input: expected boolean, received string"
 */
export function boolean(): Check {
  return (value, path, issues) => {
    if (typeof value !== "boolean") issues.push(typeIssue("boolean", value, path));
  };
}

/**
 * One of a few strings, as `z.enum([...])`.
 * @example
 * const issues: ValidationIssue[] = [];
 * oneOf(["US", "EU"])("XX", ["jurisdictions", 0], issues);
 * issues[0]?.message //=> 'Invalid option: expected one of "US"|"EU"'
 */
export function oneOf(values: readonly string[]): Check {
  const allowed = new Set(values);
  const message = values.length === 1 ? `Invalid input: expected "${values[0]}"` : `Invalid option: expected one of ${values.map((v) => `"${v}"`).join("|")}`;
  return (value, path, issues) => {
    if (typeof value !== "string" || !allowed.has(value)) issues.push({ code: "invalid_value", values, path: [...path], message });
  };
}

/**
 * An array of items, as `z.array(item).min(..).max(..)`.
 * @example
 * const issues: ValidationIssue[] = [];
 * array(oneOf(["US", "EU"]), { min: 1 })([], ["jurisdictions"], issues);
 * issues[0]?.message //=> "Too small: expected array to have >=1 items"
 */
export function array(item: Check, options: { readonly min?: Bound; readonly max?: Bound } = {}): Check {
  const { min, max } = options;
  return (value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push(typeIssue("array", value, path));
      const length = lengthOf(value);
      if (length !== undefined) checkLength(value, length, min, max, path, issues);
      return;
    }
    if (max !== undefined && value.length > boundOf(max)[0]) {
      issues.push(tooBig("array", max, path));
      return;
    }
    for (let i = 0; i < value.length; i++) item(value[i], [...path, i], issues);
    if (min !== undefined && value.length < boundOf(min)[0]) issues.push(tooSmall("array", min, true, path));
  };
}

/** A field of {@link object}: its check, and whether it may be absent (or undefined). */
export type Field = readonly [check: Check, optional?: "optional"];

/**
 * A plain object of known fields, as `z.object(shape)` with `.strict()` (unknown keys refused) or
 * `.loose()` (kept, unchecked).
 * @example
 * const issues: ValidationIssue[] = [];
 * object({ name: [string()] }, "strict")({ name: "x", nmae: "y" }, [], issues);
 * issues[0]?.message //=> 'Unrecognized key: "nmae"'
 */
export function object(shape: Readonly<Record<string, Field>>, unknownKeys: "strict" | "loose"): Check {
  const keys = Object.keys(shape);
  return (value, path, issues) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      issues.push(typeIssue("object", value, path));
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of keys) {
      const [check, optional] = shape[key] as Field;
      const v = record[key];
      if (v === undefined && optional !== undefined) continue;
      check(v, [...path, key], issues);
    }
    if (unknownKeys === "strict") {
      const unknown: string[] = [];
      for (const key in record) if (!Object.hasOwn(shape, key)) unknown.push(key);
      if (unknown.length > 0) {
        issues.push({ code: "unrecognized_keys", keys: unknown, path: [...path], message: `Unrecognized key${unknown.length > 1 ? "s" : ""}: ${unknown.map((k) => `"${k}"`).join(", ")}` });
      }
    }
  };
}

/**
 * A plain object used as a map from string keys to checked values, as `z.record(z.string(), value)`.
 * @example
 * const issues: ValidationIssue[] = [];
 * record(number({ min: 0 }))({ "ofac-sdn": -1 }, ["freshness", "maxAgeDays"], issues);
 * issues[0]?.path //=> ["freshness", "maxAgeDays", "ofac-sdn"]
 */
export function record(item: Check): Check {
  return (value, path, issues) => {
    if (!isPlainObject(value)) {
      issues.push(typeIssue("record", value, path));
      return;
    }
    for (const key of Reflect.ownKeys(value)) {
      if (key === "__proto__" || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
      if (typeof key === "symbol") issues.push({ code: "invalid_key", origin: "record", path: [...path, key], message: "Invalid key in record" });
      else item(value[key], [...path, key], issues);
    }
  };
}

/** zod's plain object (`util.isPlainObject`): what a record accepts (a `Date` or a class instance is not one). */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const ctor: unknown = (value as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== "function") return true;
  const proto: unknown = (ctor as { prototype?: unknown }).prototype;
  if (proto === null || typeof proto !== "object" || Array.isArray(proto)) return false;
  return Object.prototype.hasOwnProperty.call(proto, "isPrototypeOf");
}

/**
 * Any value the predicate accepts, as `z.custom(predicate, { message })`.
 * @example
 * const issues: ValidationIssue[] = [];
 * custom((v) => typeof v === "function", "expected a function")(3, ["now"], issues);
 * issues[0]?.message //=> "expected a function"
 */
export function custom(accepts: (value: unknown) => boolean, message: string): Check {
  return (value, path, issues) => {
    if (!accepts(value)) issues.push({ code: "custom", path: [...path], message });
  };
}

/**
 * An instance of a class, as `z.instanceof(Class)`.
 * @example
 * const issues: ValidationIssue[] = [];
 * instanceOf(Uint8Array)([], ["index"], issues);
 * issues[0]?.message //=> "Invalid input: expected Uint8Array, received array"
 */
export function instanceOf(type: abstract new (...args: never[]) => unknown): Check {
  return (value, path, issues) => {
    if (!(value instanceof type)) issues.push(typeIssue(type.name, value, path));
  };
}

/**
 * Runs a check on a value; the issues found (empty when it passes).
 * @example
 * check(string({ min: 1 }), "") //=> [{ code: "too_small", origin: "string", minimum: 1, inclusive: true, path: [], message: "Too small: expected string to have >=1 characters" }]
 */
export function check(checker: Check, value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checker(value, [], issues);
  return issues;
}
