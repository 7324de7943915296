import type { z } from "zod";

/**
 * Typed errors. Every error extends {@link ScreeningError}, carries a stable `code` and its data as
 * fields, and reads "where: what, expected X, received Y".
 */

/**
 * One problem found in one record or one field of a list file.
 * @example
 * try { loadList([{ name: "sdn.csv", data: brokenCsv }]); } catch (e) {
 *   (e as ListFormatError).issues[0] //=> { recordId: "15487", field: "dateOfBirth", expected: "YYYY[-MM[-DD]]", received: "12/03/1970", line: 4 }
 * }
 */
export interface RecordIssue {
  /** Source id of the record, when known (e.g. OFAC ent_num "15487"). */
  readonly recordId?: string;
  /** Dotted field path inside the record, or the file column. */
  readonly field: string;
  readonly expected: string;
  readonly received: string;
  /** 1-based line or element number in the source file, when known. */
  readonly line?: number;
}

/**
 * One problem found in caller input (screening request, options).
 * @example
 * try { createScreener({ lists }).screen({ name: "" }); } catch (e) {
 *   (e as InputError).issues[0] //=> { path: "name", expected: "a non-empty name", received: "\"\"", message: "expected a non-empty name" }
 * }
 */
export interface InputIssue {
  /** Dotted path of the offending field, e.g. `parties.0.name`. */
  readonly path: string;
  readonly expected: string;
  readonly received: string;
  readonly message: string;
}

/**
 * Stable codes of the errors the library throws.
 * @example
 * try { loadList(sources, { previousCount: 18_000 }); } catch (e) {
 *   if (e instanceof ScreeningError && e.code === ("LIST_COUNT_DROP" satisfies ScreeningErrorCode)) keepLastGoodList();
 * }
 */
export type ScreeningErrorCode =
  | "LIST_FORMAT"
  | "LIST_EMPTY"
  | "LIST_COUNT_DROP"
  | "LIST_BELOW_FLOOR"
  | "INVALID_INPUT"
  | "INPUT_TOO_LONG";

/**
 * Base class of every error the library throws on purpose.
 * @example
 * try { loadList([{ name: "sdn.csv", data: bytes }]) } catch (e) { if (e instanceof ScreeningError) e.code } //=> "LIST_FORMAT"
 */
export class ScreeningError extends Error {
  readonly code: ScreeningErrorCode;
  constructor(code: ScreeningErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

const MAX_ISSUES_IN_MESSAGE = 5;

/** Renders one record issue as "12345 dateOfBirth: expected X, received Y". */
export function formatRecordIssue(issue: RecordIssue): string {
  const where = [issue.line === undefined ? undefined : `line ${issue.line}`, issue.recordId, issue.field]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
  return `${where}: expected ${issue.expected}, received ${issue.received}`;
}

/**
 * A list file that cannot be used: it does not parse, has the wrong columns, or holds invalid
 * records. Carries every issue, never a partial list.
 * @example
 * new ListFormatError("ofac-sdn", [{ recordId: "12345", field: "dateOfBirth", expected: "YYYY[-MM[-DD]]", received: '"12/03/1970"' }]).message
 * //=> 'ofac-sdn: 1 invalid record; 12345 dateOfBirth: expected YYYY[-MM[-DD]], received "12/03/1970"'
 */
export class ListFormatError extends ScreeningError {
  readonly listId: string;
  readonly issues: readonly RecordIssue[];
  constructor(listId: string, issues: readonly RecordIssue[], options?: { cause?: unknown; summary?: string }) {
    const head = options?.summary ?? `${issues.length} invalid record${issues.length === 1 ? "" : "s"}`;
    const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map(formatRecordIssue).join("; ");
    const more = issues.length > MAX_ISSUES_IN_MESSAGE ? `; … ${issues.length - MAX_ISSUES_IN_MESSAGE} more` : "";
    super("LIST_FORMAT", `${listId}: ${head}${shown ? `; ${shown}` : ""}${more}`, options);
    this.listId = listId;
    this.issues = issues;
  }
}

/**
 * A list that parsed but is refused by the count guard: empty, shrunk by more than the allowed
 * fraction against a previous build, or below the shipped floor of plausible counts for that list
 * (`LIST_BELOW_FLOOR`: a file cut at a record boundary). Pass `allowEmpty` / `allowCountDrop` /
 * `minRecordCount` to accept it on purpose.
 * @example
 * new ListCountError("ofac-sdn", 100, 13821, 0.1).code //=> "LIST_COUNT_DROP"
 */
export class ListCountError extends ScreeningError {
  readonly listId: string;
  readonly count: number;
  readonly previousCount: number | undefined;
  readonly maxDropFraction: number;
  /** The floor the count fell below (`LIST_BELOW_FLOOR`). */
  readonly floor: number | undefined;
  constructor(listId: string, count: number, previousCount: number | undefined, maxDropFraction: number, floor?: { min: number; measured: string }) {
    const empty = count === 0;
    super(
      empty ? "LIST_EMPTY" : floor ? "LIST_BELOW_FLOOR" : "LIST_COUNT_DROP",
      empty
        ? `${listId}: list is empty; expected at least 1 record, received 0 (pass allowEmpty to accept)`
        : floor
          ? `${listId}: too few records for a complete list; expected at least ${floor.min} (${floor.measured}), received ${count} (a file cut short? pass minRecordCount to accept)`
          : `${listId}: record count fell from ${previousCount} to ${count}; expected a drop of at most ${Math.round(
              maxDropFraction * 100,
            )} %, received ${(((previousCount ?? count) - count) / (previousCount ?? 1) * 100).toFixed(1)} % (pass allowCountDrop to accept)`,
    );
    this.listId = listId;
    this.count = count;
    this.previousCount = previousCount;
    this.maxDropFraction = maxDropFraction;
    this.floor = floor?.min;
  }
}

/**
 * Caller input that fails validation; names every bad field.
 * @example
 * new InputError([{ path: "name", expected: "string", received: "undefined", message: "Required" }]).message
 * //=> "invalid input; name: expected string, received undefined"
 */
export class InputError extends ScreeningError {
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[], code: "INVALID_INPUT" | "INPUT_TOO_LONG" = "INVALID_INPUT") {
    super(
      code,
      `invalid input; ${issues.map((i) => `${i.path || "(root)"}: expected ${i.expected}, received ${i.received}`).join("; ")}`,
    );
    this.issues = issues;
  }
}

/**
 * The value at a path inside caller input (undefined when the path leaves the input).
 * @example
 * valueAt({ parties: [{ name: "x" }] }, ["parties", 0, "name"]) //=> "x"
 */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * A short description of a received value: strings quoted and cut at 40 characters, arrays by length.
 * @example
 * describeValue([1, 2]) //=> "array of 2"
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return "undefined";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return `array of ${v.length}`;
  if (v === null) return "null";
  return typeof v === "object" ? "object" : String(v);
}

/**
 * Joins a path prefix and a dotted path (`subjects.3` + `name` → `subjects.3.name`).
 * @example
 * joinPath("subjects.3", "name") //=> "subjects.3.name"
 */
export function joinPath(prefix: string, path: string): string {
  if (prefix === "") return path;
  return path === "" ? prefix : `${prefix}.${path}`;
}

/**
 * One problem as a validator reports it: zod v4's issue shape (the fields the library reads), which
 * the hand-written checks of `src/validate` produce too, so both read the same to a caller.
 * @example
 * const issue: ValidationIssue = { code: "too_small", origin: "string", minimum: 1, inclusive: true, path: ["name"], message: "expected a non-empty name" };
 */
export interface ValidationIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly keys?: readonly string[];
}

/**
 * Converts validation issues on caller input to input issues (path under `prefix`, expected,
 * received), the one way every validation in the library names a bad field. A schema's own message
 * ("expected a non-empty name") is the expectation when it has one; otherwise it is derived from the issue.
 * @example
 * inputIssuesFrom([{ code: "invalid_type", expected: "string", path: ["a"], message: "Invalid input: expected string, received number" }], { a: 1 })
 * //=> [{ path: "a", expected: "string", received: "1", message: "Invalid input: expected string, received number" }]
 */
export function inputIssuesFrom(issues: readonly ValidationIssue[], input: unknown, prefix = ""): InputIssue[] {
  return issues.flatMap((issue): InputIssue[] => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return (issue.keys ?? []).map((key) => ({
        path: joinPath(prefix, path ? `${path}.${key}` : key),
        expected: "no such field",
        received: describeValue(valueAt(input, [...issue.path, key])),
        message: issue.message,
      }));
    }
    let expected: string;
    if (/^expected /i.test(issue.message)) expected = issue.message.replace(/^expected /i, "");
    else if (issue.code === "invalid_type") expected = String(issue.expected);
    else if (issue.code === "invalid_value") expected = `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    else if (issue.code === "too_big") expected = `at most ${String(issue.maximum)}${issue.origin === "array" ? " items" : issue.origin === "string" ? " characters" : ""}`;
    else if (issue.code === "too_small") expected = `at least ${String(issue.minimum)}${issue.origin === "array" ? " item(s)" : issue.origin === "string" ? " character(s)" : ""}`;
    else expected = issue.message;
    return [{ path: joinPath(prefix, path), expected, received: describeValue(valueAt(input, issue.path)), message: issue.message }];
  });
}

/**
 * Converts a zod error on caller input to input issues ({@link inputIssuesFrom} over its issues).
 * @example
 * inputIssuesFromZod(z.object({ a: z.string() }).safeParse({ a: 1 }).error!, { a: 1 })
 * //=> [{ path: "a", expected: "string", received: "1", message: "Invalid input: expected string, received number" }]
 */
export function inputIssuesFromZod(error: z.ZodError, input: unknown, prefix = ""): InputIssue[] {
  return inputIssuesFrom(error.issues, input, prefix);
}
