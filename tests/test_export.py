"""Every export format written and read back with the tool a user would use."""

from __future__ import annotations

import io
import json
from datetime import date

import jsonschema
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from frontlines.errors import DataFileError, UsageError
from frontlines.export import (
    ACLED_COLUMNS,
    EVENT_COLUMNS,
    GEOJSON_SCHEMA,
    OUR_COLUMNS,
    event_row,
    write_events,
    write_rows,
)
from frontlines.reconcile.merging import EventMention, summarise


def _canonical(doc: str, **kw) -> dict:
    base = {
        "id": f"{doc}-e1",
        "event_date": "2021-08-08",
        "sub_event_type": "Non-state actor overtakes territory",
        "actor1": "Taliban",
        "actor2": "Military Forces of Afghanistan (2004-2021)",
        "inter1": 2,
        "inter2": 1,
        "country": "Afghanistan",
        "iso3": "AFG",
        "admin1": "Kunduz",
        "location": "Kunduz",
        "latitude": 36.728,
        "longitude": 68.868,
        "geo_precision": 1,
        "fatalities": 14,
        "source": "Example Wire",
        "notes": "On 8 August 2021, the Taliban captured Kunduz city.",
    }
    base.update(kw)
    summary = summarise([EventMention.from_event(base, doc, doc, "2021-08-09")])
    summary["event_uid"] = f"ev_{doc}"
    return summary


@pytest.fixture
def rows() -> list[dict]:
    return [
        _canonical("a"),
        _canonical(
            "b",
            sub_event_type="Arrests",
            actor1="Police Forces of Afghanistan (2004-2021)",
            actor2="",
            inter1=1,
            inter2=0,
            location=None,
            latitude=None,
            longitude=None,
            geo_precision=3,
            fatalities=0,
            arrested=6,
        ),
        _canonical(
            "c",
            sub_event_type="Air/drone strike",
            actor1="Military Forces of the United States (2021-)",
            inter1=8,
        ),
    ]


def test_columns_are_acled_then_ours():
    assert ACLED_COLUMNS[:3] == ("event_id_cnty", "event_date", "year")
    assert ACLED_COLUMNS[-3:] == ("fatalities", "tags", "timestamp")
    assert len(ACLED_COLUMNS) == 31 and len(OUR_COLUMNS) == 10
    assert EVENT_COLUMNS == ACLED_COLUMNS + OUR_COLUMNS


def test_event_row_derives_acled_fields(rows):
    row = event_row(rows[0])
    assert list(row) == list(EVENT_COLUMNS)
    assert row["year"] == 2021 and row["iso"] == 4
    assert row["event_id_cnty"] == "AFG-ev_a"
    assert row["interaction"] == 12
    assert row["sources_independent"] == 1 and row["mentions"] == 1


def test_csv_reads_back_with_pandas_in_column_order(rows):
    buf = io.StringIO()
    write_events(rows, "csv", buf)
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    assert list(df.columns) == list(EVENT_COLUMNS)
    assert len(df) == 3
    assert df.loc[0, "sub_event_type"] == "Non-state actor overtakes territory"
    assert df.loc[0, "fatalities"] == 14
    assert df.loc[1, "arrested"] == 6
    assert pd.isna(df.loc[1, "latitude"])
    assert df.loc[0, "event_date"] == "2021-08-08"


def test_json_and_jsonl(rows):
    buf = io.StringIO()
    write_events(rows, "json", buf)
    data = json.loads(buf.getvalue())
    assert isinstance(data, list) and len(data) == 3
    assert list(data[0]) == list(EVENT_COLUMNS)
    assert data[1]["latitude"] is None
    buf = io.StringIO()
    write_events(rows, "jsonl", buf)
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert [x["event_uid"] for x in lines] == ["ev_a", "ev_b", "ev_c"]


def test_geojson_is_valid_points_lon_lat(rows, tmp_path):
    path = tmp_path / "events.geojson"
    write_events(rows, "geojson", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, GEOJSON_SCHEMA)
    assert data["type"] == "FeatureCollection" and "crs" not in data  # RFC 7946: no crs member
    first, no_coords = data["features"][0], data["features"][1]
    assert first["geometry"] == {"type": "Point", "coordinates": [68.868, 36.728]}
    assert first["id"] == "ev_a" and first["properties"]["location"] == "Kunduz"
    assert no_coords["geometry"] is None


def test_geojson_schema_rejects_lat_lon_swapped():
    bad = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10.0, 120.0]}, "properties": {}}
        ],
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, GEOJSON_SCHEMA)


def test_parquet_has_typed_schema(rows, tmp_path):
    path = tmp_path / "events.parquet"
    write_events(rows, "parquet", path)
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_COLUMNS)
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("injured").type == pa.int64()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("actor1").type == pa.string()
    data = table.to_pylist()
    assert data[0]["event_date"] == date(2021, 8, 8)
    assert data[0]["injured"] is None  # nullable ints stay null
    assert data[1]["arrested"] == 6


def test_parquet_refuses_a_text_stream(rows):
    with pytest.raises(UsageError, match="output file"):
        write_events(rows, "parquet", io.StringIO())


def test_plover_lines_have_mapped_types(rows):
    buf = io.StringIO()
    write_events(rows, "plover", buf)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [(r["event_type"], r["mode"]) for r in records] == [
        ("COERCE", "seize"),
        ("COERCE", "arrest"),
        ("ASSAULT", "aerial"),
    ]
    first = records[0]
    assert "territory" in first["context"]
    assert first["actor"] == "Taliban" and first["actor_country"] == "AFG"
    assert first["recipient_country"] == "AFG"
    assert first["location"] == {
        "name": "Kunduz",
        "lat": 36.728,
        "lon": 68.868,
        "admin1": "Kunduz",
        "country": "Afghanistan",
    }
    assert first["fatalities"] == 14 and first["source_text"].startswith("On 8 August 2021")
    assert records[2]["actor_country"] == "USA"
    for key in (
        "id",
        "date",
        "event_type",
        "mode",
        "context",
        "actor",
        "recipient",
        "location",
        "source_text",
    ):
        assert key in first


def test_unknown_format_is_a_usage_error(rows):
    with pytest.raises(UsageError, match="'xlsx'"):
        write_events(rows, "xlsx", io.StringIO())
    with pytest.raises(UsageError, match="'geojson'"):
        write_rows([], ["id"], "geojson", io.StringIO())


CLAIMS = [
    {
        "id": "c1",
        "claimant": "Taliban",
        "stance": "claims",
        "event": "e1",
        "text": "We hold the city",
        "contradicts": ["c2"],
    },
    {
        "id": "c2",
        "claimant": "Ministry of Defence",
        "stance": "denies",
        "event": "e1",
        "text": "The city is ours",
        "contradicts": [],
    },
]
CLAIM_COLUMNS = ["id", "claimant", "stance", "event", "text", "contradicts"]


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet"])
def test_write_rows_generic(fmt, tmp_path):
    path = tmp_path / f"claims.{fmt}"
    write_rows(CLAIMS, CLAIM_COLUMNS, fmt, path)
    if fmt == "csv":
        df = pd.read_csv(path)
        assert list(df.columns) == CLAIM_COLUMNS
        assert json.loads(df.loc[0, "contradicts"]) == ["c2"]
    elif fmt == "json":
        assert json.loads(path.read_text())[1]["stance"] == "denies"
    elif fmt == "jsonl":
        assert [json.loads(x)["id"] for x in path.read_text().splitlines()] == ["c1", "c2"]
    else:
        table = pq.read_table(path)
        assert table.column_names == CLAIM_COLUMNS
        assert table.to_pylist()[0]["contradicts"] == ["c2"]


def test_plover_mapping_validation(monkeypatch):
    import frontlines.export.plover as plover

    monkeypatch.setattr(
        plover,
        "load_yaml",
        lambda _: {
            "event_types": ["ASSAULT"],
            "modes": {},
            "mapping": {"Armed clash": {"event_type": "FIGHT"}},
        },
    )
    plover.load_mapping.cache_clear()
    try:
        with pytest.raises(DataFileError, match="unknown PLOVER event type"):
            plover.load_mapping()
    finally:
        monkeypatch.undo()
        plover.load_mapping.cache_clear()


def test_packaged_plover_mapping_covers_the_taxonomy():
    from frontlines.export.plover import load_mapping
    from frontlines.model import EVENT_TYPE_OF

    mapping = load_mapping()
    assert set(mapping) == set(EVENT_TYPE_OF)
    assert mapping["Peaceful protest"]["event_type"] == "PROTEST"
    assert mapping["Other"]["event_type"] is None
