/**
 * names-v2 (issue 12): the spellings people really write, one test per category, against the real
 * evaluation lists (OFAC SDN 2023-12-28, UN, UK, CSL, DPL) plus hand-made records for names those
 * lists lack. Our own examples; decisions, not pinned scores.
 */
import { beforeAll, expect, it } from "vitest";
import { renderScreenResult } from "../../src/cli/render-screen-result";
import { createScreener, type ScreenResult, type Screener } from "../../src/screen";
import { NAMES_V2 } from "../../src/score";
import { EVAL_FILES, evalLists } from "../eval/designations";
import { describeWithData } from "../shared-data";
import { handMadeList } from "./fixtures";

const TODAY = "2026-12-06";

let screener: Screener;
beforeAll(() => {
  const extra = handMadeList([
    { id: "bel-nefte-khim", type: "organization", names: ["BEL NEFTE KHIM"] },
    { id: "goodyear", type: "organization", names: ["GOODYEAR"] },
    { id: "good-year", type: "organization", names: ["GOOD YEAR TRADING"] },
    { id: "first-minsk", type: "organization", names: ["1ST MINSK BANK"] },
    { id: "brigade-12", type: "organization", names: ["KRASNODAR BRIGADE 12"] },
    { id: "xi", type: "person", names: ["XI JINPING"] },
    { id: "park", type: "person", names: ["PARK, Pong-ju"] },
    { id: "jeong", type: "person", names: ["JEONG, Myong-hak"] },
    { id: "jon", type: "person", names: ["JON, Kwang Su"] },
    { id: "baek", type: "person", names: ["BAEK, Se Bong"] },
    { id: "jp-smith", type: "person", names: ["SMITH, Jean-Pierre"] },
    { id: "gatesby", type: "person", names: ["GATESBY, William Aloysius"] },
    { id: "irgc-long", type: "organization", names: ["ISLAMIC REVOLUTIONARY GUARD CORPS"] },
    { id: "rostock-ag", type: "organization", names: ["ROSTOCK MARITIME AG"] },
    { id: "armada-srl", type: "organization", names: ["ARMADA TRANSILVANIA SRL"] },
    { id: "romashka", type: "organization", names: ["ROMASHKA TREIDING OOO"] },
    { id: "firdaws", type: "organization", names: ["FIRDAWS LLC"] },
    { id: "campos-verdes", type: "organization", names: ["CAMPOS VERDES S.P.R. DE R.L."] },
    { id: "rio-bravo-dto", type: "organization", names: ["RIO BRAVO DTO"] },
    { id: "otkritie-f", type: "organization", names: ["OTKRITIE FACTORING"] },
    { id: "ventel-ca", type: "organization", names: ["VENTEL, C.A."] },
    { id: "nopal-sc", type: "organization", names: ["DESPACHO NOPALERA, S.C."] },
    { id: "qasr-one", type: "organization", names: ["QASR AL NAKHIL TRADING CO. LTD."] },
    { id: "zorvan-dev", type: "organization", names: ["ZORVAN DEVELOPMENT"] },
    { id: "kestrel-lottery", type: "organization", names: ["KESTREL LOTTERY OOD"] },
    { id: "volkhovets-sdb", type: "organization", names: ["JOINT STOCK COMPANY SPECIAL DESIGN BUREAU VOLKHOVETS"] },
    { id: "zarnitsa-pmc", type: "organization", names: ["Private Military Company 'Zarnitsa'"] },
    { id: "hrytsenko", type: "person", names: ["HRYTSENKO, Mykola Hryhorovych"] },
    { id: "kavaleva", type: "person", names: ["KAVALEVA, Halina Leanidauna"] },
    { id: "sharifi", type: "person", names: ["SHARIFI NAKHAI, Hamid Reza"] },
    { id: "kavalenka", type: "person", names: ["KAVALENKA, Dzmitry Ryhoravich"] },
    { id: "zorya-hk", type: "organization", names: ["ZORYA ELECTRIC (HONG KONG) LIMITED"] },
    { id: "korvesta-spe", type: "organization", names: ["SCIENTIFIC PRODUCTION ENTERPRISE KORVESTA"] },
    { id: "korvesta-tele", type: "organization", names: ["KORVESTA TELE C.A."] },
    { id: "telmosh-korvesta", type: "organization", names: ["TELMOSH KORVESTA LLC"] },
    { id: "tarnovit-spe", type: "organization", names: ["SCIENTIFIC-PRODUCTION ENTERPRISE TARNOVIT, JSC"] },
    { id: "tarnovit-ao", type: "organization", names: ["TARNOVIT AO"] },
    { id: "orbitel-tskb", type: "organization", names: ["ORBITEL CENTRAL DESIGN BUREAU OJSC"] },
    { id: "kb-lindora", type: "organization", names: ["KB LINDORA LIMITED"] },
    { id: "vostokpribor-nii", type: "organization", names: ["NAUCHNO-ISSLEDOVATELSKII INSTITUT VOSTOKPRIBOR"] },
    { id: "lyra-okb", type: "organization", names: ["OPYTNO-KONSTRUKTORSKOE BYURO LYRA"] },
    { id: "kalinet-npp", type: "organization", names: ["NPP KALINET"] },
    { id: "rostamiabkenari", type: "person", names: ["ROSTAMIABKENARI, Mohammad"] },
    { id: "darmansyah", type: "person", names: ["DARMANSYAH"] },
    { id: "korvant", type: "organization", names: ["KORVANT ELECTRONICS"] },
    { id: "tarlan-shargh", type: "organization", names: ["TARLAN SHARGH CEMENT CO."] },
    { id: "severny-korvel", type: "organization", names: ["SEVERNY KORVEL PLANT"] },
    { id: "veltor-aircraft", type: "organization", names: ["VELTOR AIRCRAFT REPAIR PLANT"] },
    { id: "tarskii-khim", type: "organization", names: ["TARSKII KHIMICHESKII KOMBINAT"] },
    { id: "koraman-cement", type: "organization", names: ["KORAMAN CEMENT"] },
    { id: "tabandeh-invest", type: "organization", names: ["TABANDEH INVESTMENT COMPANY"] },
    { id: "orvala-dis", type: "organization", names: ["ORVALA ITHALAT IHRACAT DIS TICARET LIMITED SIRKETI"] },
    { id: "korvani", type: "person", names: ["KORVANI, Adib Shahran"] },
    { id: "zhelvakova", type: "person", names: ["ZHELVAKOVA, Irina"] },
    { id: "huaxing-shipping", type: "organization", names: ["HUAXING SHIPPING LIMITED"] },
    { id: "novye-tekhnologii", type: "organization", names: ["LIMITED LIABILITY COMPANY TAVRIDA NEW TECHNOLOGIES"] },
    { id: "uralmed-td", type: "organization", names: ["TRADING HOUSE URALMED COPPER COMPANY"] },
    { id: "kolyma-zoloto", type: "organization", names: ["AKTSIONERNOE OBSHCHESTVO ZOLOTO VERKHOYANYA"] },
    { id: "taihang-hangtian", type: "organization", names: ["TAIHANG AEROSPACE ELECTRONICS GROUP CO., LTD."] },
    { id: "penzenskiy-priborny", type: "organization", names: ["OTKRYTOE AKTSIONERNOE OBSHCHESTVO PENZENSKIY PRIBORNYY ZAVOD"] },
  ]);
  // The hand-made IRGC record stands alone in its own list for the acronym test (the real lists
  // carry "IRGC" as an alias, which would be an exact match).
  screener = createScreener({ lists: [...evalLists(), extra], maxHits: 50, today: TODAY });
}, 120_000);

const screen = (name: string): ScreenResult => screener.screen({ name });
const decision = (name: string, id: string): string => screen(name).hits.find((h) => `${h.list}:${h.recordId}` === id)?.decision ?? "none";
const flagged = (name: string, id: string): boolean => ["alert", "review"].includes(decision(name, id));

describeWithData("typos and digits", EVAL_FILES, () => {
  it.each(["Belvneshpromservis", "Belvneshpromserwis", "Belvneshpr0mservis", "BELVNESHPROMSERVICE"])("%s alerts on BELVNESHPROMSERVICE", (q) => {
    expect(decision(q, "ofac-sdn:15487")).toBe("alert");
  });

  it("reads digits typed for letters", () => {
    expect(decision("Alexander L1ukashenko", "ofac-sdn:9760")).toBe("alert");
    expect(screen("Belvneshpr0mservis").hits[0]?.reasons[0]?.detail).toContain("BELVNESHPR0MSERVIS read as BELVNESHPROMSERVIS");
  });

  // A letter typed in or dropped from a five-letter name beside exact words is a typo (0.71: one edit in
  // five letters); a consonant changed in a four-letter one is another name.
  it("alerts on a typo in a short given name when the rest of the name is exact", () => {
    expect(decision("Avdib Shahran Korvani", "test-cases:korvani")).toBe("alert");
    expect(decision("Adib Shahrn Korvani", "test-cases:korvani")).toBe("alert");
    expect(decision("Adim Shahran Korvani", "test-cases:korvani")).not.toBe("alert");
  });

  // One letter changed or dropped in a four-letter word is another name as often as a typo: beside
  // exact words a review (a person looks), never an alert.
  it("reviews a letter changed or dropped in a four-letter word when the rest of the name is exact", () => {
    expect(decision("Adim Shahran Korvani", "test-cases:korvani")).toBe("review");
    expect(decision("KIM JZNG SIK", "ofac-sdn:23214")).toBe("review");
    expect(decision("EFIC BADEGE", "un:CDi.001")).toBe("review");
    expect(decision("KIM JOG SIK", "ofac-sdn:23214")).toBe("review");
    expect(decision("EFIC", "un:CDi.001")).toBe("none");
  });

  it("keeps short words strict: one edit in six letters alone is no match", () => {
    expect(decision("Fortum", "ofac-sdn:29487")).toBe("none");
    expect(screener.rank("Fortum", { minScore: 0.8 }).length).toBe(0);
  });
});

describeWithData("glued and split words", EVAL_FILES, () => {
  it("splits a glued query into list words", () => {
    expect(flagged("AlexanderLukashenko", "ofac-sdn:9760")).toBe(true);
    expect(decision("MinskAutomobilePlant", "ofac-sdn:41318")).toBe("alert");
    expect(flagged("Belneftekhim", "test-cases:bel-nefte-khim")).toBe(true);
    expect(decision("Army\u0000Supply Bureau", "ofac-sdn:15486")).toBe("alert");
  });

  it("splits a compound the lists also write as one word when the record writes it apart", () => {
    // HAMIDREZA is a word of six records of the evaluation lists; this record writes HAMID REZA.
    expect(decision("Hamidreza Sharifi Nakhai", "test-cases:sharifi")).toBe("alert");
  });

  it("does not split a place written as one word into two name words", () => {
    // HONGKONG is a place word; read as HONG KONG it would weigh as two words of the record's name.
    expect(flagged("Hongkong Electric", "test-cases:zorya-hk")).toBe(false);
  });

  it("joins the words of a name written surname first in the order the record glues them", () => {
    // "ROSTAMIABKENARI" is ROSTAMI + ABKENARI written as one word; written surname first, the two
    // parts are the last word and the first.
    expect(decision("ABKENARI, Mohammad Rostami", "test-cases:rostamiabkenari")).toBe("alert");
    expect(decision("SYAH, Darman", "test-cases:darmansyah")).toBe("alert");
  });

  it("glues split query words into one list word", () => {
    expect(decision("Good Year", "test-cases:goodyear")).toBe("alert");
    expect(flagged("GOODYEAR TRADING", "test-cases:good-year")).toBe(true);
  });
});

describeWithData("romanisation systems", EVAL_FILES, () => {
  it.each([
    ["Wladimir Putin", "ofac-sdn:35096"],
    ["Aleksandr Lukaschenko", "ofac-sdn:9760"],
    ["Mikhail Tschernow", "ofac-sdn:44910"],
    ["Muammar Gaddafi", "ofac-sdn:12606"],
    ["Muammar Qadhafi", "ofac-sdn:12606"],
    ["Usama Amin al-Shihabi", "ofac-sdn:16433"],
    ["Osama Amin al-Shihabi", "ofac-sdn:16433"],
    ["Hezbollah", "ofac-sdn:4697"],
    ["Hsi Jinping", "test-cases:xi"],
    ["Pak Pong-ju", "test-cases:park"],
    ["Chong Myong Hak", "test-cases:jeong"],
    ["CHON Kwang Su", "test-cases:jon"],
    ["Jeon Kwang-su", "test-cases:jon"],
    ["Paek Se Bong", "test-cases:baek"],
  ])("%s alerts on %s", (q, id) => expect(decision(q, id)).toBe("alert"));

  // 백 (Baek, Paek) and 박 (Park, Pak) are two surnames: the table does not join them.
  it("does not read BAEK as PARK", () => {
    expect(decision("Park Se Bong", "test-cases:baek")).not.toBe("alert");
  });

  // One East Slavic name in its Russian, Ukrainian and Belarusian forms: given names and the
  // patronymics made from them (GRIGORYEVICH, RYHORAVICH, HRYHOROVYCH; LEONIDOVNA, LEANIDAUNA).
  it.each([
    ["Aliaksandr Ryhoravich Lukashenka", "ofac-sdn:9760"],
    ["Nikolai Grigoryevich Hrytsenko", "test-cases:hrytsenko"],
    ["Galina Leonidovna Kavaleva", "test-cases:kavaleva"],
  ])("%s alerts on %s", (q, id) => expect(decision(q, id)).toBe("alert"));

  it("still scores a contradicted patronymic below an omitted one in another language's form", () => {
    const score = (q: string) => screener.rank(q, { minScore: 0.3, limit: 50 }).find((m) => m.id === "ofac-sdn:9760")?.score ?? 0;
    expect(score("Aliaksandr Piatrovich Lukashenka")).toBeLessThan(score("Aliaksandr Lukashenka"));
  });

  it("explains a national form as a table's symbol", () => {
    const hit = screen("Nikolai Grigoryevich Hrytsenko").hits.find((h) => h.recordId === "hrytsenko");
    expect(hit?.alignment.map((a) => `${a.query}~${a.candidate}:${a.how}`).sort()).toEqual(["GRIGORYEVICH~HRYHOROVYCH:symbol", "HRYTSENKO~HRYTSENKO:exact", "NIKOLAI~MYKOLA:symbol"]);
  });
});

describeWithData("titles, omitted and contradicted names, extra words", EVAL_FILES, () => {
  it.each(["President Alexander Lukashenko", "Präsident Alexander Lukaschenko", "His Excellency Alexander Lukashenko", "Alexander Lukashenko"])(
    "%s alerts on LUKASHENKO, Alexander Grigoryevich",
    (q) => expect(decision(q, "ofac-sdn:9760")).toBe("alert"),
  );

  // The reverse: the caller writes the patronymic a list leaves out.
  it.each(["Irina Vyacheslavovna Zhelvakova", "ZHELVAKOVA, Irina Vyacheslavovna", "Vyacheslav Vladimirovich Ponomaryov"])(
    "%s alerts on a list name without the patronymic",
    (q) => expect(decision(q, q.startsWith("Vy") ? "ofac-sdn:16935" : "test-cases:zhelvakova")).toBe("alert"),
  );

  it("scores a contradicted patronymic below an omitted one", () => {
    const score = (q: string) => screener.rank(q, { minScore: 0.3, limit: 50 }).find((m) => m.id === "ofac-sdn:9760")?.score ?? 0;
    expect(score("Alexander Petrovich Lukashenko")).toBeLessThan(score("Alexander Lukashenko"));
  });

  // One common word names no one: BANK, a given name, a descriptor. A brand many entries hold does.
  it.each(["Bank", "Trading"])("%s alone alerts on nothing", (q) => expect(screen(q).hits.filter((h) => h.decision === "alert")).toEqual([]));
  it("lets a common given name alone alert only on a name that is that word (titles aside)", () => {
    const alerts = screen("Muhammad").hits.filter((h) => h.decision === "alert").map((h) => h.name);
    expect(alerts).not.toContain("AL-SHAYKH, Muhammad");
    expect(alerts.every((n) => /^(HAFIZ )?MUHAMMAD$/iu.test(n))).toBe(true);
  });
  it("still alerts on a brand many entries hold, written alone", () => expect(screen("Huawei").hits.some((h) => h.decision === "alert")).toBe(true));

  it("lets a city or country after a company name cost little", () => {
    expect(decision("Army Supply Bureau Damascus", "ofac-sdn:15486")).toBe("alert");
    expect(flagged("Army Supply Bureau Syria", "ofac-sdn:15486")).toBe(true);
  });

  it("lets a place written in two words after a company name cost what a one-word place does", () => {
    expect(decision("Korvant Electronics Hong Kong Limited", "test-cases:korvant")).toBe("alert");
    expect(decision("Korvant Electronics Saudi Arabia", "test-cases:korvant")).toBe("alert");
    const hit = screen("Korvant Electronics Hong Kong Limited").hits.find((h) => h.recordId === "korvant");
    expect(hit?.reasons.find((r) => r.feature === "name.fuzzy")?.detail).toContain("HONG KONG: a place the caller added, cost ×0.3");
  });

  it("does not let two different places pass as the same name", () => {
    const r = screener.rank("Commercial Bank of Greece", { minScore: 0.8 });
    expect(r.find((m) => m.id === "ofac-sdn:12223")).toBeUndefined();
  });
});

describeWithData("romanisations of a diphthong, and a name that looks like a legal word", EVAL_FILES, () => {
  // AU and AW are one Arabic diphthong: SHAUKAT is SHAWKAT, FIRDAUS is FIRDAWS (a one-word name,
  // where one edit in a short word would not pass).
  it.each([
    ["Assef Shaukat", "ofac-sdn:9415"],
    ["Taufiq Muhammad Khadour", "ofac-sdn:34107"],
  ])("%s alerts on %s", (q, id) => expect(decision(q, id)).toBe("alert"));
  it("flags FIRDAUS against FIRDAWS (read as one spelling, not one edit in a short brand)", () => expect(flagged("Firdaus Ltd", "test-cases:firdaws")).toBe(true));

  // OTKRYTIE is one edit from OTKRYTOE ("open", of an open joint-stock company) but, with no legal
  // word beside it, the Otkritie bank's name.
  it("keeps a lone word one edit from a legal qualifier as a name", () => {
    expect(decision("Otkrytie Faktoring", "test-cases:otkritie-f")).toBe("alert");
    expect(decision("Otkrytoe Aktsionernoe Obshchestvo Faktoring", "test-cases:otkritie-f")).not.toBe("alert");
  });
});

describeWithData("organisations described in other words", EVAL_FILES, () => {
  // Four distinctive words shared and one that differs (PACKAGING where the list says CEMENT): the
  // differing words cost less once several distinctive words match (evidenceDiscount); one shared
  // word is not enough.
  it("lets the words that differ cost less when several distinctive words match", () => {
    expect(decision("Pakat Sazi Shafagh Sepahan Packaging", "ofac-sdn:25925")).toBe("alert");
    expect(decision("Sepahan Packaging Industries", "ofac-sdn:25925")).toBe("none");
  });

  // Russian and pinyin words of company names that an English name translates are one word: TAVRIDA
  // alone (a distinctive word) would leave NOVYE and TEKHNOLOGII unmatched, a review at best.
  it.each([
    ["OOO TAVRIDA NOVYE TEKHNOLOGII", "test-cases:novye-tekhnologii"],
    ["TORGOVYI DOM URALMED MEDNAYA KOMPANIYA", "test-cases:uralmed-td"],
    ["VERKHOYANYA GOLD JSC", "test-cases:kolyma-zoloto"],
    ["Taihang Hangtian Dianzi Jituan Youxian Gongsi", "test-cases:taihang-hangtian"],
  ])("%s alerts on the record its words translate", (q, id) => {
    expect(decision(q, id)).toBe("alert");
  });

  // A Russian enterprise is named after its town by an -SK- adjective (PENZENSKIY "of Penza"); an
  // English name keeps the town's noun.
  it("pairs a town with its Russian adjective in an organisation's name", () => {
    expect(flagged("OJSC Penza Pribornyy Zavod", "test-cases:penzenskiy-priborny")).toBe(true);
    expect(screen("OJSC Penza Pribornyy Zavod").hits[0]?.reasons[0]?.detail).toContain("(adjective of PENZA)");
    expect(decision("OJSC Kursk Pribornyy Zavod", "test-cases:penzenskiy-priborny")).toBe("none");
  });
});

describeWithData("legal forms in any language", EVAL_FILES, () => {
  it.each([
    ["Minsk Automobile Plant Open Joint Stock Company", "ofac-sdn:41318"],
    ["Rostock Maritime Aktiengesellschaft", "test-cases:rostock-ag"],
    ["Armada Transilvania Societate cu răspundere limitată", "test-cases:armada-srl"],
    ["Общество с ограниченной ответственностью Ромашка Трейдинг", "test-cases:romashka"],
    ["MINSK AUTOMOBILE PLANT JOINT STOCK COMPAN", "ofac-sdn:41318"],
    ["Campos Verdes S. de P.R. de R.L. de C.V.", "test-cases:campos-verdes"],
    // China's limited company in characters (romanised one at a time) and in pinyin words, with the
    // descriptor words 海运 / 船务 (shipping).
    ["華興海運有限公司", "test-cases:huaxing-shipping"],
    ["Huaxing Chuanwu Youxian Gongsi", "test-cases:huaxing-shipping"],
  ])("%s alerts on %s", (q, id) => expect(decision(q, id)).toBe("alert"));

  // OFAC's abbreviations for a drug trafficking / money laundering organisation read as the words.
  it.each(["Rio Bravo Drug Trafficking Organization", "RIO BRAVO D.T.O."])("%s alerts on RIO BRAVO DTO", (q) => expect(decision(q, "test-cases:rio-bravo-dto")).toBe("alert"));

  // Soviet enterprise types written as initials read as the words the lists translate them with,
  // and the transliterated long forms compare with those words as symbols.
  it.each([
    ["NPP Tarnovit", "test-cases:tarnovit-spe"],
    ["TsKB Orbitel", "test-cases:orbitel-tskb"],
    ["NII Vostokpribor", "test-cases:vostokpribor-nii"],
    ["OKB Lyra", "test-cases:lyra-okb"],
    ["Scientific Production Enterprise Kalinet", "test-cases:kalinet-npp"],
  ])("reads the enterprise type in %s: alerts on %s", (q, id) => expect(decision(q, id)).toBe("alert"));

  // A direction translated (Persian SHARGH, Russian SEVERNY) compares with the English word as a
  // symbol, and so do AVIATION and AIRCRAFT (both translate aviatsionnyi).
  it.each([
    ["Tarlan East Cement Company", "test-cases:tarlan-shargh"],
    ["Northern Korvel Plant", "test-cases:severny-korvel"],
    ["Veltor Aviation Repair Plant", "test-cases:veltor-aircraft"],
    // KHIMICHESKII: the table knows KHIMICHESKIY ~ CHEMICAL; the ending is romanised another way.
    ["Tarsky Chemical Combine", "test-cases:tarskii-khim"],
    // Persian company words: siman (cement), sarmayegozari (investment).
    ["Siman Koraman", "test-cases:koraman-cement"],
    ["Sherkat-e Sarmayegozari-e Tabandeh", "test-cases:tabandeh-invest"],
    // Turkish: ithalat ihracat (import export), dis ticaret (foreign trade).
    ["Orvala Import Export Foreign Trade Ltd", "test-cases:orvala-dis"],
  ])("reads the translated word in %s: alerts on %s", (q, id) => expect(decision(q, id)).toBe("alert"));

  // KB is a design bureau, a commercial bank (KB VOSTOCHNY) or a brand's initials (KB LINES LIMITED):
  // left as written.
  it("does not read KB as a design bureau", () => {
    expect(decision("Lindora Design Bureau", "test-cases:kb-lindora")).not.toBe("alert");
    expect(decision("KB Lindora", "test-cases:kb-lindora")).toBe("alert");
  });

  it("ranks the record of the enterprise type written as initials first, and says how it read them", () => {
    const hits = screen("JSC NPP Tarnovit").hits;
    expect(hits[0]?.recordId).toBe("tarnovit-spe");
    expect(hits.find((h) => h.recordId === "tarnovit-ao")?.score).toBeLessThan(hits[0]?.score as number);
    expect(hits[0]?.reasons.find((r) => r.feature === "name.fuzzy")?.detail).toContain("NPP read as SCIENTIFIC PRODUCTION ENTERPRISE");
  });

  // Venezuela's C.A. (compañía anónima), Mexico's S.C. (sociedad civil), a one-person company.
  it.each([
    ["Ventel", "test-cases:ventel-ca"],
    ["Ventel Compania Anonima", "test-cases:ventel-ca"],
    ["Despacho Nopalera Sociedad Civil", "test-cases:nopal-sc"],
    ["QASR AL NAKHIL TRADING ONE-PERSON CO. LTD.", "test-cases:qasr-one"],
  ])("%s alerts on %s", (q, id) => expect(decision(q, id)).toBe("alert"));

  // A plural is a cheap edit, and the reason says so.
  it("matches a word's English plural and says so", () => {
    expect(decision("Kestrel Lotteries Ltd", "test-cases:kestrel-lottery")).toBe("alert");
    const hit = screen("Kestrel Lotteries Ltd").hits.find((h) => h.recordId === "kestrel-lottery");
    expect(hit?.reasons.find((r) => r.feature === "name.fuzzy")?.detail).toContain("LOTTERIES~LOTTERY 0.96 (plural)");
  });

  // A generic word's plural is the word: "Developments" is no weaker a match than "Development".
  it("reads a generic word's plural as the word", () => {
    const score = (q: string) => screen(q).hits.find((h) => h.recordId === "zorvan-dev")?.score;
    expect(score("Zorvan Developments")).toBe(score("Zorvan Development"));
  });

  // Mexico's S.P.R. de R.L. is a legal form: two companies sharing only it (and a common word) differ.
  it("does not let a shared Mexican legal form make two companies one", () => {
    expect(flagged("Campos Azules S.P.R. de R.L.", "test-cases:campos-verdes")).toBe(false);
  });
});

describeWithData("numbers, initials, nicknames, acronyms", EVAL_FILES, () => {
  it("reads number words and ordinals as numbers", () => {
    expect(decision("First Minsk Bank", "test-cases:first-minsk")).toBe("alert");
    expect(decision("Krasnodar Brigade Twelve", "test-cases:brigade-12")).toBe("alert");
    expect(decision("Krasnodar Brigade 13", "test-cases:brigade-12")).not.toBe("alert");
  });

  it("matches initials and hyphenated given names for review", () => {
    for (const q of ["A. G. Lukashenko", "A.G. Lukashenko"]) expect(flagged(q, "ofac-sdn:9760")).toBe(true);
    expect(flagged("J.-P. Smith", "test-cases:jp-smith")).toBe(true);
    expect(decision("Jean-Pierre Smith", "test-cases:jp-smith")).toBe("alert");
  });

  // The initials of some of a name's words, legal-form words included, beside a word that matches
  // exactly: the whole listed name is accounted for (an alert since the twelfth session; a review
  // before, when initials counted 0.7 wherever they stood); never on the initials alone, nor beside
  // generic words only.
  it("reads initials of a run of an organisation's words beside other matching words", () => {
    expect(decision("JSC Volkhovets SDB", "test-cases:volkhovets-sdb")).toBe("alert");
    expect(flagged("PMC Zarnitsa", "test-cases:zarnitsa-pmc")).toBe(true);
    const hit = screen("JSC Volkhovets SDB").hits.find((h) => h.recordId === "volkhovets-sdb");
    expect(hit?.reasons.find((r) => r.feature === "name.fuzzy")?.detail).toContain(`SDB~SPECIAL+DESIGN+BUREAU ${NAMES_V2.runAcronymSimilarity.toFixed(2)} (initials)`);
    expect(flagged("SDB Group", "test-cases:volkhovets-sdb")).toBe(false);
    expect(flagged("SDB", "test-cases:volkhovets-sdb")).toBe(false);
    expect(flagged("PMC", "test-cases:zarnitsa-pmc")).toBe(false);
  });

  // A brand written alone: the one query word is a distinctive word of the listed name, matched
  // exactly, so the name's describing words cost less; another distinctive word does not.
  it("flags an organisation's distinctive word written alone, not against a name with another one", () => {
    // 0.84 and 0.75 when the describing words cost 0.3 like any list word.
    expect(decision("Korvesta", "test-cases:korvesta-spe")).toBe("alert");
    expect(flagged("Korvesta", "test-cases:korvesta-tele")).toBe(true);
    const hit = screen("Korvesta").hits.find((h) => h.recordId === "korvesta-spe");
    expect(hit?.reasons.find((r) => r.feature === "name.fuzzy")?.detail).toContain("the query is KORVESTA alone, a distinctive word of the name matched exactly: SCIENTIFIC, PRODUCTION, ENTERPRISE cost");
    expect(flagged("Korvesta", "test-cases:telmosh-korvesta")).toBe(false);
    expect(flagged("Target", "test-cases:korvesta-spe")).toBe(false);
  });

  it("knows nicknames from the tables", () => {
    expect(flagged("Bill Gatesby", "test-cases:gatesby")).toBe(true);
    expect(flagged("Sasha Lukashenko", "ofac-sdn:9760")).toBe(true);
    // A nickname stands for every national form of its name (DIMA: DMITRY and DZMITRY).
    expect(flagged("Dima Kavalenka", "test-cases:kavalenka")).toBe(true);
  });

  it("reviews an organisation's initials against its long name, never alerts on them", () => {
    const only = createScreener({ lists: [...evalLists().filter((l) => l.metadata.listId === "un"), handMadeList([{ id: "irgc-long", type: "organization", names: ["ISLAMIC REVOLUTIONARY GUARD CORPS"] }])], today: TODAY });
    const hit = only.screen({ name: "IRGC" }).hits.find((h) => h.recordId === "irgc-long");
    expect(hit?.decision).toBe("review");
    expect(hit?.alignment?.[0]?.how).toBe("acronym");
  });
});

describeWithData("ranking and near misses", EVAL_FILES, () => {
  it('ranks SYRIAN AIR FORCE above SYRIAN ARAB AIR DEFENSE FORCES for "Syrian Arab Air Force"', () => {
    const ids = screener.rank("Syrian Arab Air Force", { minScore: 0.3, limit: 20 }).map((m) => m.id);
    expect(ids.indexOf("ofac-sdn:20960")).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf("ofac-sdn:20960")).toBeLessThan(ids.indexOf("ofac-sdn:20955"));
  });

  it("ranks, at an equal score, the record whose name has as many words as the query above one with a title more", () => {
    // MAJID, Hafiz Abdul (OFAC-SDN 25398) scores 1 too: the title costs nothing; ABDUL MAJID is the closer written name.
    for (const q of ["MAJID, Abdul", "Abdul Majid"]) {
      const top = screener.rank(q, { minScore: 0.3, limit: 5 });
      expect(top[0]?.score).toBe(1);
      expect(top.find((m) => m.id === "ofac-sdn:25398")?.score).toBe(1);
      expect(top[0]?.id).not.toBe("ofac-sdn:25398");
      expect(screen(q).hits[0]?.recordId).not.toBe("25398");
    }
  });

  it("counts a word written with an apostrophe inside as one word when ordering equal scores", () => {
    // KIM SONG II (BIS-DPL) also scores 1; "So'ng" is one word, so KIM, So'ng (two words) is the closer name.
    const top = screener.rank("KIM, So'ng", { minScore: 0.3, limit: 5 });
    expect(top.find((m) => m.id === "bis-dpl:96bdd8fa4f")?.score).toBe(top[0]?.score);
    expect(top[0]?.id).toBe("ofac-sdn:23508");
  });

  it("ranks a one-word primary name above a longer alias containing it", () => {
    const ids = screener.rank("Hizballah", { minScore: 0.3, limit: 20 }).map((m) => m.id);
    expect(ids[0]).toBe("ofac-sdn:4697");
  });

  it("names the closest record when the outcome is clear", () => {
    const r = screen("Minsk Automobile Service Trading Group");
    // The evaluation set has no list date, so a no-match is never a clean clear.
    expect(r.outcome).toBe("stale-clear");
    expect(r.nearMiss?.id).toBe("ofac-sdn:41318");
    expect(r.nearMiss?.score).toBeLessThan(r.reviewThreshold);
    expect(r.nearMiss?.detail).toMatch(/^closest: ofac-sdn:41318 "OPEN JOINT STOCK COMPANY MINSK AUTOMOBILE PLANT" at 0\.\d\d, below the review threshold 0.8$/);
    expect(renderScreenResult(r)).toContain(`near miss (not a hit): ${r.nearMiss?.detail}`);
    expect(screen("Belvneshpromservice").nearMiss).toBeUndefined();
    expect(screen("Zyxwvut Qqq").nearMiss).toBeUndefined();
  });
});
