import { describe, expect, it } from "vitest";
import { ListFormatError } from "../../src/errors";
import { canonicalJson, contentSha256, loadRulePack } from "../../src/rules";
import { DOMAIN_MD, domainRows, PACK, packJson, RULE_PACK_TEXT } from "./rule-pack-helpers";

const allRows = () => [...PACK.rules, ...PACK.overlays, ...PACK.programmeFlags, ...PACK.events];

describe("loadRulePack: the shipped pack", () => {
  it("loads with its version and a content sha256", () => {
    expect(PACK.version).toBe("2026-11-22.1");
    expect(PACK.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(PACK.rules.length).toBeGreaterThanOrEqual(20);
  });

  it("hashes the content, not the formatting: text, bytes, parsed JSON and re-indented JSON agree", () => {
    const parsed = JSON.parse(RULE_PACK_TEXT);
    expect(loadRulePack(parsed).sha256).toBe(PACK.sha256);
    expect(loadRulePack(new TextEncoder().encode(RULE_PACK_TEXT)).sha256).toBe(PACK.sha256);
    expect(loadRulePack(JSON.stringify(parsed)).sha256).toBe(PACK.sha256);
    expect(PACK.sha256).toBe(contentSha256(parsed));
  });

  it("changes the sha256 when any row changes", () => {
    const json = packJson();
    (json.rules[0] as { measure: string }).measure += " (edited)";
    expect(loadRulePack(json).sha256).not.toBe(PACK.sha256);
  });

  it("cites every DOMAIN.md source verbatim", () => {
    const sources = new Set(domainRows().map((r) => r.source));
    const dated = allRows().filter((r) => r.domain.date !== "glossary");
    expect(dated.length).toBeGreaterThan(30);
    for (const row of dated) expect(sources, row.id).toContain(row.source);
    for (const rule of PACK.rules) {
      if (rule.window.endSource !== undefined) expect(sources, rule.id).toContain(rule.window.endSource);
    }
  });

  it("covers every dated DOMAIN.md row with a pack row quoting its rule text", () => {
    const texts = new Set(allRows().map((r) => r.domain.text));
    for (const row of domainRows()) expect(texts, `${row.date} ${row.text}`).toContain(row.text);
  });

  it("marks every DOMAIN.md row with a '?' in its rule text by at least one unconfirmed pack row", () => {
    const questioned = domainRows().filter((r) => r.text.includes("?"));
    expect(questioned.map((r) => r.date)).toEqual(["2011-05-09", "2012-09-19", "2025-07-01", "2025-12-18"]);
    for (const row of questioned) {
      const rows = allRows().filter((r) => r.domain.text === row.text);
      expect(rows.some((r) => !r.confirmed), row.date).toBe(true);
    }
  });

  it("keeps the glossary-sourced IFSR flag pointing at the glossary text", () => {
    const flag = PACK.programmeFlags.find((f) => f.programme === "IFSR");
    expect(flag?.domain.text.length).toBeGreaterThan(10);
    expect(DOMAIN_MD).toContain("`[IFSR]` correspondent-account risk for foreign banks");
  });
});

describe("loadRulePack: fails closed", () => {
  const failsWith = (input: unknown, pattern: RegExp) => {
    let error: unknown;
    try {
      loadRulePack(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ListFormatError);
    expect((error as ListFormatError).listId).toBe("rule-pack");
    expect((error as Error).message).toMatch(pattern);
    return error as ListFormatError;
  };

  it("on text that is not JSON", () => failsWith("{ not json", /rule-pack: file is not valid JSON/));

  it("on bytes that are not UTF-8", () => failsWith(new Uint8Array([0x7b, 0xff, 0x7d]), /not valid JSON/));

  it("on a row with a bad date, naming the row", () => {
    const json = packJson();
    (json.rules[1] as { window: { from: string } }).window.from = "2004-02-30";
    const error = failsWith(json, /rules\.1\.window\.from: expected a calendar date YYYY-MM-DD, received "2004-02-30"/);
    expect(error.issues[0]?.recordId).toBe(json.rules[1]?.id);
  });

  it("on a window that ends before it starts", () => {
    const json = packJson();
    (json.rules[1] as { window: { to: string } }).window.to = "2000-01-01";
    failsWith(json, /expected from < to/);
  });

  it("on an unknown regime", () => {
    const json = packJson();
    json.rules[0] = { ...json.rules[0], regime: "CH" };
    failsWith(json, /rules\.0\.regime/);
  });

  it("on an unknown field (strict rows)", () => {
    const json = packJson();
    json.rules[0] = { ...json.rules[0], severityy: "alert" };
    failsWith(json, /severityy|unrecognized/i);
  });

  it("on a duplicate id", () => {
    const json = packJson();
    json.rules[1] = { ...json.rules[1], id: json.rules[0]?.id };
    failsWith(json, /an id unique in the pack/);
  });

  it("on an overlay naming a rule that does not exist", () => {
    const json = packJson();
    json.overlays[0] = { ...json.overlays[0], appliesTo: ["no-such-rule"] };
    failsWith(json, /overlays\.0\.appliesTo\.0: expected the id of a rule in the pack, received no-such-rule/);
  });

  it("on an unconfirmed row without a reason, and a reason on a confirmed row", () => {
    const json = packJson();
    json.rules[0] = { ...json.rules[0], confirmed: false };
    failsWith(json, /a reason for a row with confirmed: false/);
    const json2 = packJson();
    json2.rules[0] = { ...json2.rules[0], unconfirmed: "why" };
    failsWith(json2, /confirmed: false for a row with an unconfirmed reason/);
  });

  it("on an empty pack", () => failsWith({ ...packJson(), rules: [] }, /rules/));
});

describe("canonicalJson", () => {
  it.each([
    { case: "sorts keys", input: { b: 1, a: 2 }, expected: '{"a":2,"b":1}' },
    { case: "recurses into arrays", input: [{ d: 1, c: [true, null] }], expected: '[{"c":[true,null],"d":1}]' },
    { case: "drops undefined members", input: { a: undefined, b: "x" }, expected: '{"b":"x"}' },
    { case: "escapes strings like JSON", input: { "é\"": "→\n" }, expected: '{"é\\"":"→\\n"}' },
  ])("$case", ({ input, expected }) => expect(canonicalJson(input)).toBe(expected));
});
