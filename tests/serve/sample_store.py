"""A store for the API and dashboard tests: the sample corpus (through the ingest pipeline) plus two
hand-made reports with claims that contradict each other, one of them containing ``<script>`` tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontlines.ids import document_key
from frontlines.ingest.pipeline import ingest
from frontlines.store.database import Database
from frontlines.store.writer import SourceRef, save_result

CORPUS = Path(__file__).resolve().parents[2] / "frontlines" / "samples" / "corpus" / "august2021.jsonl"
SCRIPT_TEXT = (
    'SPIN BOLDAK (Test Wire) - <script>document.title="pwned";window.__pwned=1</script> Government troops '
    "fought Taliban fighters at the border crossing of Spin Boldak on Tuesday. The Ministry of Defence said "
    '"our forces retook the border crossing and killed 20 insurgents". A Taliban spokesman denied it, saying '
    '"the crossing is fully under our control". <img src=x onerror="window.__pwned=2">'
)
MINISTRY_QUOTE = "our forces retook the border crossing and killed 20 insurgents"
TALIBAN_QUOTE = "the crossing is fully under our control"
_CACHE: dict[str, Path] = {}


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def script_result() -> dict[str, Any]:
    """The hand-made report: one armed clash, two contradicting claims, HTML-looking text."""
    text = SCRIPT_TEXT
    ev_start, ev_end = _span(
        text, "Government troops fought Taliban fighters at the border crossing of Spin Boldak"
    )
    m_start, m_end = _span(text, MINISTRY_QUOTE)
    t_start, t_end = _span(text, TALIBAN_QUOTE)
    mod = "Military Forces of Afghanistan (2004-2021)"
    return {
        "id": "test-script",
        "text": text,
        "language": "en",
        "published": "2021-07-14",
        "title": "Clash at Spin Boldak <b>crossing</b>",
        "document_key": document_key(text),
        "extractor_version": "test",
        "actors": [
            {"id": "a1", "name": "Taliban", "aliases": ["Taliban fighters"], "inter": 2, "iso3": "AFG"},
            {"id": "a2", "name": mod, "aliases": ["Government troops"], "inter": 1, "iso3": "AFG"},
        ],
        "places": [
            {
                "id": "p1",
                "name": "Spin Boldak",
                "latitude": 31.0052,
                "longitude": 66.4,
                "country": "Afghanistan",
                "iso3": "AFG",
                "admin1": "Kandahar",
                "admin2": None,
                "geonameid": None,
                "feature": "populated place",
            }
        ],
        "events": [
            {
                "id": "e1",
                "event_date": "2021-07-13",
                "time_precision": 1,
                "disorder_type": "Political violence",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "actor1": mod,
                "actor2": "Taliban",
                "inter1": 1,
                "inter2": 2,
                "interaction": 12,
                "country": "Afghanistan",
                "iso3": "AFG",
                "admin1": "Kandahar",
                "location": "Spin Boldak",
                "latitude": 31.0052,
                "longitude": 66.4,
                "geo_precision": 1,
                "fatalities": 20,
                "fatalities_low": 20,
                "fatalities_high": 20,
                "modality": "claimed",
                "claims": ["c1", "c2"],
                "evidence": [{"text": text[ev_start:ev_end], "start": ev_start, "end": ev_end}],
                "source": "Test Wire",
                "notes": "On 13 July 2021, Afghan forces and the Taliban clashed at Spin Boldak.",
            }
        ],
        "claims": [
            {
                "id": "c1",
                "claimant": mod,
                "claimant_kind": "actor",
                "stance": "claims",
                "event": "e1",
                "text": MINISTRY_QUOTE,
                "start": m_start,
                "end": m_end,
                "contradicts": ["c2"],
            },
            {
                "id": "c2",
                "claimant": "Taliban",
                "claimant_kind": "actor",
                "stance": "denies",
                "event": "e1",
                "text": TALIBAN_QUOTE,
                "start": t_start,
                "end": t_end,
                "contradicts": ["c1"],
            },
        ],
    }


def build_store(path: Path, extractor: Any = None) -> Path:
    """Ingest the sample corpus and write the hand-made report into a new SQLite store at ``path``."""
    db = Database.open(path)
    try:
        stats = ingest(db, [CORPUS], extractor=extractor)
        assert stats.failed == 0, stats.failures
        db.write(
            lambda c: save_result(
                c, script_result(), SourceRef("test-script", "https://wire.test/x", "Test Wire")
            )
        )
    finally:
        db.close()
    return path


def sample_store(tmp_path_factory: Any, extractor: Any = None) -> Path:
    """One store per test session, shared by the API and dashboard tests."""
    if "path" not in _CACHE:
        _CACHE["path"] = build_store(tmp_path_factory.mktemp("serve") / "sample.db", extractor)
    return _CACHE["path"]
