/**
 * The embedded lists' data in Node (imported as `#compiled-data` under the `node-addons` condition,
 * see package.json `imports`: Node sets it, bundlers do not, so a bundle never depends on files next
 * to it): the shipped files in `lists/compiled/` are read only
 * when asked, so importing `sanctions-screen/lists` parses no JSON, and `createDefaultScreener()`
 * reads the list-set snapshot (`snapshot.bin`) instead (issue 8). Same functions as `./compiled-data.ts`.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { ListFormatError } from "../errors";
import { fileSource, type ByteSource } from "./file-source";

const shipped = (name: string): string => createRequire(import.meta.url).resolve(`sanctions-screen/lists/compiled/${name}`);
let lists: readonly unknown[] | undefined;
let manifest: readonly { readonly file: string; readonly metadata: unknown; readonly build: unknown }[] | undefined;

/**
 * Each compiled list's file, metadata and build provenance, from `lists/compiled/manifest.json`
 * (12 KB: the lists' JSON is not read).
 * @example
 * compiledManifest()[1]?.metadata.listId //=> "ofac-sdn"
 */
export function compiledManifest(): readonly { readonly file: string; readonly metadata: unknown; readonly build: unknown }[] {
  if (manifest === undefined) {
    try {
      manifest = (JSON.parse(readFileSync(shipped("manifest.json"), "utf8")) as { lists: { file: string; metadata: unknown; build: unknown }[] }).lists;
    } catch (cause) {
      throw new ListFormatError("embedded", [{ field: "lists/compiled/manifest.json", expected: "the shipped manifest", received: cause instanceof Error ? cause.message : String(cause) }], {
        cause,
        summary: "embedded manifest unreadable",
      });
    }
  }
  return manifest;
}

/**
 * The compiled snapshots in manifest order, as raw JSON values (validated when expanded); read and
 * parsed on the first call.
 * @example
 * compiledLists().length //=> 7
 */
export function compiledLists(): readonly unknown[] {
  lists ??= compiledManifest().map((l) => JSON.parse(readFileSync(shipped(l.file), "utf8")) as unknown);
  return lists;
}

/**
 * A file shipped in `lists/compiled/` (`snapshot.bin`), kept open and read by range, or undefined when
 * it was not built.
 * @example
 * openShippedFile("snapshot.bin")?.size //=> 59_000_000 (about)
 */
export function openShippedFile(name: string): ByteSource | undefined {
  try {
    return fileSource({ openSync, fstatSync, readSync, closeSync }, shipped(name));
  } catch {
    return undefined;
  }
}
