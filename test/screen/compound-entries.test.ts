/**
 * The U.S. Entity List writes some entries as "<parent organisation>. Subordinate Institution -
 * <listed body>" or "<parent> (<acronym>). Affiliated Entity: <listed body>" (54 rows of the 2022
 * CSL). The listed body's own name must find its entry; the parent's name must not pass for it.
 * Against the real 2022 consolidated screening list.
 */
import { beforeAll, expect, it } from "vitest";
import { loadList, type LoadedList } from "../../src";
import { createScreener, type Screener } from "../../src/screen";
import { describeWithData, sharedSources } from "../shared-data";

describeWithData("compound Entity List entries", ["us-csl/consolidated.csv"], () => {
  let screener: Screener;
  let list: LoadedList;
  beforeAll(() => {
    list = loadList(sharedSources("us-csl/consolidated.csv"));
    screener = createScreener({ lists: [list], today: "2022-06-01", maxHits: 50 });
  }, 60_000);

  const hit = (name: string, listed: RegExp) => screener.screen({ name }).hits.find((h) => listed.test(h.name));

  // Entries whose compound name is their only name.
  it.each([
    ["Hebei Puxing Electronic", /Subordinate Institution - Hebei Puxing Electronic$/],
    ["MT Microsystems", /Subordinate Institution - MT Microsystems$/],
    ["Ningbo Huawei Computer & Net Co., Ltd.", /Affiliated Entity: Ningbo Huawei Computer & Net Co., Ltd.$/],
  ])("%s finds its compound entry", (name, listed) => {
    const h = hit(name, listed);
    expect(h?.decision).toBe("alert");
    expect(h?.reasons.find((r) => r.feature === "name.fuzzy")?.detail).toMatch(/the words before it name the parent organisation and weigh little/);
  });

  // "… and any successor, sub-unit, or subsidiary thereof" says what the listing covers, not who.
  it.each([
    ["Asia-Invest LLC", /^Asia-Invest LLC and any successor/],
    ["Wael Issa Trading Establishment", /^Wael Issa Trading Establishment and any successor/],
    ["NPP Pulsar", /^NPP Pulsar LLC and any successor/],
  ])("%s finds its entry despite the successor clause", (name, listed) => {
    const h = hit(name, listed);
    expect(h?.decision).toBe("alert");
    expect(h?.reasons.find((r) => r.feature === "name.fuzzy")?.detail).toMatch(/"ANY SUCCESSOR SUB UNIT OR SUBSIDIARY THEREOF" is the listing's scope, not a name/);
  });

  // Names that carry another ("X, a.k.a., Y", "PEARL (A.K.A. NEI-CHIEN CHU) LI"): each part is a
  // name of its own. Before: a review at 0.84 and 0.83; "PEARL LI" was clear, no hit, no near miss.
  it.each([
    ["Hot Working Technology Research Institute", "Hot Working Technology Research Institute.", "alias"],
    ["Yichang Institute of Testing Technology", "Yichang Institute of Testing Technology", "alias"],
    ["PEARL LI", "PEARL LI", "primary"],
    ["Gazprominvestarena OOO", "Gazprominvestarena OOO", "former"],
  ])("%s finds the entry whose published name carries it", (query, name, kind) => {
    const h = screener.screen({ name: query }).hits.find((x) => x.name === name);
    expect(h?.decision).toBe("alert");
    expect(h?.nameKind).toBe(kind);
  });

  // The CSL's State and Commerce rows carry no type: a name whose own words make it an
  // organisation's is scored as one. Before, "Telekom" alone alerted (0.92) on "Gazprom Telekom,
  // OOO": an untyped name was scored like a person's, whose extra words cost little; now a review (0.86).
  it("scores an untyped row named like an organisation with the organisation rules", () => {
    const telekom = screener.rank("Telekom", { minScore: 0.5, limit: 50 }).find((m) => m.recordId.startsWith("EL-eee7dbc3c23a"));
    expect(telekom?.score ?? 0).toBeLessThan(0.9);
    expect(hit("Gazprom Telecom", /^Gazprom Telecom$/)?.decision).toBe("alert");
    expect(hit("Tongfang NucTech", /^Tongfang NucTech Technology Ltd\.$/)?.decision).toBe("alert");
  });

  // Every entry listed under CETC 13 (12 of them, several with aliases of their own).
  it("does not let the parent's name pass for a subordinate body", () => {
    const under = new Set(list.records.filter((r) => r.subject.names.some((n) => /^China Electronics Technology Group Corporation 13th Research Institute \(CETC 13\)\.\s+Subordinate Institution/.test(n.value))).map((r) => r.sourceId));
    expect(under.size).toBeGreaterThanOrEqual(10);
    const flagged = screener.screen({ name: "China Electronics Technology Group Corporation 13th Research Institute" }).hits.filter((h) => under.has(h.recordId) && h.decision !== "clear");
    expect(flagged.map((h) => `${h.name} ${h.score}`)).toEqual([]);
  });
});
