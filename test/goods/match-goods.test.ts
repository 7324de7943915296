import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { loadGoodsCatalogue, matchGoods } from "../../src/goods";
import { InputError, ListFormatError } from "../../src/errors";

const TEXT = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), "../../lists/goods/controlled-items.json"), "utf8");
const CATALOGUE = loadGoodsCatalogue(TEXT);
const match = (d: string, codes = {}) => matchGoods(d, CATALOGUE, codes);
const codesOf = (d: string) => match(d).matches[0]?.categories.map((c) => `${c.scheme} ${c.code}`);

describe("seed goods", () => {
  it("240 anti-tank guided missile launchers 9P135M Konkurs → ML4 / USML IV, the named designation first", () => {
    const r = match("240 anti-tank guided missile launchers 9P135M Konkurs");
    expect(r).toMatchObject({ class: "munitions", controlStatus: "controlled" });
    const [top, generic] = r.matches;
    expect(top).toMatchObject({ entryId: "konkurs-9p135m", alias: "9P135M Konkurs", text: "9P135M Konkurs", score: 1, matchedBy: "alias" });
    expect(top?.words).toEqual(["9P135M", "Konkurs"]);
    expect(top?.tags).toContain("light weapon (SALW)");
    expect(codesOf("240 anti-tank guided missile launchers 9P135M Konkurs")).toEqual(["WA-ML ML4", "USML IV"]);
    expect(generic).toMatchObject({ entryId: "atgm", generic: true });
    expect(r.summary).toMatchInlineSnapshot(
      `"Controlled munitions: 9P135M Konkurs anti-tank guided missile launcher (9M113 missile, NATO AT-5 Spandrel) — WA-ML ML4, USML IV (from "9P135M Konkurs")."`,
    );
  });

  it("AGS-17 automatic grenade launchers → ML2 (ammunition ML3) / USML II", () => {
    const r = match("AGS-17 automatic grenade launchers");
    expect(r.matches[0]).toMatchObject({ entryId: "ags-17", text: "AGS-17", score: 1 });
    expect(codesOf("AGS-17 automatic grenade launchers")).toEqual(["WA-ML ML2", "WA-ML ML3", "USML II"]);
    expect(r.matches[0]?.categories.find((c) => c.code === "ML3")?.appliesTo).toBe("ammunition");
  });

  it("spare parts for MiG 23 aircraft → ML10 / USML VIII / UN Register IV", () => {
    const r = match("spare parts for MiG 23 aircraft");
    expect(r.class).toBe("munitions");
    expect(r.matches.map((m) => m.entryId)).toEqual(["mig-23"]);
    expect(r.matches[0]?.text).toBe("MiG 23");
    expect(codesOf("spare parts for MiG 23 aircraft")).toEqual(["WA-ML ML10", "USML VIII", "UN-Register IV"]);
  });

  it("MAZ trucks → no munitions match; the catalogue says a plain MAZ truck is not controlled", () => {
    const r = match("MAZ trucks");
    expect(r).toMatchObject({ class: "other", controlStatus: "not-controlled" });
    expect(r.matches.map((m) => [m.entryId, m.controlStatus])).toEqual([["maz-truck", "not-controlled"]]);
    expect(r.reasons.find((x) => x.feature === "goods.not-controlled")?.detail).toContain("not a Munitions List item");
    expect(r.matches[0]?.note).toContain("41318");
  });

  it("military MAZ trucks → review-level military-vehicle note (conditional ML6.a), never controlled outright", () => {
    const r = match("MAZ trucks for military use");
    expect(r).toMatchObject({ class: "munitions", controlStatus: "conditional" });
    expect(r.matches[0]).toMatchObject({ entryId: "maz-truck", escalatedBy: "military", controlStatus: "conditional" });
    expect(r.matches[0]?.categories.map((c) => c.code)).toEqual(["ML6.a"]);
    expect(r.summary).toContain("specially designed or modified for military use");
  });

  it("MAZ-543 chassis is conditional ML6.a and not also a plain MAZ truck", () => {
    const r = match("MAZ-543 chassis");
    expect(r.matches.map((m) => m.entryId)).toEqual(["maz-543"]);
    expect(r).toMatchObject({ class: "munitions", controlStatus: "conditional" });
  });

  it("office furniture → nothing", () => {
    const r = match("office furniture");
    expect(r).toMatchObject({ class: "other", controlStatus: "no-match", matches: [], codes: [] });
    expect(r.reasons).toEqual([{ feature: "goods.none", query: "office furniture", detail: "no catalogue entry matched (catalogue 2026-11-22.1)" }]);
  });
});

describe("ranking and false positives", () => {
  it.each([
    { case: "another MiG", d: "MiG-21 fighter spares" },
    { case: "Mazda, not MAZ", d: "Mazda trucks" },
    { case: "max, not MAZ", d: "max load 20 t trucks" },
    { case: "a quantity is not a designation", d: "23 aircraft tyres" },
    { case: "AGS-18 is not AGS-17", d: "AGS-18 pumps" },
    { case: "plain furniture", d: "desks, chairs and filing cabinets" },
    { case: "empty", d: "" },
  ])("$case: $d", ({ d }) => {
    const r = match(d);
    expect(r.matches.filter((m) => m.controlStatus !== "not-controlled")).toEqual([]);
    expect(r.class).toBe("other");
  });

  it("spelling variants of a designation all match exactly", () => {
    for (const d of ["MiG-23", "MiG 23", "mig23", "MIG–23 parts", "Mig-23MF"]) {
      expect(match(d).matches[0]?.entryId, d).toBe("mig-23");
    }
    expect(match("9П135М Конкурс").matches[0]).toMatchObject({ entryId: "konkurs-9p135m", text: "9П135М Конкурс" });
  });

  it("a named designation outranks a generic description at equal score", () => {
    expect(match("anti-tank guided missile Konkurs").matches.map((m) => m.entryId)).toEqual(["konkurs-9p135m", "atgm"]);
  });

  it("an exact alias outranks a fuzzy one", () => {
    const r = match("AGS-17 automatic grenade launchers");
    expect(r.matches.map((m) => m.entryId)).toEqual(["ags-17", "grenade-launcher"]);
    expect(r.matches[1]?.score).toBeLessThan(1);
    expect(r.matches[1]?.score).toBeGreaterThanOrEqual(0.75);
  });

  it("small misspellings of long terms still match, with a lower score", () => {
    const r = match("thermal imagng cameras");
    expect(r.matches[0]?.entryId).toBe("thermal-imaging-camera");
    expect(r.matches[0]?.score).toBeLessThan(1);
  });

  it("dual-use items are conditional dual-use", () => {
    expect(match("5-axis CNC milling machines")).toMatchObject({ class: "dual-use", controlStatus: "conditional" });
    expect(match("thermal imaging camera 30 Hz")).toMatchObject({ class: "dual-use", controlStatus: "conditional" });
    expect(match("image intensifier tubes")).toMatchObject({ class: "dual-use", controlStatus: "conditional" });
  });

  it("unconfirmed entries are shown but decide nothing", () => {
    const r = match("night vision goggles");
    expect(r).toMatchObject({ class: "other", controlStatus: "unconfirmed" });
    expect(r.matches[0]).toMatchObject({ entryId: "night-vision-device", confirmed: false });
    expect(r.reasons.some((x) => x.feature === "goods.unconfirmed")).toBe(true);
    expect(r.summary).toContain("Unconfirmed classification");
  });

  test.prop([fc.string({ maxLength: 80 })])("scores stay in [0.75, 1] and output is deterministic", (d) => {
    const a = match(d);
    for (const m of a.matches) {
      expect(m.score).toBeGreaterThanOrEqual(0.75);
      expect(m.score).toBeLessThanOrEqual(1);
    }
    expect(JSON.stringify(match(d))).toBe(JSON.stringify(a));
  });

  test.prop([fc.constantFrom("MiG-23", "AGS-17", "9P135M Konkurs", "AT-5 Spandrel"), fc.constantFrom("used", "spare parts for", "240 x", "")])(
    "extra words around a designation never lose the match",
    (designation, prefix) => {
      expect(match(`${prefix} ${designation}`).class).toBe("munitions");
    },
  );
});

describe("codes given by the caller", () => {
  it("usml IV matches Konkurs and the generic ATGM entry and is munitions by rule", () => {
    const r = match("", { usml: "Cat. IV" });
    expect(r).toMatchObject({ class: "munitions", controlStatus: "controlled" });
    expect(r.matches.map((m) => [m.entryId, m.matchedBy, m.code?.value])).toEqual([
      ["konkurs-9p135m", "code", "IV"],
      ["atgm", "code", "IV"],
    ]);
    expect(r.codes[0]).toMatchObject({ scheme: "usml", value: "IV", class: "munitions" });
  });

  it("eccn 0A501 is a 0x5zz munitions item by code rule, with no catalogue entry", () => {
    const r = match("rifles", { eccn: "0a501" });
    expect(r.codes).toEqual([expect.objectContaining({ scheme: "eccn", value: "0A501", class: "munitions", controlStatus: "controlled" })]);
    expect(r.class).toBe("munitions");
  });

  it("eccn 6A003.b.4 matches the thermal camera entry; EAR99 is not controlled", () => {
    expect(match("", { eccn: "6A003.b.4" }).matches[0]?.entryId).toBe("thermal-imaging-camera");
    expect(match("", { eccn: "6A003.b.4" }).class).toBe("dual-use");
    expect(match("pallets", { eccn: "EAR99" })).toMatchObject({ class: "other", controlStatus: "not-controlled" });
  });

  it("ml and hs codes", () => {
    expect(match("", { ml: "ml 6.a" }).matches.map((m) => m.entryId)).toEqual(["maz-543", "military-vehicle"]);
    expect(match("", { hs: "9301.10" })).toMatchObject({ class: "munitions", controlStatus: "conditional" });
    expect(match("", { hs: "8710" })).toMatchObject({ class: "other", controlStatus: "unconfirmed" });
  });

  it.each([
    { codes: { usml: "4" }, path: "codes.usml" },
    { codes: { eccn: "0A5O1" }, path: "codes.eccn" },
    { codes: { ml: "M4" }, path: "codes.ml" },
    { codes: { hs: "93A" }, path: "codes.hs" },
  ])("an unreadable code is an InputError at $path", ({ codes, path }) => {
    expect(() => match("x", codes)).toThrow(InputError);
    try {
      match("x", codes);
    } catch (e) {
      expect((e as InputError).issues[0]?.path).toBe(path);
    }
  });

  it("an over-long description is refused", () => {
    expect(() => match("x".repeat(2001))).toThrow(/at most 2000 characters/);
  });
});

describe("loadGoodsCatalogue", () => {
  it("loads the shipped catalogue with a content hash and sourced entries", () => {
    expect(CATALOGUE.version).toBe("2026-11-22.1");
    expect(CATALOGUE.sha256).toBe(loadGoodsCatalogue(JSON.parse(TEXT)).sha256);
    expect(CATALOGUE.entries.length).toBeGreaterThanOrEqual(15);
    for (const e of CATALOGUE.entries) {
      expect(e.sources.length).toBeGreaterThan(0);
      if (e.controlStatus === "conditional") expect(e.condition).toBeDefined();
    }
    const seeds = CATALOGUE.entries.filter((e) => e.sources.some((s) => s.startsWith("DOMAIN.md seed goods table")));
    expect(seeds.map((e) => e.id)).toEqual(["konkurs-9p135m", "ags-17", "mig-23", "maz-543", "maz-truck"]);
  });

  it.each([
    { case: "not JSON", mutate: () => "{", pattern: /not valid JSON/ },
    { case: "unknown class", mutate: (j: any) => ((j.entries[0].class = "weapons"), j), pattern: /entries\.0\.class/ },
    { case: "duplicate id", mutate: (j: any) => ((j.entries[1].id = j.entries[0].id), j), pattern: /a unique id/ },
    { case: "conditional without condition", mutate: (j: any) => (delete j.entries[3].condition, j), pattern: /a condition for a conditional entry/ },
    { case: "unconfirmed without reason", mutate: (j: any) => ((j.entries[0].confirmed = false), j), pattern: /a reason exactly when confirmed is false/ },
    { case: "bad code pattern", mutate: (j: any) => ((j.codeRules[0].pattern = "(("), j), pattern: /a regular expression/ },
  ])("fails closed: $case", ({ mutate, pattern }) => {
    const input = mutate(JSON.parse(TEXT));
    expect(() => loadGoodsCatalogue(input)).toThrow(ListFormatError);
    expect(() => loadGoodsCatalogue(input)).toThrow(pattern);
  });
});
