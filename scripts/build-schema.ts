/**
 * Writes the published JSON Schema files (`schema/*.json`) from the zod schemas of `src/schema`
 * with zod's own `z.toJSONSchema` (draft 2020-12). Checked in and shipped in the package;
 * `test/schema/json-schema.test.ts` fails when a committed file differs from a fresh generation.
 *
 *   npx tsx scripts/build-schema.ts          writes schema/*.json
 *   npx tsx scripts/build-schema.ts --check  exits 1 naming each file that differs
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { PUBLISHED_SCHEMAS } from "../src/schema";
import { RESULT_SCHEMA_VERSION } from "../src/screen";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Each published file's text, by file name. */
export function jsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of PUBLISHED_SCHEMAS) {
    const generated = z.toJSONSchema(s.schema, { io: s.io, target: "draft-2020-12", unrepresentable: "throw", reused: "ref" });
    const doc = {
      $id: `https://unpkg.com/sanctions-screen/schema/${s.file}`,
      title: s.title,
      description: `${s.description} Result contract version ${RESULT_SCHEMA_VERSION} (envelope.schemaVersion). Generated from the zod schemas in src/schema by scripts/build-schema.ts; do not edit.`,
      ...generated,
    };
    out.set(s.file, `${JSON.stringify(doc, null, 2)}\n`);
  }
  return out;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes("--check");
  const dir = join(root, "schema");
  mkdirSync(dir, { recursive: true });
  const stale: string[] = [];
  for (const [file, text] of jsonSchemas()) {
    const path = join(dir, file);
    let current: string | undefined;
    try {
      current = readFileSync(path, "utf8");
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    if (check) stale.push(file);
    else writeFileSync(path, text);
  }
  if (stale.length > 0) {
    console.error(`schema: out of date: ${stale.join(", ")} (run npm run schema and commit schema/)`);
    process.exit(1);
  }
}
