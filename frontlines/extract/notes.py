"""ACLED-style one-sentence notes for events ("On 8 August 2021, Taliban captured Kunduz (Kunduz,
Afghanistan). ..."), from templates in ``frontlines/data/events/notes.yaml``."""

from __future__ import annotations

import datetime as dt
import functools
import re

from frontlines.data.loader import load_yaml, require
from frontlines.model import EVENT_TYPE_OF, Event

NOTES_FILE = "events/notes.yaml"
_MODALITY_SUFFIX = {
    "claimed": "(claimed by a party to the conflict)",
    "denied": "(denied)",
    "hypothetical": "(threatened or planned; not reported as having happened)",
    "negated": "(reported as not having happened)",
}


@functools.cache
def templates() -> dict[str, str]:
    """Sub-event type -> note template (loaded once; DataFileError when one is missing)."""
    data = load_yaml(NOTES_FILE)
    require(isinstance(data, dict), NOTES_FILE, "top level", "expected a mapping")
    for sub in EVENT_TYPE_OF:
        require(isinstance(data.get(sub), str), NOTES_FILE, sub, "missing template")
    return dict(data)


def _date(value: str | None) -> str:
    if not value:
        return "an unknown date"
    d = dt.date.fromisoformat(value)
    return f"{d.day} {d.strftime('%B %Y')}"


def _where(ev: Event, town: str | None = None) -> str:
    if town and ev.location and ev.location == ev.admin1:
        # known only to its province: "Rubaya (North Kivu, Democratic Republic of Congo)"
        return f"{town} ({', '.join(p for p in (ev.admin1, ev.country) if p)})"
    if not ev.location:
        return ev.country or "an unknown location"
    parts = [p for p in (ev.admin1, ev.country) if p]
    return f"{ev.location} ({', '.join(parts)})" if parts else ev.location


def note_for(ev: Event, town: str | None = None) -> str:
    """The event's note: the template filled in, plus fatalities and modality.  ``town``: the name the
    report gives a place coded only at its province (the gazetteer lacks it)."""
    text = templates()[ev.sub_event_type].format(
        date=_date(ev.event_date),
        actor1=ev.actor1 or "unidentified actors",
        actor2=ev.actor2 or "unidentified targets",
        where=_where(ev, town),
    )
    text = re.sub(r" (?:against|on|targeting|with|from|at) unidentified targets", "", text)
    extras = []
    if ev.fatalities:
        extras.append(f"{ev.fatalities} {'person was' if ev.fatalities == 1 else 'people were'} killed")
    if ev.injured:
        extras.append(f"{ev.injured} injured")
    if ev.arrested:
        extras.append(f"{ev.arrested} arrested")
    if extras:
        text = text[:-1] + "; " + ", ".join(extras) + "."
    if ev.historical:
        text = text[:-1] + " (background mention)."
    suffix = _MODALITY_SUFFIX.get(ev.modality)
    if suffix:
        text = text[:-1] + f" {suffix}."
    return text
