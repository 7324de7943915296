/**
 * The analyst page's style sheet, inlined into the page (no external resource: the page works
 * offline and under a `default-src 'none'` Content-Security-Policy that allows it by hash).
 */

/** CSS of the analyst page. */
export const ANALYST_PAGE_STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5360; --line: #c9d0d8; --bg: #f6f7f9; --card: #fff;
  --alert: #a4161a; --alert-bg: #fbe9ea; --review: #7a4d00; --review-bg: #fff4d6; --clear: #1e6b34; --clear-bg: #e6f4ea;
  --focus: #1a5fb4; --mark: #ffe58a; }
* { box-sizing: border-box; }
html { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif; color: var(--ink); background: var(--bg); }
body { margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 1; }
body > header, main, body > footer { max-width: 68rem; margin: 0 auto; padding: 0 1.25rem; }
body > header { padding-top: 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
h3 { font-size: 1.1rem; margin: 0; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
h4 { font-size: .95rem; margin: 1rem 0 .35rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.lede { margin: 0 0 1rem; color: var(--muted); max-width: 52rem; }
section.panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
form .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem 1rem; margin-top: .75rem; }
.field .label-like { display: block; font-weight: 600; margin-bottom: .2rem; }
.field .fixed-value { display: block; padding: .45rem 0; }
#country { text-transform: uppercase; }
.field label { display: block; font-weight: 600; margin-bottom: .2rem; }
.field .hint { display: block; font-size: .82rem; color: var(--muted); margin-top: .15rem; }
input, select, button { font: inherit; color: inherit; }
input, select { width: 100%; padding: .45rem .55rem; border: 1px solid #8a94a3; border-radius: 5px; background: #fff; }
.field-name input { font-size: 1.15rem; }
input:focus-visible, select:focus-visible, button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.actions { margin-top: 1rem; display: flex; gap: 1rem; align-items: center; }
button { background: var(--focus); color: #fff; border: 0; border-radius: 5px; padding: .55rem 1.4rem; font-weight: 600; cursor: pointer; }
button[disabled] { opacity: .6; cursor: progress; }
#status { font-weight: 600; margin: 0 0 .5rem; }
.outcome { border-radius: 6px; padding: .75rem 1rem; margin: .5rem 0 1rem; border-left: 6px solid; }
.outcome p { margin: .2rem 0; font-weight: 400; }
.outcome-alert { background: var(--alert-bg); border-color: var(--alert); }
.outcome-review, .outcome-stale-clear { background: var(--review-bg); border-color: var(--review); }
.outcome-clear { background: var(--clear-bg); border-color: var(--clear); }
.outcome-unscreenable, .outcome-error { background: #eef0f3; border-color: var(--muted); }
.badge { display: inline-block; font-size: .8rem; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; padding: .1rem .5rem; border-radius: 4px; color: #fff; }
.badge-alert { background: var(--alert); }
.badge-review, .badge-stale-clear { background: var(--review); }
.badge-clear { background: var(--muted); }
table.status { margin-bottom: .75rem; }
.badge-clear { background: var(--clear); }
.badge-unscreenable { background: var(--muted); }
.hit { background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 8px; padding: .9rem 1.1rem; margin: 0 0 1rem; }
.hit-alert { border-left-color: var(--alert); }
.hit-review { border-left-color: var(--review); }
.hit .meta { margin: .3rem 0 0; color: var(--muted); font-size: .92rem; }
.hit .summary { margin: .6rem 0 0; }
.score { font-variant-numeric: tabular-nums; font-weight: 700; }
.names { margin: .2rem 0; }
.names .who { display: inline-block; min-width: 6.5rem; color: var(--muted); font-size: .9rem; }
.tokens { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace; font-size: .95rem; }
mark { background: var(--mark); color: inherit; padding: 0 .1rem; border-radius: 2px; }
mark.partial { background: #fff1bf; text-decoration: underline dotted; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: #eef1f5; font-weight: 600; }
td.num { font-variant-numeric: tabular-nums; }
.certainty { font-size: .8rem; color: var(--muted); }
.unconfirmed { font-size: .8rem; font-weight: 700; color: var(--review); }
.reasons { margin: 0; padding-left: 1.2rem; }
.reasons li { margin: .15rem 0; }
.feature { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; color: var(--muted); }
details { margin-top: .6rem; }
summary { cursor: pointer; color: var(--focus); }
.notes { font-size: .85rem; color: var(--muted); }
.legend { font-size: .82rem; color: var(--muted); margin: .35rem 0 0; }
.error-list { margin: .3rem 0 0; }
.sha { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
body > footer { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; }
@media print { .panel-search, .skip { display: none; } .hit { break-inside: avoid; } }
`;
