/**
 * The committed JSON Schema files (`schema/*.json`) equal a fresh generation from the zod schemas
 * (`npm run schema`), and the package ships them (`files`, `exports`), like the API report test.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../../scripts/build-schema";

const root = join(import.meta.dirname, "../..");

describe("published JSON Schema", () => {
  const fresh = jsonSchemas();

  it("schema/ holds exactly the generated files", () => {
    expect(readdirSync(join(root, "schema")).sort()).toEqual([...fresh.keys()].sort());
  });

  it.each([...fresh.keys()])("schema/%s is up to date (npm run schema)", (file) => {
    expect(readFileSync(join(root, "schema", file), "utf8")).toBe(fresh.get(file));
  });

  it("the library imports src/schema only for types, and the root entry only its input schemas (the result schemas stay off the load path)", () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
    const valueImports = (text: string): string[] =>
      [...text.matchAll(/^(?:import|export) (?!type )[^;]*? from "(\.\.?\/(?:\.\.\/)*schema(?:\/[\w-]+)?)"/gm)].map((m) => m[1] ?? "");
    const importers = files(join(root, "src"))
      .filter((f) => f.endsWith(".ts") && !f.includes(`${join("src", "schema")}`))
      .map((f) => [relative(root, f), valueImports(readFileSync(f, "utf8"))] as const)
      .filter(([, found]) => found.length > 0);
    expect(importers).toEqual([[join("src", "index.ts"), ["./schema/input-schemas"]]]);
  });

  it("is shipped: package.json files and exports name schema/", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[]; exports: Record<string, unknown> };
    expect(pkg.files).toContain("schema");
    expect(pkg.exports["./schema/*"]).toBe("./schema/*");
  });
});
