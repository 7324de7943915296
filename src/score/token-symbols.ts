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
  const org = ORG_SYMBOLS[text];
  const nick = NICKNAMES[text];
  const roman = ROMANISED_SURNAMES[text];
  if (org === undefined && nick === undefined && roman === undefined) return NONE;
  const out: string[] = [];
  if (org !== undefined) out.push(`O:${org}`);
  if (nick !== undefined) for (const n of nick) out.push(`N:${n}`);
  if (roman !== undefined) for (const r of roman) out.push(`R:${r}`);
  return out;
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
