"""Reading reports: formats, encodings, and every kind of bad input (all example text is our own)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from frontlines.errors import InputError
from frontlines.ingest.batch import iter_batch, iter_csv, read_jsonl_text
from frontlines.ingest.read import MAX_BYTES, guess_format, read_bytes, read_path, strip_markdown

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Fighting near river town | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2023-04-17T08:30:00Z">
<script>var tracker = {id: 42}; function track(){ document.write("advert"); }</script>
<style>body { font-family: serif; } .menu { color: red; }</style>
</head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Fighting near river town</h1>
<p>Fighting broke out on Sunday between army units and an armed group on the outskirts of the river
town of Marela, district officials said.</p>
<p>At least four fighters were killed and several civilians were wounded during the clashes, which
lasted for most of the afternoon, according to a local administrator.</p>
<p>Residents said the armed group pulled back to the hills north of the town by nightfall, while the
army set up new checkpoints along the main road.</p>
</article></main>
<footer><p>All rights reserved.</p><script>console.log("footer loaded")</script></footer>
</body></html>
"""

MARKDOWN = """# Troops enter the port of Lisara

By **Staff reporter**

Government troops *entered* the port of [Lisara](https://example.org/lisara) on Tuesday after the
rebel_units withdrew, officials said.

- checkpoints were set up
- the market reopened

> "We saw no fighting," a resident said.
"""


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_html_main_text_title_date_source(tmp_path):
    raw = read_path(write(tmp_path, "story.html", ARTICLE_HTML.encode()))
    assert raw.format == "html"
    assert "army units and an armed group" in raw.text
    assert "pulled back to the hills" in raw.text
    for junk in ("tracker", "font-family", "console.log", "Sport"):
        assert junk not in raw.text
    assert raw.title == "Fighting near river town"
    assert raw.published == dt.date(2023, 4, 17)
    assert raw.source == "The Valley Courier"
    # Blocks are separated by blank lines so the extractor sees them as paragraphs.
    assert "\n\n" in raw.text


def test_html_without_extension_is_sniffed():
    raw = read_bytes(ARTICLE_HTML.encode(), "<stdin>")
    assert raw.format == "html"
    assert "Marela" in raw.text


def test_tiny_html_falls_back_to_lxml_text():
    raw = read_bytes(b"<html><body><p>Two protesters were detained in Kessa.</p></body></html>", "n.html")
    assert raw.text == "Two protesters were detained in Kessa."


def test_markdown_is_stripped_lightly(tmp_path):
    raw = read_path(write(tmp_path, "story.md", MARKDOWN.encode()))
    assert raw.format == "markdown"
    assert raw.title == "Troops enter the port of Lisara"
    assert raw.text.startswith("Troops enter the port of Lisara\n")
    assert "Government troops entered the port of Lisara on Tuesday" in raw.text
    assert "rebel_units" in raw.text  # underscores inside words are not emphasis
    for mark in ("#", "**", "](", "> "):
        assert mark not in raw.text
    assert "checkpoints were set up" in raw.text


def test_strip_markdown_keeps_plain_text_unchanged():
    text = "The army said on Monday that it had retaken the town."
    assert strip_markdown(text) == (text, None)


def test_text_with_bom_and_utf16(tmp_path):
    raw = read_path(write(tmp_path, "bom.txt", "\ufeffShelling hit the market at dawn.".encode()))
    assert raw.text == "Shelling hit the market at dawn."
    raw = read_path(write(tmp_path, "wide.txt", "Des tirs ont touché le marché à l'aube.".encode("utf-16")))
    assert raw.text == "Des tirs ont touché le marché à l'aube."


def test_clean_cp1252_is_accepted(tmp_path):
    raw = read_path(
        write(tmp_path, "old.txt", "The café near the mosque was damaged – twice.".encode("cp1252"))
    )
    assert raw.text == "The café near the mosque was damaged – twice."


def test_stdin(monkeypatch):
    class FakeStdin:
        buffer = io.BytesIO(b"Rebels attacked a convoy on the northern road.")

    monkeypatch.setattr("sys.stdin", FakeStdin())
    assert read_path("-").text == "Rebels attacked a convoy on the northern road."


def test_format_guessing():
    assert guess_format("a.htm", "plain words") == "html"
    assert guess_format("a.txt", "<!doctype html><html><body>x</body></html>") == "html"
    assert guess_format("a.txt", "# not a heading, just text\n**really**") == "text"
    assert guess_format("-", "plain words", content_type="text/html; charset=utf-8") == "html"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\t \n", "only whitespace"),
        ("nul.txt", b"Some text\x00with a NUL byte", "NUL bytes"),
        ("doc.txt", b"%PDF-1.7\n%binary", "PDF"),
        ("arch.txt", b"PK\x03\x04\x14\x00\x00", "ZIP"),
        ("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        ("latin.txt", b"\x81\x8d\x8f\x90\x9d undefined in cp1252", "not UTF-8 text"),
        ("noise.txt", bytes(range(1, 32)) * 20, "non-text"),
        (
            "app.html",
            b"<html><head><script>var a = 1;</script></head><body><script>boot()</script><div id='root'></div></body></html>",
            "no readable text in the HTML",
        ),
    ],
)
def test_bad_input_names_input_and_problem(tmp_path, name, data, problem):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        read_path(path)
    assert info.value.source == str(path)
    assert problem in info.value.message
    assert str(path) in str(info.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="directory"):
        read_path(tmp_path)


def test_oversized_file_is_refused_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: nothing is written but the last byte
        fh.seek(int(21.3 * 1024 * 1024) - 1)
        fh.write(b"x")
    opened = []
    monkeypatch.setattr(
        "pathlib.Path.open", lambda *a, **k: opened.append(a) or pytest.fail("file was opened")
    )
    with pytest.raises(InputError) as info:
        read_path(path)
    assert info.value.message == "file is 21.3 MB, over the 20 MB limit"
    assert not opened


def test_oversized_bytes_are_refused():
    with pytest.raises(InputError, match="over the 20 MB limit"):
        read_bytes(b"a" * (MAX_BYTES + 1), "big.txt")


# -- batch input -------------------------------------------------------------------------------------


def test_jsonl_items_and_per_line_errors():
    lines = [
        '\ufeff{"id": "a", "text": "Shelling hit the market.", "date": "2022-05-01", "source": "Courier"}',
        "",
        "this is not json",
        "[1, 2, 3]",
        '{"id": 7, "text": "   "}',
        '{"text": "A town was retaken.", "date": "last week"}',
        '{"text": "A convoy was ambushed."}',
    ]
    items = read_jsonl_text("\n".join(lines) + "\n")
    assert len(items) == 6
    first = items[0]
    assert (first.id, first.line, first.published, first.source) == ("a", 1, dt.date(2022, 5, 1), "Courier")
    assert items[1] == {"id": "line 3", "error": items[1]["error"], "line": 3}
    assert "not valid JSON" in items[1]["error"]
    assert "not a JSON object" in items[2]["error"]
    assert items[3]["id"] == "7" and "no text" in items[3]["error"]  # ids stay true even on error lines
    assert items[4]["id"] == "line 6" and "YYYY-MM-DD" in items[4]["error"]
    assert items[5].line == 7 and items[5].id is None


def test_batch_defaults_fill_missing_fields(tmp_path):
    path = write(tmp_path, "in.jsonl", b'{"text": "x y z"}\n{"text": "a b c", "date": "2020-01-02"}\n')
    items = list(iter_batch(path, default_date="2021-08-09", default_source="Wire"))
    assert [i.published for i in items] == [dt.date(2021, 8, 9), dt.date(2020, 1, 2)]
    assert {i.source for i in items} == {"Wire"}


def test_csv_with_same_columns():
    data = 'id,text,date\n1,"two lines\nof text",2021-01-02\n2,,\n3,caf\xe9,\n'.encode("latin-1")
    items = list(iter_csv(io.BytesIO(b"\xef\xbb\xbf" + data)))
    assert items[0].text == "two lines\nof text" and items[0].line == 2
    assert items[1] == {"id": "2", "error": "line 4 has no text", "line": 4}
    assert items[2]["id"] == "3" and "not UTF-8" in items[2]["error"]


def test_csv_without_text_column(tmp_path):
    with pytest.raises(InputError, match="no 'text' column"):
        list(iter_batch(write(tmp_path, "in.csv", b"id,body\n1,hello\n")))
