import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { arabicSkeleton, compoundParentEnd, foldLookalikes, latinSkeleton, normalizeName, skeletonVariants, stripControls, successorClause, transliterate } from "../../src/normalize";
import { comparableHow, comparableToken, NAMES_V2 } from "../../src/score";

const compare = (s: string, context?: "person" | "organization" | "any") => normalizeName(s, context ? { context } : {}).compare;
const classes = (s: string, context?: "person" | "organization" | "any") =>
  normalizeName(s, context ? { context } : {}).tokens.map((t) => `${t.text}:${t.cls}`);

describe("normalizeName: compare form", () => {
  it.each([
    { case: "strips ñ", input: "Muñoz", expected: "MUNOZ" },
    { case: "strips ã", input: "João", expected: "JOAO" },
    { case: "composes a decomposed Hélène first", input: "He\u0301le\u0300ne", expected: "HELENE" },
    { case: "maps Ł Đ Ø Æ ß Þ", input: "Łukasz Đ Ø Æ ß Þ", expected: "LUKASZ D O AE SS TH" },
    { case: "folds a Cyrillic lookalike inside a Latin word", input: "Рromsvyazbank", expected: "PROMSVYAZBANK" },
    { case: "transliterates Cyrillic", input: "Белвнешпромсервис", expected: "BELVNESHPROMSERVIS" },
    { case: "keeps й as y (NFKC, never NFKD, before transliteration)", input: "Йошкар-Ола", expected: "YOSHKAR OLA" },
    { case: "transliterates Greek", input: "Ελληνικά", expected: "ELLINIKA" },
    { case: "splits Han into syllables", input: "習近平", expected: "XI JIN PING" },
    { case: "joins dotted abbreviations", input: "SIS d.o.o.", expected: "SIS DOO" },
    { case: "removes apostrophes without a break", input: "AL-JAZA'IRI", expected: "AL JAZAIRI" },
    { case: "splits on hyphens and commas", input: "MADURO MOROS, Nicolas", expected: "MADURO MOROS NICOLAS" },
    { case: "expands generic abbreviations", input: "GUANGZHOU HAIGE COMM GRP", expected: "GUANGZHOU HAIGE COMMUNICATION GROUP" },
    { case: "drops zero-width and bidi controls", input: "Ba\u200Bshar\u202E al-\u2066Assad\u2069", expected: "BASHAR AL ASSAD" },
    { case: "treats emoji as separators", input: "😀Bashar🔥Assad", expected: "BASHAR ASSAD" },
    { case: "folds full-width letters (NFKC)", input: "ＡＢＣ Ｌｔｄ", expected: "ABC LTD" },
  ])("$case", ({ input, expected }) => expect(compare(input)).toBe(expected));
});

describe("normalizeName: token classes", () => {
  it("recognises legal forms as a class, including multi-word and Cyrillic ones", () => {
    expect(classes("ООО Ромашка")).toEqual(["OOO:legal", "ROMASHKA:word"]);
    expect(classes("Open Joint Stock Company Minsk Automobile Plant")).toEqual([
      "OPEN JOINT STOCK COMPANY:legal",
      "MINSK:place",
      "AUTOMOBILE:word",
      "PLANT:generic",
    ]);
    expect(normalizeName("BELVNESHPROMSERVICE RUE").tokens.map((t) => t.legalFamily ?? "-")).toEqual(["-", "unitary-enterprise"]);
    expect(normalizeName("SIS d.o.o.").tokens[1]?.legalFamily).toBe("limited-liability");
    // The Finnish osakeyhtiö, two letters the tables' rule for short words would leave a word.
    expect(normalizeName("KORVESTA OY", { context: "organization" }).tokens.map((t) => t.legalFamily ?? t.cls)).toEqual(["word", "limited-liability"]);
  });

  it("reads Persian company words, legal forms and the ezafe as OFAC writes them", () => {
    const family = (s: string) => normalizeName(s, { context: "organization" }).tokens.map((t) => `${t.text}:${t.legalFamily ?? t.cls}`);
    // SHERKAT(E) is "company"; sahami khass / aam a private / public joint-stock company.
    expect(family("SHERKAT KORVESTA SAHAMI KHASS")).toEqual(["COMPANY:corporation", "KORVESTA:word", "SAHAMI KHASS:joint-stock"]);
    expect(family("SHERKATE TELMOSH SAHAMI AAM")).toEqual(["COMPANY:corporation", "TELMOSH:word", "SAHAMI AAM:joint-stock"]);
    // The ezafe (-E after a consonant or I, -YE after a vowel) links words; it is none itself.
    expect(family("SHERKAT-E SARMAYEGOZARI-E KORVESTA")).toEqual(["COMPANY:corporation", "SARMAYEGOZARI:word", "KORVESTA:word"]);
    expect(family("MADAR-E TAKHASSOSI-YE OMRAN")).toEqual(["MADAR:word", "TAKHASSOSI:word", "OMRAN:word"]);
    // After another vowel the E is the word's own letter (TOSE-E, TOSE'E: development), and a lone letter stays.
    expect(family("TOSE-E MELLI")).toEqual(["TOSE:word", "E:word", "MELLI:word"]);
    expect(family("A-E TRADING")).toEqual(["A:word", "E:word", "TRADING:generic"]);
  });

  it("reads an untyped name with a legal form as an organisation's: single letters are words, not initials", () => {
    const classes = (s: string, context?: "any" | "person") => normalizeName(s, context === undefined ? {} : { context }).tokens.map((t) => `${t.text}:${t.cls}`);
    expect(classes("J AND P ADVERTISING, S.A. DE C.V.")).toEqual(["J:word", "AND:stop", "P:word", "ADVERTISING:word", "SA DE CV:legal"]);
    // Without a legal form an untyped name's single letters may be a person's initials.
    expect(classes("J P ADVERTISING")).toEqual(["J:initial", "P:initial", "ADVERTISING:word"]);
  });

  it("reads a conjunction of another language in an organisation's name as AND, as &", () => {
    const texts = (s: string, context: "organization" | "any") => normalizeName(s, { context }).tokens.map((t) => t.text);
    expect(texts("SAABF Y COMPANIA S.C.A.", "any")).toEqual(texts("SAABF & COMPANIA S.C.A.", "any"));
    expect(texts("KORVESTA UND TELMOSH", "organization")).toEqual(["KORVESTA", "AND", "TELMOSH"]);
    expect(texts("KORVESTA ET FILS", "organization")).toEqual(["KORVESTA", "AND", "FILS"]);
    // Not a person's initial, nor a Persian word's own E written apart (TOSE-E).
    expect(texts("Juan Y Garcia", "any")).toEqual(["JUAN", "Y", "GARCIA"]);
    expect(texts("TOSE-E MELLI", "organization")).toEqual(["TOSE", "E", "MELLI"]);
  });

  it("reads I/E in a company's name as IMPORT EXPORT", () => {
    const n = normalizeName("GOLDEN KORVESTA I/E CO., LTD.");
    expect(n.tokens.map((t) => t.text).slice(0, 4)).toEqual(["GOLDEN", "KORVESTA", "IMPORT", "EXPORT"]);
    expect(n.tokens.filter((t) => t.source === "I/E").map((t) => t.text)).toEqual(["IMPORT", "EXPORT"]);
  });

  it("recognises Mexican legal forms written with dots and DE", () => {
    const family = (s: string) => normalizeName(s, { context: "organization" }).tokens.map((t) => t.legalFamily ?? t.cls);
    expect(family("AGRICOLA TAVO S.P.R. DE R.L.")).toEqual(["word", "word", "limited-liability"]);
    expect(family("PRODUCSIL S. DE P.R. DE R.L. DE C.V.")).toEqual(["word", "limited-liability"]);
    expect(family("APH S. DE R.L.")).toEqual(["word", "limited-liability"]);
    expect(family("ALONDRA SOCIEDAD DE PRODUCCION RURAL DE RESPONSABILIDAD ILIMITADA")).toEqual(["word", "partnership"]);
    expect(family("BOLSA S.A.B. DE C.V.")).toEqual(["word", "joint-stock"]);
  });

  it("recognises China's company forms in pinyin, as words and a syllable at a time", () => {
    const family = (s: string, context: "organization" | "any" | "person" = "any") => normalizeName(s, { context }).tokens.map((t) => t.legalFamily ?? t.cls);
    expect(family("KORVESTA MAOYI YOUXIAN GONGSI")).toEqual(["word", "word", "limited-liability"]);
    expect(family("华兴海运有限公司")).toEqual(["word", "word", "word", "word", "limited-liability"]);
    expect(family("KORVESTA YOU XIAN ZE REN GONG SI")).toEqual(["word", "limited-liability"]);
    expect(family("KORVESTA GU FEN YOU XIAN GONG SI")).toEqual(["word", "joint-stock"]);
    // Two syllables alone are a person's name (Gong Si), not a legal form.
    expect(family("Gong Si Wei")).toEqual(["word", "word", "word"]);
    expect(family("KORVESTA YOU XIAN GONG SI", "person")).toEqual(["word", "word", "word", "word", "word"]);
  });

  it("reads dotted C.A. and S.C. as legal forms only at the end of an organisation's name", () => {
    const family = (s: string, context: "organization" | "any" | "person" = "organization") =>
      normalizeName(s, { context }).tokens.map((t) => t.legalFamily ?? t.cls);
    expect(family("BIBLOS TRAVEL, C.A.")).toEqual(["word", "word", "joint-stock"]);
    expect(family("BIBLOS TRAVEL COMPANIA ANONIMA")).toEqual(["word", "word", "joint-stock"]);
    expect(family("CONSORCIO NUJOMA, S.C.", "any")).toEqual(["word", "word", "partnership"]);
    expect(family("CONSORCIO NUJOMA SOCIEDAD CIVIL")).toEqual(["word", "word", "partnership"]);
    // Undotted, first, or in a person's name: letters of a name.
    expect(family("CA TECHNOLOGIES")).toEqual(["word", "generic"]);
    expect(family("S.C. JOHNSON")).toEqual(["word", "word"]);
    expect(family("TRAVEL CA")).toEqual(["word", "word"]);
    expect(family("PEREZ, Juan C.A.", "person")).toEqual(["word", "word", "initial", "initial"]);
  });

  it("weighs the parent organisation's words of a compound Entity List entry as stop words", () => {
    const name = "China Electronics Technology Group Corporation 13th Research Institute (CETC 13). Subordinate Institution - Tonghui Electronics";
    const tokens = normalizeName(name, { context: "organization" }).tokens;
    expect(compoundParentEnd(tokens)).toBe(12);
    expect(tokens.slice(12).map((t) => `${t.text}:${t.cls}`)).toEqual(["TONGHUI:word", "ELECTRONICS:generic"]);
    expect(tokens.slice(0, 12).every((t) => t.cls === "stop" || t.cls === "legal")).toBe(true);
    expect(classes("Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Ningbo Huawei Computer & Net Co., Ltd.", "organization").slice(-5)).toEqual([
      "HUAWEI:word", "COMPUTER:word", "AND:stop", "NET:word", "CO LTD:legal",
    ]);
    // No body after the marker, a marker first, or a person's name: no parent part.
    expect(compoundParentEnd(normalizeName("Zaveron Subordinate Institution", { context: "organization" }).tokens)).toBe(0);
    expect(compoundParentEnd(normalizeName("Affiliated Entity Services LLC", { context: "organization" }).tokens)).toBe(0);
    expect(classes("Acme Affiliated Entity Holdings", "person")).toEqual(["ACME:word", "AFFILIATED:word", "ENTITY:word", "HOLDINGS:word"]);
  });

  it("weighs the Entity List's successor clause as stop words", () => {
    const tokens = normalizeName("Asia-Invest LLC and any successor, sub-unit, or subsidiary thereof", { context: "organization" }).tokens;
    expect(successorClause(tokens)).toEqual({ from: 4, to: 11 });
    expect(tokens.map((t) => t.cls)).toEqual(["word", "word", "legal", "stop", "stop", "stop", "stop", "stop", "stop", "stop", "stop"]);
    // Only after a name, and only the clause.
    expect(successorClause(normalizeName("Any Successor Holdings").tokens)).toBeUndefined();
    expect(successorClause(normalizeName("Successor Thereof Ltd").tokens)).toBeUndefined();
  });

  it("reads a one-person company as a limited company", () => {
    const family = (s: string) => normalizeName(s, { context: "organization" }).tokens.map((t) => t.legalFamily ?? t.cls);
    expect(family("DAMASCUS CHAM MANAGEMENT ONE-PERSON CO. LTD.")).toEqual(["place", "word", "generic", "limited"]);
    expect(family("AL-AMMAR LLC ONE PERSON COMPANY")).toEqual(["particle", "word", "limited-liability", "limited"]);
  });

  it("reads the English plural of a generic word as the word", () => {
    expect(classes("CITY DEVELOPMENTS", "organization")).toEqual(["CITY:word", "DEVELOPMENT:generic"]);
    expect(classes("PARCHIN CHEMICAL FACTORIES", "organization")).toEqual(["PARCHIN:word", "CHEMICAL:word", "FACTORY:generic"]);
    expect(classes("HARDSEA AGENCIES", "organization")).toEqual(["HARDSEA:word", "AGENCY:generic"]);
    expect(classes("TAIBAH BOSNIA OFFICES", "organization")).toEqual(["TAIBAH:word", "BOSNIA:place", "OFFICE:generic"]);
    // Plurals of other words, and persons' names, stay as written.
    expect(classes("NATIONAL LOTTERIES", "organization")).toEqual(["NATIONAL:generic", "LOTTERIES:word"]);
    expect(classes("Plants, Robert", "person")).toEqual(["PLANTS:word", "ROBERT:word"]);
  });

  it("recognises misspelt words of transliterated legal phrases", () => {
    expect(classes("Obschestvo S Ogranichennoi Otvestvennostyu Tekhnopromeksport")).toEqual([
      "OBSCHESTVO:legal",
      "S:legal",
      "OGRANICHENNOI:legal",
      "OTVESTVENNOSTYU:legal",
      "TEKHNOPROMEKSPORT:word",
    ]);
    // Two edits from OTKRYTOE, and shorter than ten letters: a bank's name, not a legal form.
    expect(classes("OTKRITIE BANK")).toEqual(["OTKRITIE:word", "BANK:word"]);
    // "Open" (one edit from OTKRYTOE) qualifies a joint-stock form only beside a legal word; alone
    // it is a name (the Otkritie bank's factoring arm), while "joint-stock" alone is still legal.
    expect(classes("OTKRYTIE FAKTORING")).toEqual(["OTKRYTIE:word", "FAKTORING:word"]);
    expect(classes("OTKRYTOE NEBO")).toEqual(["OTKRYTOE:word", "NEBO:word"]);
    expect(classes("OTKRYTIE AKTSIONERNOE OBSHCHESTVO FAKTORING")).toEqual(["OTKRYTIE:legal", "AKTSIONERNOE OBSHCHESTVO:legal", "FAKTORING:word"]);
    expect(classes("AKTSIONERNY KOMMERCHESKI BANK")).toEqual(["AKTSIONERNY:legal", "KOMMERCHESKI:word", "BANK:word"]);
    // Nor does a lone "open" make leading dotted letters an organisation's abbreviation.
    expect(classes("A.B. OTKRYTIE")).toEqual(["A:initial", "B:initial", "OTKRYTIE:word"]);
    expect(classes("A.B. OTKRYTOE AKTSIONERNOE OBSHCHESTVO")).toEqual(["AB:word", "OTKRYTOE AKTSIONERNOE OBSHCHESTVO:legal"]);
  });

  it("classes particles, honorifics, initials and numbers", () => {
    expect(classes("Maulana Hakim Mohammad AL-MAZHAR J.", "person")).toEqual([
      "MAULANA:honorific",
      "HAKIM:word",
      "MOHAMMAD:word",
      "AL:particle",
      "MAZHAR:word",
      "J:initial",
    ]);
    expect(classes("11420 CORP.")).toEqual(["11420:number", "CORP:legal"]);
  });

  it("reads single letters of organisation names as words, not initials", () => {
    expect(classes("B S COMPANY", "organization")).toEqual(["B:word", "S:word", "COMPANY:legal"]);
  });

  it("gives persons no legal forms and organisations no honorifics", () => {
    expect(classes("SA Mohamed", "person")).toEqual(["SA:word", "MOHAMED:word"]);
    expect(classes("Sheikh Holdings", "organization")).toEqual(["SHEIKH:word", "HOLDING:generic"]);
  });

  it("compares class words as words when nothing else is left", () => {
    expect(classes("THE COMPANY")).toEqual(["THE:word", "COMPANY:word"]);
  });

  it("reads leading dotted letters of an untyped name as one word when the name has a legal form", () => {
    expect(classes("K.L.M.N. TRADING S.A.")).toEqual(["KLMN:word", "TRADING:generic", "SA:legal"]);
    // Without a legal form after them they are a person's initials; a dotted legal form alone is not evidence.
    expect(classes("K.L. SMITH")).toEqual(["K:initial", "L:initial", "SMITH:word"]);
    expect(classes("A.G. PETROV")).toEqual(["A:initial", "G:initial", "PETROV:word"]);
  });

  it("weighs a name's own initials written beside it as a generic word", () => {
    expect(classes("ARMY SUPPLY BUREAU (ASB)", "organization")).toContain("ASB:generic");
    expect(classes("KALA TRADING LIMITED KTL", "organization")).toContain("KTL:generic");
    // Not the name's initials in order, or not starting with its first word: a word like any other.
    expect(classes("ARMY SUPPLY BUREAU BSA", "organization")).toContain("BSA:word");
    expect(classes("NITC SHARJAH", "organization")).toContain("NITC:word");
    // Persons have no such acronyms.
    expect(classes("ALI HASSAN AHA", "person")).toContain("AHA:word");
  });

  it("keeps the vowel onset of an Arabic-script word (a word-initial alef or ain)", () => {
    expect(normalizeName("أحمد عمر").tokens.map((t) => [t.text, t.skeleton])).toEqual([
      ["AHMD", "HMD"],
      ["AMR", "MR"],
    ]);
  });

  it("marks abjad tokens with a consonant skeleton and splits the Arabic article", () => {
    const n = normalizeName("صدام حسين التكريتي");
    expect(n.tokens.map((t) => [t.text, t.cls, t.abjad, t.skeleton])).toEqual([
      ["SDM", "word", true, "SDM"],
      ["HSYN", "word", true, "HSN"],
      ["AL", "particle", true, "L"],
      ["TKRYTY", "word", true, "TKRT"],
    ]);
  });
});

describe("normalizeName: display form and unscreenable input", () => {
  it("keeps the original script in the display form", () => {
    expect(normalizeName("  ООО   Ромашка\u200B ").display).toBe("ООО Ромашка");
  });

  it.each([
    { case: "empty", input: "   ", code: "EMPTY" },
    { case: "only symbols", input: "!!! ### ???", code: "NO_COMPARABLE_TOKENS" },
    { case: "only emoji", input: "😀🔥", code: "NO_COMPARABLE_TOKENS" },
    { case: "a script without romanisation", input: "𒀭𒈗", code: "UNROMANISABLE_SCRIPT" },
    { case: "Egyptian hieroglyphs (any-ascii gives sign codes, not readings)", input: "𓀀𓀁", code: "UNROMANISABLE_SCRIPT" },
  ])("$case is unscreenable", ({ input, code }) => {
    expect(normalizeName(input).unscreenable?.code).toBe(code);
  });

  it("names the script it cannot romanise", () => {
    expect(normalizeName("𒀭𒈗").unscreenable?.message).toContain("Cuneiform");
  });

  it("reports dropped characters but screens the rest", () => {
    const n = normalizeName("Ivanov 𒀭");
    expect(n.unscreenable).toBeUndefined();
    expect(n.compare).toBe("IVANOV");
    expect(n.untransliterable).toEqual([{ script: "Cuneiform", count: 1, example: "𒀭" }]);
  });
});

describe("pipeline steps", () => {
  it("stripControls deletes invisible characters", () => {
    expect(stripControls("A\u200BB\u200C\u200DC\u2060D\uFEFFE\u00ADF")).toBe("ABCDEF");
  });

  it("foldLookalikes folds Latin letters inside a Cyrillic word the other way", () => {
    expect(foldLookalikes("OОО")).toBe("ООО");
    expect(transliterate(foldLookalikes("OОО")).pieces[0]?.text).toBe("OOO");
  });

  it.each([
    ["MOHAMMED", "MHMD"],
    ["MUHAMMAD", "MHMD"],
    ["QADHAFI", "KDF"],
    ["GADDAFI", "KDF"],
    ["ALEXANDER", "LKSNDR"],
    ["ALEKSANDR", "LKSNDR"],
    ["KHALID", "xLD"],
    ["ABDULLAH", "BDL"],
  ])("latinSkeleton(%s) = %s", (input, expected) => expect(latinSkeleton(input)).toBe(expected));

  it.each([
    ["محمد", "MHMD"],
    ["القذافي", "LKdF"],
    ["خالد", "xLD"],
    ["صدام", "SDM"],
  ])("arabicSkeleton(%s) = %s", (input, expected) => expect(arabicSkeleton(input)).toBe(expected));

  // Letters that Arabic and Persian romanisations read differently stand for both readings.
  it.each([
    ["القذافي", ["LKDF", "LKZF"]],
    ["فضل", ["FDL", "FZL"]],
    ["ثاقب", ["TKB", "SKB"]],
    ["ظاهر", ["ZHR", "DHR"]],
    ["صالح", ["SLH", "SL"]],
    ["عصبة", ["SB", "SBT"]],
    ["محمد", ["MHMD"]],
    // A consonant right before H is two letters where a Latin digraph is one: ISHAQ's skeleton is
    // cK, AZHAR's JR, MAZHAR's MJR; not across a long vowel (ظاهر ZAHIR), nor T H (تحسيني, FATHI).
    ["اسحاق", ["SHK", "cK"]],
    ["أزهر", ["ZHR", "JR"]],
    ["مظهر", ["MZHR", "MDHR", "MJR"]],
    ["ظاهر", ["ZHR", "DHR"]],
    ["تحسيني", ["THSN"]],
    // A final ه is a consonant in Arabic names (TAHA) and a vowel in Persian ones (ZADEH, ZADA).
    ["طه", ["TH", "T"]],
    // … but not Allah's (ALLAH, -ULLAH: a final H Latin skeletons drop), after the article: see below.
    ["زاده", ["ZDH", "ZD"]],
  ])("skeletonVariants(arabicSkeleton(%s)) = %j", (input, expected) => expect(skeletonVariants(arabicSkeleton(input))).toEqual(expected));

  it("reads Allah's rest after the article as L only", () => {
    expect(normalizeName("الله").tokens.map((t) => skeletonVariants(t.skeleton))).toEqual([["L"], ["L"]]);
  });

  it.each([
    ["FAZL", "فضل"],
    ["SAQIB", "ثاقب"],
    ["NAZIR", "نذیر"],
    ["SALEH", "صالح"],
    ["ASBAT", "عصبة"],
  ])("%s and %s compare by skeleton", (latin, arabic) => {
    const how = comparableHow(comparableToken(latin, latinSkeleton(latin)), comparableToken(arabic, arabicSkeleton(arabic), { abjad: true }), NAMES_V2);
    expect(how).toBe("skeleton");
  });
});

describe("normalizeName properties", () => {
  const nameLike = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.array(fc.constantFrom("AL", "Мухаммад", "d.o.o.", "OOO", "José", "ﬁ", "\u200B", "😀", "Ж", "'", "-", "Ltd", "J.", "محمد", "金"), { maxLength: 8 }).map((a) => a.join(" ")),
  );

  test.prop([nameLike])("compare form is idempotent", (s) => {
    const once = normalizeName(s).compare;
    expect(normalizeName(once).compare).toBe(once);
  });

  // Printable ASCII takes a short path (no NFKC, control, lookalike or mark passes); a zero-width
  // space, which the long path deletes, sends the same name down the long path.
  test.prop([fc.stringMatching(/^[\x20-\x7E]{0,40}$/), fc.nat(40)])("printable ASCII normalises as the full path does", (s, at) => {
    const cut = Math.min(at, s.length);
    // (Only the reason for a blank name differs: the padded one is not blank as given.)
    const { input: _short, unscreenable: whyShort, ...short } = normalizeName(s);
    const { input: _long, unscreenable: whyLong, ...long } = normalizeName(`${s.slice(0, cut)}\u200B${s.slice(cut)}`);
    expect(short).toEqual(long);
    if (s.trim() !== "") expect(whyShort).toEqual(whyLong);
  });

  test.prop([nameLike])("never throws and yields tokens or a reason", (s) => {
    const n = normalizeName(s);
    expect(n.tokens.length > 0 || n.unscreenable !== undefined).toBe(true);
    for (const t of n.tokens) expect(t.text).toMatch(/^[A-Z0-9]+( [A-Z0-9]+)*$/);
  });
});
