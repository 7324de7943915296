/**
 * The analyst page served at `GET /`: one self-contained HTML document (inline style and script, no
 * external resource, no framework) with a labelled search form and a live results region.
 */
import { ANALYST_PAGE_SCRIPT } from "./page-script";
import { ANALYST_PAGE_STYLE } from "./page-style";

/** A profile the page offers, with its thresholds. */
export interface PageProfile {
  readonly name: string;
  readonly threshold: number;
  readonly reviewThreshold: number;
}

/** Options of {@link renderAnalystPage}. */
export interface AnalystPageOptions {
  /** Path prefix of the API (the page posts to `<basePath>/screen`); default "". */
  readonly basePath?: string;
  /** Whether the API wants a key: the page then shows a key field (kept in the page only). */
  readonly authRequired?: boolean;
  /** Profiles the endpoint serves, the default first; a single one is shown without a choice. */
  readonly profiles: readonly PageProfile[];
}

const SUBJECT_TYPES: readonly (readonly [string, string])[] = [
  ["", "Any type"],
  ["person", "Person"],
  ["organization", "Organization"],
  ["vessel", "Vessel"],
  ["aircraft", "Aircraft"],
];

/**
 * Escapes text for HTML content and attribute values.
 * @example
 * escapeHtml('a "b" <c>') //=> "a &quot;b&quot; &lt;c&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function profileField(profiles: readonly PageProfile[]): string {
  const thresholds = (p: PageProfile): string => `alert ≥ ${p.threshold.toFixed(2)}, review ≥ ${p.reviewThreshold.toFixed(2)}`;
  if (profiles.length === 1) {
    const only = profiles[0] as PageProfile;
    return `<div class="field"><span class="label-like">Profile</span><span class="fixed-value">${escapeHtml(only.name)}</span>
<span class="hint">${escapeHtml(thresholds(only))}</span></div>`;
  }
  const options = profiles.map((p, i) => `<option value="${escapeHtml(p.name)}"${i === 0 ? " selected" : ""}>${escapeHtml(p.name)}</option>`).join("");
  const hint = `alert at ${profiles.map((p) => `${p.name} ${p.threshold.toFixed(2)}`).join(" · ")}`;
  return `<div class="field"><label for="profile">Profile</label><select id="profile" name="profile" aria-describedby="profile-hint">${options}</select>
<span id="profile-hint" class="hint">${escapeHtml(hint)}</span></div>`;
}

/**
 * Renders the analyst page for an endpoint.
 * @example
 * renderAnalystPage({ profiles: [{ name: "balanced", threshold: 0.9, reviewThreshold: 0.8 }] }).startsWith("<!doctype html>") //=> true
 */
export function renderAnalystPage(options: AnalystPageOptions): string {
  const base = options.basePath ?? "";
  const types = SUBJECT_TYPES.map(([value, label]) => `<option value="${value}">${label}</option>`).join("");
  const key = options.authRequired
    ? `<div class="field"><label for="apiKey">API key</label><input id="apiKey" name="apiKey" type="password" autocomplete="off" required aria-describedby="apiKey-hint">
<span id="apiKey-hint" class="hint">Required by this endpoint; kept in this page only</span></div>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Sanctions screening</title>
<style>${ANALYST_PAGE_STYLE}</style>
</head>
<body>
<a class="skip" href="#results">Skip to results</a>
<header>
<h1>Sanctions screening</h1>
<p class="lede">Screen a person, company, vessel or aircraft against the sanctions and export-control lists this service holds.
Every hit is explained: which list name matched, how its words aligned, and the legal bases with their dates. A hit is a lead to review, not a finding.</p>
</header>
<main id="app" data-base="${escapeHtml(base)}">
<section class="panel panel-search" aria-labelledby="search-heading">
<h2 id="search-heading">Search</h2>
<form id="screen-form" autocomplete="off">
<div class="field field-name"><label for="name">Name</label>
<input id="name" name="name" type="text" required maxlength="1000" spellcheck="false" aria-describedby="name-hint">
<span id="name-hint" class="hint">Any script: Latin, Cyrillic, Arabic, Chinese…</span></div>
<div class="grid">
<div class="field"><label for="type">Type</label><select id="type" name="type">${types}</select></div>
<div class="field"><label for="country">Country</label><input id="country" name="country" type="text" maxlength="2" pattern="[A-Za-z]{2}" aria-describedby="country-hint">
<span id="country-hint" class="hint">ISO code, e.g. BY, SY, RU</span></div>
<div class="field"><label for="dateOfBirth">Date of birth</label><input id="dateOfBirth" name="dateOfBirth" type="text" inputmode="numeric" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" aria-describedby="dob-hint">
<span id="dob-hint" class="hint">YYYY, YYYY-MM or YYYY-MM-DD</span></div>
<div class="field"><label for="asOf">As of</label><input id="asOf" name="asOf" type="date" aria-describedby="asof-hint">
<span id="asof-hint" class="hint">Date the screen is for; default today</span></div>
${profileField(options.profiles)}
${key}
</div>
<div class="actions"><button type="submit">Screen</button></div>
</form>
</section>
<section id="results" class="panel" aria-labelledby="results-heading" tabindex="-1">
<h2 id="results-heading">Results</h2>
<p id="status" role="status" aria-live="polite">Enter a name and press Screen.</p>
<div id="output"></div>
</section>
</main>
<footer><p>sanctions-screen analyst page · results come from the lists and versions shown with each result · nothing you type is stored by this page</p></footer>
<script>${ANALYST_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
