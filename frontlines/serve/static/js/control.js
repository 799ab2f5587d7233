// The control view: for a chosen date, each place by holder (colour) and confidence (opacity), contested
// places dashed, and the changes of hands around that date.
/* global L */
import { makeMap } from "./basemap.js";
import { actorColour, addDays, el, getJSON, qs, status } from "./util.js";

const AROUND = 3; // days either side for the list of changes

function placeRow(s) {
  return el(
    "tr",
    { class: "place-row", dataset: { place: s.place } },
    el("td", { class: "place" }, s.place, s.admin1 && s.admin1 !== s.place ? el("span", { class: "muted" }, ` (${s.admin1})`) : ""),
    el("td", { class: "holder" }, el("i", { class: "dot", style: `background:${actorColour(s.holder)}` }), s.holder || "unknown"),
    el("td", { class: "contested" }, s.contested ? "contested" : ""),
    el("td", { class: "num" }, s.confidence.toFixed(2)),
    el("td", {}, s.since || "before"),
    el("td", { class: "num" }, String(s.sources)),
  );
}

function changeItem(s) {
  return el(
    "li",
    { dataset: { place: s.place } },
    el("strong", {}, s.since), " ", s.place, ": ",
    el("i", { class: "dot", style: `background:${actorColour(s.holder)}` }),
    s.holder || "unknown", s.contested ? " (contested)" : "",
    el("div", { class: "muted" }, s.why || ""),
  );
}

/** Render the control view for ``day`` (default: the last day with a change, else today). */
export async function renderControl(view, day) {
  const country = new URLSearchParams(window.location.search).get("country") || "";
  if (!day) {
    const changes = await getJSON(`/api/control/changes${qs({ country })}`);
    day = changes.length ? changes[changes.length - 1].since : new Date().toISOString().slice(0, 10);
  }
  const dateInput = el("input", { type: "date", id: "control-date", value: day });
  const prev = el("button", { type: "button", id: "control-prev" }, "◀ day");
  const next = el("button", { type: "button", id: "control-next" }, "day ▶");
  const go = (d) => { window.location.hash = `#/control/${d}`; };
  dateInput.addEventListener("change", () => dateInput.value && go(dateInput.value));
  prev.addEventListener("click", () => go(addDays(day, -1)));
  next.addEventListener("click", () => go(addDays(day, 1)));
  const mapBox = el("div", { id: "control-map", class: "map" });
  const tbody = el("tbody");
  const changesList = el("ul", { id: "changes", class: "changes" });
  view.append(
    el("div", { class: "filters" }, el("label", {}, "Control on ", dateInput), prev, next, country ? el("span", { class: "muted" }, ` country ${country}`) : ""),
    el(
      "div",
      { class: "row" },
      el("div", { class: "col-map" }, mapBox, el("p", { class: "muted" }, "Colour: holder · opacity: confidence · dashed ring: contested")),
      el(
        "div",
        { class: "col-side" },
        el("h3", {}, `Places on ${day}`),
        el("div", { class: "table-wrap" }, el("table", { id: "control-table" }, el("thead", {}, el("tr", {}, ["place", "holder", "", "conf.", "since", "src"].map((h) => el("th", {}, h)))), tbody)),
        el("h3", {}, `Changes ${addDays(day, -AROUND)} … ${addDays(day, AROUND)}`),
        changesList,
      ),
    ),
  );
  const map = makeMap(mapBox);
  status("loading control…");
  const [states, changes] = await Promise.all([
    getJSON(`/api/control${qs({ country, on: day })}`),
    getJSON(`/api/control/changes${qs({ country, between: `${addDays(day, -AROUND)}..${addDays(day, AROUND)}` })}`),
  ]);
  const points = [];
  for (const s of states) {
    tbody.append(placeRow(s));
    if (s.latitude === null || s.longitude === null) continue;
    const m = L.circleMarker([s.latitude, s.longitude], {
      radius: 9,
      color: s.contested ? "#c00" : "#222",
      dashArray: s.contested ? "4 3" : null,
      weight: s.contested ? 3 : 1,
      fillColor: actorColour(s.holder),
      fillOpacity: 0.15 + 0.85 * s.confidence,
    }).addTo(map);
    m.bindTooltip(() => el("span", {}, `${s.place}: ${s.holder || "unknown"}${s.contested ? " (contested)" : ""}`));
    points.push(m.getLatLng());
  }
  if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.15), { maxZoom: 8, animate: false });
  changesList.replaceChildren(...(changes.length ? changes.map(changeItem) : [el("li", { class: "muted" }, "no change of hands")]));
  mapBox.dataset.places = String(states.length);
  status("");
  return { destroy: () => map.remove() };
}
