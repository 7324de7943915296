import { describe, expect, it } from "vitest";
import { DesignationSchema } from "../../src/model";
import { itWithData } from "../shared-data";
import { EVAL_FILES, evalIdOf, evalLists, toDesignation } from "./designations";

describe("evaluation set mapping", () => {
  itWithData("maps every entity of designations.json into valid designation records", EVAL_FILES, () => {
    const lists = evalLists();
    const records = lists.flatMap((l) => l.records);
    expect(records).toHaveLength(20993);
    expect(lists.map((l) => l.metadata.listId).sort()).toEqual(["bis-dpl", "csl-dtc", "csl-el", "csl-isn", "csl-meu", "csl-uvl", "ofac-cons", "ofac-sdn", "uk-hmt", "un"]);
    for (const r of records.filter((_, i) => i % 50 === 0)) expect(DesignationSchema.parse(r)).toEqual(r);
    // 47,094 names and 4,072 weak names; 20 more from CSL and DPL names that carry others (a.k.a., f.k.a.),
    // split as the loaders split them.
    expect(records.reduce((n, r) => n + r.subject.names.length, 0)).toBe(47094 + 4072 + 20);
  });

  it("keeps ids, kinds, types and date ranges", () => {
    const r = toDesignation({ id: "OFAC-SDN:9", list: "OFAC-SDN", type: "entity", names: ["A", "B"], weakNames: ["C"], programs: ["SDGT"], dob: ["1960..1962", "1970-02"] });
    expect(r.id).toBe("ofac-sdn:9");
    expect(evalIdOf(r)).toBe("OFAC-SDN:9");
    expect(r.subject.type).toBe("organization");
    expect(r.subject.names.map((n) => n.kind)).toEqual(["primary", "alias", "weak-alias"]);
    expect(r.subject.birthDates).toEqual([{ from: "1960", to: "1962" }, "1970-02"]);
    expect(r.bases).toEqual([{ regime: "US", program: "SDGT", measures: [], confirmed: true }]);
  });

  it("splits CSL and DPL names that carry others as the loaders do, and no other list's", () => {
    const csl = toDesignation({ id: "CSL-EL:1", list: "CSL-EL", type: "entity", names: ["Nordwind, OOO (f.k.a. Severny Veter ZAO)", "Nordwind"] });
    expect(csl.subject.names.map((n) => `${n.kind}:${n.value}`)).toEqual(["primary:Nordwind, OOO", "former:Severny Veter ZAO", "alias:Nordwind"]);
    expect(csl.remarks).toContain("Name as published: Nordwind, OOO (f.k.a. Severny Veter ZAO)");
    const sdn = toDesignation({ id: "OFAC-SDN:1", list: "OFAC-SDN", type: "entity", names: ["Nordwind, OOO (f.k.a. Severny Veter ZAO)"] });
    expect(sdn.subject.names.map((n) => n.value)).toEqual(["Nordwind, OOO (f.k.a. Severny Veter ZAO)"]);
  });
});
