/**
 * The analyst page's script, inlined into the page and allowed by its hash in the page's
 * Content-Security-Policy. Plain browser JavaScript without a framework: it posts the form to
 * `POST /screen` and renders the explained hits with DOM nodes and `textContent` only (list data
 * is never parsed as HTML). Written without template literals so it can live in this string.
 */

/** JavaScript of the analyst page. */
export const ANALYST_PAGE_SCRIPT = `
(function () {
  "use strict";
  var app = document.getElementById("app");
  var base = app.getAttribute("data-base") || "";
  var form = document.getElementById("screen-form");
  var statusEl = document.getElementById("status");
  var output = document.getElementById("output");
  var button = form.querySelector("button[type=submit]");
  var LIST_TITLES = { "ofac-sdn": "OFAC SDN", "ofac-cons": "OFAC non-SDN", "un-sc": "UN Security Council", "uk-ofsi": "UK OFSI", "uk-fcdo": "UK Sanctions List (FCDO)",
    "us-csl": "US Consolidated Screening List", "bis-dpl": "BIS Denied Persons", "eu-fsf": "EU financial sanctions", curated: "Curated" };
  var CERTAINTY = { stated: "stated by the publisher", observed: "observed in list snapshots", inferred: "inferred by the curator" };

  function h(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, attrs[k]);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function append(node, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  function listTitle(id) { return LIST_TITLES[id] || id; }
  function fixed(n) { return typeof n === "number" ? n.toFixed(2) : "?"; }
  function fold(token) { return token.normalize("NFD").replace(/\\p{M}/gu, "").toUpperCase(); }

  // Marks the tokens of a name that took part in the alignment (compared in folded upper case).
  function markedName(text, tokens) {
    var parts = String(text).split(/([\\p{L}\\p{N}]+)/u);
    return h("span", { "class": "tokens" }, parts.map(function (part, i) {
      if (i % 2 === 0 || !part) return part;
      var how = tokens[fold(part)];
      if (!how) return part;
      return h("mark", { "class": how === "exact" ? null : "partial", title: how === "exact" ? "aligned: identical" : "aligned: " + how }, part);
    }));
  }
  function tokenMap(alignment, side) {
    var out = {};
    alignment.forEach(function (a) {
      String(a[side]).split(/[^\\p{L}\\p{N}]+/u).forEach(function (t) { if (t) out[fold(t)] = a.how === "exact" || a.similarity >= 0.999 ? "exact" : a.how; });
    });
    return out;
  }
  function fact(f) {
    if (!f) return null;
    var bound = f.bound === "on-or-before" ? "on or before " : f.bound === "on-or-after" ? "on or after " : "";
    return [bound, h("time", { datetime: f.date }, f.date), " ", h("span", { "class": "certainty" }, "(" + (CERTAINTY[f.certainty] || f.certainty) + ")")];
  }
  function basesTable(bases) {
    var rows = bases.map(function (b) {
      var what = [b.authority, b.list].filter(Boolean).join(" · ");
      return h("tr", null,
        h("td", null, b.regime),
        h("td", null, b.program || "—", b.confirmed === false ? [" ", h("span", { "class": "unconfirmed" }, "unconfirmed: shown, never alerts")] : null),
        h("td", null, what || "—"),
        h("td", null, fact(b.listedOn) || "date not published"),
        h("td", null, fact(b.endedOn) || "no end recorded"));
    });
    var notes = [];
    bases.forEach(function (b) {
      [b.listedOn, b.endedOn].forEach(function (f) { if (f && (f.source || f.note)) notes.push(h("li", null, (b.program || b.regime) + ", " + f.date + ": " + [f.note, f.source ? "Source: " + f.source : null].filter(Boolean).join(" "))); });
      if (b.note) notes.push(h("li", null, (b.program || b.regime) + ": " + b.note));
    });
    return [
      h("table", { "class": "bases" },
        h("caption", { "class": "visually-hidden" }, "Legal bases of the designation"),
        h("thead", null, h("tr", null, ["Regime", "Programme", "Authority / list", "Listed", "Ended"].map(function (t) { return h("th", { scope: "col" }, t); }))),
        h("tbody", null, rows)),
      h("p", { "class": "legend" }, "Dates are stated by the publisher, observed in dated list snapshots (the day is a bound), or inferred by the curator."),
      notes.length ? h("details", null, h("summary", null, "Sources and notes (" + notes.length + ")"), h("ul", { "class": "notes" }, notes)) : null,
    ];
  }
  var STATUS = { "in-force": "in force", "not-yet-listed": "not yet listed", "ended": "ended", "uncertain": "cannot tell: review", "out-of-jurisdiction": "outside your jurisdictions" };
  function designationTable(d) {
    if (!d) return null;
    return [
      h("p", { "class": "designation" }, "Status on ", h("time", { datetime: d.asOf }, d.asOf), " for " + d.jurisdictions.join(", ") + ": ",
        h("strong", null, STATUS[d.status] || d.status)),
      h("table", { "class": "status" },
        h("caption", { "class": "visually-hidden" }, "Status of each legal basis on the as-of day"),
        h("thead", null, h("tr", null, ["Regime", "Programme", "Status", "Why"].map(function (t) { return h("th", { scope: "col" }, t); }))),
        h("tbody", null, d.bases.map(function (b) {
          return h("tr", null,
            h("td", null, b.regime + (b.inJurisdiction ? "" : " (not yours)")),
            h("td", null, b.program || b.authority || "—"),
            h("td", null, STATUS[b.status] || b.status),
            h("td", null, b.reason.detail, b.datesFrom ? [" ", h("span", { "class": "certainty" }, "(dates from " + b.datesFrom + ")")] : null));
        }))),
    ];
  }
  function alignmentTable(alignment) {
    if (!alignment.length) return null;
    return h("table", { "class": "align" },
      h("caption", null, "Token alignment"),
      h("thead", null, h("tr", null, ["Searched token", "List token", "Similarity", "How"].map(function (t) { return h("th", { scope: "col" }, t); }))),
      h("tbody", null, alignment.map(function (a) {
        return h("tr", null, h("td", { "class": "tokens" }, a.query), h("td", { "class": "tokens" }, a.candidate), h("td", { "class": "num" }, fixed(a.similarity)), h("td", null, a.how));
      })));
  }
  function reasonsList(reasons) {
    return h("ul", { "class": "reasons" }, reasons.map(function (r) {
      var contribution = r.score * r.weight;
      return h("li", null, h("span", { "class": "feature" }, r.feature), " ", (contribution >= 0 ? "+" : "") + contribution.toFixed(2), ": ", r.detail || "");
    }));
  }
  function hitCard(hit, rank, query) {
    var id = "hit-" + rank;
    var others = hit.record.names.filter(function (n) { return n.value !== hit.name; });
    return h("article", { "class": "hit hit-" + hit.decision, "aria-labelledby": id },
      h("h3", { id: id },
        h("span", { "class": "badge badge-" + hit.decision }, hit.decision),
        h("span", null, rank + ". " + hit.name),
        h("span", { "class": "score" }, "score " + fixed(hit.score))),
      h("p", { "class": "meta" }, listTitle(hit.list) + " · record " + hit.recordId + " · " + hit.nameKind + " name · " + hit.record.type +
        " · score " + fixed(hit.score) + (hit.score >= hit.threshold ? " ≥ alert threshold " + fixed(hit.threshold) : " (review from " + fixed(hit.reviewThreshold) + ", alert at " + fixed(hit.threshold) + ")")),
      h("p", { "class": "summary" }, hit.summary),
      h("h4", null, "Name match"),
      h("p", { "class": "names" }, h("span", { "class": "who" }, "Searched"), markedName(query.compare || query.name, tokenMap(hit.alignment, "query"))),
      h("p", { "class": "names" }, h("span", { "class": "who" }, "On the list"), markedName(hit.name, tokenMap(hit.alignment, "candidate"))),
      alignmentTable(hit.alignment),
      h("h4", null, "Legal bases"),
      designationTable(hit.designation),
      hit.designation ? h("p", { "class": "legend" }, "As published on the list:") : null,
      basesTable(hit.record.bases),
      h("h4", null, "Reasons"),
      reasonsList(hit.reasons),
      others.length ? h("details", null, h("summary", null, "Other names on this record (" + others.length + ")"),
        h("ul", null, others.map(function (n) { return h("li", null, n.value + " (" + n.kind + ")"); }))) : null,
      hit.record.sourceUrl ? h("p", null, h("a", { href: hit.record.sourceUrl, rel: "noopener noreferrer external", target: "_blank" }, "Publisher's record " + hit.recordId)) : null);
  }
  function listsTable(lists) {
    return h("table", { "class": "lists" },
      h("caption", null, "List versions used"),
      h("thead", null, h("tr", null, ["List", "Date", "Records", "SHA-256 of the official file"].map(function (t) { return h("th", { scope: "col" }, t); }))),
      h("tbody", null, lists.map(function (l) {
        return h("tr", null, h("td", null, listTitle(l.listId) + " (" + l.listId + ")"), h("td", null, l.listDate ? String(l.listDate).slice(0, 10) : "undated"),
          h("td", { "class": "num" }, String(l.recordCount)), h("td", { "class": "sha", title: l.sha256 }, String(l.sha256).slice(0, 16) + "…"));
      })));
  }
  function outcomeText(r) {
    if (r.outcome === "unscreenable") return "Unscreenable: nothing comparable is left of this name";
    if (r.coverageGaps && r.coverageGaps.length > 0 && r.outcome !== "alert") return outcomeBase(r) + " — " + r.coverageGaps.map(function (g) { return g.detail; }).join("; ");
    return outcomeBase(r);
  }

  function outcomeBase(r) {
    if (r.outcome === "stale-clear") return "Not a clear: no record matched, but lists are stale on " + r.asOf + ": " + r.freshness.filter(function (f) { return f.stale; }).map(function (f) { return f.detail; }).join("; ");
    if (r.outcome === "clear") return "Clear: no record at or above the review threshold " + fixed(r.reviewThreshold) + (r.nearMiss ? " (near miss, not a hit: " + r.nearMiss.detail + ")" : "");
    var alerts = r.alertCount, reviews = r.reviewCount;
    var counts = [alerts ? alerts + " alert" + (alerts === 1 ? "" : "s") : null, reviews ? reviews + " to review" : null].filter(Boolean).join(", ");
    return (r.outcome === "alert" ? "Alert" : "Review") + ": " + r.hitCount + " matching record" + (r.hitCount === 1 ? "" : "s") + " (" + counts + ")";
  }
  function renderResult(r) {
    var frag = document.createDocumentFragment();
    append(frag, h("div", { "class": "outcome outcome-" + r.outcome },
      h("p", null, h("span", { "class": "badge badge-" + r.outcome }, r.outcome), " ", h("strong", null, outcomeText(r))),
      h("p", null, "Searched \\u201c" + r.query.name + "\\u201d" + (r.query.type ? " as " + r.query.type : "") + (r.query.country ? ", country " + r.query.country : "") +
        (r.query.dateOfBirth ? ", born " + r.query.dateOfBirth : "") + (r.asOf ? ", as of " + r.asOf : "") + "."),
      h("p", null, "Profile " + r.profile + ": alert at " + fixed(r.threshold) + ", review from " + fixed(r.reviewThreshold) + "; algorithm " + r.algorithm + "."),
      r.reasons.length ? reasonsList(r.reasons) : null));
    r.hits.forEach(function (hit, i) { append(frag, hitCard(hit, i + 1, r.query)); });
    if (r.hitCount > r.hits.length) append(frag, h("p", null, (r.hitCount - r.hits.length) + " more matching records are not shown."));
    append(frag, listsTable(r.lists));
    output.replaceChildren(frag);
    // Announced to screen readers; the outcome box below shows the same to the eye.
    statusEl.className = "visually-hidden";
    statusEl.textContent = outcomeText(r) + " for \\u201c" + r.query.name + "\\u201d.";
  }
  function renderError(status, body) {
    var err = body && body.error ? body.error : { message: "the server answered " + status };
    output.replaceChildren(h("div", { "class": "outcome outcome-error", role: "alert" },
      h("p", null, h("strong", null, "Not screened: " + err.message)),
      err.issues && err.issues.length ? h("ul", { "class": "error-list" }, err.issues.map(function (i) {
        return h("li", null, (i.path || "request") + ": expected " + i.expected + ", received " + i.received);
      })) : null));
    statusEl.className = "";
    statusEl.textContent = "Not screened (" + status + ").";
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    var body = { name: String(data.get("name") || "").trim() };
    var type = data.get("type"), country = String(data.get("country") || "").trim().toUpperCase();
    var dob = String(data.get("dateOfBirth") || "").trim(), asOf = String(data.get("asOf") || "").trim(), profile = data.get("profile");
    if (type) body.type = type;
    if (country) body.country = country;
    if (dob) body.dateOfBirth = dob;
    if (asOf) body.asOf = asOf;
    if (profile) body.profile = profile;
    var headers = { "content-type": "application/json", accept: "application/json" };
    var key = data.get("apiKey");
    if (key) headers.authorization = "Bearer " + key;
    button.disabled = true;
    output.setAttribute("aria-busy", "true");
    statusEl.className = "";
    statusEl.textContent = "Screening\\u2026";
    fetch(base + "/screen", { method: "POST", headers: headers, body: JSON.stringify(body), credentials: "same-origin" })
      .then(function (res) {
        return res.json().catch(function () { return null; }).then(function (json) {
          if (res.ok && json) renderResult(json); else renderError(res.status, json);
        });
      })
      .catch(function () { renderError(0, { error: { message: "the screening service could not be reached" } }); })
      .finally(function () { button.disabled = false; output.removeAttribute("aria-busy"); });
  });
})();
`;
