"""`frontlines extract`: single reports, stdin, batches, errors and exit statuses (in-process, plus one
subprocess run of the installed command)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import main

REPORT = (
    "MARELA (April 16, 2023) - Army units clashed with fighters of an armed group on the outskirts of "
    "Marela on Sunday, killing four of them, district officials said.\n\n"
    "Residents said the fighters pulled back to the hills north of the town by nightfall."
)
PAGE = """<!DOCTYPE html><html><head><title>Clash near Marela</title>
<meta property="article:published_time" content="2023-04-17">
<script>var ads = true;</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Clash near Marela</h1>
<p>Army units clashed with fighters of an armed group on the outskirts of Marela on Sunday, killing
four of them, district officials said.</p>
<p>Residents said the fighters pulled back to the hills north of the town by nightfall, and that the
army set up checkpoints on the main road.</p></article></body></html>
"""
SPANISH = (
    "Los enfrentamientos entre el ejército y un grupo armado dejaron al menos cinco muertos en la "
    "provincia, informaron el domingo las autoridades locales."
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, input: str | bytes | None = None):
    return runner.invoke(main, ["extract", *args], input=input)


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_single_text_file(runner, tmp_path, extractor):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = run(runner, str(path), "--id", "r1", "--source", "Courier")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["id"] == "r1" and data["source"] == "Courier"
    assert data["text"] == REPORT and data["language"] == "en"
    assert result.stdout.startswith("{\n  ")  # indented JSON


def test_date_option_wins_over_the_html_date(runner, tmp_path, extractor):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    found = json.loads(run(runner, str(path)).stdout)
    assert found["published"] == "2023-04-17" and found["title"] == "Clash near Marela"
    assert "ads" not in found["text"] and "Home" not in found["text"]
    given = json.loads(run(runner, str(path), "--date", "2023-04-18").stdout)
    assert given["published"] == "2023-04-18"


def test_stdin_and_jsonl_format(runner, extractor):
    result = run(runner, "-", "--format", "jsonl", "--date", "2023-04-16", input=REPORT)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout)["published"] == "2023-04-16"


def test_spanish_report_gets_no_events_and_a_warning(runner, extractor):
    data = json.loads(run(runner, "-", input=SPANISH).stdout)
    assert data["language"] == "es" and data["events"] == []
    assert any("'es'" in w for w in data["warnings"])


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.md", b"\n   \n", "only whitespace"),
        ("scan.txt", b"%PDF-1.5\n\x00\x01", "binary file"),
        ("latin.txt", b"\x81\x8d\x8f\x90", "not UTF-8 text"),
        ("app.html", b"<html><body><script>start()</script></body></html>", "no readable text in the HTML"),
    ],
)
def test_bad_single_input_exits_1_with_one_line(runner, tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    result = run(runner, str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = stderr_lines(result)
    assert len(lines) == 1
    assert lines[0].startswith(f"frontlines: {path}: ") and problem in lines[0]


def test_missing_file_exits_1(runner, tmp_path):
    result = run(runner, str(tmp_path / "nowhere.txt"))
    assert result.exit_code == 1
    assert stderr_lines(result) == [f"frontlines: {tmp_path / 'nowhere.txt'}: no such file"]


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["report.txt", "--input", "in.jsonl"],
        ["report.txt", "--output", "out.jsonl"],
        ["report.txt", "--date", "16/04/2023"],
        ["report.txt", "--date", "2023-02-30"],
        ["--input", "in.jsonl", "--id", "x"],
        ["--input", "in.jsonl", "--workers", "0"],
    ],
)
def test_wrong_usage_exits_2(runner, args):
    assert run(runner, *args).exit_code == 2


def write_batch(path: Path) -> None:
    lines = [
        json.dumps({"id": "first", "text": REPORT, "date": "2023-04-16"}),
        "{not json at all",
        "",
        json.dumps({"id": "no-text", "title": "missing"}),
        json.dumps(
            {"text": "Hundreds of protesters marched through the capital on Monday.", "date": "2023-04-17"}
        ),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_batch_keeps_order_ids_and_goes_on(runner, tmp_path, extractor):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_batch(src)
    result = run(runner, "--input", str(src), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows[:3]] == ["first", "line 2", "no-text"]
    assert "error" not in rows[0] and "not valid JSON" in rows[1]["error"] and "no text" in rows[2]["error"]
    assert "error" not in rows[3] and rows[3]["published"] == "2023-04-17"
    assert len(rows) == 4
    summary = stderr_lines(result)
    assert len(summary) == 1 and "4 read, 2 ok, 2 failed" in summary[0]


def test_batch_missing_input_exits_1(runner, tmp_path):
    result = run(runner, "--input", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def test_batch_with_two_workers_matches_one_worker(runner, tmp_path, extractor):
    """The installed command in a real process with --workers 2 writes exactly what one in-process
    worker writes (the one-worker run reuses this session's models to keep the test short)."""
    src = tmp_path / "in.jsonl"
    write_batch(src)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(runner, "--input", str(src), "--output", str(one)).exit_code == 0
    exe = Path(sys.executable).parent / "frontlines"
    proc = subprocess.run(
        [
            str(exe),
            "extract",
            "--input",
            str(src),
            "--output",
            str(two),
            "--workers",
            "2",
            "--batch-size",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr
    assert "4 read, 2 ok, 2 failed" in proc.stderr
    assert two.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")
