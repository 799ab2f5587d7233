// The events view: filters (in the URL query string), a clustered map, a time slider, a daily histogram
// by event type and the list of events.
/* global L */
import { makeMap } from "./basemap.js";
import { EVENT_TYPES, MODALITIES, TYPE_COLOURS, el, getJSON, qs, status } from "./util.js";

const FILTERS = ["country", "actor", "type", "modality", "min_sources", "from", "to"];
const MAX_MARKERS = 5000;
const SVG = "http://www.w3.org/2000/svg";

/** The filters in the page's query string. */
export function readFilters() {
  const p = new URLSearchParams(window.location.search);
  return Object.fromEntries(FILTERS.map((k) => [k, p.get(k) || ""]));
}

function writeFilters(f) {
  const url = `${window.location.pathname}${qs(f)}${window.location.hash}`;
  window.history.replaceState(null, "", url);
}

function apiParams(f, withDates = true) {
  const p = { country: f.country, actor: f.actor, type: f.type, modality: f.modality, min_sources: f.min_sources };
  if (withDates) Object.assign(p, { date_from: f.from, date_to: f.to });
  return p;
}

function radius(fatalities) {
  return Math.min(22, 5 + 2.5 * Math.sqrt(fatalities || 0));
}

function filterForm(f, onChange) {
  const input = (name, attrs) =>
    el("label", {}, name.replace("_", " "), el("input", { name, value: f[name], ...attrs }));
  const select = (name, options) => {
    const s = el("select", { name }, el("option", { value: "" }, "any"), options.map((o) => el("option", { value: o }, o)));
    s.value = f[name];
    return el("label", {}, name, s);
  };
  const form = el(
    "form",
    { class: "filters", id: "filters" },
    input("country", { placeholder: "AF, AFG or Afghanistan", size: 14 }),
    input("actor", { placeholder: "e.g. Taliban", size: 14 }),
    select("type", EVENT_TYPES),
    select("modality", MODALITIES),
    input("min_sources", { type: "number", min: 0, style: "width:4em" }),
    input("from", { type: "date" }),
    el("button", { type: "submit" }, "Apply"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next = { ...f };
    for (const k of ["country", "actor", "type", "modality", "min_sources", "from"]) next[k] = String(data.get(k) || "").trim();
    onChange(next);
  });
  return form;
}

function histogram(days, f, onPick) {
  const w = 900;
  const h = 110;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${h + 16}`);
  svg.setAttribute("class", "histogram");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "events per day by event type");
  const max = Math.max(1, ...days.map((d) => d.events));
  const bw = w / Math.max(1, days.length);
  days.forEach((d, i) => {
    let y = h;
    const g = document.createElementNS(SVG, "g");
    const inRange = (!f.from || d.date >= f.from) && (!f.to || d.date <= f.to);
    g.setAttribute("opacity", inRange ? "1" : "0.3");
    g.dataset.date = d.date;
    for (const t of EVENT_TYPES) {
      const n = d.by_type[t] || 0;
      if (!n) continue;
      const bh = (n / max) * (h - 4);
      y -= bh;
      const r = document.createElementNS(SVG, "rect");
      r.setAttribute("x", String(i * bw + 1));
      r.setAttribute("y", String(y));
      r.setAttribute("width", String(Math.max(1, bw - 2)));
      r.setAttribute("height", String(bh));
      r.setAttribute("fill", TYPE_COLOURS[t]);
      const title = document.createElementNS(SVG, "title");
      title.textContent = `${d.date}: ${n} ${t}`;
      r.append(title);
      g.append(r);
    }
    if (days.length <= 31 || i % Math.ceil(days.length / 15) === 0) {
      const label = document.createElementNS(SVG, "text");
      label.setAttribute("x", String(i * bw + bw / 2));
      label.setAttribute("y", String(h + 12));
      label.setAttribute("text-anchor", "middle");
      label.textContent = d.date.slice(5);
      g.append(label);
    }
    g.addEventListener("click", () => onPick(d.date));
    svg.append(g);
  });
  return svg;
}

function legend() {
  return el(
    "div",
    { class: "legend" },
    EVENT_TYPES.map((t) => el("span", {}, el("i", { style: `background:${TYPE_COLOURS[t]}` }), t)),
    el("span", { class: "muted" }, "size: fatalities"),
  );
}

function eventRow(e) {
  return el(
    "tr",
    { class: "event-row", dataset: { uid: e.uid }, onclick: () => (window.location.hash = `#/event/${encodeURIComponent(e.uid)}`) },
    el("td", {}, e.event_date || ""),
    el("td", {}, el("i", { class: "dot", style: `background:${TYPE_COLOURS[e.event_type] || "#777"}` }), e.sub_event_type),
    el("td", {}, [e.actor1, e.actor2].filter(Boolean).join(" vs ")),
    el("td", {}, [e.location, e.admin1].filter(Boolean).join(", ")),
    el("td", { class: "num" }, String(e.fatalities)),
    el("td", { class: "num" }, String(e.sources_independent)),
    el("td", {}, e.modality),
  );
}

function popup(e) {
  return el(
    "div",
    { class: "popup" },
    el("strong", {}, `${e.sub_event_type}`),
    el("div", {}, `${e.event_date || "?"} · ${[e.location, e.admin1].filter(Boolean).join(", ")}`),
    el("div", {}, [e.actor1, e.actor2].filter(Boolean).join(" vs ")),
    el("div", {}, `fatalities ${e.fatalities} · ${e.sources_independent} independent source(s) · ${e.modality}`),
    el("a", { href: `#/event/${encodeURIComponent(e.uid)}`, class: "open-event" }, "Open event"),
  );
}

/** Render the events view into ``view``. */
export async function renderMap(view) {
  let f = readFilters();
  const mapBox = el("div", { id: "map", class: "map" });
  const slider = el("input", { type: "range", id: "time-slider", min: 0, max: 0, value: 0 });
  const sliderLabel = el("span", { id: "time-label" });
  const histBox = el("div", { id: "histogram" });
  const tbody = el("tbody");
  const count = el("p", { id: "event-count", class: "muted" });
  const formBox = el("div");
  view.append(
    formBox,
    el("div", { class: "row" }, el("div", { class: "col-map" }, mapBox, legend()), el("div", { class: "col-side" }, count, el("div", { class: "table-wrap" }, el("table", { class: "events" }, el("thead", {}, el("tr", {}, ["date", "type", "actors", "where", "fat.", "src", "modality"].map((h) => el("th", {}, h)))), tbody)))),
    el("div", { class: "timebar" }, el("label", {}, "Up to ", slider), sliderLabel),
    histBox,
  );
  const map = makeMap(mapBox);
  const cluster = L.markerClusterGroup({ disableClusteringAtZoom: 9, maxClusterRadius: 40 });
  map.addLayer(cluster);
  let days = [];
  let timer = null;

  const setFilters = (next, reloadStats) => {
    f = next;
    writeFilters(f);
    if (reloadStats) loadStats().then(loadEvents);
    else loadEvents();
  };

  async function loadStats() {
    formBox.replaceChildren(filterForm(f, (next) => setFilters(next, true)));
    const stats = await getJSON(`/api/stats/daily${qs(apiParams(f, false))}`);
    days = stats.days.filter((d) => /^\d{4}-/.test(d.date));
    slider.max = String(Math.max(0, days.length - 1));
    const idx = f.to ? days.findIndex((d) => d.date >= f.to) : -1;
    slider.value = String(idx >= 0 ? idx : days.length - 1);
    sliderLabel.textContent = f.to || (days.length ? `${days[days.length - 1].date} (all)` : "no events");
    histBox.replaceChildren(histogram(days, f, (day) => setFilters({ ...f, to: day }, false)));
  }

  async function loadEvents() {
    status("loading events…");
    mapBox.dataset.loading = "1";
    const items = [];
    let total = 0;
    for (let page = 1; items.length < MAX_MARKERS; page++) {
      const res = await getJSON(`/api/events${qs({ ...apiParams(f), page, page_size: 500 })}`);
      total = res.total;
      items.push(...res.items);
      if (page >= res.pages) break;
    }
    cluster.clearLayers();
    const markers = [];
    for (const e of items) {
      if (e.latitude === null || e.longitude === null) continue;
      const m = L.circleMarker([e.latitude, e.longitude], {
        radius: radius(e.fatalities),
        color: "#222",
        weight: 1,
        fillColor: TYPE_COLOURS[e.event_type] || "#777",
        fillOpacity: 0.8,
      });
      m.bindPopup(() => popup(e));
      markers.push(m);
    }
    cluster.addLayers(markers);
    if (markers.length) map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.1), { maxZoom: 8, animate: false });
    mapBox.dataset.markers = String(markers.length);
    mapBox.dataset.total = String(total);
    delete mapBox.dataset.loading;
    count.textContent = `${total} events (${markers.length} on the map${items.length < total ? `, first ${items.length} loaded` : ""})`;
    tbody.replaceChildren(...items.slice(0, 200).map(eventRow));
    histBox.replaceChildren(histogram(days, f, (day) => setFilters({ ...f, to: day }, false)));
    status("");
  }

  slider.addEventListener("input", () => {
    const d = days[Number(slider.value)];
    if (!d) return;
    const last = Number(slider.value) === days.length - 1;
    sliderLabel.textContent = last ? `${d.date} (all)` : d.date;
    clearTimeout(timer);
    timer = setTimeout(() => setFilters({ ...f, to: last ? "" : d.date }, false), 250);
  });

  await loadStats();
  await loadEvents();
  return { destroy: () => map.remove() };
}
