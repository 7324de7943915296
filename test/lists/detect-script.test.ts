import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { detectScript, isLatinText, splitNameVariants, splitScriptRuns } from "../../src/lists/detect-script";
import { decodeText } from "../../src/lists";

describe("detectScript", () => {
  it.each([
    { case: "Arabic", input: "صدام حسين التكريتي", expected: "Arab" },
    { case: "Persian in Arabic script", input: "محسن حجتی", expected: "Arab" },
    { case: "Cyrillic", input: "Игорь ПЛОТНИЦКИЙ", expected: "Cyrl" },
    { case: "Han", input: "朝鲜联合机械贸易会社", expected: "Hani" },
    { case: "Hangul", input: "한유로", expected: "Hang" },
    { case: "Hangul with Han", input: "朝鮮 한유로", expected: "Kore" },
    { case: "Kana with Han", input: "東京カタカナ", expected: "Jpan" },
    { case: "Latin with marks", input: "Forces Démocratiques Alliées", expected: "Latn" },
    { case: "majority of a mix", input: "Abu (أبو بكر البغدادي)", expected: "Arab" },
    { case: "no letters", input: "123 - 456", expected: undefined },
  ])("$case", ({ input, expected }) => expect(detectScript(input)).toBe(expected));

  test.prop([fc.stringMatching(/^[A-Za-z0-9 .,'’-]*$/)])("ASCII text is Latin or letterless", (s) => {
    expect(isLatinText(s)).toBe(true);
    expect([undefined, "Latn"]).toContain(detectScript(s));
  });
});

describe("splitScriptRuns", () => {
  it("splits words of two scripts, keeping order and digits with their run", () => {
    expect(splitScriptRuns("Agha Jan Alizai اغا جان عالیزی")).toEqual(["Agha Jan Alizai", "اغا جان عالیزی"]);
    expect(splitScriptRuns("Office 39 مكتب 39")).toEqual(["Office 39", "مكتب 39"]);
    expect(splitScriptRuns("朝鮮 한유로")).toEqual(["朝鮮 한유로"]);
  });
});

describe("splitNameVariants", () => {
  const values = (raw: string): string[] => splitNameVariants(raw).map((v) => v.value);
  it.each([
    { case: "a ; list", input: "Azim Adhajani; Azim Agha-Jani", expected: ["Azim Adhajani", "Azim Agha-Jani"] },
    { case: "transliteration (original)", input: "Jin Tiesan (金铁三)", expected: ["Jin Tiesan", "金铁三"] },
    { case: "original (list)", input: "حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)", expected: ["حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul"] },
    { case: "original script: marker", input: "Amir Khazmat (original script: Амир Хазмат)", expected: ["Amir Khazmat", "Амир Хазмат"] },
    { case: "same-script parentheses stay", input: "Hay’at Tahrir al-Sham (HTS)", expected: ["Hay’at Tahrir al-Sham (HTS)"] },
    { case: "parentheses inside Han", input: "華信船務(香港)有限公司", expected: ["華信船務(香港)有限公司"] },
    { case: "(original script) annotation", input: "هيئة تحرير الشام (original script)", expected: ["هيئة تحرير الشام"] },
    { case: "a) b) enumeration", input: "Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet", expected: ["Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet"] },
    { case: "nested parentheses in a list", input: "أنصار الشريعة بليبيا (Ansar al Charia in Libya (ASL))", expected: ["أنصار الشريعة بليبيا", "Ansar al Charia in Libya (ASL)"] },
    { case: "trailing comma, stray parenthesis", input: ") Abdul Haq son of M. Anwar Khan (عبد الحق ولد محمد انور خان),", expected: ["Abdul Haq son of M. Anwar Khan", "عبد الحق ولد محمد انور خان"] },
    { case: "unbalanced text stays whole", input: "Lord’s Resistance (LRA", expected: ["Lord’s Resistance (LRA"] },
  ])("$case", ({ input, expected }) => expect(values(input)).toEqual(expected));

  it("flags non-Latin variants with their script", () => {
    expect(splitNameVariants("Jin Tiesan (金铁三)")).toEqual([
      { value: "Jin Tiesan", script: "Latn", originalScript: false },
      { value: "金铁三", script: "Hani", originalScript: true },
    ]);
  });

  test.prop([fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,30}[A-Za-z]$/)])("a plain Latin name comes back as itself", (name) => {
    expect(values(name)).toEqual([name.replace(/\s+/g, " ")]);
  });

  test.prop([fc.array(fc.stringMatching(/^[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?$/), { minLength: 1, maxLength: 5 })])(
    "a ; list gives its distinct parts in order",
    (parts) => {
      expect(values(parts.join("; "))).toEqual([...new Set(parts)]);
    },
  );
});

describe("decodeText windows-1252", () => {
  it("maps 0x80–0x9F to the Windows-1252 characters on every runtime", () => {
    const bytes = new Uint8Array([0x91, 0x50, 0x4b, 0x35, 0x92, 0x20, 0x80, 0x96, 0xe9, 0x81]);
    expect(decodeText("uk-ofsi", { name: "a.csv", data: bytes }, "windows-1252")).toBe("‘PK5’ €–é\u0081");
  });
});
