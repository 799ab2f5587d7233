// Reports: the list of documents, and one report with actors, places, dates and event triggers highlighted
// and its syndicated copies.
import { el, getJSON, highlighted, qs } from "./util.js";

const KINDS = ["actor", "place", "date", "event", "claim"];

/** The paginated list of reports. */
export async function renderReports(view) {
  const page = Number(new URLSearchParams(window.location.search).get("page") || 1);
  const res = await getJSON(`/api/documents${qs({ page, page_size: 100 })}`);
  view.append(
    el("h2", {}, `Reports (${res.total})`),
    el(
      "table",
      { class: "reports" },
      el("thead", {}, el("tr", {}, ["published", "title", "events", "sources", "status"].map((h) => el("th", {}, h)))),
      el(
        "tbody",
        {},
        res.items.map((d) =>
          el(
            "tr",
            {},
            el("td", {}, d.published || ""),
            el("td", {}, el("a", { href: `#/report/${encodeURIComponent(d.document_key)}` }, d.title || d.document_key.slice(0, 12))),
            el("td", { class: "num" }, String(d.events)),
            el("td", { class: "num" }, String(d.sources)),
            el("td", {}, d.status),
          ),
        ),
      ),
    ),
  );
}

/** One report: its text with highlights, sources, events, claims and syndicated copies. */
export async function renderReport(view, key) {
  const d = await getJSON(`/api/documents/${encodeURIComponent(key)}`);
  const legend = el("div", { class: "legend" }, KINDS.map((k) => el("span", {}, el("mark", { class: `hl hl-${k}` }, k))));
  const copies = d.syndicated.length
    ? d.syndicated.map((c) => el("li", {}, el("a", { href: `#/report/${encodeURIComponent(c.document_key)}` }, c.title || c.document_key.slice(0, 12)), " ", (c.sources || []).map((s) => s.source).join(", "), c.is_origin ? " (origin)" : ""))
    : [el("li", { class: "muted" }, "none")];
  const events = d.events.map((e) =>
    el("li", {}, e.canonical_uid ? el("a", { href: `#/event/${encodeURIComponent(e.canonical_uid)}` }, `${e.sub_event_type}`) : e.sub_event_type, ` ${e.event_date || ""} ${[e.location, e.admin1].filter(Boolean).join(", ")} · ${e.modality}`),
  );
  view.append(
    el(
      "article",
      { class: "report-page", dataset: { document: d.document_key } },
      el("h2", {}, d.title || d.document_key.slice(0, 12)),
      el("p", { class: "muted" }, `published ${d.published || "unknown"} · language ${d.language || "?"} · key ${d.document_key}`),
      el("ul", { class: "sources" }, d.sources.map((s) => el("li", {}, s.source || "", " ", s.url ? el("a", { href: s.url, rel: "noopener noreferrer" }, s.url) : "", s.input_id ? el("span", { class: "muted" }, ` (${s.input_id})`) : ""))),
      legend,
      highlighted(d.text || "", d.spans, el("div", { class: "doc-text", id: "report-text" })),
      el("h3", {}, `Events (${d.events.length})`),
      el("ul", {}, events),
      el("h3", {}, "Syndicated copies"),
      el("ul", { id: "syndicated" }, copies),
    ),
  );
}
