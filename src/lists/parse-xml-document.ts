import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ListFormatError } from "../errors";
import { decodeText, isValidUtf8, type ListSource } from "./source";

/**
 * XML reading shared by the XML list drivers. fast-xml-parser accepts a truncated document
 * without complaint, so every file is validated first; every element is parsed as an array
 * (repeated elements never change shape), values stay strings (no number coercion: passport
 * "00085243" keeps its zeros), and a DOCTYPE is refused (no entity expansion from list files).
 */

/** An element as parsed: child elements (always arrays), `@_attr` strings and `#text`. */
export type XmlNode = { readonly [key: string]: unknown };

/** A parsed XML file: the root element's name, the root element and notes on decoding. */
export interface XmlDocument {
  readonly rootName: string;
  readonly root: XmlNode;
  readonly warnings: readonly string[];
}

const DECLARED_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i;
const LATIN1_NAMES = new Set(["windows-1252", "cp1252", "iso-8859-1", "latin1", "iso-8859-15", "us-ascii", "ascii"]);

/** Decodes XML bytes by their declaration: UTF-8 (strict) unless a Latin-1 family encoding is declared. */
function decodeXml(listId: string, source: ListSource): { text: string; warnings: string[] } {
  if (typeof source.data === "string") return { text: decodeText(listId, source), warnings: [] };
  const head = new TextDecoder("utf-8").decode(source.data.subarray(0, 200));
  const declared = DECLARED_ENCODING.exec(head)?.[1]?.toLowerCase();
  if (declared === undefined || declared === "utf-8" || declared === "utf8") {
    return { text: decodeText(listId, source, "utf-8"), warnings: [] };
  }
  if (LATIN1_NAMES.has(declared)) {
    // A file that claims a Latin-1 family encoding but is valid UTF-8 is read as UTF-8: pure
    // ASCII reads the same either way, and multi-byte UTF-8 read as Windows-1252 is mojibake.
    if (isValidUtf8(source.data)) {
      return {
        text: decodeText(listId, source, "utf-8"),
        warnings: [`${source.name}: declares encoding "${declared}" but is valid UTF-8; read as UTF-8`],
      };
    }
    return { text: decodeText(listId, source, "windows-1252"), warnings: [] };
  }
  throw new ListFormatError(
    listId,
    [{ field: `${source.name} <?xml encoding?>`, expected: "UTF-8 or Windows-1252", received: `"${declared}"` }],
    { summary: "unsupported file encoding" },
  );
}

const PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
};

/**
 * Decodes, validates and parses one XML list file, failing closed with {@link ListFormatError}
 * when it is not well-formed (a truncated download) or carries a DOCTYPE.
 * @example
 * parseXmlDocument("un-sc", { name: "consolidated.xml", data: "<CONSOLIDATED_LIST/>" }).rootName //=> "CONSOLIDATED_LIST"
 */
export function parseXmlDocument(listId: string, source: ListSource): XmlDocument {
  const { text, warnings } = decodeXml(listId, source);
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) {
    throw new ListFormatError(listId, [{ field: source.name, expected: "XML without a DOCTYPE", received: "a DOCTYPE declaration" }], {
      summary: "file could not be parsed",
    });
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ListFormatError(
      listId,
      [{ field: source.name, line: valid.err.line, expected: "well-formed XML", received: `${valid.err.code}: ${valid.err.msg.replace(/\s+/g, " ")}` }],
      { summary: "file is not well-formed XML (truncated or damaged)" },
    );
  }
  const parsed = new XMLParser(PARSER_OPTIONS).parse(text) as Record<string, unknown>;
  const rootNames = Object.keys(parsed).filter((k) => !k.startsWith("?") && !k.startsWith("#"));
  const rootName = rootNames[0];
  const rootValue = rootName === undefined ? undefined : (parsed[rootName] as unknown[])[0];
  if (rootName === undefined || rootNames.length !== 1) {
    throw new ListFormatError(listId, [{ field: source.name, expected: "one root element", received: `${rootNames.length}` }], {
      summary: "file could not be parsed",
    });
  }
  return { rootName, root: typeof rootValue === "object" && rootValue !== null ? (rootValue as XmlNode) : {}, warnings };
}

/**
 * Collapses runs of white space and trims (the UN wraps long text at fixed columns).
 * @example
 * collapseSpace(" Expires on 11\n   Jun. 2017 ") //=> "Expires on 11 Jun. 2017"
 */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Text of a parsed value (leaf string or element with `#text`), white space collapsed; `undefined` when empty.
 * @example
 * xmlText({ "#text": " Kabul " }) //=> "Kabul"
 */
export function xmlText(value: unknown): string | undefined {
  const raw = typeof value === "string" ? value : typeof value === "object" && value !== null ? (value as XmlNode)["#text"] : undefined;
  if (typeof raw !== "string") return undefined;
  const text = collapseSpace(raw);
  return text === "" ? undefined : text;
}

/**
 * Child elements named `key`, leaves wrapped as `{ "#text": … }` so callers see one shape.
 * @example
 * xmlChildren({ NATIONALITY: [{ VALUE: ["Iraq"] }] }, "NATIONALITY").length //=> 1
 */
export function xmlChildren(node: XmlNode, key: string): XmlNode[] {
  const value = node[key];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === "object" && v !== null ? (v as XmlNode) : { "#text": typeof v === "string" ? v : "" }));
}

/**
 * Texts of every child element named `key` (empty ones dropped).
 * @example
 * xmlTexts({ VALUE: ["2016-10-13", ""] }, "VALUE") //=> ["2016-10-13"]
 */
export function xmlTexts(node: XmlNode, key: string): string[] {
  const value = node[key];
  if (!Array.isArray(value)) return [];
  return value.map(xmlText).filter((t): t is string => t !== undefined);
}

/**
 * Text of the first child element named `key`.
 * @example
 * xmlFirst({ DATAID: ["6907993"] }, "DATAID") //=> "6907993"
 */
export function xmlFirst(node: XmlNode, key: string): string | undefined {
  return xmlTexts(node, key)[0];
}

/**
 * An attribute value, white space collapsed; `undefined` when absent or empty.
 * @example
 * xmlAttr({ "@_logicalId": "5295" }, "logicalId") //=> "5295"
 */
export function xmlAttr(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  if (typeof value !== "string") return undefined;
  const text = collapseSpace(value);
  return text === "" ? undefined : text;
}

/**
 * Child element and attribute names of `node` that are not in `known` (for fail-safe remarks).
 * @example
 * unknownKeys({ A: [], B: [] }, new Set(["A"])) //=> ["B"]
 */
export function unknownKeys(node: XmlNode, known: ReadonlySet<string>): string[] {
  return Object.keys(node).filter((k) => k !== "#text" && !known.has(k));
}

/**
 * How many elements named `key` occur anywhere below `value`.
 * @example
 * countElements({ nameAlias: [{ regulationSummary: [{}] }] }, "regulationSummary") //=> 1
 */
export function countElements(value: unknown, key: string): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countElements(v, key), 0);
  if (typeof value !== "object" || value === null) return 0;
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (k === key && Array.isArray(v)) n += v.length;
    n += countElements(v, key);
  }
  return n;
}

/**
 * Every text inside a parsed value, depth first, as `NAME: text` pairs (for keeping unmapped data).
 * @example
 * flattenXml({ CITY: ["Goma"] }) //=> "CITY: Goma"
 */
export function flattenXml(value: unknown, name?: string): string {
  if (typeof value === "string") {
    const t = collapseSpace(value);
    return t === "" ? "" : name === undefined ? t : `${name}: ${t}`;
  }
  if (Array.isArray(value)) return value.map((v) => flattenXml(v, name)).filter((t) => t !== "").join("; ");
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => flattenXml(v, k === "#text" ? name : k.replace(/^@_/, "@")))
      .filter((t) => t !== "")
      .join("; ");
  }
  return "";
}
