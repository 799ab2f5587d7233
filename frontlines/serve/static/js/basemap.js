// An offline basemap: world-atlas country outlines (topojson-client), no tiles.
/* global L, topojson */

let countries = null;

/** The country outlines as GeoJSON (fetched once). */
function outlines() {
  if (!countries) {
    countries = fetch("/static/vendor/world-atlas/countries-50m.json")
      .then((r) => r.json())
      .then((world) => topojson.feature(world, world.objects.countries));
  }
  return countries;
}

/** A Leaflet map in ``container`` with the country outlines drawn underneath everything else. */
export function makeMap(container, center = [34.5, 66], zoom = 6) {
  const map = L.map(container, { minZoom: 2, maxZoom: 12, attributionControl: true });
  map.setView(center, zoom);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
  map.createPane("outlines").style.zIndex = 200;
  outlines().then((geo) => {
    L.geoJSON(geo, {
      pane: "outlines",
      interactive: false,
      style: { color: "#7a8591", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map);
  });
  return map;
}
