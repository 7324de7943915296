/**
 * Where `lists update` downloads each official list: the publishers' own URLs, one row per list.
 * Only this table and the update command know about the network; the library never downloads.
 *
 * A row is in the default set only when its URL is the publisher's current one and the loader
 * reads that file; the others are opt-in (`--source <id>` or `--source-url <id>=<url>`), each with
 * the reason in its comment. URLs were checked against public documentation and code in November
 * 2026; publishers do move files — override a moved one with `--source-url`.
 */
import type { ListFormat } from "../../model";

/** One file of a source: its name in the installed set, and the URL it is downloaded from. */
export interface SourceFile {
  /** File name in the set (the loaders recognise these names, e.g. the OFAC `sdn.csv` siblings). */
  readonly name: string;
  readonly url: string;
  /** A checksum the publisher gives for this file (verified after download; a mismatch fails the update). */
  readonly checksum?: PublishedChecksum;
}

/** A publisher's checksum of one file and where it was read. */
export interface PublishedChecksum {
  readonly algorithm: "sha1" | "sha256";
  /** Lower-case hex. */
  readonly value: string;
  /** Where it was published, e.g. the feed URL. */
  readonly source: string;
}

/** One downloadable official list. */
export interface ListSourceSpec {
  /** Source id, used on the command line and as the folder name in a set. */
  readonly id: string;
  /** The list id the loader must produce from these files (a mismatch fails the update). */
  readonly listId: string;
  readonly format: ListFormat;
  readonly publisher: string;
  /** In the set `lists update` installs when no `--source` is given. */
  readonly default: boolean;
  readonly files: readonly SourceFile[];
  /** Why this URL, and what to know about it. */
  readonly note: string;
}

/** OFAC's Sanctions List Service: the files behind ofac.treasury.gov's download links. */
const OFAC_SLS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports";
/** OFAC's download API: each address redirects to a signed link valid for an hour. */
const OFAC_DOWNLOAD = "https://sanctionslistservice.ofac.treas.gov/api/download";

/** The FSF XML 1.1 file; `{token}` is filled in by `lists update` (never stored in this table). */
export const EU_FSF_XML_URL = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token={token}";
/** The Commission's FSF RSS feed: one item per file, links with the current token, guids with checksums. */
export const EU_FSF_FEED_URL = "https://webgate.ec.europa.eu/fsd/fsf/public/rss";

/** Every known source, in the order they are downloaded and listed in the manifest. */
export const LIST_SOURCES: readonly ListSourceSpec[] = [
  {
    // The SDN list in OFAC's advanced XML: each entry's EntryEvent states the date it was created
    // on the list, which the legacy CSV lacks. The address answers with an HTTP 302 to a signed,
    // short-lived (1 hour) S3 link: the redirect is followed on every run and its target never
    // stored (the manifest records this address).
    id: "ofac-sdn",
    listId: "ofac-sdn",
    format: "ofac-advanced-xml",
    publisher: "U.S. Treasury, OFAC",
    default: true,
    files: [{ name: "sdn_advanced.xml", url: `${OFAC_DOWNLOAD}/sdn_advanced.xml` }],
    note: "OFAC SDN list, advanced XML (stated listing dates; DateOfIssue read from the file)",
  },
  {
    // The legacy SDN CSV set: the loader joins sdn.csv with its alias, address and comments
    // files, so all four are one source and are replaced together. Opt-in: it carries no list
    // date and no listing dates (same list id as ofac-sdn, so install one or the other).
    id: "ofac-sdn-csv",
    listId: "ofac-sdn",
    format: "ofac-csv",
    publisher: "U.S. Treasury, OFAC",
    default: false,
    files: [
      { name: "sdn.csv", url: `${OFAC_SLS}/SDN.CSV` },
      { name: "alt.csv", url: `${OFAC_SLS}/ALT.CSV` },
      { name: "add.csv", url: `${OFAC_SLS}/ADD.CSV` },
      { name: "sdn_comments.csv", url: `${OFAC_SLS}/SDN_COMMENTS.CSV` },
    ],
    note: "OFAC SDN list, legacy CSV set (no list date in the files; the manifest records the download time)",
  },
  {
    // The non-SDN Consolidated list in the Enhanced XML format: unlike the legacy cons_*.csv set it
    // carries each programme's datePublished and the file's dataAsOf date.
    id: "ofac-cons",
    listId: "ofac-cons",
    format: "ofac-enhanced-xml",
    publisher: "U.S. Treasury, OFAC",
    default: true,
    files: [{ name: "CONS_ENHANCED.XML", url: `${OFAC_SLS}/CONS_ENHANCED.XML` }],
    note: "OFAC Consolidated (non-SDN) list, Enhanced XML",
  },
  {
    // The SDN list again, in the Enhanced XML format (per-programme datePublished). Opt-in: it
    // is the same list as ofac-sdn (same list id, so install one or the other) and a far larger file.
    id: "ofac-sdn-enhanced",
    listId: "ofac-sdn",
    format: "ofac-enhanced-xml",
    publisher: "U.S. Treasury, OFAC",
    default: false,
    files: [{ name: "SDN_ENHANCED.XML", url: `${OFAC_SLS}/SDN_ENHANCED.XML` }],
    note: "OFAC SDN list, Enhanced XML (alternative to ofac-sdn)",
  },
  {
    // The non-SDN Consolidated list in the advanced XML (stated EntryEvent dates, like ofac-sdn).
    // Opt-in: same list id as ofac-cons, whose Enhanced XML already states each programme's
    // datePublished; redirects to a signed link like sdn_advanced.xml.
    id: "ofac-cons-advanced",
    listId: "ofac-cons",
    format: "ofac-advanced-xml",
    publisher: "U.S. Treasury, OFAC",
    default: false,
    files: [{ name: "cons_advanced.xml", url: `${OFAC_DOWNLOAD}/cons_advanced.xml` }],
    note: "OFAC Consolidated (non-SDN) list, advanced XML (alternative to ofac-cons)",
  },
  {
    // The UN Security Council Consolidated List XML, the file the Security Council's
    // "United Nations Security Council Consolidated List" page links to.
    id: "un-sc",
    listId: "un-sc",
    format: "un-xml",
    publisher: "United Nations Security Council",
    default: true,
    files: [{ name: "consolidated.xml", url: "https://scsanctions.un.org/resources/xml/en/consolidated.xml" }],
    note: "UN SC Consolidated List XML (dateGenerated read from the file)",
  },
  {
    // EU Financial Sanctions Files, XML 1.1 ("full list"). The Commission serves it only with a
    // `token` query parameter. No token is written here: `lists update` takes it from --eu-token
    // (or SANCTIONS_SCREEN_EU_TOKEN), else from the Commission's own FSF RSS feed, whose item links
    // carry the current token and whose guids carry each file's checksum (then verified). See
    // shared/data/eu-fsf/PROVENANCE.md and src/cli/update/resolve-eu-fsf.ts.
    id: "eu-fsf",
    listId: "eu-fsf",
    format: "eu-fsf-xml",
    publisher: "European Commission (FISMA)",
    default: true,
    files: [{ name: "eu-fsf.xml", url: EU_FSF_XML_URL }],
    note: "EU consolidated financial sanctions list, FSF XML 1.1 (token from --eu-token or the FSF RSS feed; feed checksum verified)",
  },
  {
    // The FCDO's UK Sanctions List, the UK's only list since 28 January 2026: a plain file of about
    // 21 MB, no redirect, no token (GOV.UK "The UK sanctions list" page).
    id: "uk-fcdo",
    listId: "uk-fcdo",
    format: "uk-fcdo-xml",
    publisher: "Foreign, Commonwealth & Development Office",
    default: true,
    files: [{ name: "UK-Sanctions-List.xml", url: "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml" }],
    note: "UK Sanctions List XML (DateGenerated read from the file)",
  },
  {
    // The UK OFSI Consolidated List ("ConList") in its 2022 CSV format. Opt-in: OFSI retired this
    // list on 28 January 2026, when the FCDO's UK Sanctions List (uk-fcdo) became the single UK
    // source; the file is no longer updated. Kept for old files and comparisons.
    id: "uk-ofsi",
    listId: "uk-ofsi",
    format: "uk-ofsi-csv",
    publisher: "HM Treasury, OFSI",
    default: false,
    files: [{ name: "ConList.csv", url: "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv" }],
    note: "UK OFSI Consolidated List CSV (retired 2026-01-28; frozen)",
  },
  {
    // The U.S. Consolidated Screening List (Commerce, State, Treasury export and sanctions lists
    // in one file), trade.gov's keyless bulk download.
    id: "us-csl",
    listId: "us-csl",
    format: "us-csl-csv",
    publisher: "U.S. International Trade Administration",
    default: true,
    files: [{ name: "consolidated.csv", url: "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv" }],
    note: "U.S. Consolidated Screening List CSV",
  },
  {
    // The BIS Denied Persons List, tab-delimited. Opt-in: this is BIS's long-standing address for
    // the file, but BIS moved its web site to bis.gov in 2025 and the old address may now answer
    // with an HTML page (the loader then refuses it, failing the update closed). The DPL is also
    // part of us-csl. Pass the current address with --source-url bis-dpl=<url> if it moved.
    id: "bis-dpl",
    listId: "bis-dpl",
    format: "bis-dpl-txt",
    publisher: "U.S. Commerce, Bureau of Industry and Security",
    default: false,
    files: [{ name: "dpl.txt", url: "https://www.bis.doc.gov/dpl/dpl.txt" }],
    note: "BIS Denied Persons List, tab-delimited text (also inside us-csl)",
  },
];

/**
 * The source with this id.
 * @example
 * findListSource("un-sc")?.files[0]?.url //=> "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
 */
export function findListSource(id: string): ListSourceSpec | undefined {
  return LIST_SOURCES.find((s) => s.id === id);
}
