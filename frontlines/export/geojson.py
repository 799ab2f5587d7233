"""GeoJSON (RFC 7946) FeatureCollection of Points, one feature per event; loads in QGIS and geopandas."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Rows without usable coordinates keep their feature with a null geometry (allowed by RFC 7946 3.2), so the
# export loses no event; map tools simply do not draw them.

# A minimal JSON Schema of what we emit (RFC 7946 subset): tests and users can validate against it.
GEOJSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "geometry": {
                        "oneOf": [
                            {"type": "null"},
                            {
                                "type": "object",
                                "required": ["type", "coordinates"],
                                "properties": {
                                    "type": {"const": "Point"},
                                    "coordinates": {
                                        "type": "array",
                                        "minItems": 2,
                                        "maxItems": 3,
                                        "prefixItems": [
                                            {"type": "number", "minimum": -180, "maximum": 180},
                                            {"type": "number", "minimum": -90, "maximum": 90},
                                        ],
                                        "items": {"type": "number"},
                                    },
                                },
                            },
                        ]
                    },
                    "properties": {"type": ["object", "null"]},
                },
            },
        },
    },
}


def point(lat: Any, lon: Any) -> dict[str, Any] | None:
    """A GeoJSON Point ([lon, lat], RFC 7946 order) or None when the coordinates are missing or invalid."""
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (-90 <= lat_f <= 90 and -180 <= lon_f <= 180):
        return None
    return {"type": "Point", "coordinates": [lon_f, lat_f]}


def feature_collection(rows: Iterable[dict[str, Any]], id_field: str = "event_uid") -> dict[str, Any]:
    """A FeatureCollection whose features carry each row as ``properties``."""
    features = []
    for row in rows:
        feature: dict[str, Any] = {
            "type": "Feature",
            "geometry": point(row.get("latitude"), row.get("longitude")),
            "properties": row,
        }
        if row.get(id_field):
            feature["id"] = row[id_field]
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}
