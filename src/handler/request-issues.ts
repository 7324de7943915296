/**
 * zod issues → the library's `InputIssue` (path, expected, received), so that every 400 names each
 * bad field the same way `InputError` does. Received values are described, not echoed in full.
 */
import type { z } from "zod";
import type { InputIssue } from "../errors";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
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
 * Converts a zod error on `input` to input issues, each path under `prefix`.
 * @example
 * zodIssues(z.object({ a: z.string() }).safeParse({ a: 1 }).error, { a: 1 }) //=> [{ path: "a", expected: "string", received: "1", … }]
 */
export function zodIssues(error: z.ZodError, input: unknown, prefix = ""): InputIssue[] {
  return error.issues.flatMap((issue): InputIssue[] => {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: joinPath(prefix, path ? `${path}.${key}` : key),
        expected: "no such field",
        received: describeValue(valueAt(input, [...issue.path, key])),
        message: issue.message,
      }));
    }
    let expected: string;
    if (issue.code === "invalid_type") expected = issue.expected;
    else if (issue.code === "invalid_value") expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    else if (issue.code === "too_big") expected = `at most ${String(issue.maximum)}${issue.origin === "array" ? " items" : ""}`;
    else if (issue.code === "too_small") expected = `at least ${String(issue.minimum)}${issue.origin === "array" ? " item(s)" : ""}`;
    else expected = issue.message.replace(/^expected /i, "");
    return [{ path: joinPath(prefix, path), expected, received: describeValue(valueAt(input, issue.path)), message: issue.message }];
  });
}
