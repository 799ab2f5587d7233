"""Reading one report from a file, from stdin or from bytes: plain text, Markdown and HTML.

Everything ends as a :class:`RawReport` whose ``text`` is the plain text that is then extracted, so that
all offsets in a result point into what was read. Bad input (empty, binary, undecodable, too large, HTML
with no readable text) raises :class:`frontlines.errors.InputError` naming the input and the problem.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from frontlines.errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: far above any news report, low enough to refuse a stray dump
_MB = 1024 * 1024

# Magic numbers of formats that are never a report: refused before any decoding is tried.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
)

_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_MD_EXT = {".md", ".markdown", ".mdown", ".mkd"}
_TEXT_EXT = {".txt", ".text", ""}


@dataclass
class RawReport:
    """One report as read, before extraction."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    format: str = "text"  # text | markdown | html


# -- entry points ------------------------------------------------------------------------------------


def existing_file(name: str) -> Path:
    """``name`` as a Path; InputError naming it when there is no such file or it is a directory."""
    p = Path(name)
    if not p.exists():
        raise InputError("no such file", source=name)
    if p.is_dir():
        raise InputError("is a directory, not a file", source=name)
    return p


def read_path(path: str | os.PathLike[str]) -> RawReport:
    """Read a report from a file path, or from stdin when ``path`` is ``-``.

    The size is checked before the file is read, so a 2 GB file is refused at once.
    """
    name = str(path)
    if name == "-":
        return read_stream(sys.stdin.buffer, "<stdin>")
    p = existing_file(name)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(_too_large(size), source=name)
        with p.open("rb") as fh:
            # Bounded read even if the file grew (or is a pipe that reports size 0).
            data = fh.read(MAX_BYTES + 1)
    except PermissionError:
        raise InputError("permission denied", source=name) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", source=name) from None
    return read_bytes(data, name)


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> RawReport:
    """Read a report from a binary stream, refusing more than the size limit without reading it all."""
    data = stream.read(MAX_BYTES + 1)
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str, content_type: str | None = None) -> RawReport:
    """Turn the bytes of one report into a :class:`RawReport`.

    ``name`` is the path or label used in error messages and to guess the format by extension;
    ``content_type`` (e.g. an HTTP header) takes precedence over the extension when given.
    """
    if len(data) > MAX_BYTES:
        raise InputError(_too_large(len(data)), source=name)
    if not data:
        raise InputError("the file is empty", source=name)
    text = decode_text(data, name)
    if not text.strip():
        raise InputError("the file holds only whitespace", source=name)
    fmt = guess_format(name, text, content_type)
    if fmt == "html":
        return _from_html(text, name)
    if fmt == "markdown":
        plain, title = strip_markdown(text)
        _check_not_empty(plain, name)
        return RawReport(text=plain, title=title, format="markdown")
    return RawReport(text=text, format="text")


# -- decoding ----------------------------------------------------------------------------------------


def _too_large(size: int) -> str:
    return f"file is {size / _MB:.1f} MB, over the {MAX_BYTES // _MB} MB limit"


def decode_text(data: bytes, name: str) -> str:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else clean cp1252 text.

    Raises InputError for binary data (known magic numbers, NUL bytes, many control characters) and for
    bytes that are in no encoding we accept ("not UTF-8 text").
    """
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(f"binary file ({what}), not text", source=name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_texty(data.decode("utf-16"), name)
        except UnicodeDecodeError:
            raise InputError("not valid UTF-16 text despite its byte-order mark", source=name) from None
    if b"\x00" in data[:65536] or b"\x00" in data[-4096:]:
        raise InputError("binary file (it contains NUL bytes), not text", source=name)
    try:
        return _check_texty(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        pass
    # Legacy Windows text is common in older newsroom archives; accept it only when every byte maps to a
    # character (cp1252 leaves five bytes undefined) and the result reads like text.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", source=name) from None
    if not _looks_like_text(text):
        raise InputError("not UTF-8 text", source=name)
    return text


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch not in "\n\r\t\f\v" and unicodedata.category(ch) in ("Cc", "Co", "Cs"))
    return bad / len(sample)


def _check_texty(text: str, name: str) -> str:
    """Refuse decoded text that is mostly control characters (binary data that happened to decode)."""
    if _control_share(text) > 0.05:
        raise InputError("binary file (mostly non-text bytes), not text", source=name)
    return text


def _looks_like_text(text: str) -> bool:
    """A cp1252 decoding that is plausibly prose: few controls, mostly letters, spaces and punctuation."""
    sample = text[:20000]
    if _control_share(sample) > 0.001:
        return False
    letters = sum(1 for ch in sample if ch.isalpha() or ch.isspace())
    return letters / max(1, len(sample)) > 0.7


# -- format ------------------------------------------------------------------------------------------

_HTML_SNIFF = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.I | re.S,
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|section|span|a|h[1-6]|br|script|meta|title)\b[^>]*>", re.I)
_MD_SNIFF = re.compile(
    r"^(?:#{1,6}\s+\S|\s*[-*+]\s+\S.*\n\s*[-*+]\s+\S)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*", re.M
)


def guess_format(name: str, text: str, content_type: str | None = None) -> str:
    """``html``, ``markdown`` or ``text``: content type first, then extension, then the content itself."""
    if content_type:
        ctype = content_type.split(";")[0].strip().lower()
        if ctype in ("text/html", "application/xhtml+xml"):
            return "html"
        if ctype in ("text/markdown", "text/x-markdown"):
            return "markdown"
    ext = Path(name).suffix.lower() if name not in ("-", "<stdin>") else ""
    if ext in _HTML_EXT:
        return "html"
    if ext in _MD_EXT:
        return "markdown"
    head = text[:4096]
    # A page saved as .txt (or piped on stdin) is still HTML when it starts like HTML.
    if _HTML_SNIFF.match(head) or (ext not in _TEXT_EXT and len(_HTML_TAGS.findall(head)) >= 3):
        return "html"
    if ext == "" and len(_HTML_TAGS.findall(head)) >= 5:
        return "html"
    if ext not in (".txt", ".text") and len(_MD_SNIFF.findall(head)) >= 2:
        return "markdown"
    return "text"


def _check_not_empty(text: str, name: str) -> None:
    if not text.strip():
        raise InputError("no readable text", source=name)


# -- Markdown ----------------------------------------------------------------------------------------

_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # inline links -> their text
    (re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]"), r"\1"),  # reference links -> their text
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emphasis_ (not snake_case)
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_MD_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_BULLET = re.compile(r"^(\s*)[-*+]\s+")


def strip_markdown(text: str) -> tuple[str, str | None]:
    """Plain text from Markdown, lightly: headings, emphasis, links, quotes and bullets lose their marks.

    Returns the text and the first heading (as a title), if any. Numbered lists, tables and raw HTML are
    kept as they are: the aim is prose the extractor reads well, not a full Markdown renderer.
    """
    out: list[str] = []
    title: str | None = None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if _MD_FENCE.match(line) or _MD_REFDEF.match(line):
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(2)
            if title is None:
                title = _inline(line).strip() or None
        elif _MD_RULE.match(line):
            out.append("")
            continue
        elif _MD_SETEXT.match(line) and i > 0 and lines[i - 1].strip() and out:
            if title is None:
                title = out[-1].strip() or None
            continue
        while _MD_QUOTE.match(line):
            line = _MD_QUOTE.sub("", line, count=1)
        line = _MD_BULLET.sub(r"\1", line)
        out.append(_inline(line))
    return "\n".join(out).strip("\n"), title


def _inline(line: str) -> str:
    for pattern, repl in _MD_RULES:
        line = pattern.sub(repl, line)
    return line


# -- HTML --------------------------------------------------------------------------------------------


def _from_html(html: str, name: str) -> RawReport:
    """Main text, title, date, URL and site name of an HTML page (trafilatura, else lxml's text)."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_recall=True,
            as_dict=False,
        )
    except Exception:  # trafilatura can fail on odd markup; the lxml fallback below still reads it
        doc = None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    title = _clean_meta(getattr(doc, "title", None)) if doc is not None else None
    url = _clean_meta(getattr(doc, "url", None)) if doc is not None else None
    site = _clean_meta(getattr(doc, "sitename", None)) if doc is not None else None
    published = _meta_date(getattr(doc, "date", None)) if doc is not None else None
    if not _has_words(text):
        text, fallback_title = _lxml_text(html)
        title = title or fallback_title
    # One blank line between blocks: the extractor then sees each block as its own paragraph, so a
    # headline never runs into the first sentence.
    text = re.sub(r"\n+", "\n\n", text.strip())
    if not _has_words(text):
        raise InputError("no readable text in the HTML", source=name)
    return RawReport(text=text, title=title, published=published, url=url, source=site, format="html")


def _has_words(text: str) -> bool:
    return sum(1 for ch in text if ch.isalpha()) >= 3


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _meta_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "article",
    "section",
    "blockquote",
)


def _lxml_text(html: str) -> tuple[str, str | None]:
    """The visible text of a page without scripts, styles or templates: the fallback to trafilatura."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(
            html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        return "", None
    title_el = root.find(".//title")
    title = _clean_meta(title_el.text_content()) if title_el is not None else None
    for el in root.xpath("//script|//style|//noscript|//template|//head|//svg|//iframe"):
        el.drop_tree()
    # Block elements end lines, so paragraphs do not run together.
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    text = "\n".join(line for line in lines if line)
    return text, title
