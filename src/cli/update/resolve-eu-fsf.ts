/**
 * The EU FSF download URL as the Commission publishes it today: `…/files/<file>/content?token=<t>`.
 * No token is written in this package. In order of precedence:
 *
 * 1. `--eu-token` (or `SANCTIONS_SCREEN_EU_TOKEN`, read by the CLI): used as given, no feed read;
 * 2. otherwise the Commission's FSF RSS feed (`https://webgate.ec.europa.eu/fsd/fsf/public/rss`):
 *    its item links carry the token in force, and each item's `guid` appends `&checksum=<hex>`.
 *    The item for the file being downloaded gives both its link and its checksum, which is then
 *    verified after the download (40 hex digits are read as SHA-1, 64 as SHA-256; a mismatch fails
 *    the update). When the feed has no item for that file, the token of another item is used and
 *    no checksum is verified (the manifest says so).
 *
 * A `--source-url eu-fsf=<url>` without `{token}` is used as it is (no token, no feed).
 */
import { XMLParser } from "fast-xml-parser";
import { downloadFile } from "./download-file";
import type { ListSourceSpec, PublishedChecksum, SourceFile } from "./sources";

/** Options of {@link resolveEuFsfSource}. */
export interface ResolveEuFsfOptions {
  /** Token given by the caller; when set, the feed is not read. */
  readonly token?: string;
  /** The FSF RSS feed address. */
  readonly feedUrl: string;
  readonly timeoutMs: number;
}

/** An FSF source with its final URL and, when the feed gives one, the published checksum. */
export interface ResolvedEuFsf {
  readonly source: ListSourceSpec;
  /** How the token was obtained, for the progress line. */
  readonly how: string;
}

const FEED_MAX_BYTES = 4 * 1024 * 1024;

/** The FSF file key in a URL (`xmlFullSanctionsList_1_1`), or undefined. */
function fileKey(url: string): string | undefined {
  return /\/files\/([^/?#]+)\/content/.exec(url)?.[1];
}

function queryParam(url: string, name: string): string | undefined {
  try {
    return new URL(url).searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A published checksum read as hex: 40 digits SHA-1, 64 digits SHA-256.
 * @example
 * checksumOf("A9993E364706816ABA3E25717850C26C9CD0D89D", "feed") //=> { algorithm: "sha1", value: "a9993e36…", source: "feed" }
 */
export function checksumOf(hex: string, source: string): PublishedChecksum | undefined {
  if (/^[0-9a-f]{40}$/i.test(hex)) return { algorithm: "sha1", value: hex.toLowerCase(), source };
  if (/^[0-9a-f]{64}$/i.test(hex)) return { algorithm: "sha256", value: hex.toLowerCase(), source };
  return undefined;
}

interface FeedItem {
  readonly link?: string;
  readonly guid?: string;
}

function readFeed(bytes: Uint8Array): FeedItem[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, processEntities: true, isArray: (name) => name === "item" });
  const doc = parser.parse(new TextDecoder("utf-8").decode(bytes)) as { rss?: { channel?: { item?: Record<string, unknown>[] } } };
  const text = (v: unknown): string | undefined =>
    typeof v === "string" ? v.trim() : typeof v === "object" && v !== null && typeof (v as { "#text"?: unknown })["#text"] === "string" ? ((v as { "#text": string })["#text"]).trim() : undefined;
  return (doc.rss?.channel?.item ?? []).map((item) => {
    const enclosure = item.enclosure as { "@_url"?: string } | undefined;
    const link = text(item.link) ?? enclosure?.["@_url"];
    const guid = text(item.guid);
    return { ...(link === undefined ? {} : { link }), ...(guid === undefined ? {} : { guid }) };
  });
}

/**
 * Fills in the token of the FSF source's URL (see the module contract) and attaches the feed's
 * checksum; throws an Error saying what is missing and how to pass a token.
 * @example
 * const { source } = await resolveEuFsfSource(findListSource("eu-fsf")!, { feedUrl: EU_FSF_FEED_URL, timeoutMs: 60_000 });
 */
export async function resolveEuFsfSource(spec: ListSourceSpec, options: ResolveEuFsfOptions): Promise<ResolvedEuFsf> {
  const templated = spec.files.filter((f) => f.url.includes("{token}"));
  if (templated.length === 0) return { source: spec, how: "URL used as given (no {token} in it)" };
  if (options.token !== undefined) {
    if (options.token.trim() === "") throw new Error("--eu-token: expected a token, received an empty value");
    const files = spec.files.map((f): SourceFile => ({ name: f.name, url: f.url.replaceAll("{token}", encodeURIComponent(options.token as string)) }));
    return { source: { ...spec, files }, how: "token from --eu-token / SANCTIONS_SCREEN_EU_TOKEN (no checksum: the feed was not read)" };
  }
  let items: FeedItem[];
  try {
    items = readFeed(await downloadFile(options.feedUrl, { timeoutMs: options.timeoutMs, maxBytes: FEED_MAX_BYTES }));
  } catch (error) {
    throw new Error(`the FSF feed could not be read (${(error as Error).message}); pass the download token with --eu-token`, { cause: error });
  }
  const tokens = items.map((i) => (i.link === undefined ? undefined : queryParam(i.link, "token"))).filter((t): t is string => t !== undefined && t !== "");
  const files: SourceFile[] = [];
  let verified = 0;
  for (const file of spec.files) {
    if (!file.url.includes("{token}")) {
      files.push(file);
      continue;
    }
    const key = fileKey(file.url);
    const item = items.find((i) => key !== undefined && (fileKey(i.link ?? "") === key || fileKey(i.guid ?? "") === key));
    const token = (item?.link === undefined ? undefined : queryParam(item.link, "token")) ?? tokens[0];
    if (token === undefined) {
      throw new Error(`expected a download link with a token in the FSF feed ${options.feedUrl}, received ${items.length} item(s) without one; pass the token with --eu-token`);
    }
    const raw = item?.guid === undefined ? undefined : queryParam(item.guid, "checksum");
    const checksum = raw === undefined ? undefined : checksumOf(raw, `${options.feedUrl} item guid`);
    if (raw !== undefined && checksum === undefined) {
      throw new Error(`FSF feed ${options.feedUrl}: expected a checksum of 40 or 64 hex digits for ${key}, received ${JSON.stringify(raw)}`);
    }
    if (checksum !== undefined) verified++;
    files.push({ name: file.name, url: file.url.replaceAll("{token}", encodeURIComponent(token)), ...(checksum === undefined ? {} : { checksum }) });
  }
  return {
    source: { ...spec, files },
    how: `token from the FSF feed; ${verified === templated.length ? "checksum from the feed, verified after download" : "the feed lists no checksum for this file (not verified)"}`,
  };
}

/**
 * A URL with its `token` query value hidden, for manifests and messages.
 * @example
 * redactToken("https://x/content?token=abc") //=> "https://x/content?token=…"
 */
export function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&#\s:]*/g, "$1…");
}
