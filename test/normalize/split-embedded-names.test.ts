import { describe, expect, it } from "vitest";
import { splitEmbeddedNames } from "../../src/normalize";

describe("splitEmbeddedNames", () => {
  it("reads a bracketed former name and keeps the rest as the name", () => {
    expect(splitEmbeddedNames("Nordwind Trading, OOO (f.k.a., Zakrytoe Aktsionernoe Obshchestvo Severny Veter)")).toEqual({
      main: { value: "Nordwind Trading, OOO", kind: undefined },
      others: [{ value: "Zakrytoe Aktsionernoe Obshchestvo Severny Veter", kind: "former" }],
    });
  });

  it("splits several bracketed aliases at semicolons only: commas belong to names", () => {
    expect(splitEmbeddedNames("Blue Harbor Corporation (a.k.a. Blue Harbour Industries, Inc.; BH Marine, Ltd.)")?.others).toEqual([
      { value: "Blue Harbour Industries, Inc.", kind: "alias" },
      { value: "BH Marine, Ltd.", kind: "alias" },
    ]);
  });

  it("reads an alias in the middle of a person's name and nested brackets inside the alias", () => {
    expect(splitEmbeddedNames("MARTHA (A.K.A. MEI-LIN WU) CHANG")).toEqual({
      main: { value: "MARTHA CHANG", kind: undefined },
      others: [{ value: "MEI-LIN WU", kind: "alias" }],
    });
    expect(splitEmbeddedNames("Northern Institute of Optics (a.k.a., Academy of Optics (AO) 17 Institute)")?.others).toEqual([
      { value: "Academy of Optics (AO) 17 Institute", kind: "alias" },
    ]);
    expect(splitEmbeddedNames("Lake Research Center [aka Lake Systems Center]")?.others).toEqual([{ value: "Lake Systems Center", kind: "alias" }]);
  });

  it("reads a run-on marker, with or without commas, and a leading one as a whole former name", () => {
    expect(splitEmbeddedNames("JSC NPK Orbita, f.k.a., Otkrytoe Aktsionernoe Obshchestvo Orbita")).toEqual({
      main: { value: "JSC NPK Orbita", kind: undefined },
      others: [{ value: "Otkrytoe Aktsionernoe Obshchestvo Orbita", kind: "former" }],
    });
    expect(splitEmbeddedNames("Harbin Optical Works a.k.a. Harbin Institute of Optics")?.others).toEqual([{ value: "Harbin Institute of Optics", kind: "alias" }]);
    expect(splitEmbeddedNames("F.K.A. Office of Marine Studies (OMS)")).toEqual({ main: { value: "Office of Marine Studies (OMS)", kind: "former" }, others: [] });
  });

  it("leaves names without a marker whole, including words that merely contain AKA or FKA", () => {
    for (const name of ["YK-AKA", "AKADEMIYA NAUK", "Sakai Trading (Akashi Branch)", "OKAFKA LTD", "Pak (Ka) Holdings", "Open (a.k.a. unclosed"]) {
      expect(splitEmbeddedNames(name)).toBeUndefined();
    }
  });
});
