import { describe, expect, it } from "vitest";
import { buildNameIndex, exportNameIndex, findKey, hashKey, importNameIndex, indexFingerprint, keyBuckets, keyBucketsFit, searchNames, slotsFit, vocabKey, vocabSlots, type KeyTable } from "../../src/candidates";
import { InputError } from "../../src/errors";
import { normalizeName } from "../../src/normalize";
import { NAMES_V2 } from "../../src/score";
import { createScreener } from "../../src/screen";
import { REGRESSION_RECORDS, handMade, handMadeList } from "../screen/fixtures";

/** Screens here are as of one fixed day; date rules are tested in test/screen/date-aware.test.ts. */
const TODAY = "2026-11-22";

const records = [...REGRESSION_RECORDS.map(handMade), handMade({ id: "arabic", type: "person", names: ["صدام حسين التكريتي"] })];
const fingerprint = indexFingerprint([{ listId: "test-cases", sha256: "0".repeat(64), recordCount: records.length }]);

describe("prebuilt index", () => {
  it("round-trips: an imported index answers exactly like the built one", () => {
    const built = buildNameIndex(records);
    const bytes = exportNameIndex(built, fingerprint);
    // A Node Buffer slice is not 8-byte aligned; the import must cope.
    const unaligned = new Uint8Array(bytes.byteLength + 3).subarray(3);
    unaligned.set(bytes);
    for (const loaded of [importNameIndex(bytes, fingerprint), importNameIndex(unaligned, fingerprint)]) {
      expect(loaded.data.vocabText).toEqual(built.data.vocabText);
      expect(loaded.data.keys.hashes).toEqual(built.data.keys.hashes);
      for (const q of ["SIS DOO", "JSCARGUMENT", "Saddam Hussein", "صدام حسين", "Guangzhou Haige", "John Smyth"]) {
        const n = normalizeName(q);
        expect(searchNames(loaded, n, { minScore: 0.3 })).toEqual(searchNames(built, n, { minScore: 0.3 }));
      }
    }
  });

  it("stores the list-side weights, and an index without them (written before) derives the same at load", () => {
    const built = buildNameIndex(records);
    const bytes = exportNameIndex(built, fingerprint);
    const loaded = importNameIndex(bytes, fingerprint);
    expect(loaded.nameCoreWeight).toEqual(built.nameCoreWeight);
    expect(loaded.textCover).toEqual(built.textCover);
    // The stored sections are views over the bytes: nothing derived at load.
    expect(loaded.nameCoreWeight.buffer).toBe(bytes.buffer);
    // The same index with the two sections renamed, as a reader that does not know them sees it.
    const header = new TextDecoder().decode(bytes.subarray(12, 12 + new DataView(bytes.buffer).getUint32(8, true)));
    const renamed = header.replace('"name":"nameCoreWeight"', '"name":"nameCoreWeighX"').replace('"name":"textCover"', '"name":"textCoveX"');
    expect(renamed.length).toBe(header.length);
    const older = bytes.slice();
    older.set(new TextEncoder().encode(renamed), 12);
    const derived = importNameIndex(older, fingerprint);
    expect(derived.nameCoreWeight.buffer).not.toBe(older.buffer);
    expect(derived.nameCoreWeight).toEqual(built.nameCoreWeight);
    expect(derived.textCover).toEqual(built.textCover);
  });

  it("stores the vocabulary's hash table: every key found as by a map, unknown keys not; a damaged table refused", () => {
    const built = buildNameIndex(records);
    const bytes = exportNameIndex(built, fingerprint);
    const loaded = importNameIndex(bytes, fingerprint);
    expect(loaded.vocabLookup).not.toBeInstanceOf(Map);
    const d = built.data;
    for (let v = 0; v < d.vocabText.length; v++) {
      const t = built.vocab.at(v)!;
      expect(loaded.vocabLookup.get(vocabKey(t))).toBe(v);
      expect(built.vocabLookup.get(vocabKey(t))).toBe(v);
      // Lazily made tokens equal the built ones.
      expect(loaded.vocab.at(v)).toEqual(t);
    }
    for (const unknown of ["ZZQX", "#ZZQX|ZQX", "!Q", ""]) expect(loaded.vocabLookup.get(unknown)).toBe(built.vocabLookup.get(unknown));
    // Damage the table: one id written twice.
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + new DataView(bytes.buffer).getUint32(8, true)))) as { sections: { name: string; offset: number }[] };
    const start = Math.ceil((12 + new DataView(bytes.buffer).getUint32(8, true)) / 8) * 8;
    const at = start + header.sections.find((x) => x.name === "vocabSlots")!.offset;
    const damaged = bytes.slice();
    const view = new Int32Array(damaged.buffer, at, 64);
    const first = view.findIndex((x) => x !== -1);
    const empty = view.findIndex((x) => x === -1);
    view[empty] = view[first]!;
    expect(() => importNameIndex(damaged, fingerprint)).toThrow(/vocabulary hash table/);
    // Every entry once, but one slot further on than the hash puts it (a table laid out by another hash).
    const shifted = bytes.slice();
    const slots = new Int32Array(shifted.buffer, at, vocabSlots(d).length);
    const rotated = Int32Array.from(slots, (_, i) => slots[(i + slots.length - 1) % slots.length]!);
    slots.set(rotated);
    expect(slotsFit(slots, d.vocabText.length)).toBe(true);
    expect(() => importNameIndex(shifted, fingerprint)).toThrow(/finds its entries/);
    expect(slotsFit(vocabSlots(d), d.vocabText.length)).toBe(true);
  });

  it("stores the keys' bucket directory: every key found at its index, absent keys not; a damaged directory refused", () => {
    const built = buildNameIndex(records);
    const keys = built.data.keys;
    const bytes = exportNameIndex(built, fingerprint);
    const loaded = importNameIndex(bytes, fingerprint);
    // Loaded as a view over the bytes: nothing built at load.
    expect(loaded.data.keys.buckets.buffer).toBe(bytes.buffer);
    expect(loaded.data.keys.buckets).toEqual(keys.buckets);
    expect(keyBucketsFit(keys)).toBe(true);
    // At most about four hashes per bucket on average, and not fewer than two (a directory of
    // needless width costs memory: the default lists' index reads it whole at start).
    expect(keys.buckets.length - 1).toBeGreaterThanOrEqual(keys.hashes.length / 4);
    expect(keys.buckets.length - 1).toBeLessThanOrEqual(keys.hashes.length / 2);
    for (let k = 0; k < keys.hashes.length; k++) expect(findKey(loaded.data.keys, keys.hashes[k]!)).toBe(k);
    const present = new Set(keys.hashes);
    for (let i = 0; i < 2000; i++) {
      const h = hashKey("Z", `absent ${i}`);
      if (!present.has(h)) expect(findKey(loaded.data.keys, h)).toBe(-1);
    }
    // The same answers as a binary search over the sorted hashes, on a table of random hashes.
    const random = Uint32Array.from({ length: 5000 }, (_, i) => hashKey("T", String(i))).sort();
    const unique = random.filter((h, i) => i === 0 || h !== random[i - 1]);
    const table: KeyTable = { hashes: unique, starts: new Int32Array(unique.length + 1), ids: new Int32Array(0), buckets: keyBuckets(unique) };
    expect(keyBucketsFit(table)).toBe(true);
    for (let i = 0; i < unique.length; i++) expect(findKey(table, unique[i]!)).toBe(i);
    expect(keyBuckets(Uint32Array.of(7, 0x80000000))).toEqual(Int32Array.of(0, 1, 2));

    const length = new DataView(bytes.buffer).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as { sections: { name: string; offset: number; length: number }[] };
    const section = header.sections.find((x) => x.name === "keyBuckets")!;
    const at = Math.ceil((12 + length) / 8) * 8 + section.offset;
    const damage = (edit: (directory: Int32Array) => void): Uint8Array => {
      const copy = bytes.slice();
      edit(new Int32Array(copy.buffer, at, section.length));
      return copy;
    };
    // Not ending at the hash count (a key lost), decreasing, or shifted by one bucket (structurally
    // sound, as a directory of another layout would be, but every key looked up in its neighbour).
    const lost = damage((d) => (d[d.length - 1] = d[d.length - 1]! - 1));
    const decreasing = damage((d) => (d[1] = d[2]! + 1));
    const other = damage((d) => {
      d.copyWithin(1, 0, d.length - 2);
      d[d.length - 1] = keys.hashes.length;
    });
    expect(keyBucketsFit({ ...keys, buckets: new Int32Array(other.buffer, at, section.length) })).toBe(false);
    for (const damaged of [lost, decreasing, other]) expect(() => importNameIndex(damaged, fingerprint)).toThrow(/key bucket directory/);
    // An index written before the directory (section renamed away) builds it at load: same answers.
    const text = new TextDecoder().decode(bytes.subarray(12, 12 + length));
    const older = bytes.slice();
    older.set(new TextEncoder().encode(text.replace('"name":"keyBuckets"', '"name":"keyBucketX"')), 12);
    const rebuilt = importNameIndex(older, fingerprint);
    expect(rebuilt.data.keys.buckets).toEqual(keys.buckets);
    expect(rebuilt.data.keys.buckets.buffer).not.toBe(older.buffer);
  });

  it("refuses an index built for other lists or another algorithm", () => {
    const bytes = exportNameIndex(buildNameIndex(records), fingerprint);
    expect(() => importNameIndex(bytes, indexFingerprint([{ listId: "other", sha256: "1".repeat(64), recordCount: 1 }]))).toThrow(InputError);
    expect(() => importNameIndex(bytes, fingerprint, { ...NAMES_V2, id: "names-v3" })).toThrow(/algorithm names-v3/);
    expect(() => importNameIndex(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), fingerprint)).toThrow(InputError);
  });

  it("is what createScreener exports and loads", () => {
    const lists = [handMadeList(REGRESSION_RECORDS)];
    const a = createScreener({ lists, today: TODAY });
    const b = createScreener({ lists, index: a.exportIndex(), today: TODAY });
    expect(b.screen({ name: "Guangzhou Haige Comm Grp" })).toEqual(a.screen({ name: "Guangzhou Haige Comm Grp" }));
    expect(() => createScreener({ lists: [{ ...lists[0]!, metadata: { ...lists[0]!.metadata, sha256: "f".repeat(64) } }], index: a.exportIndex() })).toThrow(InputError);
  });

  // The index holds the list names as the writing version normalised them (legal forms, company
  // words, tables); queries normalised by another version would not meet them, so the screener
  // refuses an index another library version wrote, or one that does not say.
  it("is refused by the screener when another library version wrote it, or none is named", () => {
    const lists = [handMadeList(REGRESSION_RECORDS)];
    const own = createScreener({ lists, today: TODAY });
    const exported = own.exportIndex();
    const header = JSON.parse(new TextDecoder().decode(exported.subarray(12, 12 + new DataView(exported.buffer, exported.byteOffset).getUint32(8, true)))) as { fingerprint: string; library: string };
    expect(header.library).toMatch(/^sanctions-screen@/);
    const fp = header.fingerprint;
    const built = buildNameIndex(lists.flatMap((l) => l.records));
    const by = (index: Uint8Array) => {
      try {
        createScreener({ lists, index, today: TODAY });
        return "loaded";
      } catch (e) {
        return e instanceof InputError ? `${e.issues[0]?.path}: ${e.issues[0]?.expected} / ${e.issues[0]?.received}` : String(e);
      }
    };
    expect(by(exported)).toBe("loaded");
    expect(by(exportNameIndex(built, fp, "sanctions-screen@0.0.9"))).toMatch(/^index: an index written by sanctions-screen@\S+ \/ an index written by sanctions-screen@0\.0\.9$/);
    expect(by(exportNameIndex(built, fp))).toMatch(/an index written by an unnamed build$/);
    // Without a library to check against (a direct import), any writer is accepted.
    expect(importNameIndex(exportNameIndex(built, fp, "sanctions-screen@0.0.9"), fp).data.nameRecord.length).toBe(built.data.nameRecord.length);
  });
});
