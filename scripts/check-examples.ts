/**
 * Type-checks the TSDoc `@example` of every public symbol of the documented entries (see
 * `DOCUMENTED_ENTRIES` in ./api-report.ts): each example becomes the body of a function in one
 * in-memory file that imports every public name and declares the free variables examples use
 * (`screener`, `result`, `desk`, `tx`, …) with their real types, and the compiler checks it with the
 * project's options. An example naming a field, option or function that does not exist fails.
 * `//=>` output comments are not evaluated.
 *
 *   npx tsx scripts/check-examples.ts   prints each failing example and exits 1
 */
import { join } from "node:path";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { API_ENTRIES, DOCUMENTED_ENTRIES } from "./api-report";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Free variables the examples use, with their types (names imported from the entries). */
const FREE_VARIABLES = `
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { expect } from "vitest";
declare const screener: Screener;
declare const screenerOn0324: Screener;
declare const desk: TransactionScreener;
declare const tx: TransactionInput;
declare const result: ScreenResult;
declare const results: ScreenResult[];
declare const hit: Hit;
declare const a: Hit;
declare const b: Hit;
declare const record: DesignationRecord;
declare const records: Designation[];
declare const reasons: Hit["reasons"];
declare const alignment: Hit["alignment"];
declare const bytes: Uint8Array;
declare const altBytes: Uint8Array;
declare const brokenCsv: Uint8Array;
declare const savedListJson: string;
declare const lists: LoadedList[];
declare const shippedSnapshots: LoadedList[];
declare const ofacSdn: LoadedList;
declare const unSc: LoadedList;
declare const sources: ListSource[];
declare const source: ListSource;
declare const context: Parameters<ListLoader["parse"]>[1];
declare const handler: ScreeningHandler;
declare const res: Response;
declare function post(path: string, body: unknown): Request;
declare const pack: RulePack;
declare const rulePack: RulePack;
declare const goods: GoodsCatalogue;
declare const catalogue: GoodsCatalogue;
declare const book: Counterparty[];
declare const acceptList: AcceptEntry[];
declare const outcomesUnder0321: CounterpartyOutcome[];
declare const recordHash: string;
declare const history: Parameters<typeof applyObservedDates>[1];
declare const before: CounterpartyOutcome;
declare const after: CounterpartyOutcome;
declare function keepLastGoodList(): void;
declare const list: LoadedList;
declare const legacy: LoadedList;
declare const advanced: Parameters<typeof applyStatedListingDates>[1];
declare const text: string;
declare const xml: string;
declare const data: Uint8Array;
declare const alt: Uint8Array;
declare const may2: ListSource[];
declare const may3: ListSource[];
declare const armySupplyBureau: DesignationRecord;
declare const rulePackJson: string;
declare const controlledItemsJson: unknown;
declare const compiled: CompiledList;
declare const index: Uint8Array;
declare const StringTable: new () => Parameters<typeof compactRecord>[1];
declare module "vitest" {
  interface Assertion<T> extends ScreeningMatchers<T> {}
}
`;

/** One example that does not compile: the symbol, the example and the compiler's messages. */
export interface ExampleFailure {
  readonly symbol: string;
  readonly example: string;
  readonly messages: readonly string[];
}

/** Compiles every public symbol's examples; returns the failures (empty when all compile). */
export function checkExamples(): ExampleFailure[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const options: ts.CompilerOptions = { ...(config?.options ?? {}), noEmit: true, noUnusedLocals: false, noUnusedParameters: false, allowUnreachableCode: true };
  const entryFiles = Object.entries(API_ENTRIES).filter(([entry]) => DOCUMENTED_ENTRIES.includes(entry));
  const base = ts.createProgram(entryFiles.map(([, file]) => join(root, file)), options);
  const checker = base.getTypeChecker();
  const imports: string[] = [];
  const examples: { symbol: string; text: string }[] = [];
  const imported = new Set<string>();
  for (const [entry, file] of entryFiles) {
    const moduleSymbol = checker.getSymbolAtLocation(base.getSourceFile(join(root, file)) as ts.SourceFile);
    if (moduleSymbol === undefined) throw new Error(`check-examples: cannot read ${file}`);
    const names: string[] = [];
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!imported.has(exported.name)) {
        imported.add(exported.name);
        names.push(symbol.flags & ts.SymbolFlags.Value ? exported.name : `type ${exported.name}`);
      }
      for (const tag of symbol.getJsDocTags(checker)) {
        if (tag.name === "example") examples.push({ symbol: `${entry}: ${exported.name}`, text: ts.displayPartsToString(tag.text) });
      }
    }
    imports.push(`import { ${names.join(", ")} } from "./${file.replace(/\.ts$/, "")}";`);
  }
  const lines = [...imports, ...FREE_VARIABLES.split("\n")];
  const spans: { symbol: string; text: string; from: number; to: number }[] = [];
  examples.forEach((e, i) => {
    // An example's own imports are the entries' names (imported above); a `declare module`
    // augmentation cannot live in a function and is checked by the API's own types instead.
    const body = e.text.replace(/^import .*$/gm, "").replace(/declare module "[^"]+" \{[\s\S]*?\n\}\n?/g, "");
    const from = lines.length + 1;
    lines.push(`export async function example${i}(): Promise<void> {`, ...body.split("\n").map((l) => `  ${l}`), "}");
    spans.push({ symbol: e.symbol, text: e.text, from, to: lines.length });
  });
  const virtual = join(root, "__examples__.ts");
  const text = lines.join("\n");
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) => (name === virtual ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, onError, create));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === virtual || fileExists(name);
  const program = ts.createProgram([virtual], options, host, base);
  const source = program.getSourceFile(virtual) as ts.SourceFile;
  const failures = new Map<number, string[]>();
  for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
    const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line + 1;
    const at = spans.findIndex((s) => line >= s.from && line <= s.to);
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    const list = failures.get(at) ?? [];
    list.push(at < 0 ? `prelude line ${line}: ${message}` : `line ${line - (spans[at]?.from ?? 0)}: ${message}`);
    failures.set(at, list);
  }
  return [...failures].map(([at, messages]) => ({ symbol: spans[at]?.symbol ?? "(prelude)", example: spans[at]?.text ?? "", messages }));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const failures = checkExamples();
  for (const f of failures) console.error(`${f.symbol}\n${f.example.replace(/^/gm, "    ")}\n  ${f.messages.join("\n  ")}\n`);
  console.error(`check-examples: ${failures.length} failing example(s)`);
  process.exit(failures.length === 0 ? 0 : 1);
}
