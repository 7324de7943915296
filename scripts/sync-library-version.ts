/**
 * Part of `npm run version` (after `changeset version` bumps package.json): writes the new version
 * into `src/screen/library-version.ts`, which core code carries in every result envelope without
 * reading package.json at run time. `test/screen/envelope.test.ts` fails if the two differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const VERSION_LINE = /(export const LIBRARY = Object\.freeze\(\{ name: "sanctions-screen", version: )"[^"]*"/;
const EXAMPLE_LINE = /(LIBRARY\.version \/\/=> )"[^"]*"/;

/**
 * The text of library-version.ts with `version` in the constant and its example; throws when the
 * constant is not found (the file was reshaped: update this script with it).
 * @example
 * syncLibraryVersion('… version: "0.0.0" });', "0.1.0") //=> '… version: "0.1.0" });'
 */
export function syncLibraryVersion(text: string, version: string): string {
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) throw new Error(`package.json version: expected x.y.z, received "${version}"`);
  if (!VERSION_LINE.test(text)) throw new Error("src/screen/library-version.ts: expected the LIBRARY constant with a version string");
  return text.replace(VERSION_LINE, `$1"${version}"`).replace(EXAMPLE_LINE, `$1"${version}"`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(import.meta.dirname, "..");
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const path = join(root, "src/screen/library-version.ts");
  const before = readFileSync(path, "utf8");
  const after = syncLibraryVersion(before, version);
  if (after !== before) writeFileSync(path, after);
  console.log(`src/screen/library-version.ts: version ${version}${after === before ? " (unchanged)" : ""}`);
}
