"""What the extractors find in a report, with character offsets into the report's text.

These are the working objects passed between the steps of :class:`frontlines.extract.extractor.Extractor`;
the public result (``frontlines.model``) is built from them at the end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from frontlines.model import Actor, Place, Speaker


@dataclass
class Sentence:
    """A sentence; ``speaker_label`` is the interview turn label in force ("Jamal"), if any."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    speaker_label: str | None = None
    is_question: bool = False


@dataclass
class Turn:
    """An interview turn: a line opening with a speaker label ("Al Jazeera:", "Jamal:")."""

    label: str
    label_start: int
    label_end: int
    start: int  # where the turn's words start (after the colon)
    end: int


@dataclass
class EntitySpan:
    """A named entity found by spaCy's NER (labels as spaCy's: PERSON, ORG, GPE, LOC, NORP, DATE ...)."""

    start: int
    end: int
    text: str
    label: str


@dataclass
class SpeakerMention:
    speaker_id: str
    start: int
    end: int
    text: str


@dataclass
class ActorMention:
    """A reference to an actor; ``actor`` carries the canonical name, inter code and ISO3."""

    actor: Actor
    start: int
    end: int
    text: str


@dataclass
class PlaceMention:
    place: Place
    start: int
    end: int
    text: str


@dataclass
class DateMention:
    """A date expression resolved against the publication date.

    ``precision``: 1 exact day, 2 within a week, 3 within a month, 4 a year or vaguer.
    ``end_date`` is set for spans ("in the past three days").
    """

    start: int
    end: int
    text: str
    date: dt.date
    precision: int
    end_date: dt.date | None = None


@dataclass
class CasualtyMention:
    """A count of people killed, injured or arrested; ``low``/``high`` keep a reported range."""

    kind: str  # "killed" | "injured" | "arrested"
    low: int
    high: int
    start: int
    end: int
    text: str
    civilians: bool | None = None  # True when the count is of civilians, None when not said


@dataclass
class Analysis:
    """Everything known about one report while it is being extracted."""

    id: str
    text: str
    published: dt.date | None
    language: str | None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    entities: list[EntitySpan] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    speaker_mentions: list[SpeakerMention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    place_mentions: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    casualties: list[CasualtyMention] = field(default_factory=list)
    # sentence index -> spaCy Doc of that sentence (full parse), only for sentences that may hold events
    parsed: dict[int, Any] = field(default_factory=dict)
    country_iso2: str | None = None  # the report's dominant country, once places are resolved
    warnings: list[str] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def in_sentence(self, items: list[Any], sentence: Sentence) -> list[Any]:
        """The mentions (anything with start/end) that fall inside a sentence."""
        return [m for m in items if sentence.start <= m.start and m.end <= sentence.end]
