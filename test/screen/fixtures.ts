/**
 * Small hand-made records for regression cases, appended to the real evaluation lists (so that
 * token rarity is realistic: a test corpus of five records would weigh every token alike).
 */
import type { DesignationRecord, LoadedList, NameKind, SubjectType } from "../../src/model";

/** A compact record description. */
export interface HandMade {
  readonly id: string;
  readonly type: SubjectType;
  readonly names: readonly (string | readonly [string, NameKind])[];
  readonly birthDates?: DesignationRecord["subject"]["birthDates"];
  readonly nationalities?: readonly string[];
  readonly identifiers?: DesignationRecord["subject"]["identifiers"];
}

/** Builds a designation record of the synthetic list `test-cases`. */
export function handMade(r: HandMade): DesignationRecord {
  return {
    id: `test-cases:${r.id}`,
    list: "test-cases",
    sourceId: r.id,
    subject: {
      type: r.type,
      names: r.names.map((n, i) =>
        typeof n === "string" ? { value: n, kind: i === 0 ? "primary" : "alias", originalScript: false } : { value: n[0], kind: n[1], originalScript: false },
      ),
      identifiers: [...(r.identifiers ?? [])],
      birthDates: [...(r.birthDates ?? [])],
      birthPlaces: [],
      nationalities: [...(r.nationalities ?? [])],
      citizenships: [],
      addresses: [],
      titles: [],
      positions: [],
    },
    bases: [{ regime: "US", program: "TEST", measures: [], confirmed: true }],
    remarks: [],
    sameAs: [],
  };
}

/** Wraps records into a loaded list `test-cases`. */
export function handMadeList(records: readonly HandMade[]): LoadedList {
  const built = records.map(handMade);
  const countsByType: Record<SubjectType, number> = { person: 0, organization: 0, vessel: 0, aircraft: 0, unknown: 0 };
  for (const r of built) countsByType[r.subject.type] += 1;
  return {
    metadata: {
      listId: "test-cases",
      publisher: "tests",
      title: "Hand-made regression records",
      format: "curated-json",
      sourceFiles: ["test/screen/fixtures.ts"],
      listDateSource: "hand-made test fixture",
      recordCount: built.length,
      countsByType,
      sha256: "0".repeat(64),
      fileSha256: ["0".repeat(64)],
      warnings: [],
    },
    records: built,
  };
}

/** Records for the regression cases of issue 3. */
export const REGRESSION_RECORDS: readonly HandMade[] = [
  { id: "habbash", type: "person", names: ["HABBASH, George"] },
  { id: "maduro-only", type: "person", names: ["MADURO"] },
  { id: "vladimirov", type: "person", names: ["VLADIMIROV, Vladimir Vladimirovich"] },
  { id: "john-smith", type: "person", names: ["SMITH, John"] },
  { id: "anne-lee", type: "person", names: ["LEE, Anne"] },
  { id: "sis", type: "organization", names: ["SIS d.o.o."] },
  { id: "11420", type: "organization", names: ["11420 CORP."] },
  { id: "the-groups", type: "organization", names: ["THE LAZARUS GROUP", ["The Carbanak Group", "alias"], ["The Cobalt Group", "alias"]] },
  { id: "argument", type: "organization", names: ["JSC ARGUMENT"] },
  { id: "haige", type: "organization", names: ["Guangzhou Haige Communication Group Co., Ltd."] },
  { id: "vasilyok", type: "organization", names: ["ООО Василёк"] },
  { id: "lukoil-ooo", type: "organization", names: ["OOO Lukoil"] },
  { id: "bank-east", type: "organization", names: ["Bank of the East"] },
  {
    id: "with-facts",
    type: "person",
    names: ["PETROV, Ivan Sergeyevich"],
    birthDates: ["1970-03-02"],
    nationalities: ["RU"],
    identifiers: [{ type: "passport", value: "7203456789", country: "RU" }],
  },
];
