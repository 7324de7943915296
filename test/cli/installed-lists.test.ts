import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli";
import { startScreeningServer } from "../../src/cli/commands/serve";
import { chooseScreeningLists, defaultListsDir } from "../../src/cli/installed-lists";
import { createBatchScreener } from "../../src/cli/batch";
import { loadInstalledSet, openSetSnapshot, readCurrentSet, writeSetSnapshot, type InstalledSet, type SetManifest } from "../../src/cli/update";
import { ListFormatError } from "../../src/errors";
import { LIBRARY, type ProfileName } from "../../src/screen";
import { SHARED_DATA, describeWithData } from "../shared-data";

/** The publishers on 127.0.0.1: `/data/<path>` serves ../shared/data. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname.replace(/^\/data\//, "");
    const file = join(SHARED_DATA, ...path.split("/").map(decodeURIComponent));
    if (!existsSync(file)) return void res.writeHead(404).end();
    const bytes = readFileSync(file);
    res.writeHead(200, { "content-length": bytes.length }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function capture(env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), today: "2026-12-06", env }, out, err };
}

/**
 * Installs the UK Sanctions List and OFAC advanced samples from the local server. The OFAC sample
 * has 4 parties, below the ofac-sdn floor: `--min-records 0` lets it in, the manifest records that,
 * and every later load of the set uses it (issue 9's floor applies to the set otherwise).
 */
const UPDATE = (): string[] => [
  "lists",
  "update",
  "--source",
  "uk-fcdo",
  "--source",
  "ofac-sdn",
  "--source-url",
  `uk-fcdo=${base}/data/uk-fcdo/sample_uk_sanctions.xml`,
  "--source-url",
  `ofac-sdn=${base}/data/ofac-advanced/sample_sdn_advanced.xml`,
  "--min-records",
  "0",
];

const sha = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Flips one byte in the middle of a file's bytes (a damaged disk block). */
const flipByte = (bytes: Buffer): Buffer => {
  const out = Buffer.from(bytes);
  const at = Math.floor(out.length / 2);
  out[at] = (out[at] as number) ^ 0xff;
  return out;
};

/** Runs `body` with a file's bytes edited (or the file removed: `edit` returns undefined), then restores it. */
async function withEditedFile(path: string, edit: (bytes: Buffer) => Buffer | undefined, body: () => Promise<void>): Promise<void> {
  const original = readFileSync(path);
  const edited = edit(original);
  if (edited === undefined) rmSync(path);
  else writeFileSync(path, edited);
  try {
    await body();
  } finally {
    writeFileSync(path, original);
  }
}

/** Runs `body` with the set's manifest edited, then restores it. */
async function withEditedManifest(setDir: string, edit: (manifest: SetManifest) => void, body: () => Promise<void>): Promise<void> {
  const path = join(setDir, "manifest.json");
  const original = readFileSync(path, "utf8");
  const manifest = JSON.parse(original) as SetManifest;
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest));
  try {
    await body();
  } finally {
    writeFileSync(path, original);
  }
}

// The local server serves the official files: without them (a bare clone) these are skipped.
const SERVED = ["ofac-advanced/sample_sdn_advanced.xml", "ofac-cons/CONS_ENHANCED.XML", "un-consolidated/consolidated.xml", "uk-fcdo/sample_uk_sanctions.xml", "us-csl/consolidated.csv"];
describeWithData("installed sets: lists update, then screen / batch / serve read them", SERVED, () => {
  let home: string;
  let dir: string;

  it("installs into the default location and screens against it: two commands", async () => {
    home = mkdtempSync(join(tmpdir(), "home-"));
    const env = { HOME: home };
    dir = join(home, ".local", "share", "sanctions-screen", "lists");
    expect(defaultListsDir(env, "linux")).toEqual({ dir, explicit: false });

    const update = capture(env);
    expect(await runCli(UPDATE(), update.io)).toBe(0);
    expect(readCurrentSet(dir)?.manifest.lists.map((l) => l.listId)).toEqual(["ofac-sdn", "uk-fcdo"]);

    const screen = capture(env);
    expect(await runCli(["screen", "BNK UK Limited", "--json"], screen.io)).toBe(0);
    const result = JSON.parse(screen.out.join(""));
    expect(result).toMatchObject({ outcome: "alert", asOf: "2026-12-06" });
    expect(result.hits[0]).toMatchObject({ list: "uk-fcdo", recordId: "BEL0107" });
    expect(result.lists.map((l: { listId: string; listDate: string }) => [l.listId, l.listDate])).toEqual([
      ["ofac-sdn", "2026-09-09"],
      ["uk-fcdo", "2026-09-10"],
    ]);
    const setId = readCurrentSet(dir)?.manifest.setId;
    expect(screen.err.join("")).toBe(`sanctions-screen: screening against the installed list set ${setId} in ${dir}: ofac-sdn 2026-09-09, uk-fcdo 2026-09-10\n`);
  }, 120_000);

  it("reads SANCTIONS_SCREEN_LISTS_DIR and --lists-dir the same way", async () => {
    const fromEnv = capture({ SANCTIONS_SCREEN_LISTS_DIR: dir });
    expect(await runCli(["screen", "Al-Zomor, Abboud Abdul Latif Hassan", "--json"], fromEnv.io)).toBe(0);
    expect(JSON.parse(fromEnv.out.join("")).hits[0]).toMatchObject({ list: "ofac-sdn", recordId: "2677" });
    const fromFlag = capture({});
    expect(await runCli(["screen", "Al-Zomor, Abboud Abdul Latif Hassan", "--json", "--lists-dir", dir], fromFlag.io)).toBe(0);
    expect(JSON.parse(fromFlag.out.join("")).hits[0].recordId).toBe("2677");
  });

  it("batch screens every row against the set, pinned by its id", async () => {
    const input = join(home, "book.csv");
    writeFileSync(input, "name\nBNK (UK) Ltd\nEP-GOL\nNobody Inparticular\n");
    const run = capture({ HOME: home });
    expect(await runCli(["batch", input, "--workers", "1", "--format", "jsonl"], run.io)).toBe(0);
    const rows = run.out.join("").trim().split("\n").map((l) => JSON.parse(l));
    expect(rows.map((r: { outcome: string; bestHit: string }) => [r.outcome, r.bestHit.split(" ")[0]])).toEqual([
      ["alert", "uk-fcdo:BEL0107"],
      ["alert", "ofac-sdn:15432"],
      // The samples are dated September 2026: on 2026-12-06 they are stale, so no match is not a clear.
      ["stale-clear", ""],
    ]);
    expect(rows[0].listVersions).toMatch(/^ofac-sdn@2026-09-09#[0-9a-f]{12}; uk-fcdo@2026-09-10#[0-9a-f]{12}$/);
  }, 120_000);

  it("batch maps country names to ISO codes and says so; a non-ISO code is an error row with the hint", async () => {
    const input = join(home, "countries.csv");
    writeFileSync(input, "name,country\nBNK (UK) Ltd,United Kingdom\nBNK (UK) Ltd,UK\nBNK (UK) Ltd,United Kingdom\nEP-GOL,Iran\n");
    const run = capture({ HOME: home });
    expect(await runCli(["batch", input, "--workers", "1", "--format", "jsonl"], run.io)).toBe(4);
    const rows = run.out.join("").trim().split("\n").map((l) => JSON.parse(l));
    expect(rows.map((r: { outcome: string }) => r.outcome)).toEqual(["alert", "error", "alert", "alert"]);
    expect(rows[1].error).toContain('country: expected an ISO 3166-1 alpha-2 country code (hint: the United Kingdom is "GB"');
    const stderr = run.err.join("");
    // Once per distinct name, with the line it was first seen on.
    expect(stderr).toContain('batch: country "United Kingdom" read as GB (United Kingdom), first on line 2\n');
    expect(stderr).toContain('batch: country "Iran" read as IR (Iran), first on line 5\n');
    expect(stderr.match(/read as GB/g)).toHaveLength(1);
  }, 120_000);

  it("serve screens against the set it is given: its lists, or screeners over its snapshot", async () => {
    const set = loadInstalledSet(dir);
    expect(set?.snapshot).toBeDefined();
    const given = [{ lists: set?.lists ?? [] }, { screenerFor: (profile: ProfileName) => (set as InstalledSet).screener({ profile }) }];
    const answers: unknown[] = [];
    for (const lists of given) {
      const running = await startScreeningServer({ port: 0, host: "127.0.0.1", ...lists, handler: { analystPage: false } });
      try {
        const listed = (await (await fetch(`${running.url}/lists`)).json()) as { lists: { listId: string }[] };
        expect(JSON.stringify(listed)).toContain("uk-fcdo");
        const post = async (profile: string) =>
          (await (await fetch(`${running.url}/screen`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Petrel 8", asOf: "2026-12-06", profile }) })).json()) as { outcome: string; hits: { list: string }[] };
        const screened = await post("balanced");
        expect(screened.outcome).toBe("alert");
        expect(screened.hits[0]?.list).toBe("uk-fcdo");
        answers.push([listed, screened, await post("strict")]);
      } finally {
        await running.close();
      }
    }
    expect(answers[1]).toEqual(answers[0]);
  });

  it("refuses a damaged set (exit 1) instead of screening against it or falling back", async () => {
    const setDir = readCurrentSet(dir)?.setDir as string;
    const file = join(setDir, "uk-fcdo", "UK-Sanctions-List.xml");
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from("<!-- edited -->")]));
    try {
      // The snapshot (checked against the manifest's sha256) is what is screened: an edited list file
      // does not change it. Without a usable snapshot the files are read, and the edited one is refused.
      const withSnapshot = capture({ HOME: home });
      expect(await runCli(["screen", "BNK UK Limited", "--json"], withSnapshot.io)).toBe(0);
      expect(JSON.parse(withSnapshot.out.join("")).hits[0]).toMatchObject({ list: "uk-fcdo", recordId: "BEL0107" });
      await withEditedManifest(setDir, (m) => delete m.snapshot, async () => {
        const run = capture({ HOME: home });
        expect(await runCli(["screen", "BNK"], run.io)).toBe(1);
        expect(run.err.join("")).toMatch(/UK-Sanctions-List\.xml: expected sha256 [0-9a-f]{64} \(manifest\), received [0-9a-f]{64}; the installed set was altered/);
        expect(run.out).toEqual([]);
      });
      // A damaged snapshot and a damaged file: refused, never screened on fewer lists.
      await withEditedFile(join(setDir, "snapshot.bin"), flipByte, async () => {
        const run = capture({ HOME: home });
        expect(await runCli(["screen", "BNK"], run.io)).toBe(1);
        expect(run.err.join("")).toMatch(/not using the snapshot of set .*snapshot\.sha256[\s\S]*UK-Sanctions-List\.xml: expected sha256/);
        expect(run.out).toEqual([]);
      });
    } finally {
      writeFileSync(file, original);
    }
  });

  it("loads a list below its shipped floor only with the floor the manifest recorded (issue 9)", async () => {
    const manifestPath = join(readCurrentSet(dir)?.setDir as string, "manifest.json");
    const original = readFileSync(manifestPath, "utf8");
    const manifest = JSON.parse(original) as { lists: { listId: string; minRecordCount?: number }[] };
    expect(manifest.lists.map((l) => [l.listId, l.minRecordCount])).toEqual([
      ["ofac-sdn", 0],
      ["uk-fcdo", undefined],
    ]);
    for (const l of manifest.lists) delete l.minRecordCount;
    // The snapshot was written with the recorded floor; without it the files are loaded with the shipped floors.
    delete (manifest as { snapshot?: unknown }).snapshot;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    try {
      const run = capture({ HOME: home });
      expect(await runCli(["screen", "BNK"], run.io)).toBe(1);
      expect(run.err.join("")).toMatch(/ofac-sdn: too few records for a complete list; expected at least 7200/);
      expect(run.out).toEqual([]);
    } finally {
      writeFileSync(manifestPath, original);
    }
  });

  describe("the set's snapshot (issue 8)", () => {
    it("lists update writes it beside the files and records its sha256 in the manifest", () => {
      const current = readCurrentSet(dir);
      const entry = current?.manifest.snapshot;
      expect(entry).toMatchObject({ path: "snapshot.bin", library: `${LIBRARY.name}@${LIBRARY.version}`, algorithmId: "names-v2", records: 9 });
      const bytes = readFileSync(join(current?.setDir as string, "snapshot.bin"));
      expect(bytes.length).toBe(entry?.bytes);
      expect(sha(bytes)).toBe(entry?.sha256);
      // Opened into shared memory (batch workers view it), with the same list metadata as the files give.
      const set = loadInstalledSet(dir);
      expect(set?.snapshot?.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(set?.metadata).toEqual(loadInstalledSet(dir, { snapshot: false })?.metadata);
    });

    it("screens exactly as the files do: every name of every record, near misses and identifiers", () => {
      const fromSnapshot = loadInstalledSet(dir);
      const fromFiles = loadInstalledSet(dir, { snapshot: false });
      expect(fromSnapshot?.snapshot).toBeDefined();
      expect(fromFiles?.snapshot).toBeUndefined();
      const records = (fromFiles?.lists ?? []).flatMap((l) => l.records);
      expect(records).toHaveLength(9);
      const inputs = [
        ...records.flatMap((r) => r.subject.names.map((n) => ({ name: n.value }))),
        ...records.flatMap((r) => r.subject.identifiers.slice(0, 1).map((id) => ({ name: r.subject.names[0]?.value ?? "x", identifiers: [{ value: id.value }] }))),
        { name: "BNK (UK) Ltd", country: "GB" },
        { name: "Petrel Eight" },
        { name: "Abboud Al-Zumar", dateOfBirth: "1947" },
        { name: "Nobody Inparticular" },
      ];
      expect(inputs.length).toBeGreaterThan(20);
      for (const profile of ["balanced", "strict"] as const) {
        const a = fromSnapshot?.screener({ profile });
        const b = fromFiles?.screener({ profile });
        expect(a?.lists).toEqual(b?.lists);
        for (const input of inputs) expect(a?.screen({ ...input, asOf: "2026-12-06" })).toEqual(b?.screen({ ...input, asOf: "2026-12-06" }));
      }
    });

    it("is refused with a typed error when damaged, of other lists, of another library version or missing", () => {
      const current = readCurrentSet(dir);
      const setDir = current?.setDir as string;
      const manifest = current?.manifest as SetManifest;
      const path = join(setDir, "snapshot.bin");
      const original = readFileSync(path);
      const refusal = (): string | undefined => {
        try {
          openSetSnapshot(setDir, manifest);
          return undefined;
        } catch (error) {
          expect(error).toBeInstanceOf(ListFormatError);
          return (error as ListFormatError).issues[0]?.field;
        }
      };
      try {
        expect(refusal()).toBeUndefined();
        writeFileSync(path, flipByte(original));
        expect(refusal()).toBe("snapshot.sha256");
        // Right sha256 in the manifest, wrong contents: a snapshot of one list of the two.
        const lists = loadInstalledSet(dir, { snapshot: false })?.lists ?? [];
        const partial = writeSetSnapshot(lists.slice(1), { lists: manifest.lists.slice(1) });
        writeFileSync(path, partial.bytes);
        expect(refusal()).toBe("snapshot.sha256");
        const withPartial = { ...manifest, snapshot: partial.entry };
        expect(() => openSetSnapshot(setDir, withPartial)).toThrow(/snapshot\.lists: expected a snapshot of lists \[\["ofac-sdn"/);
        // Written by another library version (after an upgrade): refused until lists update rewrites it.
        const library = `"${LIBRARY.name}@${LIBRARY.version}"`;
        const other = Buffer.from(original.toString("latin1").replace(library, `"${LIBRARY.name}@${LIBRARY.version.replace(/\d$/, (d) => String((Number(d) + 1) % 10))}"`), "latin1");
        expect(other.equals(original)).toBe(false);
        writeFileSync(path, other);
        expect(() => openSetSnapshot(setDir, { ...manifest, snapshot: { ...(manifest.snapshot as NonNullable<SetManifest["snapshot"]>), sha256: sha(other) } })).toThrow(/snapshot\.library/);
        rmSync(path);
        expect(refusal()).toBe("snapshot.file");
      } finally {
        writeFileSync(path, original);
      }
    });

    it("screen falls back to the files, with a note, when the snapshot is damaged, missing or absent from the manifest: same result", async () => {
      const setDir = readCurrentSet(dir)?.setDir as string;
      const screenJson = async (): Promise<{ out: string; err: string }> => {
        const run = capture({ HOME: home });
        expect(await runCli(["screen", "BNK UK Limited", "--country", "GB", "--json"], run.io)).toBe(0);
        return { out: run.out.join(""), err: run.err.join("") };
      };
      const intact = await screenJson();
      expect(intact.err).not.toContain("note");
      expect(JSON.parse(intact.out).hits[0]).toMatchObject({ list: "uk-fcdo", recordId: "BEL0107" });
      await withEditedFile(join(setDir, "snapshot.bin"), flipByte, async () => {
        const damaged = await screenJson();
        expect(damaged.out).toBe(intact.out);
        expect(damaged.err).toMatch(/^sanctions-screen: note: not using the snapshot of set \S+ \(snapshot: installed set snapshot refused; snapshot\.sha256: expected sha256 [0-9a-f]{64} \(set manifest\), received sha256 [0-9a-f]{64} of .*snapshot\.bin\); loading its list files instead/);
      });
      await withEditedFile(join(setDir, "snapshot.bin"), () => undefined, async () => {
        const missing = await screenJson();
        expect(missing.out).toBe(intact.out);
        expect(missing.err).toMatch(/not using the snapshot of set \S+ \(snapshot: installed set snapshot refused; snapshot\.file: expected a readable .*snapshot\.bin/);
      });
      await withEditedManifest(setDir, (m) => delete m.snapshot, async () => {
        const older = await screenJson();
        expect(older.out).toBe(intact.out);
        expect(older.err).toMatch(/^sanctions-screen: note: set \S+ has no snapshot \(installed by an older version or with --no-snapshot\); loading its list files/);
      });
    });

    it("batch workers share it (one SharedArrayBuffer) and write the same rows as from the files", async () => {
      const setDir = readCurrentSet(dir)?.setDir as string;
      const set = loadInstalledSet(dir);
      const bytes = set?.snapshot as Uint8Array;
      expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      const shared = await createBatchScreener({ lists: [], setDir, index: bytes, setSnapshot: true });
      expect(shared.screen({ name: "EP-GOL", asOf: "2026-12-06" })).toEqual(set?.screener({ maxHits: 1 }).screen({ name: "EP-GOL", asOf: "2026-12-06" }));
      const input = join(home, "shared.csv");
      writeFileSync(input, "name,country\nBNK (UK) Ltd,GB\nEP-GOL,\nPetrel 8,\nAl-Zomor Abboud,\nNobody Inparticular,\n");
      const batch = async (): Promise<string> => {
        const run = capture({ HOME: home });
        expect(await runCli(["batch", input, "--workers", "2", "--chunk-size", "1", "--format", "jsonl"], run.io)).toBe(0);
        return run.out.join("");
      };
      const fromSnapshot = await batch();
      expect(fromSnapshot.trim().split("\n").map((l) => JSON.parse(l).outcome)).toEqual(["alert", "alert", "alert", "review", "stale-clear"]);
      let fromFiles = "";
      await withEditedManifest(setDir, (m) => delete m.snapshot, async () => {
        fromFiles = await batch();
      });
      expect(fromFiles).toBe(fromSnapshot);
    }, 120_000);
  });

  it("refuses --lists-dir without a set (exit 1), and two list choices at once (exit 2)", async () => {
    const empty = mkdtempSync(join(tmpdir(), "no-set-"));
    const missing = capture({});
    expect(await runCli(["screen", "BNK", "--lists-dir", empty], missing.io)).toBe(1);
    expect(missing.err.join("")).toContain(`${empty}: expected a list set installed by \`sanctions-screen lists update --dir ${empty}\`, received none`);
    const both = capture({});
    expect(await runCli(["screen", "BNK", "--lists-dir", empty, "--embedded"], both.io)).toBe(2);
    expect(both.err.join("")).toContain("expected one of --list, --lists-dir, --embedded, received --lists-dir and --embedded");
  });
});

describe("falling back to the embedded snapshots", () => {
  it("only with a warning that names each snapshot's date and how to install current lists", () => {
    const home = mkdtempSync(join(tmpdir(), "home-empty-"));
    const notes: string[] = [];
    const choice = chooseScreeningLists({ files: [], listsDir: undefined, env: { HOME: home }, note: (t) => notes.push(t) });
    expect(choice.origin).toBe("embedded");
    const dir = join(home, ".local", "share", "sanctions-screen", "lists");
    expect(notes).toEqual([
      `sanctions-screen: warning: no installed list set in ${dir}; screening against the embedded snapshots, which are not current: curated 2026-11-22, ofac-sdn 2023-12-28, ofac-cons 2025-01-10, un-sc 2026-02-27, uk-ofsi 2018-04-13, us-csl 2022-05-16, bis-dpl 2022-09-02. Install current lists with \`sanctions-screen lists update\` (into ${dir}).\n`,
    ]);
    // No environment (a program calling runCli): no default location, still the warning.
    const bare: string[] = [];
    expect(chooseScreeningLists({ files: [], listsDir: undefined, env: undefined, note: (t) => bare.push(t) }).origin).toBe("embedded");
    expect(bare[0]).toMatch(/^sanctions-screen: warning: screening against the embedded snapshots, which are not current: curated 2026-11-22, ofac-sdn 2023-12-28/);
    // --embedded chooses them on purpose: the warning still names the dates.
    const chosen: string[] = [];
    expect(chooseScreeningLists({ files: [], listsDir: undefined, embedded: true, env: { HOME: home }, note: (t) => chosen.push(t) }).origin).toBe("embedded");
    expect(chosen[0]).toContain("uk-ofsi 2018-04-13");
  });

  it("uses the user's data directory per platform", () => {
    expect(defaultListsDir({ HOME: "/h", XDG_DATA_HOME: "/x" }, "linux")).toEqual({ dir: "/x/sanctions-screen/lists", explicit: false });
    expect(defaultListsDir({ LOCALAPPDATA: "C:\\Users\\a\\AppData\\Local" }, "win32")?.dir).toMatch(/sanctions-screen[\\/]lists$/);
    expect(defaultListsDir({ SANCTIONS_SCREEN_LISTS_DIR: "/srv/lists", HOME: "/h" }, "linux")).toEqual({ dir: "/srv/lists", explicit: true });
    expect(defaultListsDir({}, "linux")).toBeUndefined();
  });
});
