"""The engine-agnostic extractor: one object that loads its models once and turns reports into results.

Local worker processes and the Ray engine both construct one :class:`Extractor` per worker and call
:meth:`Extractor.extract_batch`; nothing here knows which engine runs it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from frontlines.errors import InputError
from frontlines.extract.mentions import Analysis, EntitySpan
from frontlines.ids import document_key
from frontlines.model import Result
from frontlines.version import EXTRACTOR_VERSION

MAX_TEXT_CHARS = 2_000_000  # longer "reports" are refused: no news story is 2 MB of text
STAGES = ("prepare", "ner", "resolve", "parse", "events")  # the keys of Extractor.stage_seconds


@dataclass
class ReportInput:
    """One report to extract: the contract's JSONL fields."""

    text: str
    id: str | None = None
    title: str | None = None
    published: dt.date | str | None = None
    url: str | None = None
    source: str | None = None


def parse_date(value: dt.date | str | None, *, what: str = "date") -> dt.date | None:
    """A YYYY-MM-DD string (or date, or ISO datetime string) as a date; InputError when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{what} {text!r} is not a YYYY-MM-DD date", source=what) from None


def clean_text(text: str) -> str:
    """NFC, unified newlines, no NUL or other control characters (offsets then index this text)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\ufeff", "")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


class Extractor:
    """Turns reports into :class:`frontlines.model.Result` objects.

    Construct once (it loads the spaCy model, the gazetteer and the lexicons) and reuse::

        ex = Extractor()
        result = ex.extract("KABUL (Aug. 9, 2021) - The Taliban captured ...")
    """

    def __init__(
        self, *, warm: bool = True, reuse_entities: bool | None = None, prefilter: str | None = None
    ) -> None:
        from frontlines.extract.prefilter import MODES
        from frontlines.nlp.pipeline import full_pipeline, ner_pipeline

        # The document pre-filter (frontlines/extract/prefilter.py): "cues", the default, lets a report
        # without any event trigger cue skip the NLP (it could not yield an event anyway); "words" is the
        # broader, inexact word list for bulk runs; "off" extracts places and actors from every report.
        self.prefilter = prefilter or os.environ.get("FRONTLINES_PREFILTER", "") or "cues"
        if self.prefilter not in MODES:
            raise ValueError(f"unknown pre-filter {self.prefilter!r}: expected one of {', '.join(MODES)}")

        self._ner = ner_pipeline()
        self._full = full_pipeline()
        # The candidate parse reuses the paragraph NER's entities instead of running NER again on each
        # sentence (a quarter of the parse's cost).  FRONTLINES_REPARSE_NER=1 restores the second NER pass,
        # for comparing outputs; see bench/README.md.
        if reuse_entities is None:
            reuse_entities = os.environ.get("FRONTLINES_REPARSE_NER", "") != "1"
        self.reuse_entities = reuse_entities
        # Seconds spent in each step since construction (a handful of perf_counter calls per batch, so
        # always on); bench/bench_extract.py prints them as the per-stage split.
        self.stage_seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        if warm:
            self.warm_up()

    @staticmethod
    def warm_up() -> None:
        """Load every lexicon and index now rather than on the first report."""
        from frontlines.extract import actors, dates, events, numbers, places, speakers

        for step in (places, actors, speakers, dates, numbers, events):
            step.load_resources()
        # The per-country name lists behind fuzzy place matching are otherwise built on the first report
        # that needs them (~0.5 s): built here they are load time, and shared by preloaded workers.
        from frontlines.extract.gazetteer import get_gazetteer

        get_gazetteer().country_keys("")

    # -- public API ---------------------------------------------------------------------------------

    def extract(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
        id: str | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> Result:
        """Extract one report."""
        report = ReportInput(text=text, id=id, title=title, published=published, url=url, source=source)
        return next(iter(self.extract_batch([report])))

    def extract_batch(self, reports: Iterable[ReportInput], batch_size: int = 64) -> Iterator[Result]:
        """Extract many reports, in order, running spaCy over them in batches."""
        batch: list[ReportInput] = []
        for report in reports:
            batch.append(report)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    # -- steps --------------------------------------------------------------------------------------

    def _run_batch(self, reports: list[ReportInput]) -> list[Result]:
        clock = self.stage_seconds
        t0 = time.perf_counter()
        analyses = [self._prepare(r) for r in reports]
        english = [a for a in analyses if a.language == "en" and self._passes(a)]
        t1 = time.perf_counter()
        self._segment(english)
        t2 = time.perf_counter()
        for a in english:
            self._resolve(a)
        t3 = time.perf_counter()
        self._parse_candidates(english)
        t4 = time.perf_counter()
        kept = {id(a) for a in english}
        results = [self._finish(a, id(a) in kept) for a in analyses]
        t5 = time.perf_counter()
        for stage, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            clock[stage] += seconds
        return results

    def _passes(self, a: Analysis) -> bool:
        """Whether the report goes through the NLP; a rejected one is told why in its warnings."""
        from frontlines.extract.prefilter import REJECTED_WARNING, passes

        if passes(a.text, self.prefilter):
            return True
        a.warnings.append(REJECTED_WARNING)
        return False

    def _prepare(self, report: ReportInput) -> Analysis:
        from frontlines.ingest.dateline import find_dateline
        from frontlines.ingest.language import detect_language

        if not isinstance(report.text, str):
            raise InputError("text is not a string", source=report.id or "report")
        text = clean_text(report.text)
        if not text.strip():
            raise InputError("the report is empty", source=report.id or "report")
        if len(text) > MAX_TEXT_CHARS:
            raise InputError(
                f"the report is {len(text):,} characters long, over the {MAX_TEXT_CHARS:,} limit",
                source=report.id or "report",
            )
        published = parse_date(report.published, what="published date")
        warnings: list[str] = []
        if published is None:
            published = find_dateline(text)
        language = detect_language(text)
        if language != "en":
            warnings.append(f"the report is in {language!r}, not English: no events are extracted")
        if published is None:
            warnings.append(
                "no publication date given or found in a dateline: relative dates are not resolved"
            )
        return Analysis(
            id=report.id or document_key(text),
            text=text,
            published=published,
            language=language,
            source=report.source,
            title=report.title,
            url=report.url,
            warnings=warnings,
        )

    def _segment(self, analyses: list[Analysis]) -> None:
        """Turns, paragraphs and sentences, and NER over every paragraph (one nlp.pipe for the batch)."""
        from frontlines.nlp.structure import find_turns, make_sentence, paragraphs

        segments: list[tuple[str, tuple[int, int, int]]] = []
        for ai, a in enumerate(analyses):
            a.turns = find_turns(a.text)
            turn_starts = {t.label_start: t.start for t in a.turns}
            for pi, (start, end) in enumerate(paragraphs(a.text)):
                lead = len(a.text[start:end]) - len(a.text[start:end].lstrip())
                body_start = turn_starts.get(start + lead, start)
                if body_start >= end:
                    continue
                segments.append((a.text[body_start:end], (ai, pi, body_start)))
        for doc, (ai, pi, offset) in self._ner.pipe(segments, as_tuples=True, batch_size=256):
            a = analyses[ai]
            for sent in doc.sents:
                if not sent.text.strip():
                    continue
                s_start = offset + sent.start_char
                s_end = offset + sent.end_char
                a.sentences.append(make_sentence(len(a.sentences), s_start, s_end, a.text, pi, a.turns))
            for ent in doc.ents:
                a.entities.append(
                    EntitySpan(offset + ent.start_char, offset + ent.end_char, ent.text, ent.label_)
                )

    @staticmethod
    def _resolve(a: Analysis) -> None:
        """Who, where, when and how many: each step fills its part of the analysis."""
        from frontlines.extract import actors, dates, numbers, places, speakers

        places.find_places(a)  # first: the report's country is context for actors
        actors.find_actors(a)
        speakers.find_speakers(a)
        dates.find_dates(a)
        numbers.find_casualties(a)

    def _parse_candidates(self, analyses: list[Analysis]) -> None:
        """Full parse only of the sentences that may hold an event (the cheap pre-filter)."""
        from frontlines.extract import events

        jobs: list[tuple[str, tuple[int, int]]] = []
        for ai, a in enumerate(analyses):
            for si in events.candidate_sentences(a):
                jobs.append((a.sentences[si].text, (ai, si)))
        disable = ["ner"] if self.reuse_entities else []
        for doc, (ai, si) in self._full.pipe(jobs, as_tuples=True, batch_size=128, disable=disable):
            a = analyses[ai]
            if self.reuse_entities:
                _set_entities(doc, a, a.sentences[si].start)
            a.parsed[si] = doc

    @staticmethod
    def _finish(a: Analysis, analysed: bool = True) -> Result:
        """The result; ``analysed`` is False for a report the language check or the pre-filter set aside."""
        from frontlines.extract import claims, events

        event_list = events.extract_events(a) if analysed else []
        claim_list = claims.extract_claims(a, event_list) if analysed else []
        return Result(
            id=a.id,
            text=a.text,
            language=a.language,
            published=a.published.isoformat() if a.published else None,
            speakers=a.speakers,
            actors=a.actors,
            places=a.places,
            events=event_list,
            claims=claim_list,
            warnings=a.warnings,
            title=a.title,
            url=a.url,
            source=a.source,
            document_key=document_key(a.text),
            extractor_version=EXTRACTOR_VERSION,
        )


def _set_entities(doc: Any, a: Analysis, offset: int) -> None:
    """Give a sentence's parse the entities the paragraph NER found in it (token.ent_type_ is read by the
    event rules), so that NER need not run a second time on the sentence alone."""
    end = offset + len(doc.text)
    spans = []
    last = 0
    for e in a.entities:  # in text order, non-overlapping (one NER pass per paragraph)
        if e.start < offset or e.end > end:
            continue
        span = doc.char_span(e.start - offset, e.end - offset, label=e.label, alignment_mode="contract")
        if span is not None and span.start >= last:
            spans.append(span)
            last = span.end
    doc.set_ents(spans, default="outside")


_default: Extractor | None = None


def default_extractor() -> Extractor:
    """A process-wide extractor, built on first use."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(text: str, **kwargs: Any) -> Result:
    """Extract one report with the process-wide extractor (see :meth:`Extractor.extract`)."""
    return default_extractor().extract(text, **kwargs)
