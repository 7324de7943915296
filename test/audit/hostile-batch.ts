/**
 * `serve` under a hostile batch (issue 9 audit): `npx tsx test/audit/hostile-batch.ts`. Builds the
 * handler over the embedded lists and measures (1) the audit's batch — 100 names of 64 one-letter
 * tokens — which the work budget refuses with 413 before screening; (2) the largest batch the
 * default budget admits (1,000 words: 31 names of 32 one-letter tokens and one of 8), and how long
 * `/health` waits while it runs; (3) a second batch sent meanwhile (429 BUSY).
 */
import { createDefaultScreener } from "../../src/embedded";
import { createScreeningHandler } from "../../src/handler";

const letters = (n: number): string => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + (i % 26))).join(" ");
const post = (body: unknown) => new Request("http://127.0.0.1/screen/batch", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const t0 = performance.now();
const screener = createDefaultScreener();
console.log(`screener: ${screener.stats.records} records, built in ${Math.round(performance.now() - t0)} ms`);
const handler = createScreeningHandler({ screener, now: () => new Date("2024-01-01T12:00:00Z") });

let t = performance.now();
const hostile = await handler(post({ subjects: Array.from({ length: 100 }, () => ({ name: letters(64) })) }));
console.log(`100 × 64 one-letter tokens: ${hostile.status} ${((await hostile.json()) as { error: { code: string } }).error.code} in ${(performance.now() - t).toFixed(1)} ms`);

const biggest = { subjects: [...Array.from({ length: 31 }, () => ({ name: letters(32) })), { name: letters(8) }] };
t = performance.now();
const batch = handler(post(biggest)).then((r) => ({ status: r.status, ms: performance.now() - t }));
await new Promise((r) => setTimeout(r, 5));
const h0 = performance.now();
const health = handler(new Request("http://127.0.0.1/health")).then((r) => ({ status: r.status, ms: performance.now() - h0 }));
const second = handler(post(biggest)).then((r) => r.status);
const third = handler(post(biggest)).then((r) => r.status);
const [b, h, s, s3] = await Promise.all([batch, health, second, third]);
console.log(`largest admitted batch (1,000 one-letter words): ${b.status} in ${b.ms.toFixed(0)} ms; /health answered ${h.status} after ${h.ms.toFixed(1)} ms while it ran; a second and third such batch meanwhile: ${s}, ${s3}`);
const normal = { subjects: Array.from({ length: 100 }, (_, i) => ({ name: ["Army Supply Bureau", "Eric Badege", "Jon Smith", "Acme Trading LLC"][i % 4] as string })) };
t = performance.now();
const n = await handler(post(normal));
console.log(`100 ordinary names: ${n.status} in ${(performance.now() - t).toFixed(0)} ms`);
