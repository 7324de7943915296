import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { DownloadError, downloadFile, LIST_SOURCES, readCurrentSet, refuseUrl } from "../../src/cli/update";
import { FIXTURES, SHARED_DATA, describeWithData, itWithData } from "../shared-data";

/**
 * A stand-in for the publishers on 127.0.0.1: `/data/<path>` serves ../shared/data (and
 * `/fixtures/<path>` test/fixtures) as they are; `/truncated/…` the first half of a file with a
 * matching Content-Length; `/cut/…` announces the whole file but closes after half; `/500/…`
 * fails; `/hang/…` never answers; `/redirect/…` redirects to `/data/…`. The EU: `/eu/files/<file>/content`
 * serves the EU fixture only with `?token=TEST-TOKEN` (403 otherwise); `/feed/<kind>` is an FSF RSS
 * feed whose item links carry that token and whose guids carry the file's SHA-1 (`good`), a wrong
 * checksum (`bad-checksum`), only another file's item (`csv-only`) or no token at all (`no-token`).
 */
let server: Server;
let base: string;
let hung = 0;

function fileFor(path: string): string | undefined {
  const [, area, ...rest] = path.split("/");
  const root = area === "fixtures" ? FIXTURES : SHARED_DATA;
  const file = join(root, ...rest.map(decodeURIComponent));
  return existsSync(file) ? file : undefined;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, mode, ...rest] = url.pathname.split("/");
    const inner = `/${rest.join("/")}`;
    if (mode === "500") {
      res.writeHead(500, "Internal Server Error").end("oops");
      return;
    }
    if (mode === "hang") {
      hung++;
      return; // never answers; the client's deadline must fire
    }
    if (mode === "redirect") {
      res.writeHead(302, { location: inner }).end();
      return;
    }
    if (mode === "eu") {
      if (url.searchParams.get("token") !== EU_TOKEN) {
        res.writeHead(403, "Forbidden").end("token required");
        return;
      }
      const bytes = readFileSync(join(FIXTURES, "eu-fsf-xml/eu-fsf.small.xml"));
      res.writeHead(200, { "content-length": bytes.length }).end(bytes);
      return;
    }
    if (mode === "feed") {
      const feed = Buffer.from(euFeed(rest[0] ?? "good"));
      res.writeHead(200, { "content-type": "application/rss+xml", "content-length": feed.length }).end(feed);
      return;
    }
    const file = fileFor(mode === "truncated" || mode === "cut" || mode === "rollback" ? inner : url.pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const bytes = readFileSync(file);
    if (mode === "rollback") {
      // The same file dated one day earlier than the one installed (a stale mirror, a replayed file).
      const older = Buffer.from(bytes.toString("utf8").replace('dateGenerated="2026-02-27', 'dateGenerated="2026-02-26'), "utf8");
      res.writeHead(200, { "content-length": older.length }).end(older);
    } else if (mode === "truncated") {
      const half = bytes.subarray(0, Math.floor(bytes.length / 2));
      res.writeHead(200, { "content-length": half.length }).end(half);
    } else if (mode === "cut") {
      res.writeHead(200, { "content-length": bytes.length });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
    } else {
      res.writeHead(200, { "content-length": bytes.length }).end(bytes);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const EU_TOKEN = "TEST-TOKEN";

/** An FSF RSS feed in the Commission's shape (links with `token`, guids with `&checksum=`). */
function euFeed(kind: string): string {
  const sha1 = createHash("sha1").update(readFileSync(join(FIXTURES, "eu-fsf-xml/eu-fsf.small.xml"))).digest("hex");
  const token = kind === "no-token" ? "" : `?token=${EU_TOKEN}`;
  const item = (file: string, checksum: string) =>
    `<item><title>${file}</title><link>${base}/eu/files/${file}/content${token}</link><guid isPermaLink="false">${base}/eu/files/${file}/content${token}&amp;checksum=${checksum}</guid></item>`;
  const items =
    kind === "csv-only"
      ? item("csvFullSanctionsList", "0".repeat(40))
      : `${item("pdfFullSanctionsList", "1".repeat(40))}${item("xmlFullSanctionsList_1_1", kind === "bad-checksum" ? "2".repeat(40) : sha1)}`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>FSF</title>${items}</channel></rss>`;
}

/** The EU source pointed at the local server, its token filled in from the local feed of `kind`. */
function euArgs(kind = "good"): string[] {
  return ["--source-url", `eu-fsf=${base}/eu/files/xmlFullSanctionsList_1_1/content?token={token}`, "--eu-feed-url", `${base}/feed/${kind}`];
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), today: "2026-11-22" }, out, err };
}

/** Every default source served from the shared data (EU: a fixture cut from the real excerpt, see below). */
function defaultOverrides(): string[] {
  return [
    ...[
      // OFAC answers with a 302 to a signed link: served here through /redirect/.
      `ofac-sdn=${base}/redirect/data/ofac-advanced/sample_sdn_advanced.xml`,
      `ofac-cons=${base}/data/ofac-cons/CONS_ENHANCED.XML`,
      `un-sc=${base}/data/un-consolidated/consolidated.xml`,
      `uk-fcdo=${base}/data/uk-fcdo/sample_uk_sanctions.xml`,
      `us-csl=${base}/data/us-csl/consolidated.csv`,
    ].flatMap((o) => ["--source-url", o]),
    // The shared EU file is a third-party excerpt with a repeated record id: the loader refuses it
    // (tested below as a failure); the happy path uses the fixture cut from it, behind a token.
    ...euArgs(),
  ];
}

/** Everything an update could touch, to prove a failed one touched nothing. */
function snapshot(dir: string): string {
  const sets = readdirSync(join(dir, "sets")).sort();
  const current = readlinkSync(join(dir, "current"));
  const manifest = readFileSync(join(dir, "current", "manifest.json"), "utf8");
  return JSON.stringify({ sets, current, manifest });
}

/** The official files the tests below serve as the publishers' (the default set and the EU excerpt). */
const SERVED = [
  ...["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"].map((f) => `ofac-sdn/2023-12-28/${f}`),
  "ofac-cons/CONS_ENHANCED.XML",
  "un-consolidated/consolidated.xml",
  "us-csl/consolidated.csv",
  "eu-fsf/sample_eu_fsf_excerpt.xml",
];

const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

let dir: string;

describeWithData("sanctions-screen lists update against a local server", SERVED, () => {
  it("refuses the trimmed OFAC advanced sample (4 parties) as ofac-sdn: below the shipped floor (issue 9)", async () => {
    const empty = mkdtempSync(join(tmpdir(), "lists-update-"));
    const { io, out, err } = capture();
    expect(await runCli(["lists", "update", "--dir", empty, ...defaultOverrides()], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err.join("")).toMatch(/ofac-sdn: ofac-sdn: too few records for a complete list; expected at least 7200 .*received 4/);
    expect(existsSync(join(empty, "current"))).toBe(false);
  }, 240_000);

  it("downloads, verifies and installs the default set with a manifest", async () => {
    dir = mkdtempSync(join(tmpdir(), "lists-update-"));
    const { io, out, err } = capture();
    // The OFAC advanced file at hand is a 4-party sample: accepted below the floor on purpose.
    const code = await runCli(["lists", "update", "--dir", dir, ...defaultOverrides(), "--min-records", "0"], io);
    expect(err.join("")).not.toContain("failed");
    expect(code).toBe(0);
    expect(lstatSync(join(dir, "current")).isSymbolicLink()).toBe(true);
    const current = readCurrentSet(dir);
    expect(current).toBeDefined();
    const lists = current?.manifest.lists ?? [];
    expect(lists.map((l) => [l.listId, l.source, l.format, l.listDate, l.recordCount])).toEqual([
      ["eu-fsf", "eu-fsf", "eu-fsf-xml", "2020-04-15T15:29:22.497+02:00", 6],
      ["ofac-cons", "ofac-cons", "ofac-enhanced-xml", "2025-01-10", 443],
      ["ofac-sdn", "ofac-sdn", "ofac-advanced-xml", "2026-09-09", 4],
      ["uk-fcdo", "uk-fcdo", "uk-fcdo-xml", "2026-09-10", 5],
      ["un-sc", "un-sc", "un-xml", "2026-02-27T00:00:09.554Z", 1003],
      ["us-csl", "us-csl", "us-csl-csv", undefined, 14159],
    ]);
    const un = lists.find((l) => l.listId === "un-sc");
    expect(un).toMatchObject({ listDate: "2026-02-27T00:00:09.554Z", format: "un-xml", files: [{ path: "un-sc/consolidated.xml", url: `${base}/data/un-consolidated/consolidated.xml` }] });
    // Every file is byte-identical to the publisher's and its sha256 is in the manifest.
    for (const l of lists) {
      for (const f of l.files) expect(sha(join(dir, "current", f.path))).toBe(f.sha256);
    }
    // The redirect was followed; the manifest keeps the address asked for, not the signed target.
    // The floor override is recorded for the list it let in, and only for it.
    expect(lists.filter((l) => l.minRecordCount !== undefined).map((l) => [l.listId, l.minRecordCount])).toEqual([["ofac-sdn", 0]]);
    expect(lists.find((l) => l.listId === "ofac-sdn")?.files).toEqual([
      expect.objectContaining({ path: "ofac-sdn/sdn_advanced.xml", url: `${base}/redirect/data/ofac-advanced/sample_sdn_advanced.xml` }),
    ]);
    expect(sha(join(dir, "current", "ofac-sdn", "sdn_advanced.xml"))).toBe(sha(join(SHARED_DATA, "ofac-advanced/sample_sdn_advanced.xml")));
    // The EU token never reaches the manifest; the feed's SHA-1 was verified and is recorded.
    const eu = lists.find((l) => l.listId === "eu-fsf")?.files[0];
    expect(eu?.url).toBe(`${base}/eu/files/xmlFullSanctionsList_1_1/content?token=…`);
    expect(eu?.checksum).toEqual({ algorithm: "sha1", value: createHash("sha1").update(readFileSync(join(FIXTURES, "eu-fsf-xml/eu-fsf.small.xml"))).digest("hex"), source: `${base}/feed/good item guid` });
    expect(readFileSync(join(dir, "current", "manifest.json"), "utf8")).not.toContain(EU_TOKEN);
    expect(err.join("")).toContain("lists update: eu-fsf: token from the FSF feed; checksum from the feed, verified after download");
    expect(out.join("")).toMatch(/lists update: installed set \S+\n {2}eu-fsf/);
    expect(out.join("")).toMatch(/ofac-sdn {3}2026-09-09 +4 records \(new\)/);
    expect(out.join("")).toMatch(/uk-fcdo {4}2026-09-10 +5 records \(new\)/);
    expect(readdirSync(join(dir, "sets")).filter((s) => s.startsWith("."))).toEqual([]);
    expect(existsSync(join(dir, ".update.lock"))).toBe(false);
    // The set's snapshot (issue 8): every record of the set compiled with its name index, its sha256 in the manifest.
    expect(current?.manifest.snapshot).toMatchObject({ path: "snapshot.bin", algorithmId: "names-v2", records: 15_620 });
    expect(sha(join(dir, "current", "snapshot.bin"))).toBe(current?.manifest.snapshot?.sha256);
    expect(err.join("")).toContain("lists update: writing the set snapshot (15620 records and their name index)\n");
    // The installed files are usable as they are: lists inspect picks up the OFAC siblings.
    const inspect = capture();
    expect(await runCli(["lists", "inspect", join(dir, "current", "ofac-sdn", "sdn_advanced.xml"), "--min-records", "0"], inspect.io)).toBe(0);
    expect(JSON.parse(inspect.out.join(""))).toMatchObject({ listId: "ofac-sdn", format: "ofac-advanced-xml", recordCount: 4 });
  }, 240_000);

  it.each([
    { case: "a truncated file", url: () => `${base}/truncated/data/un-consolidated/consolidated.xml`, message: /un-sc: un-sc: file is not well-formed XML \(truncated or damaged\)/ },
    { case: "a connection cut mid-file", url: () => `${base}/cut/data/un-consolidated/consolidated.xml`, message: /un-sc: http:\/\/127\.0\.0\.1:\d+\/cut\/data\/un-consolidated\/consolidated\.xml: (download failed|truncated)/ },
    { case: "an HTTP 500", url: () => `${base}/500/un-consolidated/consolidated.xml`, message: /un-sc: http:\/\/127\.0\.0\.1:\d+\/500\/\S+: expected HTTP 200, received 500 Internal Server Error/ },
    { case: "a timeout", url: () => `${base}/hang/un-consolidated/consolidated.xml`, message: /un-sc: http:\/\/127\.0\.0\.1:\d+\/hang\/\S+: timed out after 300 ms/ },
    { case: "a 404", url: () => `${base}/data/un-consolidated/missing.xml`, message: /expected HTTP 200, received 404/ },
    { case: "the wrong file at the URL", url: () => `${base}/data/ofac-cons/CONS_ENHANCED.XML`, message: /un-sc: un-sc: file of another list or format; un-sc\/consolidated.xml: expected a un-xml file \(format un-xml was asked for\), received a ofac-enhanced-xml file \(ofac-cons\)/ },
  ])("keeps the current set and exits 1 on $case", async ({ url, message }) => {
    const before = snapshot(dir);
    const { io, err, out } = capture();
    const code = await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", `un-sc=${url()}`, "--timeout-ms", "300"], io);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    const stderr = err.join("");
    expect(stderr).toContain("lists update failed; nothing changed, still using set");
    expect(stderr).toMatch(message);
    expect(snapshot(dir)).toBe(before);
    expect(existsSync(join(dir, ".update.lock"))).toBe(false);
  }, 60_000);

  it("fails closed on the real EU excerpt (a repeated record id) without touching the set", async () => {
    const before = snapshot(dir);
    const { io, err } = capture();
    const code = await runCli(["lists", "update", "--dir", dir, "--source", "eu-fsf", "--source-url", `eu-fsf=${base}/data/eu-fsf/sample_eu_fsf_excerpt.xml`], io);
    expect(code).toBe(1);
    expect(err.join("")).toMatch(/eu-fsf: eu-fsf: 1 invalid record; 5468 id: expected a unique record id/);
    expect(snapshot(dir)).toBe(before);
  });

  it("installs nothing when one of several sources fails (all or nothing)", async () => {
    const before = snapshot(dir);
    const { io, err } = capture();
    const code = await runCli(
      ["lists", "update", "--dir", dir, "--source", "un-sc", "--source", "bis-dpl", "--source-url", `un-sc=${base}/data/un-consolidated/consolidated.xml`, "--source-url", `bis-dpl=${base}/500/dpl.txt`],
      io,
    );
    expect(code).toBe(1);
    expect(err.join("")).toMatch(/bis-dpl: \S+: expected HTTP 200, received 500/);
    expect(snapshot(dir)).toBe(before);
  });

  it("refuses a count drop beyond 10 % against the current manifest, and accepts it when allowed", async () => {
    const before = snapshot(dir);
    const small = `un-sc=${base}/fixtures/un-xml/consolidated.small.xml`;
    const refused = capture();
    expect(await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", small], refused.io)).toBe(1);
    expect(refused.err.join("")).toMatch(/un-sc: un-sc: record count fell from 1003 to 23; expected a drop of at most 10 %, received 97\.7 %.*pass --allow-count-drop if the drop is real/);
    expect(snapshot(dir)).toBe(before);

    const previous = readCurrentSet(dir);
    // Allowing the drop is not enough: 23 records is below un-sc's shipped floor (800) …
    const belowFloor = capture();
    expect(await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", small, "--allow-count-drop"], belowFloor.io)).toBe(1);
    expect(belowFloor.err.join("")).toMatch(/un-sc: un-sc: too few records for a complete list; expected at least 800 .*received 23/);
    // … and the excerpt has the same list date as the installed file: records lost without a new date.
    const sameDate = capture();
    expect(await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", small, "--allow-count-drop", "--min-records", "0"], sameDate.io)).toBe(1);
    expect(sameDate.err.join("")).toMatch(/un-sc: record count fell from 1003 to 23 at the same list date 2026-02-27T00:00:09\.554Z.*--accept-rollback/);
    expect(snapshot(dir)).toBe(before);

    const allowed = capture();
    expect(await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", small, "--allow-count-drop", "--min-records", "0", "--accept-rollback", "--no-snapshot"], allowed.io)).toBe(0);
    expect(allowed.out.join("")).toMatch(/un-sc .* 23 records \(−980\)/);
    const now = readCurrentSet(dir);
    expect(now?.manifest.setId).not.toBe(previous?.manifest.setId);
    expect(now?.manifest.lists.find((l) => l.listId === "un-sc")?.recordCount).toBe(23);
    // The override is recorded in the manifest, with what it replaced.
    expect(now?.manifest.lists.find((l) => l.listId === "un-sc")?.acceptedRollback).toEqual({
      reason: "record count fell from 1003 to 23 at the same list date 2026-02-27T00:00:09.554Z (expected no loss of records without a new list date)",
      previousListDate: "2026-02-27T00:00:09.554Z",
      previousCount: 1003,
      previousSha256: previous?.manifest.lists.find((l) => l.listId === "un-sc")?.sha256,
    });
    // The other lists are carried over unchanged, files and all.
    for (const id of ["eu-fsf", "ofac-cons", "ofac-sdn", "uk-fcdo", "us-csl"]) {
      const was = previous?.manifest.lists.find((l) => l.listId === id);
      expect(now?.manifest.lists.find((l) => l.listId === id)).toEqual(was);
      for (const f of was?.files ?? []) expect(sha(join(dir, "current", f.path))).toBe(f.sha256);
    }
    expect(allowed.out.join("")).toMatch(/ofac-sdn .* kept from set /);
    // The previous set stays on disk (keep 3) for a manual roll-back.
    expect(readdirSync(join(dir, "sets")).filter((s) => !s.startsWith("."))).toHaveLength(2);
  }, 120_000);

  it("refuses a list whose date went back (issue 9), the whole file notwithstanding", async () => {
    const before = snapshot(dir);
    const { io, err } = capture();
    const older = `un-sc=${base}/rollback/data/un-consolidated/consolidated.xml`;
    expect(await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", older], io)).toBe(1);
    expect(err.join("")).toMatch(/un-sc: list date went back from 2026-02-27T00:00:09\.554Z to 2026-02-26T00:00:09\.554Z; the previous set is kept \(pass --accept-rollback/);
    expect(snapshot(dir)).toBe(before);
  }, 60_000);

  it("follows a redirect and prunes old sets beyond --keep", async () => {
    const { io } = capture();
    expect(await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", `un-sc=${base}/redirect/data/un-consolidated/consolidated.xml`, "--keep", "1", "--no-snapshot"], io)).toBe(0);
    const sets = readdirSync(join(dir, "sets")).filter((s) => !s.startsWith("."));
    expect(sets).toEqual([readCurrentSet(dir)?.manifest.setId]);
    // --no-snapshot: no snapshot written (screening then loads the files).
    expect(readCurrentSet(dir)?.manifest.snapshot).toBeUndefined();
    expect(existsSync(join(dir, "current", "snapshot.bin"))).toBe(false);
    expect(readCurrentSet(dir)?.manifest.lists.find((l) => l.listId === "un-sc")?.recordCount).toBe(1003);
  }, 60_000);

  it("--offline rebuilds the current set with a snapshot, downloading nothing (a set installed without one)", async () => {
    const before = readCurrentSet(dir);
    expect(before?.manifest.snapshot).toBeUndefined();
    const { io, out, err } = capture();
    // No server is asked: every URL of the manifest points at the local server, which counts nothing here,
    // so the proof is that the set's files are the previous set's bytes and the manifest says "kept".
    expect(await runCli(["lists", "update", "--dir", dir, "--offline"], io)).toBe(0);
    const after = readCurrentSet(dir);
    expect(after?.manifest.setId).not.toBe(before?.manifest.setId);
    expect(out.join("")).toContain(`lists update --offline: installed set ${after?.manifest.setId} (set ${before?.manifest.setId} rebuilt with a new snapshot; nothing downloaded)`);
    expect(out.join("").match(/kept from set/g)?.length).toBe(before?.manifest.lists.length);
    expect(err.join("")).not.toContain("downloading");
    // The same lists, file for file; only the snapshot is new.
    expect(after?.manifest.lists).toEqual(before?.manifest.lists);
    for (const l of after?.manifest.lists ?? []) for (const f of l.files) expect(sha(join(dir, "current", f.path))).toBe(f.sha256);
    const records = (after?.manifest.lists ?? []).reduce((n, l) => n + l.recordCount, 0);
    expect(after?.manifest.snapshot).toMatchObject({ path: "snapshot.bin", algorithmId: "names-v2", records });
    expect(sha(join(dir, "current", "snapshot.bin"))).toBe(after?.manifest.snapshot?.sha256);
    // The previous set is left as it was (sets are never changed once installed).
    expect(readFileSync(join(dir, "sets", before?.manifest.setId ?? "", "manifest.json"), "utf8")).not.toContain("snapshot.bin");
    // Screening now opens the snapshot: no note about loading the list files.
    const screen = capture();
    expect(await runCli(["screen", "Eric Badege", "--lists-dir", dir, "--json"], screen.io)).toBe(0);
    expect(screen.err.join("")).not.toContain("loading its list files");
    expect(JSON.parse(screen.out.join("")).lists.map((l: { listId: string }) => l.listId).sort()).toEqual((after?.manifest.lists ?? []).map((l) => l.listId).sort());
  }, 240_000);

  it("refuses to run while another update holds the lock", async () => {
    writeFileSync(join(dir, ".update.lock"), `${process.pid}\n`);
    const before = snapshot(dir);
    const { io, err } = capture();
    expect(await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", `un-sc=${base}/data/un-consolidated/consolidated.xml`], io)).toBe(1);
    expect(err.join("")).toContain(`another lists update is running (pid ${process.pid})`);
    expect(snapshot(dir)).toBe(before);
  });

  it("refuses a damaged current set instead of carrying it over", async () => {
    const target = join(dir, "current", "ofac-cons", "CONS_ENHANCED.XML");
    const original = readFileSync(target);
    writeFileSync(join(dir, ".update.lock"), "999999999\n"); // a lock left by a dead process is taken over
    writeFileSync(target, Buffer.concat([original, Buffer.from("<!-- edited -->")]));
    try {
      const { io, err } = capture();
      expect(await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", `un-sc=${base}/data/un-consolidated/consolidated.xml`], io)).toBe(1);
      expect(err.join("")).toMatch(/ofac-cons: current set file ofac-cons\/CONS_ENHANCED\.XML: expected sha256 [0-9a-f]{64}, received [0-9a-f]{64} \(the installed set was altered\)/);
    } finally {
      writeFileSync(target, original);
    }
  }, 60_000);
});

describeWithData("lists update: the EU download token and the feed checksum", SERVED, () => {
  // No snapshot: these tests are about the download (each would build the name index of the whole set).
  const euOnly = (extra: string[]) => ["lists", "update", "--dir", dir, "--source", "eu-fsf", "--no-snapshot", ...extra];

  it("fails closed when the file does not match the feed's checksum", async () => {
    const before = snapshot(dir);
    const { io, err } = capture();
    expect(await runCli(euOnly(euArgs("bad-checksum")), io)).toBe(1);
    expect(err.join("")).toMatch(/eu-fsf: eu-fsf\.xml: expected sha1 2{40} \(published in \S+\/feed\/bad-checksum item guid\), received [0-9a-f]{40}; the file is not the one the publisher announced/);
    expect(err.join("")).not.toContain(EU_TOKEN);
    expect(snapshot(dir)).toBe(before);
  });

  it("takes the token from another feed item when the feed has none for the file (no checksum then)", async () => {
    const { io, err } = capture();
    expect(await runCli(euOnly(euArgs("csv-only")), io)).toBe(0);
    expect(err.join("")).toContain("eu-fsf: token from the FSF feed; the feed lists no checksum for this file (not verified)");
    expect(readCurrentSet(dir)?.manifest.lists.find((l) => l.listId === "eu-fsf")?.files[0]?.checksum).toBeUndefined();
  });

  it("says how to pass a token when the feed has none, and uses --eu-token or SANCTIONS_SCREEN_EU_TOKEN without reading the feed", async () => {
    const before = snapshot(dir);
    const missing = capture();
    expect(await runCli(euOnly(euArgs("no-token")), missing.io)).toBe(1);
    expect(missing.err.join("")).toMatch(/eu-fsf: expected a download link with a token in the FSF feed \S+, received 2 item\(s\) without one; pass the token with --eu-token/);
    expect(snapshot(dir)).toBe(before);

    const wrong = capture();
    expect(await runCli(euOnly([...euArgs("no-token"), "--eu-token", "WRONG"]), wrong.io)).toBe(1);
    expect(wrong.err.join("")).toMatch(/eu-fsf: \S+content\?token=…: expected HTTP 200, received 403 Forbidden/);
    expect(wrong.err.join("")).not.toContain("WRONG");

    const flag = capture();
    expect(await runCli(euOnly([...euArgs("no-token"), "--eu-token", EU_TOKEN]), flag.io)).toBe(0);
    expect(flag.err.join("")).toContain("eu-fsf: token from --eu-token / SANCTIONS_SCREEN_EU_TOKEN (no checksum: the feed was not read)");

    const env = capture();
    expect(await runCli(euOnly(euArgs("no-token")), { ...env.io, env: { SANCTIONS_SCREEN_EU_TOKEN: EU_TOKEN } })).toBe(0);
  });
});

describeWithData("lists update with an unreadable current manifest", SERVED, () => {
  it("refuses to guess the previous counts and says how to recover", async () => {
    const manifest = join(dir, "current", "manifest.json");
    const original = readFileSync(manifest);
    writeFileSync(manifest, "{ not json");
    try {
      const { io, err } = capture();
      expect(await runCli(["lists", "update", "--dir", dir, "--source", "un-sc", "--source-url", `un-sc=${base}/data/un-consolidated/consolidated.xml`], io)).toBe(1);
      expect(err.join("")).toMatch(/manifest\.json: expected the current set's manifest, received .*remove \S+current to start a new one/);
    } finally {
      writeFileSync(manifest, original);
    }
  });
});

describe("lists update arguments", () => {
  it.each([
    { case: "an unknown source", args: ["--source", "nope"], message: '--source: expected one of ofac-sdn, ofac-sdn-csv, ofac-cons' },
    { case: "a plain-http URL to another host", args: ["--source-url", "un-sc=http://example.com/consolidated.xml"], message: "expected an https:// URL (http:// only to 127.0.0.1 or localhost)" },
    { case: "a several-file source without {file}", args: ["--source-url", "ofac-sdn-csv=https://example.com/sdn.csv"], message: "expected a URL with {file} in it" },
    { case: "two sources of one list", args: ["--source", "ofac-sdn", "--source", "ofac-sdn-enhanced"], message: "ofac-sdn and ofac-sdn-enhanced both provide list ofac-sdn" },
    { case: "a bad --max-drop", args: ["--max-drop", "2"], message: "--max-drop: expected a fraction from 0 to 1" },
    { case: "a bad --timeout-ms", args: ["--timeout-ms", "soon"], message: "--timeout-ms: expected a whole number" },
  ])("exits 2 on $case", async ({ args, message }) => {
    const { io, err } = capture();
    expect(await runCli(["lists", "update", "--dir", join(tmpdir(), "never-created"), ...args], io)).toBe(2);
    expect(err.join("")).toContain(message);
  });

  it.each([
    { case: "a source", args: ["--source", "un-sc"], message: "--offline downloads nothing and rebuilds the current set with its snapshot; it takes none of --source" },
    { case: "--no-snapshot", args: ["--no-snapshot"], message: "it takes none of --no-snapshot" },
  ])("exits 2 on --offline with $case", async ({ args, message }) => {
    const { io, err } = capture();
    expect(await runCli(["lists", "update", "--dir", join(tmpdir(), "never-created"), "--offline", ...args], io)).toBe(2);
    expect(err.join("")).toContain(message);
  });

  it("exits 1 on --offline without an installed set, creating nothing", async () => {
    const empty = mkdtempSync(join(tmpdir(), "lists-offline-"));
    const { io, err } = capture();
    expect(await runCli(["lists", "update", "--dir", empty, "--offline"], io)).toBe(1);
    expect(err.join("")).toContain(`lists update --offline: no installed set in ${empty} to rebuild; nothing changed (run lists update first)`);
    expect(existsSync(join(empty, "current"))).toBe(false);
    expect(readdirSync(join(empty, "sets"))).toEqual([]);
    expect(existsSync(join(empty, ".update.lock"))).toBe(false);
  });

  it("lists every publisher URL over https, the defaults first among equals", () => {
    for (const s of LIST_SOURCES) for (const f of s.files) expect(refuseUrl(f.url)).toBeUndefined();
    expect(LIST_SOURCES.filter((s) => s.default).map((s) => s.id)).toEqual(["ofac-sdn", "ofac-cons", "un-sc", "eu-fsf", "uk-fcdo", "us-csl"]);
  });

  it("writes no EU token into the source table", () => {
    const eu = LIST_SOURCES.find((s) => s.id === "eu-fsf");
    expect(eu?.files.map((f) => f.url)).toEqual(["https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token={token}"]);
    expect(JSON.stringify(LIST_SOURCES)).not.toMatch(/token=(?!\{token\})/);
  });
});

describe("downloadFile", () => {
  itWithData("caps the size while streaming", ["un-consolidated/consolidated.xml"], async () => {
    const error = await downloadFile(`${base}/data/un-consolidated/consolidated.xml`, { timeoutMs: 5000, maxBytes: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as Error).message).toMatch(/expected at most 1000 bytes, received a 2030620-byte file/);
  });
  itWithData("returns the exact bytes", ["us-csl/dpl.txt"], async () => {
    const bytes = await downloadFile(`${base}/data/us-csl/dpl.txt`, { timeoutMs: 5000, maxBytes: 10_000_000 });
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha(join(SHARED_DATA, "us-csl/dpl.txt")));
  });
  it("gives up on a server that never answers at the deadline", async () => {
    const before = hung;
    const started = performance.now();
    await expect(downloadFile(`${base}/hang/x`, { timeoutMs: 200, maxBytes: 10 })).rejects.toThrow(/timed out after 200 ms/);
    expect(hung).toBe(before + 1);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
