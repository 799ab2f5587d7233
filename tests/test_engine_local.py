"""The local engine: order, per-report errors, and worker processes giving the same results."""

from __future__ import annotations

from frontlines.engines.local import process_chunk, run_local
from frontlines.extract.extractor import ReportInput
from frontlines.ingest.batch import read_jsonl_text

REPORTS = [
    ReportInput(
        id="a",
        text="Army units clashed with rebels near the town of Marela on Sunday.",
        published="2023-04-16",
    ),
    ReportInput(id="b", text="   "),
    {"id": "line 3", "error": "line 3 is not valid JSON", "line": 3},
    ReportInput(
        id="c", text="Hundreds of protesters marched through the capital on Monday.", published="2023-04-17"
    ),
    ReportInput(text="A roadside bomb struck a police vehicle outside the provincial capital."),
]


def test_order_ids_and_errors(extractor):
    out = list(run_local(REPORTS, workers=1, batch_size=2, extractor=extractor))
    assert len(out) == len(REPORTS)
    assert [o["id"] for o in out[:4]] == ["a", "b", "line 3", "c"]
    assert "error" not in out[0] and out[0]["published"] == "2023-04-16"
    assert out[1] == {"id": "b", "error": "the report is empty"}
    assert out[2]["error"] == "line 3 is not valid JSON"
    assert len(out[4]["id"]) == 64  # no id given: the document key


def test_error_for_report_without_id_names_its_line(extractor):
    items = read_jsonl_text('{"text": "ok then, fine"}\n{"text": "\\u0000\\u0001"}\n')
    out = process_chunk(extractor, items)
    assert out[1] == {"id": "line 2", "error": "the report is empty", "line": 2}


def test_an_exception_in_one_report_does_not_stop_the_chunk(extractor, monkeypatch):
    real = extractor.extract_batch

    def flaky(reports, batch_size=64):
        if any(r.id == "c" for r in reports):
            raise RuntimeError("boom")
        return real(reports, batch_size=batch_size)

    monkeypatch.setattr(extractor, "extract_batch", flaky)
    out = process_chunk(extractor, list(REPORTS))
    assert [o["id"] for o in out[:4]] == ["a", "b", "line 3", "c"]
    assert "RuntimeError: boom" in out[3]["error"]
    assert "error" not in out[0] and "error" not in out[4]


def test_two_workers_give_the_same_output(extractor):
    reports = REPORTS * 3
    one = list(run_local(reports, workers=1, batch_size=2, extractor=extractor))
    two = list(run_local(reports, workers=2, batch_size=2))
    assert two == one


def test_a_started_pool_is_ready_and_reusable(extractor):
    """WorkerPool: every worker has its extractor after wait_ready (preloaded in the fork server), and a
    pool kept open gives the same output run after run."""
    from frontlines.engines.local import WorkerPool

    one = list(run_local(REPORTS, workers=1, batch_size=2, extractor=extractor))
    with WorkerPool(2, "forkserver", preload=True) as pool:
        pool.wait_ready()
        assert list(pool.run(REPORTS, batch_size=2)) == one
        assert list(pool.run(REPORTS, batch_size=3)) == one


def test_extractor_reports_stage_timings(extractor):
    from frontlines.extract.extractor import STAGES

    before = dict(extractor.stage_seconds)
    list(run_local(REPORTS[:1], workers=1, extractor=extractor))
    assert set(extractor.stage_seconds) == set(STAGES)
    assert sum(extractor.stage_seconds.values()) > sum(before.values())
