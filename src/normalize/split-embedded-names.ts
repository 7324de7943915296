/**
 * Names that carry other names of the same party inside them, as some rows of the U.S. lists are
 * published (name column of the Consolidated Screening List, Name of the BIS Denied Persons List):
 *
 * - bracketed: `Gazprom Promgaz, AO (f.k.a. Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz)`,
 *   `Precision Image Corporation (a.k.a. Precision Industries, Inc.; CK Enterprises, Inc.)`,
 *   `PEARL (A.K.A. NEI-CHIEN CHU) LI`, `Astronautics Research Institute [aka …]`;
 * - run on: `JSC NIIP, f.k.a., Otkrytoe Aktsionernoe Obshchestvo …`,
 *   `… Research Institute a.k.a. Yichang Institute of Testing Technology`;
 * - a whole former name: `f.k.a. Sibirskaya Neftyanaya Kompaniya OAO`.
 *
 * Screened whole, such a name matches none of its parts well (the other name's words count as
 * unmatched): "Gazprom Promgaz, AO" scored 0.73 against the first. {@link splitEmbeddedNames}
 * reads the parts. The CSL and DPL loaders keep the name without the inserted part, add each part
 * as an alias (a.k.a.) or a former name (f.k.a.), and keep the string as published in the record's
 * remarks; the screener screens a query written this way whole and as each part, each record
 * keeping its best score (request reason `input.split`).
 * Only the dotted markers (a.k.a., f.k.a., any case, with or without the last dot or a comma after
 * it) are read outside brackets; a bare AKA / FKA only right after an opening bracket (so that
 * "YK-AKA", an OFAC name, stays whole); a bracket left open leaves the name whole. Parts inside one
 * bracket are split at "; " only: commas belong to names ("Precision Industries, Inc.").
 */
import type { NameKind } from "../model";

/** A part of a published name: the name itself or one it carries. */
export interface EmbeddedName {
  readonly value: string;
  /** `alias` for a.k.a., `former` for f.k.a.; the main part keeps the kind of the published name. */
  readonly kind: NameKind | undefined;
}

/** What {@link splitEmbeddedNames} reads from a published name. */
export interface EmbeddedNames {
  /** The name without the inserted parts (or the only name of a whole former name). */
  readonly main: EmbeddedName;
  /** The other names it carries, in order. */
  readonly others: readonly EmbeddedName[];
}

const DOTTED = /(^|[\s,])([af])\.\s?k\.\s?a\.?,?(?=\s)/i;
const BRACKET_OPEN = /[([]\s*([af])(?:\.\s?k\.\s?a\.?|ka\b),?\s+/i;

function tidy(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;)\]])/g, "$1")
    .replace(/^[\s,;]+|[\s,;]+$/g, "")
    .trim();
}

function kindOf(letter: string): NameKind {
  return letter.toLowerCase() === "f" ? "former" : "alias";
}

/** Index of the bracket closing the one opened at `open`, or -1. */
function closingBracket(value: string, open: number): number {
  const opener = value[open];
  const closer = opener === "(" ? ")" : "]";
  let depth = 0;
  for (let i = open; i < value.length; i++) {
    if (value[i] === opener) depth++;
    else if (value[i] === closer && --depth === 0) return i;
  }
  return -1;
}

/**
 * The names a published name carries, or undefined when it carries none.
 * @example
 * splitEmbeddedNames("Gazprom Telekom, OOO (f.k.a. Zakrytoe Aktsionernoe Obshchestvo Gaztelekom)")
 * //=> { main: { value: "Gazprom Telekom, OOO", kind: undefined }, others: [{ value: "Zakrytoe Aktsionernoe Obshchestvo Gaztelekom", kind: "former" }] }
 * splitEmbeddedNames("YK-AKA") //=> undefined
 */
export function splitEmbeddedNames(value: string): EmbeddedNames | undefined {
  let rest = value;
  const others: EmbeddedName[] = [];
  // Bracketed parts, wherever they stand ("PEARL (A.K.A. NEI-CHIEN CHU) LI").
  for (let m = BRACKET_OPEN.exec(rest); m !== null; m = BRACKET_OPEN.exec(rest)) {
    const open = m.index;
    const close = closingBracket(rest, open);
    if (close === -1) break;
    const inner = rest.slice(open + m[0].length, close);
    for (const part of inner.split(/;\s+/)) {
      const v = tidy(part);
      if (v !== "") others.push({ value: v, kind: kindOf(m[1] as string) });
    }
    rest = `${rest.slice(0, open)} ${rest.slice(close + 1)}`;
  }
  // A run-on marker: what follows is one other name; a leading one makes the whole a former name.
  const run = DOTTED.exec(rest);
  // Nothing carried (every screened name): no main part to tidy.
  if (run === null && others.length === 0) return undefined;
  let main: EmbeddedName;
  if (run !== null) {
    const before = tidy(rest.slice(0, run.index + (run[1] as string).length));
    const after = tidy(rest.slice(run.index + run[0].length));
    const kind = kindOf(run[2] as string);
    if (before === "") {
      main = { value: after, kind };
    } else {
      main = { value: before, kind: undefined };
      if (after !== "") others.unshift({ value: after, kind });
    }
  } else {
    main = { value: tidy(rest), kind: undefined };
  }
  if (others.length === 0 && main.kind === undefined) return undefined;
  if (main.value === "") {
    const first = others.shift();
    if (first === undefined) return undefined;
    main = first;
  }
  return { main, others };
}

/**
 * The names a published name stands for, with their kinds: the name itself when it carries none;
 * else its main part — the published kind, `former` for a whole former name unless it is the
 * primary — and the others (aliases, former names). `carried` says whether it carried any, so
 * that a loader keeps the string as published.
 * @example
 * publishedNames("PEARL (A.K.A. NEI-CHIEN CHU) LI", "primary").names
 * //=> [{ value: "PEARL LI", kind: "primary" }, { value: "NEI-CHIEN CHU", kind: "alias" }]
 */
export function publishedNames(value: string, kind: "primary" | "alias"): { readonly names: readonly { value: string; kind: NameKind }[]; readonly carried: boolean } {
  const split = splitEmbeddedNames(value);
  if (split === undefined) return { names: [{ value, kind }], carried: false };
  const main = { value: split.main.value, kind: kind === "primary" ? kind : (split.main.kind ?? kind) };
  return { names: [main, ...split.others.map((o) => ({ value: o.value, kind: o.kind ?? "alias" }))], carried: true };
}
