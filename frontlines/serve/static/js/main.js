// The dashboard's router: #/ (events map), #/control[/DATE], #/event/UID, #/report/KEY, #/reports.
import { renderControl } from "./control.js";
import { renderEvent } from "./event.js";
import { renderMap } from "./events_map.js";
import { renderReport, renderReports } from "./report.js";
import { el, errorBox, status } from "./util.js";

const ROUTES = [
  [/^#?\/?$/, "map", () => renderMap],
  [/^#\/control(?:\/(\d{4}-\d{2}-\d{2}))?$/, "control", (m) => (v) => renderControl(v, m[1])],
  [/^#\/event\/(.+)$/, "map", (m) => (v) => renderEvent(v, decodeURIComponent(m[1]))],
  [/^#\/report\/(.+)$/, "reports", (m) => (v) => renderReport(v, decodeURIComponent(m[1]))],
  [/^#\/reports$/, "reports", () => renderReports],
];

let current = null;

async function route() {
  const hash = window.location.hash || "#/";
  const view = document.getElementById("view");
  if (current && current.destroy) current.destroy();
  current = null;
  view.replaceChildren();
  view.removeAttribute("data-ready");
  status("");
  for (const [re, tab, make] of ROUTES) {
    const m = hash.match(re);
    if (!m) continue;
    document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active", a.dataset.route === tab));
    try {
      current = (await make(m)(view)) || null;
    } catch (err) {
      console.error(err);
      view.append(errorBox(err));
    }
    view.dataset.ready = "1";
    return;
  }
  view.append(el("p", {}, "No such page."));
  view.dataset.ready = "1";
}

window.addEventListener("hashchange", route);
route();
