/**
 * The analyst page: its markup (labels, landmarks, live region, no external resource, CSP hashes)
 * and, in real headless Chromium against `serve`'s server on 127.0.0.1, a person's use of it —
 * type a name, submit, read the explained hits. A full-page screenshot is kept outside the repo.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256 } from "@noble/hashes/sha2.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScreeningServer, type ScreeningServer } from "../../src/cli/commands/serve";
import { createScreeningHandler, toNodeListener } from "../../src/handler";
import { ANALYST_PAGE_SCRIPT, ANALYST_PAGE_STYLE, escapeHtml, renderAnalystPage } from "../../src/page";
import { launchChromium, serveLocal, skipChromium, type LaunchedBrowser, type LocalServer } from "../handler/chromium";
import { smallScreener } from "../handler/helpers";

const balanced = { name: "balanced", threshold: 0.9, reviewThreshold: 0.8 };

describe("the page's markup", () => {
  const html = renderAnalystPage({ profiles: [balanced, { name: "strict", threshold: 0.95, reviewThreshold: 0.85 }], authRequired: true, basePath: "/api" });

  it("labels every form control", () => {
    const ids = [...html.matchAll(/<(?:input|select)[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["name", "type", "country", "dateOfBirth", "asOf", "profile", "apiKey"]);
    for (const id of ids) expect(html).toContain(`<label for="${id}">`);
  });

  it("has landmarks, headings and a live results region", () => {
    for (const tag of ["<header>", '<main id="app"', "<footer>", "<h1>", 'aria-live="polite"', 'role="status"', '<html lang="en">']) expect(html).toContain(tag);
  });

  it("loads nothing from anywhere: no external script, style, font or image", () => {
    expect(html).not.toMatch(/<(?:link|img|iframe)\b|<script\s+src|url\(|@import|https?:\/\//);
  });

  it("carries the base path for the API calls, escaped", () => {
    expect(html).toContain('data-base="/api"');
    expect(renderAnalystPage({ profiles: [balanced], basePath: '/a"><script>' })).toContain('data-base="/a&quot;&gt;&lt;script&gt;"');
    expect(escapeHtml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&#39;");
  });

  it("shows a single profile without a choice, and no key field when none is needed", () => {
    const single = renderAnalystPage({ profiles: [balanced] });
    expect(single).not.toContain('id="profile"');
    expect(single).toMatch(/<span class="fixed-value">balanced<\/span>\s*<span class="hint">alert ≥ 0.90, review ≥ 0.80<\/span>/);
    expect(single).not.toContain('id="apiKey"');
  });

  it("is allowed to run its own script and style, and nothing else, by the handler's CSP", async () => {
    const res = await createScreeningHandler({ screener: smallScreener(), analystPage: true })(new Request("http://x/"));
    const csp = res.headers.get("content-security-policy") ?? "";
    const hash = (text: string): string => btoa(String.fromCharCode(...sha256(new TextEncoder().encode(text))));
    expect(csp).toContain(`script-src 'sha256-${hash(ANALYST_PAGE_SCRIPT)}'`);
    expect(csp).toContain(`style-src 'sha256-${hash(ANALYST_PAGE_STYLE)}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const page = await res.text();
    expect(page).toContain(`<script>${ANALYST_PAGE_SCRIPT}</script>`);
    expect(page).toContain(`<style>${ANALYST_PAGE_STYLE}</style>`);
  });

  it("uses no template literal or innerHTML in its script (list data is only ever text)", () => {
    expect(ANALYST_PAGE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });
});

describe.skipIf(skipChromium)("the page in headless Chromium", () => {
  let server: ScreeningServer;
  let keyed: LocalServer;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    // `serve`'s own server (embedded lists, every profile), in process on a free port.
    server = await startScreeningServer({ port: 0, host: "127.0.0.1" });
    keyed = await serveLocal(toNodeListener(createScreeningHandler({ screener: smallScreener(), apiKey: "page-key", analystPage: true })));
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await keyed?.close();
  });

  it("types a name, submits, and reads the explained hits", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/`);
    await page.getByLabel("Name").fill("Belvneshpromservis");
    await page.getByLabel("Type").selectOption("organization");
    await page.getByLabel("Country").fill("by");
    await page.getByLabel("As of").fill("2013-03-01");
    await page.getByLabel("Profile").selectOption("balanced");
    await page.getByRole("button", { name: "Screen" }).click();
    const status = page.getByRole("status");
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Alert: /);

    const hits = page.locator("article.hit");
    // The curated record of the same subject is merged into the official hit (its dates are used).
    expect(await hits.count()).toBeGreaterThanOrEqual(1);
    const headings = await page.locator("article.hit h3").allTextContents();
    expect(headings.join("\n")).toContain("BELVNESHPROMSERVICE");
    const sdn = page.locator("article.hit", { hasText: "record 15487" });
    expect(await sdn.count()).toBe(1);
    // Token alignment: the list name's aligned word is highlighted, with how it aligned.
    expect(await sdn.locator(".names").nth(0).locator("mark").allTextContents()).toEqual(["BELVNESHPROMSERVIS"]);
    expect(await sdn.locator(".names").nth(1).locator("mark").allTextContents()).toEqual(["BELVNESHPROMSERVICE"]);
    expect(await sdn.locator("table.align tbody tr").first().textContent()).toMatch(/BELVNESHPROMSERVIS.*BELVNESHPROMSERVICE.*0\.99.*translit/);
    // Bases with dates and certainty.
    const bases = await sdn.locator("table.bases tbody tr").allTextContents();
    expect(bases.join("\n")).toMatch(/NPWMD/);
    expect(await sdn.locator("table.bases time").first().getAttribute("datetime")).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    expect(await sdn.locator("table.status").textContent()).toMatch(/NPWMD.*in force.*2012-09-19.*dates from curated:belvneshpromservice/);
    // List versions used.
    expect(await page.locator("table.lists tbody tr").count()).toBe(7);
    expect(await page.locator(".outcome").textContent()).toContain("as of 2013-03-01");
    expect(await page.locator(".outcome").textContent()).toContain("country BY");

    const shot = join(tmpdir(), `sanctions-screen-analyst-page-${process.pid}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`analyst page screenshot: ${shot}`);
  });

  it("submits with Enter; on the embedded snapshots an unlisted name is not a clear: stale lists and the uncovered EU are named", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/`);
    await page.getByLabel("Name").fill("Zyxwv Qutsr Ponml");
    await page.getByLabel("Name").press("Enter");
    await expect
      .poll(() => page.getByRole("status").textContent(), { timeout: 20_000 })
      .toMatch(/^Not a clear: no record matched, but lists are stale on \d{4}-\d{2}-\d{2}: .*ofac-sdn dated 2023-12-28 .*EU not covered: no loaded list carries EU designations/);
    expect(await page.locator("article.hit").count()).toBe(0);
  });

  it("shows the server's field errors", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/`);
    await page.getByLabel("Name").fill("KAMAZ");
    await page.getByLabel("Date of birth").fill("1970-13");
    await page.getByRole("button", { name: "Screen" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 20_000 }).toBe("Not screened (400).");
    expect(await page.getByRole("alert").textContent()).toContain('dateOfBirth: expected YYYY[-MM[-DD]], received "1970-13"');
  });

  it("asks for the API key when the endpoint needs one, and uses it", async () => {
    const { page } = browser;
    await page.goto(`${keyed.url}/`);
    await page.getByLabel("Name").fill("Army Supply Bureau");
    await page.getByLabel("API key").fill("wrong");
    await page.getByRole("button", { name: "Screen" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 20_000 }).toBe("Not screened (401).");
    await page.getByLabel("API key").fill("page-key");
    await page.getByRole("button", { name: "Screen" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 20_000 }).toMatch(/^Alert: /);
  });

  it("loaded nothing from anywhere but 127.0.0.1, and raised no page or CSP error", () => {
    expect(browser.offHost).toEqual([]);
    // The 400 and 401 above are answers the page rendered; Chromium logs failed fetches as console errors.
    expect(browser.pageErrors.filter((e) => !/status of 40[01]/.test(e))).toEqual([]);
  });
});
