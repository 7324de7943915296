/**
 * The prebuilt name index shipped in the package (`lists/compiled/name-index.bin`, made by
 * `npm run build`), read where the runtime exposes Node's file system through
 * `process.getBuiltinModule` (Node 20.16+, Bun, Deno) — no static `node:` import, so bundles for
 * browsers and Workers stay clean. Internal: `createDefaultScreener` and the CLI use it.
 */

/**
 * Bytes of the shipped index, or undefined where files cannot be read or the index was not built.
 * @example
 * readShippedIndex()?.length //=> 33469200 (about)
 */
export function readShippedIndex(): Uint8Array | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof getBuiltin !== "function") return undefined;
  try {
    const { createRequire } = getBuiltin("node:module") as typeof import("node:module");
    const { readFileSync } = getBuiltin("node:fs") as typeof import("node:fs");
    const bytes = readFileSync(createRequire(import.meta.url).resolve("sanctions-screen/lists/compiled/name-index.bin"));
    // The Buffer itself when it starts a fresh allocation (a file this large does): no 33 MB copy.
    return bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  } catch {
    return undefined;
  }
}
