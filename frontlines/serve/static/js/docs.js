// An offline API reference: the endpoints and their parameters, read from /openapi.json.
import { el, getJSON } from "./util.js";

const spec = await getJSON("/openapi.json");
const main = document.getElementById("docs");
main.replaceChildren(
  el("h2", {}, `${spec.info.title} ${spec.info.version}`),
  el("p", {}, spec.info.description || ""),
  el("p", {}, "Errors always have the shape ", el("code", {}, '{"error": ..., "message": ..., "input": ...}'), ". Write endpoints need ", el("code", {}, "Authorization: Bearer <token>"), "."),
);
for (const [path, ops] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(ops)) {
    const params = (op.parameters || []).map((p) =>
      el("li", {}, el("code", {}, p.name), ` (${p.in}${p.required ? ", required" : ""})`, p.description ? ` — ${p.description}` : ""),
    );
    main.append(
      el(
        "div",
        { class: "endpoint" },
        el("div", {}, el("span", { class: "method" }, method.toUpperCase()), el("code", {}, path)),
        el("div", { class: "muted" }, op.description || op.summary || ""),
        params.length ? el("ul", {}, params) : "",
      ),
    );
  }
}
