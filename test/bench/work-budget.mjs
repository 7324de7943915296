// Work budget benchmark (issue 9): what the screen's work budget means in CPU time on this machine.
//
//   node --import tsx test/bench/work-budget.mjs [--reps 9] [--profile balanced] [--budget N] [--dev 0|1] [--only text] [--fresh 1|0] [--clock cpu|wall] [--lib src|dist] [--warm 600]
//
// Screens adversarial inputs built to be slow (dozens of common words, initials, Arabic one-letter
// words, unknown words, very long words; the random classes draw fresh words on every repetition,
// so no cache helps) with the embedded lists, date of birth and country given (the bonuses lower
// the search floor: the most work per name), and reports CPU time (process.cpuUsage, user +
// system) as the minimum and median of the repetitions, with the outcome and the work units the
// name needs (counted on a second index of the same lists with no budget). Then the dev set: the
// work units of every query (../shared/eval/dev/, skipped when absent) at the same floor, its
// maximum against the budget, and the CPU time of the five costliest. The last line of stdout is
// one JSON object with every number. By default (--fresh 1) each input class, and the dev set's
// costliest queries, run in a fresh process (a class would otherwise pay for the garbage and cache
// state of the one before); the machine is shared: a median under load is up to three times the
// minimum, so compare minimums between runs.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { buildNameIndex, queryUnits, searchNames, WORK_PER_MATCH } from "../../src/candidates/index.ts";
import { loadEmbeddedLists } from "../../src/embedded/index.ts";
import { normalizeName } from "../../src/normalize/index.ts";
import { createScreener, DEFAULT_SEARCH_BUDGET, NEAR_MISS_BAND, PROFILES } from "../../src/screen/index.ts";
import { birthYearSpans, recordCountryCodes } from "../../src/score/index.ts";
import { searchFloors } from "../../src/screen/search-floors.ts";
import { EVAL_DIR } from "../eval/designations.ts";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const REPS = Number(opt("reps", "9"));
const PROFILE = opt("profile", "balanced");
const BUDGET = Number(opt("budget", String(DEFAULT_SEARCH_BUDGET)));
const DEV = opt("dev", "1") === "1";
// A substring of the input classes to run (all by default).
const ONLY = opt("only", "");
const FRESH = opt("fresh", "1") === "1";
// Internal: time these dev queries (JSON) and print one JSON line (a fresh child process).
const TIME_DEV = opt("time-dev", "");
const CLOCK = opt("clock", "cpu");
// Screens timed with the TypeScript sources through tsx (default) or, with `--lib dist`, the built
// package (`npm run build` first): the code users run; tsx names every closure it creates, which
// costs the search's per-screen closures ~10 %. Work units are counted with the sources either way.
const LIB = opt("lib", "src");
if (LIB !== "src" && LIB !== "dist") throw new Error(`--lib src|dist, not ${LIB}`);
const timedCreateScreener = LIB === "dist" ? (await import("../../dist/index.js")).createScreener : createScreener;
const AS_OF = "2026-12-01";

const lists = loadEmbeddedLists();
const screener = timedCreateScreener({ lists, profile: PROFILE, searchBudget: BUDGET });
// The same lists indexed again, searched without a budget: the units a name needs.
const index = buildNameIndex(lists.flatMap((l) => l.records));
const review = PROFILES[PROFILE].reviewThreshold;
// As the screen searches (searchFloors): with a date of birth or a country, each record from the
// review threshold less the most its own evidence can add. The default is the bench's date of birth
// and country (1970, IR); `all: true` searches every record from the lowest minimum (as if every
// record's birth years spanned the caller's and it had the caller's country).
const records = lists.flatMap((l) => l.records);
const spans = birthYearSpans(records);
const packed = recordCountryCodes(records);
function unitsOf(name, { dateOfBirth = "1970", country = "IR", all = false } = {}) {
  const query = normalizeName(name);
  if (query.unscreenable !== undefined) return 0;
  const budget = { remaining: Number.MAX_SAFE_INTEGER, exhausted: false };
  const input = { ...(dateOfBirth ? { dateOfBirth } : {}), ...(country ? { country } : {}) };
  const { minScore, recordFloor } = searchFloors(review, input, { birthYears: () => spans, countryCodes: () => packed });
  const floor = all ? undefined : recordFloor;
  const found = searchNames(index, query, { minScore, units: queryUnits(index, query), nearest: { floor: minScore - NEAR_MISS_BAND }, budget, ...(floor ? { recordFloor: floor } : {}) });
  return Number.MAX_SAFE_INTEGER - budget.remaining + found.length * WORK_PER_MATCH;
}
// CPU time of the process (user + system: garbage collection on helper threads included), or with
// --clock wall the elapsed time of the screen on its own thread (on a quiet machine, the time the
// screen holds its core).
const cpuMs = (fn) => {
  if (CLOCK === "wall") {
    const t = process.hrtime.bigint();
    const out = fn();
    return [Number(process.hrtime.bigint() - t) / 1e6, out];
  }
  const t = process.cpuUsage();
  const out = fn();
  const u = process.cpuUsage(t);
  return [(u.user + u.system) / 1000, out];
};
const sorted = (xs) => xs.slice().sort((a, b) => a - b);
const r2 = (x) => Math.round(x * 100) / 100;

let seed = 9;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const word = (n) => Array.from({ length: n }, () => "ABCDEFGHIKLMNOPRSTUVZ"[Math.floor(rnd() * 21)]).join("");
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const COMMON = ["MOHAMMED", "AL", "ALI", "ABD", "ALLAH", "HASSAN", "A", "K", "M", "S"];
const ARABIC = ["محمد", "علي", "عبد", "الله", "حسن"];
const ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ADVERSARIAL = {
  "one common name (MOHAMMED)": () => "MOHAMMED",
  "4 common words": () => Array.from({ length: 4 }, () => pick(COMMON)).join(" "),
  "8 common words": () => Array.from({ length: 8 }, () => pick(COMMON)).join(" "),
  "16 common words": () => Array.from({ length: 16 }, () => pick(COMMON)).join(" "),
  "60 common words": () => Array.from({ length: 60 }, (_, i) => COMMON[i % COMMON.length]).join(" "),
  // A common word repeated next to initials: each repeat pairs with every word of its spellings.
  "repeated word, initials (ALI x4 M x3)": () => "ALI ALI ALI ALI M M M",
  "repeated word, initials (HASSAN x2 M K)": () => "HASSAN HASSAN M K",
  "repeated words, initials (8 words)": () => "ALLAH ALI A MOHAMMED M AL M MOHAMMED",
  "64 AL + one-letter initials": () => Array.from({ length: 64 }, (_, i) => (i % 2 ? LETTERS[(i * 7) % 26] : "AL")).join(" "),
  "6 initials x 9": () => Array.from({ length: 9 }, () => "A B C D E F").join(" X "),
  "64 one-letter words": () => Array.from({ length: 64 }, (_, i) => LETTERS[i % 26]).join(" "),
  "30 common Arabic words": () => Array.from({ length: 30 }, (_, i) => ARABIC[i % ARABIC.length]).join(" "),
  "64 Arabic one-letter words": () => Array.from({ length: 64 }, (_, i) => ARABIC_LETTERS[i % ARABIC_LETTERS.length]).join(" "),
  "64 unknown 6-letter words": () => Array.from({ length: 64 }, () => word(6)).join(" "),
  "64 unknown 3-letter words": () => Array.from({ length: 64 }, () => word(3)).join(" "),
  "15 unknown 60-letter words": () => Array.from({ length: 15 }, () => word(60)).join(" "),
  "one 300-letter word": () => word(300),
  "one 1,000-letter word": () => word(1000),
};

// Runs this script again for one class or for dev queries; returns its JSON line.
const child = (extra) => {
  const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1], "--reps", String(REPS), "--profile", PROFILE, "--budget", String(BUDGET), "--dev", "0", "--fresh", "0", "--clock", CLOCK, "--lib", LIB, "--warm", String(WARM), ...extra], { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split("\n").at(-1));
};
const timeQueries = (queries) =>
  queries.map(({ q, units }) => {
    const times = [];
    let outcome = "";
    for (let i = 0; i < REPS; i++) {
      const [ms, result] = cpuMs(() => screener.screen({ name: q, asOf: AS_OF, dateOfBirth: "1970", country: "IR" }));
      times.push(ms);
      outcome = result.outcome;
    }
    const t = sorted(times);
    return { query: q, outcome, units, minMs: r2(t[0]), medianMs: r2(t[t.length >> 1]) };
  });

// Warm-up, so that the timings are a running server's and not the first screens': the search is one
// large function that V8 optimises only after enough calls (compiling it takes ~0.1 s on a helper
// thread), and a heavy input's code paths (initial groups, long pair lists) are optimised only once
// taken. --warm 0 times the first screens of a fresh process instead (up to 2–3× slower).
const WARM = Number(opt("warm", "600"));
const warmNames = lists.flatMap((l) => l.records.map((r) => r.subject.names[0]?.value)).filter((n) => typeof n === "string" && n.length > 0).filter((_, i) => i % 13 === 0).slice(0, WARM);
for (const name of warmNames) screener.screen({ name, asOf: AS_OF, dateOfBirth: "1970", country: "IR" });
if (WARM > 0) for (const make of Object.values(ADVERSARIAL)) for (let i = 0; i < 2; i++) screener.screen({ name: make(), asOf: AS_OF, dateOfBirth: "1970", country: "IR" });
screener.screen({ name: "warm up", asOf: AS_OF });
if (TIME_DEV !== "") {
  console.log(JSON.stringify({ top: timeQueries(JSON.parse(TIME_DEV)) }));
  process.exit(0);
}
const adversarial = [];
for (const [label, make] of Object.entries(ADVERSARIAL)) {
  if (!label.includes(ONLY)) continue;
  if (FRESH) {
    adversarial.push(...child(["--only", label]).adversarial.filter((a) => a.input === label));
    continue;
  }
  const times = [];
  let outcome = "";
  let units = 0;
  for (let i = 0; i < REPS; i++) {
    const name = make();
    const [ms, result] = cpuMs(() => screener.screen({ name, asOf: AS_OF, dateOfBirth: "1970", country: "IR" }));
    times.push(ms);
    outcome = result.outcome;
    if (i === 0) units = unitsOf(name);
  }
  const t = sorted(times);
  adversarial.push({ input: label, outcome, units, minMs: r2(t[0]), medianMs: r2(t[t.length >> 1]) });
}
adversarial.sort((a, b) => b.medianMs - a.medianMs);
console.log(`work budget ${BUDGET.toLocaleString("en")} units, profile ${PROFILE}, date of birth and country given; ${CLOCK === "wall" ? "wall" : "CPU"} ms over ${REPS} repetitions (${LIB === "dist" ? "built package" : "sources via tsx"})`);
console.log("input".padEnd(30), "outcome".padEnd(13), "units needed".padStart(13), "min ms".padStart(8), "median ms".padStart(10));
for (const a of adversarial) console.log(a.input.padEnd(30), a.outcome.padEnd(13), a.units.toLocaleString("en").padStart(13), a.minMs.toFixed(2).padStart(8), a.medianMs.toFixed(2).padStart(10));

let dev;
if (DEV && existsSync(join(EVAL_DIR, "dev"))) {
  const queries = readdirSync(join(EVAL_DIR, "dev"))
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .flatMap((f) => readFileSync(join(EVAL_DIR, "dev", f), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).query));
  const costs = queries.map((q) => ({ q, units: unitsOf(q) })).sort((a, b) => b.units - a.units);
  const costliest = costs.slice(0, 5);
  const top = FRESH ? costliest.flatMap((c) => child(["--time-dev", JSON.stringify([c])]).top) : timeQueries(costliest);
  // The date of birth and the country change which records keep the lowest minimum: the costliest
  // queries at their worst birth year (1900–2010, country IR) and worst country (every code the lists
  // hold, no date), without a date and country (the name alone), and with every record at the lowest.
  const years = Array.from({ length: 111 }, (_, i) => String(1900 + i));
  const countryCodes = [...new Set([...packed.codes].filter((c) => c < 676))].map((c) => String.fromCharCode(65 + Math.floor(c / 26), 65 + (c % 26)));
  const worst = costliest.map(({ q }) => years.reduce((w, y) => Math.max(w, unitsOf(q, { dateOfBirth: y })), 0));
  const nameOnly = queries.map((q) => ({ q, units: unitsOf(q, { dateOfBirth: "", country: "" }) })).sort((a, b) => b.units - a.units);
  const countryOnly = queries.map((q) => ({ q, units: unitsOf(q, { dateOfBirth: "" }) })).sort((a, b) => b.units - a.units);
  const worstCountry = [...new Set([...costliest, ...countryOnly.slice(0, 3), ...nameOnly.slice(0, 3)].map((c) => c.q))].map((q) => countryCodes.reduce((w, c) => Math.max(w, unitsOf(q, { dateOfBirth: "", country: c })), 0));
  const everyRecord = costliest.map(({ q }) => unitsOf(q, { all: true }));
  dev = {
    queries: queries.length,
    overBudget: costs.filter((c) => c.units > BUDGET).length,
    maxUnits: costs[0]?.units ?? 0,
    worstYearUnits: Math.max(...worst),
    nameOnlyMaxUnits: nameOnly[0]?.units ?? 0,
    nameOnlyOverBudget: nameOnly.filter((c) => c.units > BUDGET).length,
    worstCountryUnits: Math.max(...worstCountry),
    everyRecordUnits: Math.max(...everyRecord),
    top,
  };
  console.log(`\ndev set: ${queries.length} queries, max ${dev.maxUnits.toLocaleString("en")} units (${((100 * dev.maxUnits) / BUDGET).toFixed(1)} % of the budget), ${dev.overBudget} over the budget`);
  const pc = (u) => `${u.toLocaleString("en")} units (${((100 * u) / BUDGET).toFixed(1)} %)`;
  console.log(`name alone: max ${pc(dev.nameOnlyMaxUnits)}, ${dev.nameOnlyOverBudget} over the budget (${nameOnly[0]?.q ?? ""})`);
  console.log(`costliest at their worst birth year: ${pc(dev.worstYearUnits)}; at their worst country, no date: ${pc(dev.worstCountryUnits)}; every record at the lowest minimum: ${dev.everyRecordUnits.toLocaleString("en")}`);
  for (const d of top) console.log(d.query.slice(0, 30).padEnd(30), d.outcome.padEnd(13), d.units.toLocaleString("en").padStart(13), d.minMs.toFixed(2).padStart(8), d.medianMs.toFixed(2).padStart(10));
}
console.log(JSON.stringify({ budget: BUDGET, profile: PROFILE, reps: REPS, fresh: FRESH, clock: CLOCK, lib: LIB, warm: WARM, adversarial, dev }));
