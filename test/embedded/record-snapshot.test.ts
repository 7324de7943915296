/**
 * The binary record snapshot (src/embedded/record-snapshot.ts) against the JSON path it replaces at
 * start: written here from the compiled JSON snapshots (as `npm run build` writes
 * lists/compiled/records.bin), every record it decodes must deep-equal the record the JSON path
 * expands, what it precomputes must equal what the screener computes from all records, screens over
 * both must be identical, and a damaged or foreign snapshot must be refused with a typed error.
 */
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIdentifierIndex } from "../../src/candidates";
import { compiledLists, compiledManifest } from "../../src/embedded/compiled-data-node";
import { loadEmbeddedLists, type CompiledList } from "../../src/embedded";
import { openRecordSnapshot, RECORD_SNAPSHOT_FORMAT, screenerOverSnapshot, snapshotFitsManifest, writeRecordSnapshot, type RecordSnapshot } from "../../src/embedded/record-snapshot";
import { fileSource, type ByteSource } from "../../src/embedded/file-source";
import { ListFormatError } from "../../src/errors";
import type { DesignationRecord, LoadedList } from "../../src/model";
import { createScreener, regimesCovered, type ScreenInput, type Screener } from "../../src/screen";
import { describeWithData, EVAL_DIR } from "../shared-data";

let bytes: Uint8Array;
let lists: LoadedList[];

beforeAll(() => {
  bytes = writeRecordSnapshot(compiledLists() as CompiledList[]);
  lists = loadEmbeddedLists();
});

/** A copy of the snapshot with its JSON header rewritten (same length, so the layout stays valid). */
function withHeader(edit: (header: string) => string): Uint8Array {
  const copy = bytes.slice();
  const length = new DataView(copy.buffer).getUint32(8, true);
  const header = new TextDecoder().decode(copy.subarray(12, 12 + length));
  const edited = new TextEncoder().encode(edit(header));
  expect(edited.length).toBe(length);
  copy.set(edited, 12);
  return copy;
}

function refusal(fn: () => unknown): { field: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ListFormatError);
    return { field: (error as ListFormatError).issues[0]?.field ?? "" };
  }
  throw new Error("not refused");
}

describe("the record snapshot of the embedded lists", () => {
  it("decodes every record of every list exactly as the JSON path expands it", () => {
    const snapshot = openRecordSnapshot(bytes, { verifySha256: true });
    const all = lists.flatMap((l) => l.records);
    expect(snapshot.recordCount).toBe(all.length);
    expect(snapshot.lists.map((l) => [l.metadata, l.recordCount])).toEqual(lists.map((l) => [l.metadata, l.records.length]));
    for (let i = 0; i < all.length; i++) expect(snapshot.record(i)).toEqual(all[i]);
    // Decoded once, then the same object.
    expect(snapshot.record(5)).toBe(snapshot.record(5));
  });

  it("precomputes what the screener needs of all records: covered regimes and the identifier index", () => {
    const snapshot = openRecordSnapshot(bytes);
    expect(snapshot.regimesCovered).toEqual(regimesCovered(lists));
    const ids = buildIdentifierIndex(lists.flatMap((l) => l.records));
    expect(ids.size).toBeGreaterThan(1000);
    expect(snapshot.identifierIndex()).toEqual(ids);
  });

  it("fits the manifest it was written from, and no other (a stale snapshot is not used)", () => {
    const snapshot = openRecordSnapshot(bytes);
    const manifest = compiledManifest();
    expect(snapshotFitsManifest(snapshot, manifest)).toBe(true);
    const changed = manifest.map((m, i) => (i === 1 ? { ...m, metadata: { ...(m.metadata as object), sha256: "0".repeat(64) } } : m));
    expect(snapshotFitsManifest(snapshot, changed)).toBe(false);
    expect(snapshotFitsManifest(snapshot, [...manifest].reverse())).toBe(false);
    expect(snapshotFitsManifest(snapshot, manifest.slice(1))).toBe(false);
  });

  it("refuses a snapshot of another library version, format or magic with a typed error naming the field", () => {
    expect(refusal(() => openRecordSnapshot(withHeader((h) => h.replace(/"library":"sanctions-screen@[^"]+"/, (m) => m.replace(/\d(?=")/, (d) => String((Number(d) + 1) % 10))))))).toEqual({ field: "snapshot.library" });
    const otherFormat = bytes.slice();
    new DataView(otherFormat.buffer).setUint32(4, RECORD_SNAPSHOT_FORMAT + 1, true);
    expect(refusal(() => openRecordSnapshot(otherFormat))).toEqual({ field: "snapshot.format" });
    const otherMagic = bytes.slice();
    otherMagic[0] = "X".charCodeAt(0);
    expect(refusal(() => openRecordSnapshot(otherMagic))).toEqual({ field: "snapshot.magic" });
    expect(refusal(() => openRecordSnapshot(bytes.subarray(0, bytes.length - 10)))).toEqual({ field: "snapshot.length" });
  });

  it("reads the same from the file kept open and read by range (the shipped path) as from bytes in memory", () => {
    const dir = mkdtempSync(join(tmpdir(), "records-"));
    const path = join(dir, "records.bin");
    writeFileSync(path, bytes);
    const source = fileSource({ openSync, fstatSync, readSync, closeSync }, path);
    expect(source?.size).toBe(bytes.length);
    expect(source?.read(bytes.length - 3, 10)).toEqual(bytes.subarray(bytes.length - 3));
    const fromFile = openRecordSnapshot(source as ByteSource, { verifySha256: true });
    const inMemory = openRecordSnapshot(bytes);
    const all = lists.flatMap((l) => l.records);
    for (let i = 0; i < all.length; i += 97) expect(fromFile.record(i)).toEqual(all[i]);
    expect(fromFile.identifierIndex()).toEqual(inMemory.identifierIndex());
    expect(fileSource({ openSync, fstatSync, readSync, closeSync }, join(dir, "missing.bin"))).toBeUndefined();
    // A damaged record in the file is refused when decoded, as in memory.
    const damaged = bytes.slice();
    const at = bytes.length - 1 - (JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + new DataView(bytes.buffer).getUint32(8, true)))) as { identifierBytes: number }).identifierBytes - 5;
    damaged[at] = (damaged[at] as number) ^ 0x01;
    writeFileSync(path, damaged);
    const reopened = openRecordSnapshot(fileSource({ openSync, fstatSync, readSync, closeSync }, path) as ByteSource);
    expect(refusal(() => reopened.record(reopened.recordCount - 1))).toEqual({ field: "snapshot.record" });
    rmSync(dir, { recursive: true });
  });

  it("refuses damage: the sha256 at open on request, a damaged record when it is decoded, never read wrong", () => {
    const damaged = bytes.slice();
    // A byte inside the last record's JSON (before the identifier index): a name letter, say.
    const at = damaged.length - 1 - (JSON.parse(new TextDecoder().decode(damaged.subarray(12, 12 + new DataView(damaged.buffer).getUint32(8, true)))) as { identifierBytes: number }).identifierBytes - 5;
    damaged[at] = (damaged[at] as number) ^ 0x01;
    expect(refusal(() => openRecordSnapshot(damaged, { verifySha256: true }))).toEqual({ field: "snapshot.sha256" });
    const opened = openRecordSnapshot(damaged);
    expect(opened.record(0)).toEqual(lists[0]?.records[0]);
    expect(refusal(() => opened.record(opened.recordCount - 1))).toEqual({ field: "snapshot.record" });
  });
});

/** ~200 dev-set queries: the first 40 of each file, as the eval adapter screens them. */
function devQueries(): ScreenInput[] {
  const files = ["alias", "cross-list", "cross-script", "negatives", "typo"];
  return files.flatMap((f) =>
    readFileSync(join(EVAL_DIR, "dev", `${f}.jsonl`), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .slice(0, 40)
      .map((l) => ({ name: (JSON.parse(l) as { query: string }).query, asOf: "2024-01-01" })),
  );
}

describeWithData("screens over the record snapshot and over the JSON lists", [join(EVAL_DIR, "dev", "alias.jsonl")], () => {
  let fromJson: Screener;
  let fromSnapshot: Screener;

  beforeAll(() => {
    fromJson = createScreener({ lists, freshness: { snapshot: true } });
    const screener = screenerOverSnapshot(openRecordSnapshot(bytes), { freshness: { snapshot: true } }, fromJson.exportIndex());
    if (screener === undefined) throw new Error("the index exported for these lists did not fit the snapshot");
    fromSnapshot = screener;
  }, 180_000);

  it("answer ~200 dev-set queries identically", () => {
    const queries = devQueries();
    expect(queries.length).toBe(200);
    let hits = 0;
    for (const q of queries) {
      const a = fromJson.screen(q);
      expect(fromSnapshot.screen(q), q.name).toEqual(a);
      hits += a.hits.length;
    }
    expect(hits).toBeGreaterThan(100);
    expect(fromSnapshot.stats).toEqual(fromJson.stats);
    expect(fromSnapshot.lists).toEqual(fromJson.lists);
  }, 120_000);

  it("decode only the records a screen scores: a handful of 21k", () => {
    const snapshot = openRecordSnapshot(bytes);
    const decoded = new Set<number>();
    const spy: RecordSnapshot = { ...snapshot, record: (i) => (decoded.add(i), snapshot.record(i)) };
    const screener = screenerOverSnapshot(spy, { freshness: { snapshot: true } }, fromJson.exportIndex()) as Screener;
    const curated = lists.find((l) => l.metadata.listId === "curated")?.records.length ?? 0;
    expect(decoded.size).toBe(curated);
    const result = screener.screen({ name: "Army Supply Bureau", asOf: "2024-01-01" });
    expect(result.outcome).toBe("alert");
    expect(decoded.size).toBeGreaterThan(curated);
    expect(decoded.size).toBeLessThan(curated + 200);
    expect(snapshot.recordCount).toBeGreaterThan(20_000);
  });

  it("answer screens with identifiers, dates of birth, countries, other days and jurisdictions identically", () => {
    const withIds = lists.flatMap((l) => l.records).filter((r): r is DesignationRecord => r.subject.identifiers.length > 0);
    const step = Math.floor(withIds.length / 12);
    const inputs: ScreenInput[] = [];
    for (let k = 0; k < 12; k++) {
      const r = withIds[k * step] as DesignationRecord;
      const id = r.subject.identifiers[0] as DesignationRecord["subject"]["identifiers"][number];
      inputs.push({ name: "Unrelated Trading Name", identifiers: [{ value: id.value }], asOf: "2024-01-01" });
      inputs.push({ name: r.subject.names[0]?.value ?? "x", dateOfBirth: "1970", country: "RU", asOf: "2012-01-01", jurisdictions: ["US", "UN"] });
    }
    for (const q of inputs) expect(fromSnapshot.screen(q), JSON.stringify(q)).toEqual(fromJson.screen(q));
    expect(inputs.filter((q) => q.identifiers !== undefined).every((q) => fromJson.screen(q).hits.length > 0)).toBe(true);
  }, 120_000);
});
