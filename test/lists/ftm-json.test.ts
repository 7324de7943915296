import { beforeAll, describe, expect, it } from "vitest";
import { type ListSource, type LoadedList } from "../../src";
import { FTM_DATASET_REGIMES, ftmJsonLoader } from "../../src/lists/ftm-json";
import { fixtureSources, sharedSources, itWithData } from "../shared-data";
import { byId, formatError, loadExcerpt } from "./helpers";
import { runLoaderContract } from "./loader-contract";

// Synthetic entities written for these tests; the real OpenSanctions samples (CC BY-NC) are only
// read from ../shared/data.
const FIXTURE = "ftm-json/synthetic.ftm.json";
const ZALA = "opensanctions/zala.entities.ftm.json";
const T1 = "opensanctions/t1.entities.ftm.json";
const fixtureText = (): string => new TextDecoder().decode(fixtureSources(FIXTURE)[0]?.data as Uint8Array);
const textSource = (data: string): ListSource[] => [{ name: "entities.ftm.json", data }];
/** Rewrites one entity line of the fixture. */
const editEntity = (id: string, edit: (entity: Record<string, unknown>) => void): string =>
  fixtureText()
    .split("\n")
    .map((line) => {
      if (line === "") return line;
      const entity = JSON.parse(line) as Record<string, unknown>;
      if (entity.id !== id) return line;
      edit(entity);
      return JSON.stringify(entity);
    })
    .join("\n");

runLoaderContract({
  loader: ftmJsonLoader,
  sources: () => fixtureSources(FIXTURE),
  // ps-1, co-1, ve-1, ap-1, org-1, le-1; co-2 (no sanction, not a target) and ps-2 (only a
  // Ukrainian sanction) are reported, not loaded.
  expectedCount: 6,
  truncated: () => {
    const text = fixtureText();
    return textSource(text.slice(0, Math.floor(text.length * 0.55)));
  },
});

describe("ftm-json: synthetic FtM entities", () => {
  let list: LoadedList;
  beforeAll(() => {
    list = loadExcerpt(fixtureSources(FIXTURE));
  });

  it("maps Sanction entities of the four regimes to dated bases", () => {
    const person = byId(list, "ps-1");
    expect(person.id).toBe("opensanctions:ps-1");
    expect(person.bases).toHaveLength(2);
    expect(person.bases[0]).toMatchObject({
      regime: "US",
      authority: "Office of Foreign Assets Control",
      program: "RUSSIA-EO14024",
      list: "us_ofac_sdn",
      listedOn: { date: "2022-03-11", certainty: "stated", bound: "exact", source: "synthetic.ftm.json Sanction.startDate" },
      measures: ["Block"],
    });
    expect(person.bases[0]?.note).toContain("programId US-RUSHAR");
    expect(person.bases[1]).toMatchObject({
      regime: "UK",
      listedOn: { date: "2022-05-04", source: "synthetic.ftm.json Sanction.listingDate" },
      endedOn: { date: "2024-01-31", certainty: "stated", bound: "exact" },
      measures: ["Asset freeze"],
    });
    expect(person.bases[1]?.note).toContain("status: inactive");
  });

  it("keeps a sanction of another country as a remark, never as a basis", () => {
    const person = byId(list, "ps-1");
    expect(person.bases.some((b) => b.list === "ch_seco_sanctions")).toBe(false);
    expect(person.remarks.find((r) => r.startsWith("Sanction not under a US/EU/UK/UN regime"))).toBe(
      "Sanction not under a US/EU/UK/UN regime (country ch; authority State Secretariat for Economic Affairs; program SECO-UKRAINE; listed 2022-03-16; dataset ch_seco_sanctions)",
    );
  });

  it("maps names with their kinds and scripts", () => {
    expect(byId(list, "ps-1").subject.names).toEqual([
      { value: "Ivan Petrovich TESTOV", kind: "primary", originalScript: false },
      { value: "TESTOV, Ivan Petrovich", kind: "alias", originalScript: false },
      { value: "Иван Петрович Тестов", kind: "alias", originalScript: true, script: "Cyrl" },
      { value: "Vanya Testov", kind: "alias", originalScript: false },
      { value: "TESTER", kind: "weak-alias", originalScript: false },
      { value: "Ivan SAMPLOV", kind: "former", originalScript: false },
    ]);
  });

  it("maps identity facts, linked passports and address entities", () => {
    const s = byId(list, "ps-1").subject;
    expect(s.type).toBe("person");
    expect(s.birthDates).toEqual(["1970-05-01"]);
    expect(s.birthPlaces).toEqual([{ place: "Sampleville" }]);
    expect(s.nationalities).toEqual(["RU"]);
    expect(s.citizenships).toEqual(["RU"]);
    expect(s.gender).toBe("male");
    expect(s.positions).toEqual(["Director of Example Works"]);
    expect(s.identifiers).toEqual([
      { type: "tax-id", value: "770000000001", label: "innCode" },
      { type: "national-id", value: "ID-42", label: "idNumber" },
      { type: "passport", value: "P1234567", label: "Passport.number", country: "RU", issued: "2015-01-01", expires: "2025-01-01" },
    ]);
    expect(s.addresses).toEqual([
      { full: "1 Example Street, Sampleville, 100000", street: "1 Example Street", city: "Sampleville", postalCode: "100000", country: "RU" },
    ]);
  });

  it("falls back to official-list dataset membership for a target without a Sanction entity", () => {
    const company = byId(list, "co-1");
    expect(company.subject.type).toBe("organization");
    expect(company.bases).toEqual([
      expect.objectContaining({ regime: "EU", list: "eu_fsf", measures: [], confirmed: true }),
    ]);
    expect(company.bases[0]?.listedOn).toBeUndefined();
    expect(company.bases[0]?.note).toMatch(/dataset eu_fsf/);
    expect(company.subject.established).toBe("2001-02-03");
    expect(company.subject.names.find((n) => n.value === "EW")?.kind).toBe("weak-alias");
    // A regime covered by a Sanction gets no extra dataset basis; an uncovered one does.
    const committee = byId(list, "org-1");
    expect(committee.bases.map((b) => `${b.regime} ${b.list}`)).toEqual(["EU eu_fsf", "UN un_sc_sanctions"]);
    expect(committee.bases[0]).toMatchObject({ program: "EU-EXAMPLE", listedOn: { date: "2020" }, endedOn: { date: "2023-06" } });
    expect(FTM_DATASET_REGIMES.un_sc_sanctions).toBe("UN");
  });

  it("maps vessels, aircraft and legal entities", () => {
    const vessel = byId(list, "ve-1");
    expect(vessel.subject.type).toBe("vessel");
    expect(vessel.subject.vessel).toEqual({ callSign: "XXAB1", vesselType: "Oil Tanker", grossRegisteredTonnage: "81000", flag: "pa" });
    expect(vessel.subject.identifiers).toContainEqual({ type: "imo", value: "9000001", label: "imoNumber" });
    expect(vessel.subject.names.map((n) => n.kind)).toEqual(["primary", "former"]);
    const plane = byId(list, "ap-1");
    expect(plane.subject.type).toBe("aircraft");
    expect(plane.subject.identifiers).toEqual([
      { type: "aircraft-serial", value: "12345", label: "serialNumber" },
      { type: "aircraft-tail", value: "EP-XYZ", label: "registrationNumber" },
    ]);
    expect(plane.bases[0]).toMatchObject({ regime: "UN", program: "1718", listedOn: { date: "2017-08-05" } });
    const legal = byId(list, "le-1");
    expect(legal.subject.type).toBe("unknown");
    expect(legal.bases[0]?.listedOn?.date).toBe("2021-07-01");
  });

  it("reports subjects without a screened regime and unmapped data instead of dropping them silently", () => {
    expect(list.records.map((r) => r.sourceId)).not.toContain("co-2");
    expect(list.records.map((r) => r.sourceId)).not.toContain("ps-2");
    const skipped = list.metadata.warnings.find((w) => w.includes("not loaded"));
    expect(skipped).toBe(
      '2 subjects without any US/EU/UK/UN sanction or official-list dataset, not loaded: co-2 (Company "UNRELATED HOLDING", not a target); ps-2 (Person "Olena SAMPLENKO")',
    );
    expect(list.metadata.warnings).toContain("linked entities not mapped (relationships are not part of a designation): Ownership ×1");
    expect(list.metadata.warnings).toContain("properties not mapped: Person.firstName ×1, Person.lastName ×1");
  });

  it("dates the list by the newest last_seen and links back to OpenSanctions", () => {
    expect(list.metadata.listDate).toBe("2025-01-15T08:00:00");
    expect(list.metadata.listDateSource).toMatch(/^newest entity last_seen/);
    expect(byId(list, "ps-1").sourceUrl).toBe("https://www.opensanctions.org/entities/ps-1/");
    expect(byId(list, "ps-1").remarks).toContain("OpenSanctions first seen 2022-03-12T10:00:00, last seen 2025-01-15T08:00:00, last changed 2024-11-02T09:30:00");
  });
});

describe("ftm-json: fails closed on corrupt input", () => {
  it("names the line of invalid JSON", () => {
    const lines = fixtureText().split("\n");
    lines[4] = (lines[4] ?? "").slice(0, 40);
    const err = formatError(() => loadExcerpt(textSource(lines.join("\n")), { format: "ftm-json" }));
    expect(err.issues).toEqual([expect.objectContaining({ field: "entities.ftm.json", expected: "one JSON object per line", line: 5 })]);
    expect(err.message).toMatch(/line 5/);
  });

  it("refuses an entity without id or schema", () => {
    const text = editEntity("co-2", (e) => {
      delete e.schema;
    });
    const err = formatError(() => loadExcerpt(textSource(text), { format: "ftm-json" }));
    expect(err.issues).toEqual([expect.objectContaining({ expected: "an entity with string id and schema", line: 8 })]);
  });

  it("refuses a duplicate entity id", () => {
    const lines = fixtureText().split("\n");
    const text = [...lines.slice(0, -1), lines[0], ""].join("\n");
    const err = formatError(() => loadExcerpt(textSource(text)));
    expect(err.issues).toContainEqual(expect.objectContaining({ recordId: "ps-1", field: "id", received: "duplicate of entities.ftm.json line 1" }));
  });

  it("refuses a sanction date that is not a date", () => {
    const text = editEntity("san-us-1", (e) => {
      (e.properties as Record<string, string[]>).startDate = ["11/03/2022"];
    });
    const err = formatError(() => loadExcerpt(textSource(text)));
    expect(err.issues).toEqual([expect.objectContaining({ recordId: "san-us-1", field: "Sanction.startDate", received: '"11/03/2022"' })]);
  });

  it("refuses a property that is not a list of strings", () => {
    const text = editEntity("ps-1", (e) => {
      (e.properties as Record<string, unknown>).birthDate = "1970-05-01";
    });
    const err = formatError(() => loadExcerpt(textSource(text)));
    expect(err.issues).toEqual([expect.objectContaining({ recordId: "ps-1", field: "properties.birthDate", line: 1 })]);
  });
});

describe("ftm-json: OpenSanctions samples in ../shared", () => {
  itWithData("zala: 17 subjects (6 Person, 11 Company) → 9 designated under US/EU/UK/UN, 8 reported", [ZALA], () => {
    const list = loadExcerpt(sharedSources(ZALA));
    expect(list.metadata.recordCount).toBe(9);
    expect(list.metadata.countsByType).toEqual({ person: 5, organization: 4, vessel: 0, aircraft: 0, unknown: 0 });
    expect(list.metadata.warnings.find((w) => w.includes("not loaded"))).toMatch(/^8 subjects without/);
    const zakharov = byId(list, "NK-aU5ybkbRFJucf8YMwsJvDw");
    expect(zakharov.bases.find((b) => b.list === "us_ofac_sdn")).toMatchObject({ regime: "US", program: "RUSSIA-EO14024", measures: ["RUSSIA-EO14024", "Block"] });
    expect(zakharov.bases.find((b) => b.list === "eu_fsf")?.listedOn).toMatchObject({ date: "2025-02-24", certainty: "stated" });
    expect(zakharov.remarks.filter((r) => r.startsWith("Sanction not under a US/EU/UK/UN regime")).length).toBeGreaterThan(0);
    const cst = byId(list, "NK-abdzbEBkqyT29GyREbiURZ");
    expect(new Set(cst.bases.map((b) => b.regime))).toEqual(new Set(["US", "EU", "UK"]));
    expect(list.metadata.listDate).toBe("2026-04-29T12:53:04");
  });

  itWithData("t1: 6 EU targets without Sanction entities load on their eu_fsf membership", [T1], () => {
    const list = loadExcerpt(sharedSources(T1));
    expect(list.metadata.recordCount).toBe(6);
    expect(list.metadata.countsByType).toEqual({ person: 4, organization: 2, vessel: 0, aircraft: 0, unknown: 0 });
    for (const r of list.records) expect(r.bases.map((b) => `${b.regime} ${b.list}`)).toEqual(["EU eu_fsf"]);
    const tobacco = byId(list, "NK-2GdmHtZTeNXjNVrBGEXZNj");
    expect(tobacco.subject.names).toHaveLength(12);
    expect(tobacco.subject.names.filter((n) => n.script === "Cyrl")).toHaveLength(3);
  });
});
