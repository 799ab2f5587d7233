// Small DOM and data helpers.  Every value from the store is put in the page as text (textContent),
// never parsed as HTML.

/** Create an element: el("td", {class: "x", dataset: {place: "Kunduz"}}, "text", childNode). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Only http(s), same-page hashes and root-relative links; anything else (javascript:, data:) becomes "#". */
export function safeHref(v) {
  const s = String(v);
  if (s.startsWith("#") || (s.startsWith("/") && !s.startsWith("//"))) return s;
  return /^https?:\/\//i.test(s) ? s : "#";
}

/** GET a JSON API path; throws an Error carrying the API's error shape. */
export async function getJSON(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(body.message || res.statusText);
    err.body = body;
    throw err;
  }
  return body;
}

/** A query string from an object, leaving out empty values. */
export function qs(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) out.set(k, v);
  const s = out.toString();
  return s ? `?${s}` : "";
}

export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
export const EVENT_TYPES = Object.keys(TYPE_COLOURS);
export const MODALITIES = ["asserted", "claimed", "denied", "hypothetical", "negated"];

const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324", "#469990", "#808000"];
const FIXED = { "Taliban": "#111111" };

/** A stable colour for an actor name (holders on the control map). */
export function actorColour(name) {
  if (!name) return "#999999";
  if (FIXED[name]) return FIXED[name];
  if (/^(Military|Police) Forces of/.test(name)) return "#1f77b4";
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

/** Add or subtract days from a YYYY-MM-DD date. */
export function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Render text with nested highlight spans ({start, end, kind, label}); overlapping spans that do not nest
 *  are dropped.  Each span becomes a <mark> created with DOM APIs; the text stays text. */
export function highlighted(text, spans, container = el("div", { class: "doc-text" })) {
  const sorted = [...spans]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const root = { start: 0, end: text.length, children: [] };
  const stack = [root];
  for (const s of sorted) {
    while (stack.length > 1 && s.start >= stack[stack.length - 1].end) stack.pop();
    const parent = stack[stack.length - 1];
    if (s.end > parent.end) continue; // crosses its parent's end: not nested
    const last = parent.children[parent.children.length - 1];
    if (last && s.start < last.end) continue;
    const node = { ...s, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  const build = (node, target) => {
    let pos = node.start;
    for (const c of node.children) {
      if (c.start > pos) target.append(document.createTextNode(text.slice(pos, c.start)));
      const mark = el("mark", { class: `hl hl-${c.kind}`, title: c.label || c.kind, dataset: { kind: c.kind } });
      build(c, mark);
      target.append(mark);
      pos = c.end;
    }
    if (pos < node.end) target.append(document.createTextNode(text.slice(pos, node.end)));
  };
  build(root, container);
  return container;
}

/** Show a message in the header status area. */
export function status(message) {
  document.getElementById("status").textContent = message || "";
}

/** An error box with the API's message. */
export function errorBox(err) {
  return el("div", { class: "error" }, `Error: ${err && err.message ? err.message : String(err)}`, err.body && err.body.input ? ` (${err.body.input})` : "");
}
