"""A report's structure: paragraphs, interview turns and sentences, with offsets into the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from frontlines.extract.mentions import Sentence, Turn

# A turn label opens a line: one to five capitalised words (or Q/A, "Interviewer"), then a colon.
# "KABUL, Afghanistan (Jan. 8)" style datelines do not match (no colon right after the name).
_TURN = re.compile(
    r"^[ \t]*(?P<label>(?:[A-Z][\w'’.\-]*|al|el|bin|de|van|von)(?:[ \t]+(?:[A-Z][\w'’.\-]*|al|el|bin|de|van|von)){0,4})[ \t]*:[ \t]+(?=\S)",
    re.MULTILINE,
)
_NOT_LABELS = {"Note", "Update", "Source", "Editor", "Photo", "Read more", "Related", "Warning", "Breaking"}
_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: runs of non-blank lines.  Each line is its own paragraph when the
    report has no blank lines (many scraped texts put one paragraph per line)."""
    if "\n\n" not in text and text.count("\n") > 2:
        for m in re.finditer(r"[^\n]+", text):
            if m.group().strip():
                yield m.start(), m.end()
        return
    for m in _PARA.finditer(text):
        if m.group().strip():
            yield m.start(), m.end()


def find_turns(text: str) -> list[Turn]:
    """Interview turns.  A label counts only if it recurs or the report has two or more labels, so a
    lone "Reuters: ..." style line is not mistaken for a turn."""
    raw = []
    for m in _TURN.finditer(text):
        label = m.group("label").strip()
        if label in _NOT_LABELS or len(label) > 60:
            continue
        raw.append((label, m.start("label"), m.end("label"), m.end()))
    if len(raw) < 2:
        return []
    turns: list[Turn] = []
    for i, (label, ls, le, start) in enumerate(raw):
        end = raw[i + 1][1] if i + 1 < len(raw) else len(text)
        turns.append(Turn(label=label, label_start=ls, label_end=le, start=start, end=end))
    return turns


def label_at(turns: list[Turn], offset: int) -> str | None:
    """The turn label in force at an offset."""
    for t in turns:
        if t.label_start <= offset < t.end:
            return t.label
    return None


def make_sentence(index: int, start: int, end: int, text: str, paragraph: int, turns: list[Turn]) -> Sentence:
    """A Sentence with its interview speaker and whether it is a question."""
    body = text[start:end]
    return Sentence(
        index=index,
        start=start,
        end=end,
        text=body,
        paragraph=paragraph,
        speaker_label=label_at(turns, start),
        is_question=body.rstrip().endswith("?"),
    )
