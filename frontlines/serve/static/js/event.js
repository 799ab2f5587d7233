// The event page: the canonical event, its reports with each claim's quote highlighted, contradictions
// side by side.
import { TYPE_COLOURS, el, getJSON, highlighted } from "./util.js";

const FIELDS = [
  "event_date", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2",
  "interaction", "location", "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities",
  "fatalities_low", "fatalities_high", "civilian_fatalities", "injured", "arrested", "modality",
  "sources_independent", "mentions", "source",
];

function claimBox(c) {
  return el(
    "div",
    { class: "claim", dataset: { claim: c.claim_id } },
    el("div", {}, el("strong", {}, c.claimant), ` ${c.stance}`, el("span", { class: "muted" }, ` (${c.claimant_kind})`)),
    el("blockquote", {}, c.text),
    el("a", { href: `#/report/${encodeURIComponent(c.document_key)}` }, "report"),
  );
}

function reportBlock(r, mentions, claims) {
  const spans = [];
  for (const c of claims.filter((c) => c.document_key === r.document_key)) {
    spans.push({ start: c.start, end: c.end, kind: "claim", label: `${c.claimant} ${c.stance}` });
  }
  for (const m of mentions.filter((m) => m.document_key === r.document_key)) {
    for (const ev of m.evidence || []) spans.push({ start: ev.start, end: ev.end, kind: "event", label: `evidence of ${m.sub_event_type}` });
  }
  const sources = (r.sources || []).map((s) => el("li", {}, s.source || "", " ", s.url ? el("a", { href: s.url, rel: "noopener noreferrer" }, s.url) : ""));
  const reasons = mentions.filter((m) => m.document_key === r.document_key).flatMap((m) => m.merge_reasons || []);
  return el(
    "section",
    { class: "report", dataset: { document: r.document_key } },
    el("h3", {}, el("a", { href: `#/report/${encodeURIComponent(r.document_key)}` }, r.title || r.document_key.slice(0, 12)), el("span", { class: "muted" }, ` ${r.published || ""}`)),
    el("ul", { class: "sources" }, sources),
    reasons.length ? el("div", { class: "muted" }, "merge: ", reasons.join("; ")) : "",
    highlighted(r.text || "", spans),
  );
}

/** Render the event ``uid`` into ``view``. */
export async function renderEvent(view, uid) {
  const e = await getJSON(`/api/events/${encodeURIComponent(uid)}`);
  const dl = el("dl", { class: "fields" });
  for (const k of FIELDS) {
    if (e[k] === null || e[k] === undefined || e[k] === "") continue;
    dl.append(el("dt", {}, k), el("dd", {}, String(e[k])));
  }
  const pairs = e.contradictions.map((p) =>
    el("div", { class: "pair" }, el("div", { class: "side" }, claimBox(p.a)), el("div", { class: "vs" }, "vs"), el("div", { class: "side" }, claimBox(p.b)), el("div", { class: "muted why" }, p.why)),
  );
  view.append(
    el(
      "article",
      { class: "event-page", dataset: { uid: e.uid } },
      el("h2", {}, el("i", { class: "dot", style: `background:${TYPE_COLOURS[e.event_type] || "#777"}` }), `${e.sub_event_type} — ${[e.location, e.admin1].filter(Boolean).join(", ")} — ${e.event_date || "?"}`),
      el("p", { class: "notes" }, e.notes || ""),
      e.merge_explanation ? el("p", { class: "muted" }, e.merge_explanation) : "",
      dl,
      el("h3", {}, `Contradictions (${pairs.length})`),
      el("div", { class: "contradictions" }, pairs.length ? pairs : el("p", { class: "muted" }, "none")),
      el("h3", {}, `Claims (${e.claims_detail.length})`),
      el("div", { class: "claims" }, e.claims_detail.map(claimBox)),
      el("h3", {}, `Reports (${e.reports.length})`),
      e.reports.map((r) => reportBlock(r, e.mentions_detail, e.claims_detail)),
    ),
  );
}
