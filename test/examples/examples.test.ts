/**
 * Runs each example in examples/ as it would be deployed: the Hono trade desk over its Node adapter,
 * the Cloudflare Worker bundled for isolates (no Node builtin allowed) and called through its
 * `fetch`, and the AWS Lambda handler with payload 2.0 events. (The counterparty-fixture suite in
 * examples/counterparty-fixtures/ is a vitest file of its own.)
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, describe, expect, it } from "vitest";
import { WRANGLER_BUILD } from "../wrangler-build";
import { handler as lambdaHandler, toLambdaHandler } from "../../examples/aws-lambda/handler";
import { createTradeDeskApp } from "../../examples/hono-trade-desk/app";
import { embeddedGoodsCatalogue, embeddedRulePack } from "../../src/embedded";
import { createScreeningHandler } from "../../src/handler";
import { createFixtureScreener } from "../../src/testing";

const TODAY = "2026-11-22";
const screener = createFixtureScreener([{ id: "acme", names: ["ACME MACHINE TOOLS LLC"], programs: ["NPWMD"], listedOn: "2020-03-01" }], { today: TODAY });
const trade = (buyer: string) => ({
  date: TODAY,
  parties: [{ role: "buyer", name: buyer, type: "organization", country: "TR" }],
  goods: [{ description: "spare parts for lathes", quantity: 4 }],
  route: { origin: "DE", destination: "TR" },
});

const scratch = mkdtempSync(join(tmpdir(), "examples-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("examples/hono-trade-desk", () => {
  const app = createTradeDeskApp({ screener, rulePack: embeddedRulePack(), goods: embeddedGoodsCatalogue() });

  it("answers a trade's outcome over the Node adapter, with the findings explained", async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    try {
      await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const post = (body: unknown) => fetch(`${base}/trades/screen`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const blocked = await post(trade("Acme Machine Tools LLC"));
      expect(blocked.status).toBe(200);
      const alert = (await blocked.json()) as { outcome: string; findings: { decision: string; summary: string }[] };
      expect(alert.outcome).toBe("alert");
      expect(alert.findings.find((f) => f.decision === "alert")?.summary).toContain('"ACME MACHINE TOOLS LLC"');
      const booked = (await (await post(trade("Nordic Timber Exports AB"))).json()) as { outcome: string };
      expect(booked.outcome).toBe("clear");
    } finally {
      server.close();
    }
  });

  it("answers 400 naming each bad field of a bad trade", async () => {
    const res = await app.request("/trades/screen", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...trade("X"), date: "2026-02-30", parties: [] }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { path: string }[] };
    expect(body.issues.map((i) => i.path).sort()).toEqual(["date", "parties"]);
    expect((await app.request("/trades/screen", { method: "POST", body: "{ not json" })).status).toBe(400);
  });
});

describe("examples/cloudflare-worker", () => {
  const config = JSON.parse(readFileSync(new URL("../../examples/cloudflare-worker/wrangler.json", import.meta.url), "utf8")) as { main: string; compatibility_date: string };

  it("bundles as wrangler does, with only its subset of the lists, and serves the handler through its fetch", async () => {
    expect(config.compatibility_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const outfile = join(scratch, "worker.js");
    // Wrangler's esbuild settings for a module Worker: ESM, the workerd/worker/browser conditions, JSON
    // modules, no Node platform (a Node builtin anywhere fails the build).
    const built = await build({
      entryPoints: [fileURLToPath(new URL(`../../examples/cloudflare-worker/${config.main}`, import.meta.url))],
      outfile,
      ...WRANGLER_BUILD,
      metafile: true,
      logLevel: "silent",
    });
    const [output] = Object.values(built.metafile.outputs);
    const lists = Object.entries(output?.inputs ?? {}).filter(([f, v]) => f.startsWith("lists/compiled/") && v.bytesInOutput > 0).map(([f]) => f);
    // The subset only: UN and the curated seeds (package sideEffects: false drops the others).
    expect(lists.sort()).toEqual(["lists/compiled/curated.json", "lists/compiled/un-sc.json"]);
    const text = readFileSync(outfile, "utf8");
    expect(text).not.toMatch(/["']node:/);
    expect(gzipSync(text).length).toBeLessThan(3_000_000);
    const worker = (await import(pathToFileURL(outfile).href)) as { default: { fetch(request: Request, env: { API_KEY?: string }): Promise<Response> } };
    const env = { API_KEY: "k-123" };
    expect((await worker.default.fetch(new Request("https://worker.example/health"), env)).status).toBe(200);
    const denied = await worker.default.fetch(new Request("https://worker.example/screen", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x" }) }), env);
    expect(denied.status).toBe(401);
    const res = await worker.default.fetch(
      new Request("https://worker.example/screen", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer k-123" },
        body: JSON.stringify({ name: "Belvneshpromservis", asOf: "2024-01-01" }),
      }),
      env,
    );
    expect(res.status).toBe(200);
    const result = (await res.json()) as { outcome: string; lists: { listId: string }[] };
    expect(result.lists.map((l) => l.listId)).toEqual(["curated", "un-sc"]);
    expect(result.outcome).toBe("alert");

    // The same bundle inside workerd (miniflare), with the wrangler config's compatibility date and no
    // compatibility flags (no nodejs_compat), the API key as a binding: it answers as in Node.
    const mf = new Miniflare({ modules: true, script: text, compatibilityDate: config.compatibility_date, bindings: env });
    try {
      await mf.ready;
      expect((await mf.dispatchFetch("https://worker.example/health")).status).toBe(200);
      expect((await mf.dispatchFetch("https://worker.example/screen", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x" }) })).status).toBe(401);
      const inWorkerd = await mf.dispatchFetch("https://worker.example/screen", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer k-123" },
        body: JSON.stringify({ name: "Belvneshpromservis", asOf: "2024-01-01" }),
      });
      expect(inWorkerd.status).toBe(200);
      const got = (await inWorkerd.json()) as { outcome: string; hits: { id: string }[] };
      expect(got.outcome).toBe("alert");
      expect(got.hits.map((h) => h.id)).toEqual((result as unknown as { hits: { id: string }[] }).hits.map((h) => h.id));
    } finally {
      await mf.dispose();
    }
  }, 180_000);
});

describe("examples/aws-lambda", () => {
  const event = (method: string, path: string, body?: string, base64 = false): APIGatewayProxyEventV2 =>
    ({
      version: "2.0",
      routeKey: "$default",
      rawPath: path,
      rawQueryString: "",
      headers: { "content-type": "application/json" },
      requestContext: { domainName: "abc.lambda-url.eu-west-1.on.aws", http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test" } },
      isBase64Encoded: base64,
      ...(body === undefined ? {} : { body: base64 ? Buffer.from(body).toString("base64") : body }),
    }) as unknown as APIGatewayProxyEventV2;

  it("adapts payload 2.0 events to the handler, base64 bodies included", async () => {
    const lambda = toLambdaHandler(createScreeningHandler({ screener }));
    const health = await lambda(event("GET", "/health"));
    expect(health.statusCode).toBe(200);
    const screened = await lambda(event("POST", "/screen", JSON.stringify({ name: "Acme Machine Tools" }), true));
    expect(screened.statusCode).toBe(200);
    expect(JSON.parse(screened.body as string)).toMatchObject({ outcome: "alert" });
    expect(screened.headers?.["content-type"]).toContain("application/json");
    const bad = await lambda(event("POST", "/screen", JSON.stringify({ name: "" })));
    expect(bad.statusCode).toBe(400);
  });

  it("serves the embedded lists with the prebuilt index as deployed", async () => {
    const res = await lambdaHandler(event("POST", "/screen", JSON.stringify({ name: "Army Supply Bureau", country: "SY", asOf: "2024-01-01" })));
    expect(res.statusCode).toBe(200);
    const result = JSON.parse(res.body as string) as { outcome: string; hits: { recordId: string }[] };
    expect(result.outcome).toBe("alert");
    expect(result.hits[0]?.recordId).toBe("15486");
  }, 120_000);
});
