/**
 * The embedded lists' data for bundles (browsers, Workers, and bundles for Node too, which may not
 * reach the package's files) and runtimes other than Node (imported as `#compiled-data`, see
 * package.json `imports`): the compiled JSON snapshots as static JSON modules, so that a bundler
 * includes them. Node itself resolves `#compiled-data` under the `node-addons` condition, which it
 * sets and bundlers do not, to `./compiled-data-node.ts`, which reads the shipped files only when
 * asked. Both export the same functions.
 */
import { compiledListData } from "./lists.generated";
import { fileSource, type ByteSource, type FileSystem } from "./file-source";

/**
 * The compiled snapshots in manifest order, as raw JSON values (validated when expanded).
 * @example
 * compiledLists().length //=> 7
 */
export function compiledLists(): readonly unknown[] {
  return compiledListData;
}

/**
 * Each compiled list's metadata and build provenance, in manifest order (here from the bundled
 * snapshots themselves).
 * @example
 * compiledManifest()[1]?.metadata.listId //=> "ofac-sdn"
 */
export function compiledManifest(): readonly { readonly metadata: unknown; readonly build: unknown }[] {
  return compiledListData.map((c) => ({ metadata: (c as { metadata?: unknown }).metadata, build: (c as { build?: unknown }).build }));
}

/**
 * A file shipped in `lists/compiled/` (`snapshot.bin`), kept open and read by range, where the
 * runtime exposes Node's file system through `process.getBuiltinModule` (no static `node:` import);
 * else undefined.
 * @example
 * openShippedFile("snapshot.bin")?.size //=> 59_000_000 (about)
 */
export function openShippedFile(name: string): ByteSource | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof getBuiltin !== "function") return undefined;
  try {
    const { createRequire } = getBuiltin("node:module") as typeof import("node:module");
    const fs = getBuiltin("node:fs") as FileSystem;
    return fileSource(fs, createRequire(import.meta.url).resolve(`sanctions-screen/lists/compiled/${name}`));
  } catch {
    return undefined;
  }
}
