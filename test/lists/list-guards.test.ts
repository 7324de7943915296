/**
 * Issue 9 guards on the real files: record dates against the list date, listing-date presence,
 * shipped record floors, encodings, and a named list given another list's file.
 */
import { expect, it } from "vitest";
import { ListCountError, RECORD_FLOORS, loadList, type ListSource } from "../../src";
import { decodeText, findDoubleEncodedUtf8, firstInvalidUtf8Offset, startsAfter } from "../../src/lists";
import { describeWithData, sharedSources } from "../shared-data";
import { formatError } from "./helpers";

const UN = "un-consolidated/consolidated.xml";
const decoder = new TextDecoder();
// The guards are measured on the full official files: without them (a bare clone) these are skipped.
const DATA = [UN, "ofac-cons/cons_prim.csv", "eu-fsf/sample_eu_fsf_2026-08-05.xml", "ofac-sdn/history/snapshots/sdn-2021-08-18.csv", "us-csl/dpl.txt"];
const unText = (): string => decoder.decode(sharedSources(UN)[0]?.data as Uint8Array);
const unWith = (text: string): ListSource[] => [{ name: UN, data: new TextEncoder().encode(text) }];

describeWithData("record dates after the list's own date", DATA, () => {
  it("refuses one flipped digit in a UN LISTED_ON (2012 → 2092), naming record and field", () => {
    // "Eric Badege" (CDi.001): as of 2024-01-01 this made an exact match CLEAR instead of ALERT.
    const err = formatError(() => loadList(unWith(unText().replace("<LISTED_ON>2012-12-31</LISTED_ON>", "<LISTED_ON>2092-12-31</LISTED_ON>"))));
    expect(err.issues).toEqual([
      expect.objectContaining({ recordId: "CDi.001", field: "bases.0.listedOn", expected: "a listing date on or before the list date 2026-02-27 (CONSOLIDATED_LIST@dateGenerated)" }),
    ]);
    expect(err.message).toMatch(/^un-sc: 1 listing date after the list date 2026-02-27/);
  });

  it("refuses a list whose own date is after the retrieval day (+1 day for time zones)", () => {
    // The real UN file is dated 2026-02-27.
    const err = formatError(() => loadList(sharedSources(UN), { retrievedOn: "2026-02-25" }));
    expect(err.issues[0]).toMatchObject({ field: "listDate", received: "2026-02-27 (CONSOLIDATED_LIST@dateGenerated)" });
    expect(err.message).toMatch(/the list's own date is in the future/);
    expect(loadList(sharedSources(UN), { retrievedOn: "2026-02-26" }).records.length).toBe(1003);
  });

  it("checks a list without a date of its own against the retrieval day (+1 day for time zones)", () => {
    const files = ["cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"].map((f) => `ofac-cons/${f}`);
    const future = sharedSources(...files).map((s, i) =>
      i === 0 ? { ...s, data: new TextEncoder().encode(decoder.decode(s.data as Uint8Array).replace(/(Listing Date \([^)]*\): \d{1,2} \w{3} )(\d{4})/, "$12027")) } : s,
    );
    expect(formatError(() => loadList(future, { retrievedOn: "2026-12-01" })).issues[0]).toMatchObject({ field: expect.stringMatching(/^bases\.\d+\.listedOn$/), received: expect.stringMatching(/^"2027-/) });
    // Without a retrieval day there is nothing to compare with (the CLI always passes one).
    expect(loadList(future).records.length).toBe(442);
    expect(loadList(sharedSources(...files), { retrievedOn: "2026-12-01" }).records.length).toBe(442);
    expect(formatError(() => loadList(sharedSources(...files), { retrievedOn: "1.12.2026" })).issues[0]).toMatchObject({ field: "retrievedOn" });
  });

  it.each([
    { partial: "2092", day: "2024-01-01", after: true },
    { partial: "2024", day: "2024-01-01", after: false },
    { partial: "2024-02", day: "2024-01-31", after: true },
    { partial: "2024-01-31", day: "2024-01-31", after: false },
  ])("$partial starts after $day: $after", ({ partial, day, after }) => expect(startsAfter(partial, day)).toBe(after));
});

describeWithData("listing-date presence", DATA, () => {
  it("refuses a UN file whose LISTED_ON elements were dropped (measured: 1,003 of 1,003 carry one)", () => {
    const err = formatError(() => loadList(unWith(unText().replace(/\s*<LISTED_ON>[^<]*<\/LISTED_ON>/g, ""))));
    expect(err.issues).toEqual([expect.objectContaining({ field: "bases.listedOn", received: "0 of 1003 records (0.0 %): element renamed or dropped?" })]);
  });
});

describeWithData("shipped record floors", DATA, () => {
  it.each([
    { files: [UN], listId: "un-sc", count: 1003 },
    { files: ["us-csl/dpl.txt"], listId: "bis-dpl", count: 483 },
    { files: ["ofac-sdn/history/snapshots/sdn-2021-08-18.csv"], listId: "ofac-sdn", count: 9083 },
  ])("the real $listId file ($count records) is above its floor", ({ files, listId, count }) => {
    const list = loadList(sharedSources(...files));
    expect(list.metadata.listId).toBe(listId);
    expect(list.records.length).toBeGreaterThanOrEqual(count - 1);
    expect(RECORD_FLOORS[listId]?.min).toBeLessThanOrEqual(0.8 * count);
  });

  it("refuses a UN file thinned at record boundaries without previousCount, unless minRecordCount says so", () => {
    let i = 0;
    const thinned = unWith(unText().replace(/<(INDIVIDUAL|ENTITY)>[\s\S]*?<\/\1>\s*/g, (m) => (i++ % 2 === 0 ? m : "")));
    const err = (() => {
      try {
        loadList(thinned);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ListCountError);
    expect(err).toMatchObject({ code: "LIST_BELOW_FLOOR", count: 502, floor: 800 });
    expect(loadList(thinned, { minRecordCount: 0 }).records.length).toBe(502);
    // A caller's own label carries no floor.
    expect(loadList(thinned, { listId: "un-sc-excerpt" }).records.length).toBe(502);
  });
});

describeWithData("encodings", DATA, () => {
  it.each([
    { text: "CafÃ©", meant: "é" },
    { text: "ÐœÐ°Ñ€Ð¸Ñ", meant: "М" },
    { text: "â€™s", meant: "’" },
  ])("finds UTF-8 encoded twice in $text", ({ text, meant }) => expect(findDoubleEncodedUtf8(text)?.meant).toBe(meant));

  it.each(["Café", "Ãlvarez-Ávila", "Øster Ã", "São Tomé"])("leaves ordinary text alone: %s", (text) => expect(findDoubleEncodedUtf8(text)).toBeUndefined());

  it("names the byte offset of doubled UTF-8, of a byte that breaks UTF-8, and of UTF-8 inside Windows-1252", () => {
    const doubled = new Uint8Array(Buffer.from("name: CafÃ©", "utf8"));
    expect(formatError(() => decodeText("x", { name: "f.xml", data: doubled })).issues[0]?.received).toMatch(/^"Ã©" at byte offset 9: UTF-8 encoded twice/);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc3, 0xa9, 0x42, 0xe9, 0x43]))).toBe(4);
    const mixed = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0xc3, 0xa9]); // "Müller" in 1252, then UTF-8 "é"
    expect(formatError(() => decodeText("x", { name: "f.csv", data: mixed }, "windows-1252")).issues[0]?.received).toMatch(/UTF-8 sequence C3 A9 \("é"\) at byte offset 7/);
  });

  it("warns, with the offset, when an OFAC CSV is read as Windows-1252 (never a silent switch)", () => {
    const files = ["cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"].map((f) => `ofac-cons/${f}`);
    const sources = sharedSources(...files);
    const prim = Uint8Array.from(sources[0]?.data as Uint8Array);
    const at = prim.indexOf(0x41); // the first "A"
    prim[at] = 0xc0; // "À" in Windows-1252
    const list = loadList([{ name: files[0] as string, data: prim }, ...sources.slice(1)]);
    expect(list.metadata.warnings).toContain(`cons_prim.csv: not valid UTF-8 (first at byte offset ${at}); read as Windows-1252`);
  });
});

describeWithData("a named list or format given another list's file", DATA, () => {
  // Read in the tests (a skipped suite's body still runs to collect them).
  const eu = (): ListSource[] => sharedSources("eu-fsf/sample_eu_fsf_2026-08-05.xml");
  it("is refused when the caller names the list or the format", () => {
    for (const options of [{ listId: "un-sc" }, { format: "un-xml" as const }]) {
      const err = formatError(() => loadList(eu(), options));
      expect(err.message).toMatch(/file of another list or format/);
      expect(err.issues[0]).toMatchObject({ received: "a eu-fsf-xml file (eu-fsf)" });
    }
  });
  it("is loaded as what it is when nothing is named, or under a caller's own label", () => {
    expect(loadList(eu()).metadata.listId).toBe("eu-fsf");
    expect(loadList(eu(), { listId: "eu-fsf-2026-08" }).metadata.listId).toBe("eu-fsf-2026-08");
  });
});
