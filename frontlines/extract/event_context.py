"""Where and when an event happened: its place and date from the mentions around its sentence.

Places: the mentions in the sentence, then the paragraph, then the report's main place.  Dates: the
sentence, then the paragraph, then the report's lead, then the publication date.  Both degrade to
"unknown" when the places or dates steps found nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from frontlines.extract.mentions import Analysis, DateMention, PlaceMention, Sentence
from frontlines.model import Place

_PRECISION = {"populated place": 1, "other": 1, "admin2": 2, "admin1": 3, "country": 3}
_RANK = {"populated place": 0, "other": 1, "admin2": 2, "admin1": 3, "country": 4}
_NEAR = re.compile(
    r"(?:near|outside|outskirts of|vicinity of|close to|km (?:from|of|north|south|east|west)\w*|"
    r"kilometers? from|kilometres? from|miles (?:from|outside)|around)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# A place named as a reference point ("an hour's drive from Kabul", "70 km south of Kabul") is not where.
_REFERENCE = re.compile(
    r"(?:from|toward|towards|km|kilometres|kilometers|miles|(?:north|south|east|west)(?:east|west)? of|"
    r"(?:road|route|highway|motorway|corridor|way)\s+(?:to|from|linking|between))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Where people went, not where it happened: "a resident who fled to Mizoram", "took refuge in Uganda".
_DESTINATION = re.compile(
    r"(?:fled|flee(?:ing|s)?|escaped|crossed|evacuated|displaced|relocated|deported|returned)\s+"
    r"(?:\w+\s+)?(?:to|into|across|over to)\s+(?:the\s+)?$|(?:refuge|shelter|asylum)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PREP = re.compile(r"\b(?:in|at|near|on|outside|into|of|from|around|across)\s+(?:the\s+)?$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
LEAD_SENTENCES = 3


@dataclass
class Where:
    """The chosen place and the ACLED geo precision (1 town, 2 near a town or a district, 3 province+)."""

    place: Place | None
    precision: int
    mention: PlaceMention | None = None


@dataclass
class When:
    """The event date, ACLED time precision, and whether it came from the report (vs. the fallback)."""

    date: dt.date | None
    precision: int
    explicit: bool
    level: str = "fallback"  # sentence | paragraph | lead | fallback: where the date was read
    span_days: int = 0  # the length of the sentence's own date span ("in the past four months"), if any


_DATELINE_DATE = re.compile(r"\((?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]+|\d{4}-\d\d)")


def in_dateline(text: str, start: int, end: int) -> bool:
    """Is a mention part of a dateline ("KABUL, Afghanistan (Nov. 23, 2011)")?  Such a place is where the
    report was filed and such a date when: neither is the event's when the body says otherwise."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if start - line_start > 60:
        return False
    m = _DATELINE_DATE.search(line[:80])
    if m:
        # up to the date's closing bracket: "KABUL, Afghanistan (Apr. 29, 2012) - In Qalat district, ..."
        close = line.find(")", m.end())
        return start - line_start < (close + 1 if close >= 0 else m.end())
    word = text[start:end]
    return len(word) >= 4 and word.isupper() and bool(re.match(r"\s*[,(\-–—]", text[end : end + 3]))


def _best_place(mentions: list[PlaceMention], text: str, allow_dateline: bool = False) -> Where | None:
    if not mentions:
        return None
    usable = [m for m in mentions if m.place is not None and not is_destination(text, m)]
    usable = [m for m in usable if allow_dateline or not in_dateline(text, m.start, m.end)]
    if not usable:
        return None

    # The most precise place; among equals one introduced by "in/at/near" (not a dateline), then the first.
    def key(m: PlaceMention) -> tuple[int, int, int, int]:
        before = text[max(0, m.start - 12) : m.start].lower()
        introduced = bool(_PREP.search(before))
        reference = bool(_REFERENCE.search(text[max(0, m.start - 25) : m.start]))
        return (int(reference), _RANK.get(m.place.feature, 5), int(not introduced), m.start)

    best = min(usable, key=key)
    precision = _PRECISION.get(best.place.feature, 3)
    if precision == 1 and _NEAR.search(text[max(0, best.start - 40) : best.start]):
        precision = 2
    return Where(best.place, precision, best)


def is_destination(text: str, m: PlaceMention) -> bool:
    """Is a place named as where people fled or crossed to ("fled to Mizoram")?  Never the event's place."""
    return bool(_DESTINATION.search(text[max(0, m.start - 40) : m.start]))


# "the town of Rubaya", "the village of Kibirizi": a named place, whether or not the gazetteer knows it.
_NAMED_TOWN = re.compile(
    r"\b(?:town|city|village|locality|settlement|hamlet|camp) of ([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)"
)
_THE_TOWN = re.compile(r"\bthe (?:town|city|village|locality|settlement)\b", re.IGNORECASE)


def unknown_town_name(a: Analysis, lo: int, hi: int) -> str | None:
    """The first town named in text[lo:hi] ("the town of Rubaya") that the places step did not resolve."""
    for m in _NAMED_TOWN.finditer(a.text, lo, hi):
        start, end = m.start(1), m.end(1)
        if not any(p.start < end and start < p.end for p in a.place_mentions if p.place is not None):
            return m.group(1)
    return None


def names_unknown_town(a: Analysis, s: Sentence) -> bool:
    """Does the sentence name a town the places step could not resolve ("the town of Rubaya"), or say
    "the town" in a report that named one earlier?  Then no other town of the report is its place."""
    if unknown_town_name(a, s.start, s.end) is not None:
        return True
    return bool(_THE_TOWN.search(s.text)) and unknown_town_name(a, 0, s.start) is not None


def province_of(place: Place) -> Place | None:
    """The province (admin1) a place lies in, as a place; the place itself when it is one."""
    from frontlines.extract import gazetteer

    if place.feature == "admin1":
        return place
    if not place.admin1:
        return None
    gaz = gazetteer.get_gazetteer()
    for _score, eid in gazetteer.lookup(
        place.admin1, place.iso3 or place.country, feature="admin1", fuzzy=False
    ):
        if gaz.entries[eid][gazetteer.FEATURE] == "admin1":
            return gaz.place(eid)
    return None


def main_place(a: Analysis) -> Place | None:
    """The report's main place: the most mentioned town, else the most mentioned province or country
    (worked out once per report: every event without a place of its own asks)."""
    if "_main_place" not in a.__dict__:
        a.__dict__["_main_place"] = _main_place(a)
    return a.__dict__["_main_place"]


def _main_place(a: Analysis) -> Place | None:
    if not a.place_mentions:
        return None
    counts: Counter[str] = Counter()
    by_id: dict[str, Place] = {}
    first: dict[str, int] = {}
    for m in a.place_mentions:
        if m.place is None or in_dateline(a.text, m.start, m.end) or is_destination(a.text, m):
            continue
        counts[m.place.id] += 1
        by_id[m.place.id] = m.place
        first.setdefault(m.place.id, m.start)
    if not counts:
        return None
    home = dominant_country(a)
    if home:
        by_id = {k: p for k, p in by_id.items() if p.country == home} or by_id
    return min(
        by_id.values(),
        key=lambda p: (p.feature == "country", _RANK.get(p.feature, 5) >= 3, -counts[p.id], first[p.id]),
    )


def dominant_country(a: Analysis) -> str | None:
    """The country most of the report's place mentions are in (once per report)."""
    if "_dominant_country" not in a.__dict__:
        a.__dict__["_dominant_country"] = _dominant_country(a)
    return a.__dict__["_dominant_country"]


def _dominant_country(a: Analysis) -> str | None:
    # The lead paragraph's places weigh double, and where people fled to does not count: a report on a
    # town taken in Chin State whose residents fled to India is about Myanmar.
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in a.place_mentions:
        if not (m.place and m.place.country) or is_destination(a.text, m):
            continue
        st = a.sentence_at(m.start)
        counts[m.place.country] += 2 if st is not None and st.paragraph <= 1 else 1
        first.setdefault(m.place.country, m.start)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], first[c]))


def where(a: Analysis, s: Sentence) -> Where:
    """The event's place: the sentence's most precise place, else the paragraph's, else the report's.

    Places outside the report's dominant country give way to places inside it (a sentence naming both
    "Pakistan" and a district is about the district); a country alone gives way to a more precise place
    in the same country from the paragraph or the report.
    """
    home = dominant_country(a)

    def local(ms: list[PlaceMention]) -> list[PlaceMention]:
        inside = [m for m in ms if m.place and m.place.country == home]
        return inside or ms

    own = _best_place(local(a.in_sentence(a.place_mentions, s)), a.text)
    if own and own.place and own.place.feature != "country":
        return own
    if names_unknown_town(a, s):
        # "captured the town of Rubaya" (a village the gazetteer lacks): its province, not some other
        # town of the report
        main = main_place(a)
        if main is None:  # only the dateline names a place: the filing town's province, never the town
            filed = _best_place(local(a.place_mentions), a.text, allow_dateline=True)
            main = filed.place if filed is not None else None
        province = province_of(main) if main is not None else None
        if province is not None:
            return Where(province, 3)
    # Another sentence's reference point ("to protect the road to Sennar") is not where this happened.
    para = [
        m
        for m in a.place_mentions
        if (st := a.sentence_at(m.start)) is not None
        and st.paragraph == s.paragraph
        and (st.index == s.index or not _REFERENCE.search(a.text[max(0, m.start - 25) : m.start]))
    ]
    found = _best_place(local(para), a.text)
    if found and found.place and found.place.feature != "country":
        if own is None or own.place is None or found.place.country == own.place.country:
            return Where(found.place, 2 if found.precision == 1 else found.precision, found.mention)
    place = main_place(a)
    if (
        place is not None
        and place.feature != "country"
        and (own is None or own.place is None or place.country == own.place.country)
    ):
        return Where(place, max(2, _PRECISION.get(place.feature, 3)))
    # Nothing more precise than a country in the body: the dateline's town (where the report was filed is
    # often where it happened) beats the bare country.
    dateline = _best_place(local(a.in_sentence(a.place_mentions, s)), a.text, allow_dateline=True)
    if dateline is None or dateline.place is None or dateline.place.feature == "country":
        dateline = _best_place(local(a.place_mentions), a.text, allow_dateline=True)
    if dateline and dateline.place and dateline.place.feature != "country":
        known = own or found
        if known is None or known.place is None or known.place.country == dateline.place.country:
            return Where(dateline.place, 2)
    if own:
        return own
    if found:
        return found
    if place:
        return Where(place, 3)
    return Where(dateline.place, 3) if dateline else Where(None, 3)


def _precise(dates: list[DateMention], text: str = "", near: int | None = None) -> DateMention | None:
    """The date mention that names a day or week (not a span, not a year): outside a dateline when the
    body has one, and the one nearest ``near`` (the trigger) when given, else the first."""
    found = [d for d in dates if d.end_date is None and d.precision <= 3]
    if text:
        body = [d for d in found if not in_dateline(text, d.start, d.end)]
        found = body or found
    if not found:
        return None
    if near is None:
        return found[0]
    return min(found, key=lambda d: abs(d.start - near))


def _clamp(p: int) -> int:
    return min(max(p, 1), 3)


_SPEECH_BEFORE = re.compile(
    r"(?:said|says|told(?: \w+){0,2}|announced|stated|statement|reported|claimed|denied|confirmed|accused(?: \w+){0,3}|"
    r"added|tweeted|posted|briefing|conference)(?: (?:in|at|on|late|early|a|an|the|its|his|her|their|\w+ment|\w+ion)){0,4}\s*$",
    re.IGNORECASE,
)


# "today confirmed the arrest ...", "Today, Afghan and coalition forces confirmed ...": the day of the
# announcement, when the sentence dates the event itself elsewhere.
_SPEECH_AFTER = re.compile(r"^\s+(?:\w+\s+)?(?:confirmed|announced)\b", re.IGNORECASE)
_SPEECH_OPENING = re.compile(r"^\s*,\s*(?:[\w'’-]+\s+){1,8}?(?:confirmed|announced)\b", re.IGNORECASE)
_RECENTLY = re.compile(r"\b(?:recently|earlier|previously)\b", re.IGNORECASE)
# "since Oct. 1": the start of a running period, not the day of an event.
_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)


def _header_end(a: Analysis) -> int:
    """Where the report's body starts: a title or header line above a dateline ("Evening Operational
    Update May 20, 2011", "May 8: Operations in ...") dates the release, not the events."""
    from frontlines.ingest.dateline import body_start

    return body_start(a.text)


def _event_dates(a: Analysis) -> list[DateMention]:
    """The date mentions that can date an event: not the day something was said ("the army said on
    Wednesday", "forces today confirmed the arrest ... on Sept. 19"), which is when the report's source
    spoke, not when the event happened; not the start of a running period ("since Oct. 1"); not a date in
    the header above the body when the body has dates of its own."""
    out = []
    for d in a.dates:
        before = a.text[max(0, d.start - 50) : d.start]
        if _SINCE_BEFORE.search(before):
            continue
        if _said_on(a, d):
            continue
        st = a.sentence_at(d.start)
        after = a.text[d.end : d.end + 90]
        lead_in = a.text[st.start : d.start].strip() if st is not None else "x"
        opening = not lead_in or lead_in.endswith((")", "-", "–", "—"))  # after a dateline
        if _SPEECH_AFTER.match(after) or (opening and _SPEECH_OPENING.match(after)):
            others = [x for x in a.dates if x is not d and st is not None and st.start <= x.start < st.end]
            if others or _RECENTLY.search(after):
                # "today confirmed they recently detained ...": when the confirmed happening is dated
                # elsewhere, or only as recent, "today" is the day of the announcement
                continue
        out.append(d)
    head = _header_end(a)
    if head:
        body = [d for d in out if d.start >= head]
        if body:
            out = body
    return out


# A named calendar week ("last week", "earlier this week"), unlike a running span ("in the past three
# days"), dates the sentence's event by itself.
_CALENDAR_WEEK = re.compile(r"\bweek\b", re.IGNORECASE)
# A named calendar month ("last month", "in March 2020"), not a running one ("the past month").
_CALENDAR_MONTH = re.compile(
    r"^(?:(?:last|this|earlier this|the previous|the same)\s+month|"
    r"(?:early|mid-?|late)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?)$",
    re.IGNORECASE,
)


def when(a: Analysis, s: Sentence, trigger_at: int | None = None) -> When:
    """The event's date: the sentence's own date, the paragraph's, the lead's, then the publication date.

    A year alone ("in 2015") is kept (precision 3) because it marks a background event; a span ("in the
    past three days") gives way to a precise date in the paragraph or lead, else its last day.
    """
    dates = _event_dates(a)
    own = a.in_sentence(dates, s)
    if trigger_at is not None:
        # "a strike on the commander behind the July 2 attack ... today": "July 2" names another event
        named = [m for m in own if _names_other_event(a.text, m, trigger_at)]
        rest = [m for m in own if m not in named]
        if named and any(not in_dateline(a.text, m.start, m.end) for m in rest):
            own = rest
    d = _precise(own, a.text, trigger_at)
    if d:
        return When(d.date, _clamp(d.precision), True, "sentence")
    year_only = [m for m in own if m.precision >= 4 and m.end_date is None]
    if year_only:
        return When(year_only[0].date, 3, True, "sentence")
    if not own and a.published and not dates:
        # No dates step output at all: a bare year in the sentence still marks background.
        m = _YEAR.search(s.text)
        if m and int(m.group(1)) < a.published.year:
            return When(dt.date(int(m.group(1)), 1, 1), 3, True, "sentence")
    spans = [m for m in own if m.end_date is not None]
    week = next((m for m in spans if _CALENDAR_WEEK.search(m.text)), None)
    if week is not None:
        # "Last week coalition forces conducted a strike": the sentence's own week, not another day
        return When(week.date, 2, True, "sentence")
    month = next((m for m in spans if _CALENDAR_MONTH.match(m.text.strip())), None)
    if month is not None:
        # "The swap was agreed at talks last month", "a ceasefire agreed in March 2020"
        return When(month.date, 3, True, "sentence")
    span_days = (spans[0].end_date - spans[0].date).days if spans and spans[0].end_date else 0
    if span_days > 31:
        return When(spans[0].end_date, 3, True, "sentence", span_days)
    # Another sentence's date dates this one only when it dates the happening told there, not when it
    # names another one ("the leader behind the Aug. 7 attack").
    dates = [m for m in dates if not _names_other_event(a.text, m)]
    para = [m for m in dates if (st := a.sentence_at(m.start)) is not None and st.paragraph == s.paragraph]
    d = _precise(para, a.text)
    if d and not _is_background(a, d):
        return When(d.date, _clamp(d.precision), True, "paragraph")
    lead_end = a.sentences[min(LEAD_SENTENCES, len(a.sentences)) - 1].end if a.sentences else 0
    lead = [m for m in dates if m.start < lead_end or (a.sentence_at(m.start) or s).paragraph <= 1]
    d = _precise(lead, a.text)
    if d and not _is_background(a, d):
        return When(d.date, _clamp(d.precision), True, "lead")
    if spans:
        last = spans[0].end_date
        if a.published and last and last > a.published:
            last = a.published
        return When(last, 2, True, "sentence")
    spoken = _speech_date(a, s)
    if spoken is not None:
        # "the army said on Friday": it happened by then (and an announcement happened then); nearer the
        # event than the publication date
        return When(spoken.date, 2, True, "speech")
    if a.published:
        return When(a.published, 2, False)
    return When(None, 3, False)


def _said_on(a: Analysis, d: DateMention) -> bool:
    """Is the date the day a source spoke ("said on Wednesday"), not an event's ("claimed the July 2
    bombing" names the bombing's)?"""
    return bool(_SPEECH_BEFORE.search(a.text[max(0, d.start - 50) : d.start])) and not _names_other_event(
        a.text, d
    )


def _speech_date(a: Analysis, s: Sentence) -> DateMention | None:
    """The day the sentence's source spoke ("the army said on Friday", "announced on Friday that"), if
    the sentence gives one: a single day, not in a dateline, at most 31 days before publication."""
    for d in a.in_sentence(a.dates, s):
        if d.end_date is not None or d.precision > 2 or in_dateline(a.text, d.start, d.end):
            continue
        if _said_on(a, d) and (a.published is None or (a.published - d.date).days <= 31):
            return d
    return None


# "the Aug. 7 attack", "the July 2 vehicle-borne IED attack", "Tuesday's bombing": a date used as the
# name of another happening (an attributive date between a determiner and a noun).
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|last)\s+$", re.IGNORECASE)
_ATTRIBUTIVE_AFTER = re.compile(
    r"^(?:\s+[A-Za-z][\w-]*){0,3}?\s+(?:attack|bombing|blast|raid|strike|ambush|assault|explosion|"
    r"operation|arrest|capture|killing|kidnapping|incident)s?\b"
)


def _names_other_event(text: str, d: DateMention, trigger_at: int | None = None) -> bool:
    """Is a date mention the name of a happening ("the Aug. 7 attack") rather than the date of one?
    With ``trigger_at``, a happening the trigger itself is part of is not another one: "claimed the
    July 2 attack" dates the attack, while "a strike on the commander behind the July 2 attack" does
    not date the strike."""
    before = text[max(0, d.start - 12) : d.start]
    after = text[d.end : d.end + 60]
    stripped = after.lstrip()
    m = _ATTRIBUTIVE_AFTER.match(" " + stripped)
    if not (m and _ATTRIBUTIVE_BEFORE.search(before)):
        return False
    if trigger_at is None:
        return True
    phrase_end = d.end + (len(after) - len(stripped)) + m.end() - 1
    return not d.start <= trigger_at < phrase_end


def _is_background(a: Analysis, d: DateMention) -> bool:
    return bool(a.published and (a.published - d.date).days > 365)


def is_historical(a: Analysis, date: dt.date | None, precision: int = 1) -> bool:
    """Is an event on this date background for the report?  Over a year before publication, or dated
    only to a month ("in September") more than a month before it."""
    if not (a.published and date):
        return False
    days = (a.published - date).days
    return days > 365 or (precision >= 3 and days > 45)
