// One cold start, in a fresh process: import the bundle, load the screener (from the prebuilt index
// unless "none"), answer one POST /screen. Prints one JSON line of timings (ms since process start).
import { readFileSync } from "node:fs";

const [bundle, indexPath] = process.argv.slice(2);
const t0 = performance.now();
const mod = await import(bundle);
const t1 = performance.now();
const index = indexPath === "none" ? undefined : new Uint8Array(readFileSync(indexPath));
const handler = mod.createWorkerHandler(index, { now: () => new Date("2024-03-01T12:00:00Z") });
const t2 = performance.now();
const res = await handler(
  new Request("http://localhost/screen", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Belvneshpromservis" }) }),
);
const body = await res.json();
const t3 = performance.now();
if (res.status !== 200 || body.outcome !== "alert") throw new Error(`unexpected first response ${res.status} ${body.outcome}`);
const second0 = performance.now();
await (await handler(new Request("http://localhost/screen", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"KAMAZ"}' }))).json();
const second = performance.now() - second0;
const m = process.memoryUsage();
console.log(JSON.stringify({ boot: t0, import: t1 - t0, screener: t2 - t1, firstResponse: t3 - t2, total: t3, warmResponse: second, rssMB: m.rss / 1e6, heapMB: m.heapUsed / 1e6 }));
