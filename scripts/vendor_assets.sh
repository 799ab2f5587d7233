#!/usr/bin/env bash
# Refresh the dashboard's vendored front-end assets from the npm registry.
set -euo pipefail
dest="$(cd "$(dirname "$0")/.." && pwd)/frontlines/serve/static/vendor"
work="$(mktemp -d)"
cd "$work"
npm init -y >/dev/null
npm install --silent leaflet@1.9.4 leaflet.markercluster@1.5.3 world-atlas@2.0.2 topojson-client@3.1.0
m=node_modules
mkdir -p "$dest"/{leaflet/images,markercluster,topojson,world-atlas}
cp $m/leaflet/dist/leaflet.js $m/leaflet/dist/leaflet.css $m/leaflet/LICENSE "$dest/leaflet/"
cp $m/leaflet/dist/images/* "$dest/leaflet/images/"
cp $m/leaflet.markercluster/dist/leaflet.markercluster.js $m/leaflet.markercluster/dist/MarkerCluster*.css "$dest/markercluster/"
cp $m/leaflet.markercluster/MIT-LICENCE.txt "$dest/markercluster/LICENSE"
cp $m/topojson-client/dist/topojson-client.min.js $m/topojson-client/LICENSE "$dest/topojson/"
cp $m/world-atlas/countries-50m.json $m/world-atlas/LICENSE "$dest/world-atlas/"
echo "vendored into $dest"
