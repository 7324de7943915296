import { describe, expect, it } from "vitest";
import { embeddedGoodsCatalogue, embeddedRulePack, loadEmbeddedLists } from "../../src/embedded";
import { InputError } from "../../src/errors";
import type { DesignationRecord, LoadedList } from "../../src/model";
import { applyAcceptList, createScreener, hitRecordHash, parseAcceptList, screenTransaction, type TransactionInput } from "../../src/screen";

const [curated] = loadEmbeddedLists({ lists: ["curated"] }) as [LoadedList];
const screener = createScreener({ lists: [curated] });
const RECORD = "curated:belvneshpromservice";

/** The same list with the publisher having changed one record (a new alias). */
function withChangedRecord(): LoadedList {
  const records = curated.records.map((r): DesignationRecord => {
    if (r.id !== RECORD) return r;
    const first = r.subject.names[0] as DesignationRecord["subject"]["names"][number];
    return { ...r, subject: { ...r.subject, names: [...r.subject.names, { ...first, value: "BELVNESHPROMSERVIS", kind: "alias" }] } };
  });
  return { ...curated, records };
}

const input = { name: "Belvneshpromservice", asOf: "2013-03-01", jurisdictions: ["US" as const] };

describe("accept list", () => {
  const result = screener.screen(input);
  const hit = result.hits.find((h) => h.record.id === RECORD);
  const recordHash = hit ? hitRecordHash(hit) : "";
  const accepted = [{ subject: "cp-42", recordId: RECORD, recordHash, reason: "Our customer is Belvneshpromservice LLC of Kazan, reg. 1021602842461; different address and owners" }];

  it("suppresses the accepted (subject, record) pair while the record is unchanged", () => {
    expect(result.outcome).toBe("alert");
    const r = applyAcceptList("cp-42", result, accepted);
    expect(r.outcome).toBe("clear");
    const h = r.hits.find((x) => x.recordId === RECORD);
    expect(h?.decision).toBe("clear");
    expect(h?.acceptance?.applied).toBe(true);
    expect(h?.hit.decision).toBe("alert");
    expect(h?.acceptance?.detail).toContain("different address and owners; record unchanged");
  });

  it("does not touch other subjects", () => {
    expect(applyAcceptList("cp-43", result, accepted).outcome).toBe("alert");
  });

  it("alerts again, saying why, when the record changes", () => {
    const changed = createScreener({ lists: [withChangedRecord()] }).screen(input);
    const r = applyAcceptList("cp-42", changed, accepted);
    expect(r.outcome).toBe("alert");
    const h = r.hits.find((x) => x.recordId === RECORD);
    expect(h?.decision).toBe("alert");
    expect(h?.acceptance?.applied).toBe(false);
    expect(h?.acceptance?.detail).toMatch(/no longer applies: record curated:belvneshpromservice changed since it was accepted \(sha256 [0-9a-f]{12}… → [0-9a-f]{12}…\)/);
  });

  it("applies in transactions by the party's key, and the accept list is part of the envelope's options hash", () => {
    const tx: TransactionInput = { date: "2013-03-01", jurisdictions: ["US"], parties: [{ key: "cp-42", role: "buyer", name: "Belvneshpromservice" }], goods: [], route: { origin: "BY", destination: "BY" } };
    const opts = { screener, rulePack: embeddedRulePack(), goods: embeddedGoodsCatalogue() };
    const plain = screenTransaction(tx, opts);
    const acc = screenTransaction(tx, { ...opts, acceptList: accepted });
    expect(plain.findings.find((f) => f.id === `party.0.${RECORD}`)?.decision).toBe("alert");
    const f = acc.findings.find((x) => x.id === `party.0.${RECORD}`);
    expect(f?.decision).toBe("clear");
    expect(f?.summary).toContain("accepted for cp-42");
    expect(acc.parties[0]?.blocked).toBe(false);
    expect(acc.envelope.optionsHash).not.toBe(plain.envelope.optionsHash);
  });

  it("refuses entries without a reason or a record hash", () => {
    expect(() => parseAcceptList([{ subject: "cp-42", recordId: RECORD, recordHash: "abc", reason: "" }])).toThrow(InputError);
  });
});
