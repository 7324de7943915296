import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readBatchInput, readCountry, type BatchInputRow } from "../../src/cli/batch";
import { InputError } from "../../src/errors";
import { ISO_3166_1_ALPHA2, isIsoCountryCode } from "../../src/model";
import { parseScreenInput } from "../../src/screen/screen-input";
import { parseTransaction } from "../../src/screen/transaction-input";

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("ISO 3166-1 alpha-2", () => {
  it("holds the 249 assigned codes, each one a region the runtime's CLDR data names", () => {
    expect(ISO_3166_1_ALPHA2.size).toBe(249);
    const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    for (const code of ISO_3166_1_ALPHA2) expect(names.of(code), code).not.toBe(code);
  });

  it.each([
    { code: "GB", ok: true },
    { code: "SY", ok: true },
    { code: "SS", ok: true },
    { code: "XK", ok: true }, // user-assigned, used by the lists
    { code: "UK", ok: false },
    { code: "EL", ok: false },
    { code: "YU", ok: false },
    { code: "AN", ok: false },
    { code: "QQ", ok: false },
    { code: "EU", ok: false },
  ])("$code → $ok", ({ code, ok }) => expect(isIsoCountryCode(code)).toBe(ok));
});

describe("caller input is checked against ISO 3166-1, with a hint", () => {
  it.each([
    { case: "UK", country: "UK", hint: 'hint: the United Kingdom is "GB"' },
    { case: "lower case", country: "gb", hint: 'hint: codes are upper case: "GB"' },
    { case: "a country name", country: "Syria", hint: 'hint: "Syria" is "SY" (Syria)' },
    { case: "EL for Greece", country: "EL", hint: 'hint: Greece is "GR"' },
    { case: "a reserved code without a hint", country: "QQ", hint: undefined },
  ])("refuses $case", ({ country, hint }) => {
    const error = inputError(() => parseScreenInput({ name: "Acme", country }, 1000));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: "country", received: JSON.stringify(country) });
    expect(error.issues[0]?.expected).toMatch(/^an ISO 3166-1 alpha-2 country code/);
    if (hint === undefined) expect(error.issues[0]?.expected).toBe("an ISO 3166-1 alpha-2 country code");
    else expect(error.issues[0]?.expected).toContain(hint);
  });

  it("accepts assigned codes, and checks identifiers, parties, routes and legs the same way", () => {
    expect(parseScreenInput({ name: "Acme", country: "GB" }, 1000).country).toBe("GB");
    expect(inputError(() => parseScreenInput({ name: "Acme", identifiers: [{ value: "1", country: "UK" }] }, 1000)).issues[0]?.path).toBe("identifiers.0.country");
    const deal = {
      date: "2026-12-06",
      parties: [{ role: "buyer", name: "Acme", country: "UK" }],
      goods: [{ description: "tractors" }],
      route: { origin: "DE", transit: ["EL"], destination: "SY" },
    };
    const error = inputError(() => parseTransaction(deal));
    expect(error.issues.map((i) => i.path)).toEqual(["parties.0.country", "route.transit.0"]);
    expect(error.issues[0]?.expected).toContain('"GB"');
  });
});

describe("the batch reader maps country names and says which mapping it used", () => {
  async function rows(text: string, format: "csv" | "jsonl"): Promise<BatchInputRow[]> {
    const out: BatchInputRow[] = [];
    for await (const r of readBatchInput(Readable.from([Buffer.from(text)]), format)) out.push(r);
    return out;
  }

  it.each([
    { value: "Syria", country: "SY", toName: "Syria" },
    { value: "Syrian Arab Republic", country: "SY", toName: "Syria" },
    { value: "Côte d'Ivoire", country: "CI", toName: "Côte d’Ivoire" },
    { value: "Korea, North", country: "KP", toName: "North Korea" },
    { value: "United Kingdom", country: "GB", toName: "United Kingdom" },
  ])("reads $value as $country", ({ value, country, toName }) => {
    expect(readCountry(value)).toEqual({ country, mapping: { from: value, to: country, toName } });
  });

  it("leaves codes, ambiguous names and unknown names for the screener to judge", () => {
    expect(readCountry("gb")).toEqual({ country: "GB" });
    expect(readCountry("UK")).toEqual({ country: "UK" }); // refused later, with the hint "GB"
    expect(readCountry("Congo")).toEqual({ country: "Congo" }); // CG or CD: the caller must say
    expect(readCountry("Narnia")).toEqual({ country: "Narnia" });
  });

  it("records the mapping on CSV and JSONL rows", async () => {
    const csv = await rows("name,country\nAcme,Syria\nBeta,sy\n", "csv");
    expect(csv.map((r) => [r.input?.["country"], r.countryMapping])).toEqual([
      ["SY", { from: "Syria", to: "SY", toName: "Syria" }],
      ["SY", undefined],
    ]);
    const jsonl = await rows('{"name":"Acme","country":"Belarus"}\n', "jsonl");
    expect(jsonl[0]).toMatchObject({ input: { name: "Acme", country: "BY" }, countryMapping: { from: "Belarus", to: "BY", toName: "Belarus" } });
  });
});
