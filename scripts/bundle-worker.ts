/**
 * Bundles the screening handler with the embedded lists for the browser/worker target (esbuild,
 * `platform: "browser"`, ESM): the proof that nothing under the handler needs Node. The build
 * FAILS when any module reaches for a Node builtin (`node:*` or a bare `fs`, `path`, `crypto`…),
 * naming the importer, and the output is checked again for `node:` references.
 *
 * Usage: `tsx scripts/bundle-worker.ts [outfile]` (default `dist-worker/screening-worker.js`);
 * prints the bundle's size raw and gzipped (what Cloudflare's size limit counts).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

const root = resolve(import.meta.dirname, "..");

/** What {@link bundleWorker} produced. */
export interface WorkerBundle {
  readonly outfile: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Source files bundled, relative to the repository. */
  readonly inputs: readonly string[];
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Fails the build on any Node builtin, naming who imported it. */
const noNodeBuiltins: Plugin = {
  name: "no-node-builtins",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.split("/")[0] as string;
      if (args.path.startsWith("node:") || builtins.has(args.path) || (builtins.has(bare) && !args.path.startsWith("."))) {
        return { errors: [{ text: `Node builtin "${args.path}" imported by ${relative(root, args.importer)}: the handler bundle must run in isolates` }] };
      }
      return undefined;
    });
  },
};

/** The embedded snapshots are imported through the package's own name; point it at the files. */
const compiledLists: Plugin = {
  name: "compiled-lists",
  setup(b) {
    // package.json `imports`: the bundle variant of the embedded lists' data (static JSON modules).
    b.onResolve({ filter: /^#compiled-data$/ }, () => ({ path: join(root, "src/embedded/compiled-data.ts") }));
    b.onResolve({ filter: /^sanctions-screen\/lists\/compiled\/[\w.-]+\.json$/ }, (args) => ({
      path: join(root, "lists/compiled", args.path.slice("sanctions-screen/lists/compiled/".length)),
      namespace: "compiled-json",
    }));
    // Megabytes of data start faster as one JSON.parse of a string than as a JS object literal
    // (V8 parses JSON several times faster than JavaScript).
    b.onLoad({ filter: /.*/, namespace: "compiled-json" }, (args) => ({
      contents: `export default JSON.parse(${JSON.stringify(readFileSync(args.path, "utf8"))});`,
      loader: "js",
    }));
  },
};

/** Options of {@link bundleWorker}. */
export interface BundleWorkerOptions {
  readonly outfile: string;
  /** Default true (the size that counts against a provider's limit). */
  readonly minify?: boolean;
  /** Another entry module (tests of the guard); default `scripts/worker-entry.ts`. */
  readonly entry?: string;
}

/**
 * Bundles `scripts/worker-entry.ts` to `outfile` for the browser/worker target.
 * @example
 * (await bundleWorker({ outfile: "/tmp/w/screening-worker.js" })).gzipBytes //=> 5_100_000 (about)
 */
export async function bundleWorker(options: BundleWorkerOptions): Promise<WorkerBundle> {
  mkdirSync(dirname(options.outfile), { recursive: true });
  const result = await build({
    entryPoints: [options.entry ?? join(root, "scripts/worker-entry.ts")],
    outfile: options.outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: options.minify ?? true,
    legalComments: "none",
    metafile: true,
    logLevel: "silent",
    plugins: [noNodeBuiltins, compiledLists],
  });
  const text = readFileSync(options.outfile, "utf8");
  const leaked = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']node:[\w/]+["']/.exec(text);
  if (leaked) throw new Error(`bundle references a Node builtin: ${leaked[0]}`);
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(root, resolve(root, p.replace(/^[\w-]+:/, ""))));
  return { outfile: options.outfile, bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length, inputs };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outfile = resolve(process.argv[2] ?? join(root, "dist-worker/screening-worker.js"));
  const bundle = await bundleWorker({ outfile });
  const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
  console.log(`${relative(process.cwd(), outfile)}: ${mb(bundle.bytes)} (${mb(bundle.gzipBytes)} gzipped), ${bundle.inputs.length} inputs`);
}
