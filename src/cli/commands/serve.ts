import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { createScreeningHandler, toNodeListener, type ScreeningHandlerOptions } from "../../handler";
import { embeddedGoodsCatalogue, embeddedRulePack } from "../../embedded";
import { createScreener, PROFILES, screenTransaction, type ProfileName, type Screener, type TransactionInput } from "../../screen";
import { loadList } from "../../lists";
import type { LoadedList } from "../../model";
import { UsageError, type CliCommand, type CliIo } from "../command";
import { chooseScreeningLists } from "../installed-lists";
import { embeddedScreener } from "../prebuilt-index";
import { listFileOptions, readListFiles } from "../read-list-files";

/** Options of {@link startScreeningServer}. */
export interface ScreeningServerOptions {
  /** Port; 0 picks a free one. */
  readonly port: number;
  readonly host: string;
  /** Handler options other than the screener (API key, limits, page…). */
  readonly handler?: Omit<ScreeningHandlerOptions, "screener" | "screenerFor">;
  /** Default profile of the server's screener; default `balanced`. */
  readonly profile?: ProfileName;
  /** Where start-up notes go (e.g. a prebuilt index that does not fit). */
  readonly warn?: (text: string) => void;
  /** Lists to screen against (an installed set, or official files); default the embedded snapshots. */
  readonly lists?: readonly LoadedList[];
  /** Or a screener per profile of the caller's (an installed set's snapshot); takes precedence over `lists`. */
  readonly screenerFor?: (profile: ProfileName) => Screener;
}

/** A running screening server. */
export interface ScreeningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly server: Server;
  /** Stops accepting connections, closes the open ones and resolves when the server is closed. */
  close(): Promise<void>;
}

/**
 * Screeners over the embedded lists for every profile, sharing the shipped list-set snapshot's bytes
 * when it fits the lists, else one list load and one index built in memory once.
 */
function embeddedScreeners(profile: ProfileName, warn: (text: string) => void): { main: Screener; screenerFor: (p: ProfileName) => Screener } {
  const { screener: main, screenerFor } = embeddedScreener({ profile }, warn);
  return { main, screenerFor: (p) => (p === profile ? main : screenerFor(p)) };
}

/** Screeners over given lists for every profile, sharing one index built once. */
function listScreeners(lists: readonly LoadedList[], profile: ProfileName): { main: Screener; screenerFor: (p: ProfileName) => Screener } {
  const main = createScreener({ lists: [...lists], profile });
  const index = main.exportIndex();
  return { main, screenerFor: (p) => (p === profile ? main : createScreener({ lists: [...lists], profile: p, index })) };
}

/** Screeners from the caller's factory (an installed set's snapshot: every profile views the same bytes), one per profile. */
function ownScreeners(make: (p: ProfileName) => Screener, profile: ProfileName): { main: Screener; screenerFor: (p: ProfileName) => Screener } {
  const made = new Map<ProfileName, Screener>();
  const screenerFor = (p: ProfileName): Screener => {
    let s = made.get(p);
    if (s === undefined) made.set(p, (s = make(p)));
    return s;
  };
  return { main: screenerFor(profile), screenerFor };
}

function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Starts the screening API (and the analyst page, unless disabled) over the embedded lists on
 * `host:port`.
 * @example
 * const { url, close } = await startScreeningServer({ port: 0, host: "127.0.0.1" });
 * await fetch(`${url}/health`).then((r) => r.status) //=> 200
 * await close();
 */
export async function startScreeningServer(options: ScreeningServerOptions): Promise<ScreeningServer> {
  const warn = options.warn ?? (() => undefined);
  const profile = options.profile ?? "balanced";
  const given = options.screenerFor;
  const { main, screenerFor } =
    given !== undefined
      ? ownScreeners(given, profile)
      : options.lists === undefined
        ? embeddedScreeners(profile, warn)
        : listScreeners(options.lists, profile);
  const rulePack = embeddedRulePack();
  const goods = embeddedGoodsCatalogue();
  const handler = createScreeningHandler({
    // POST /transactions/screen: the body is validated by screenTransaction (InputError → 400); the
    // transaction's own date is its as-of day, so no "today" default applies.
    screenTransaction: (body, { screener }) => screenTransaction(body as TransactionInput, { screener, rulePack, goods }),
    analystPage: true,
    // "Today" on the server's wall calendar, read per request (a server outlives a day).
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...options.handler,
    screener: main,
    screenerFor,
  });
  const server = createServer(toNodeListener(handler, { origin: `http://${formatHost(options.host)}` }));
  // Slow or stalled clients do not hold the process: bounded header and request times.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${formatHost(options.host)}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** `serve`: the screening API and the analyst page over the embedded lists, until interrupted. */
export const serveCommand: CliCommand = {
  async run(args, io: CliIo) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "api-key-env": { type: "string" },
        profile: { type: "string" },
        "max-batch": { type: "string" },
        "max-name-words": { type: "string" },
        "max-batch-words": { type: "string" },
        "max-batch-ms": { type: "string" },
        "min-records": { type: "string" },
        "no-page": { type: "boolean" },
        "lists-dir": { type: "string" },
        list: { type: "string", multiple: true },
        embedded: { type: "boolean" },
      },
    });
    if (positionals.length > 0) throw new UsageError(`serve takes no arguments, received "${positionals.join(" ")}"`);
    const port = values.port === undefined ? 8787 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port: expected a port 0-65535 (0: any free port), received "${values.port}"`);
    const host = values.host ?? "127.0.0.1";
    if (values.profile !== undefined && !Object.hasOwn(PROFILES, values.profile)) {
      throw new UsageError(`--profile: expected one of ${Object.keys(PROFILES).join(", ")}, received "${values.profile}"`);
    }
    const maxBatch = values["max-batch"] === undefined ? undefined : Number(values["max-batch"]);
    if (maxBatch !== undefined && (!Number.isInteger(maxBatch) || maxBatch < 1 || maxBatch > 10_000)) {
      throw new UsageError(`--max-batch: expected a whole number 1-10000, received "${values["max-batch"]}"`);
    }
    // The handler's work budget (issue 9): words per name, words per batch, time per batch.
    const limit = (flag: "max-name-words" | "max-batch-words" | "max-batch-ms", max: number): number | undefined => {
      const raw = values[flag];
      if (raw === undefined) return undefined;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${flag}: expected a whole number 1-${max}, received "${raw}"`);
      return n;
    };
    const maxNameWords = limit("max-name-words", 1000);
    const maxBatchWords = limit("max-batch-words", 1_000_000);
    const maxBatchMs = limit("max-batch-ms", 3_600_000);
    let apiKey: string | undefined;
    const keyVar = values["api-key-env"];
    if (keyVar !== undefined) {
      apiKey = process.env[keyVar];
      // Fail closed: a misspelt or empty variable must not start an open server.
      if (apiKey === undefined || apiKey === "") throw new UsageError(`--api-key-env: expected environment variable ${keyVar} to hold the API key, received ${apiKey === undefined ? "an unset variable" : "an empty value"}`);
    }

    const choice = chooseScreeningLists({ files: values.list ?? [], listsDir: values["lists-dir"], embedded: values.embedded === true, env: io.env, note: io.stderr });
    const set = choice.origin === "installed" ? choice.set : undefined;
    // An installed set's snapshot: every profile's screener over the same bytes; else its loaded lists.
    const screenerFor = set?.snapshot === undefined ? undefined : (p: ProfileName) => set.screener({ profile: p });
    const lists =
      set !== undefined ? (screenerFor === undefined ? set.lists : undefined) : choice.origin === "files" ? choice.files.map((file) => loadList(readListFiles(file), listFileOptions(values["min-records"], io.today))) : undefined;
    const running = await startScreeningServer({
      port,
      host,
      warn: io.stderr,
      ...(lists === undefined ? {} : { lists }),
      ...(screenerFor === undefined ? {} : { screenerFor }),
      ...(values.profile === undefined ? {} : { profile: values.profile as ProfileName }),
      handler: {
        analystPage: values["no-page"] !== true,
        ...(apiKey === undefined ? {} : { apiKey }),
        ...(maxBatch === undefined ? {} : { maxBatch }),
        ...(maxNameWords === undefined ? {} : { maxNameWords }),
        ...(maxBatchWords === undefined ? {} : { maxBatchWords }),
        ...(maxBatchMs === undefined ? {} : { maxBatchMs }),
        // Failures are reported by kind only: never a request body, a name or a result.
        onError: (error) => io.stderr(`sanctions-screen: internal error while answering a request: ${error instanceof Error ? error.name : typeof error}\n`),
      },
    });
    if (!isLoopback(host) && apiKey === undefined) {
      io.stderr(`sanctions-screen: warning: listening on ${host} without an API key (use --api-key-env VAR)\n`);
    }
    io.stdout(`listening on ${running.url}\n`);
    io.stdout(`  API: POST ${running.url}/screen, POST ${running.url}/screen/batch, GET ${running.url}/lists, GET ${running.url}/health${apiKey ? " (API key required)" : ""}\n`);
    if (values["no-page"] !== true) io.stdout(`  analyst page: ${running.url}/\n`);
    io.stdout("  stop with Ctrl+C\n");

    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    await running.close();
    io.stderr("sanctions-screen: stopped\n");
    return 0;
  },
};
