/**
 * Symbols: spellings that tables (not edits) say are the same word. A token's symbols are
 * `O:<id>` for an organisation descriptor word in any language (KOMPANIYA, COMPANIA → `O:CO`;
 * rigour `org_symbols`) and `N:<group>` for a nickname and the given names it stands for
 * (BILL, WILLIAM → `N:BILL`; rigour `person_nick` and Slavic diminutives: SASHA, ALEKSANDR), and
 * `R:<group>` for one Korean or Chinese surname in several romanisation systems (CHONG, JEONG). Two tokens sharing a symbol compare as
 * `symbol` with `symbolSimilarity`; the candidate index keys each symbol ("Y" family).
 */
import { NICKNAMES, ORG_SYMBOLS, ROMANISED_SURNAMES } from "../normalize";

const NONE: readonly string[] = Object.freeze([]);

/**
 * The symbols of a compare-form token (empty for most tokens).
 * @example
 * tokenSymbols("BILL") //=> ["N:BILL"]
 * tokenSymbols("KOMPANIYA") //=> ["O:CO"]
 */
export function tokenSymbols(text: string): readonly string[] {
  return (SYMBOLS ?? buildSymbols()).get(text) ?? NONE;
}

// The three tables merged once into one map of ready symbol lists (a Map lookup instead of three
// dictionary-object lookups per token, and no list allocated per call).
let SYMBOLS: Map<string, readonly string[]> | undefined;

function buildSymbols(): Map<string, readonly string[]> {
  const map = new Map<string, string[]>();
  const add = (text: string, symbol: string): void => {
    const list = map.get(text);
    if (list === undefined) map.set(text, [symbol]);
    else list.push(symbol);
  };
  // The order of symbols in a list follows the tables: organisation, nicknames, surnames.
  for (const [text, orgs] of Object.entries(ORG_SYMBOLS)) for (const org of orgs) add(text, `O:${org}`);
  for (const [text, nicks] of Object.entries(NICKNAMES)) for (const n of nicks) add(text, `N:${n}`);
  for (const [text, romans] of Object.entries(ROMANISED_SURNAMES)) for (const r of romans) add(text, `R:${r}`);
  for (const list of map.values()) Object.freeze(list);
  SYMBOLS = map;
  return map;
}

/**
 * Whether two symbol lists share a symbol.
 * @example
 * shareSymbol(["N:WILLIAM"], ["N:WILLIAM"]) //=> true
 */
export function shareSymbol(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}
