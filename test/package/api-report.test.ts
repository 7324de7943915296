/**
 * The checked-in API report (`api/*.api.md`) equals the public surface of this checkout: a change to
 * what an entry point exports, or to an exported type, fails here until `npm run api:report` is run
 * and its result committed (so the change is reviewed as an API change).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiReports, DOCUMENTED_ENTRIES, symbolsWithoutExample } from "../../scripts/api-report";
import { checkExamples } from "../../scripts/check-examples";

describe("API report", () => {
  const reports = apiReports();

  it("covers every code entry point of the package", () => {
    expect([...reports.keys()].sort()).toEqual(["cli.api.md", "handler.api.md", "index.api.md", "lists.api.md", ...(reports.has("testing.api.md") ? ["testing.api.md"] : [])].sort());
  });

  it.each([...reports.keys()])("api/%s is up to date (npm run api:report)", (name) => {
    expect(readFileSync(join(import.meta.dirname, "../../api", name), "utf8")).toBe(reports.get(name));
  });

  it(`every public symbol of ${DOCUMENTED_ENTRIES.join(", ")} has TSDoc with an @example`, () => {
    expect(symbolsWithoutExample()).toEqual([]);
  });

  it("each of those @example blocks type-checks against the public API (scripts/check-examples.ts)", () => {
    const failures = checkExamples();
    expect(failures.map((f) => `${f.symbol}: ${f.messages.join("; ")}`)).toEqual([]);
  }, 120_000);
});
