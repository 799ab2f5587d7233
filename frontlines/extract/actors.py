"""Actors: groups and forces named in a report, resolved to ACLED-style canonical names.

The dictionary lives in ``frontlines/data/actors/*.yaml`` (one file per country or region, plus
``generic.yaml`` for forms such as "police" or "gunmen" that take the report's country).  Mentions are found
by a token-trie scan of the text (exact aliases, longest first), a scan of capitalised acronyms that are not
in the dictionary ("ANSDF", "A.N.D.S.F." -> the ANDSF's full name), and fuzzy/phonetic matching of spaCy's
ORG/NORP entities against every alias.  Canonical names, ``inter`` codes and state-force names depend on the
report's date and country: the Taliban are inter 2 until 14 August 2021 and inter 1 after.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

import pycountry
from rapidfuzz import fuzz, process

from frontlines.data.loader import list_data_files, load_yaml, require
from frontlines.extract import names
from frontlines.extract.mentions import ActorMention, Analysis
from frontlines.ids import short_hash
from frontlines.model import Actor

INTER_CODES = range(1, 9)
KINDS = {"state", "rebel", "militia", "civilians", "protesters", "rioters", "external"}
STATE_FORCE = {
    "military": "Military Forces of {country} ({period})",
    "police": "Police Forces of {country} ({period})",
}
_STATE_NAME = re.compile(r"^(Military|Police) Forces of (?P<country>.+?)(?: \((?P<period>[^)]*)\))?$")
_TOKEN = re.compile(r"[^\W_]+")
# Between two words of one alias: spaces, hyphens, apostrophes, dots ("U.S. forces"), an opening
# bracket ("CPI (Maoist)"); not a closing one: "Islamic State (IS) militants" is not the alias "IS militants".
_GAP = re.compile(r"[\s\-‐–'’./&(]{0,3}")
# Between a named group and a following generic noun that belongs to it ("Taliban fighters").
_TIGHT_GAP = re.compile(r"\)?[ \-]")  # "(IS) militants": the noun after an acronym in brackets
_OF_GAP = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){3,}|\b[A-Z]{3,8}\b")
_FUZZY_LABELS = {"ORG", "NORP"}
_FUZZY_CUTOFF = 88.0  # rapidfuzz ratio on normalised names; below this, near-homonyms match wrongly
_FUZZY_FLOOR = 75.0  # a phonetic or skeleton agreement may accept a candidate down to this ratio


@dataclass(frozen=True)
class Country:
    """A country the dictionary knows: its ACLED name, demonyms and governments (state-force periods)."""

    name: str
    iso3: str
    demonyms: tuple[str, ...]
    governments: tuple[tuple[str, dt.date | None, dt.date | None], ...]  # (label, from, until)


@dataclass
class Entry:
    """One dictionary entry.  Exactly one of ``name`` (a named actor), ``state`` (a country's military or
    police, named by government) or ``template`` (a generic actor of the report's country) is set."""

    source: str
    name: str | None = None
    state: str | None = None
    template: str | None = None
    iso3: str | None = None
    kind: str = "state"
    inter: tuple[tuple[dt.date | None, dt.date | None, int], ...] = ()
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    aliases: list[str] = field(default_factory=list)
    context_aliases: list[str] = field(default_factory=list)
    contexts: tuple[str, ...] = ()  # countries where context_aliases apply (default: iso3)
    primary: bool = False
    order: int = 0

    @property
    def generic(self) -> bool:
        """True when the entry needs the report's country to be named."""
        return self.iso3 is None and (self.state is not None or self.template is not None)


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    context_only: bool


@dataclass
class Lexicon:
    """Every index built from the data files, once per process."""

    entries: list[Entry]
    countries: dict[str, Country]
    trie: dict[str, list[tuple[tuple[str, ...], bool, str]]]  # first token -> (tokens, case_sensitive, key)
    alias_index: dict[str, list[Candidate]]  # alias key -> candidates
    country_words: dict[str, str]  # alias key of a country name or demonym -> iso3
    acronyms: dict[str, list[Entry]]
    near_acronyms: dict[str, list[Entry]]
    fuzzy_keys: list[str]  # normalised aliases for fuzzy matching
    fuzzy_map: dict[str, list[Candidate]]
    by_name: dict[str, Entry]


@dataclass
class Hit:
    """A stretch of text that names an actor (or a country, for context)."""

    start: int
    end: int
    candidates: list[Candidate]
    country: str | None = None  # iso3 when the hit is a country name or demonym


# -- loading and validation -------------------------------------------------------------------------


def _alias_key(tokens: tuple[str, ...]) -> str:
    return " ".join(tokens)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(names.strip_accents(t).lower() for t in _TOKEN.findall(text))


def _case_sensitive(alias: str) -> bool:
    """Acronyms ("IS", "AA", "JeM") match only as written: lowercase "is" or "let" are common words."""
    letters = [c for c in alias if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return False
    if all(c.isupper() for c in letters):
        return True
    return " " not in alias and len(letters) <= 4


def _date_or_none(value: object, relpath: str, where: str, key: str) -> dt.date | None:
    if value is None:
        return None
    require(isinstance(value, dt.date), relpath, where, f"{key!r} must be a YYYY-MM-DD date")
    return value  # type: ignore[return-value]


def _str_list(entry: dict, key: str, relpath: str, where: str) -> list[str]:
    value = entry.get(key) or []
    require(isinstance(value, list), relpath, where, f"{key!r} must be a list")
    for item in value:
        require(
            isinstance(item, str) and item.strip() != "",
            relpath,
            where,
            f"{key!r} has a non-text item {item!r}",
        )
    return [str(v) for v in value]


def _parse_inter(
    value: object, relpath: str, where: str
) -> tuple[tuple[dt.date | None, dt.date | None, int], ...]:
    if isinstance(value, int):
        require(value in INTER_CODES, relpath, where, f"inter {value} is not an ACLED code 1-8")
        return ((None, None, value),)
    require(
        isinstance(value, list) and bool(value), relpath, where, "'inter' must be a code or a list of periods"
    )
    assert isinstance(value, list)  # require() raised otherwise
    periods = []
    for item in value:
        require(isinstance(item, dict) and "inter" in item, relpath, where, "an inter period needs 'inter'")
        require(
            item["inter"] in INTER_CODES, relpath, where, f"inter {item['inter']} is not an ACLED code 1-8"
        )
        periods.append(
            (
                _date_or_none(item.get("from"), relpath, where, "from"),
                _date_or_none(item.get("until"), relpath, where, "until"),
                int(item["inter"]),
            )
        )
    return tuple(periods)


def _parse_country(raw: object, relpath: str, where: str) -> Country:
    require(isinstance(raw, dict), relpath, where, "a country must be a mapping")
    assert isinstance(raw, dict)
    for key in ("name", "iso3"):
        require(isinstance(raw.get(key), str), relpath, where, f"country needs {key!r}")
    iso3 = raw["iso3"]
    require(
        pycountry.countries.get(alpha_3=iso3) is not None, relpath, where, f"{iso3!r} is not an ISO3 code"
    )
    govs = []
    for g in raw.get("governments") or []:
        require(
            isinstance(g, dict) and isinstance(g.get("label"), str),
            relpath,
            where,
            "a government needs 'label'",
        )
        govs.append(
            (
                g["label"],
                _date_or_none(g.get("from"), relpath, where, "from"),
                _date_or_none(g.get("until"), relpath, where, "until"),
            )
        )
    require(bool(govs), relpath, where, f"country {raw['name']!r} has no governments")
    return Country(raw["name"], iso3, tuple(_str_list(raw, "demonyms", relpath, where)), tuple(govs))


def _parse_entry(raw: object, relpath: str, where: str, order: int) -> Entry:
    require(isinstance(raw, dict), relpath, where, "an actor entry must be a mapping")
    assert isinstance(raw, dict)
    kinds = [k for k in ("name", "state", "template") if raw.get(k) is not None]
    require(len(kinds) == 1, relpath, where, "exactly one of 'name', 'state', 'template' is needed")
    iso3 = raw.get("iso3")
    if iso3 is not None:
        require(
            pycountry.countries.get(alpha_3=str(iso3)) is not None, relpath, where, f"{iso3!r} is not ISO3"
        )
    aliases = _str_list(raw, "aliases", relpath, where)
    context = _str_list(raw, "context_aliases", relpath, where)
    entry = Entry(
        source=f"{relpath} {where}",
        iso3=iso3,
        aliases=aliases,
        context_aliases=context,
        contexts=tuple(_str_list(raw, "context", relpath, where)) or ((iso3,) if iso3 else ()),
        primary=bool(raw.get("primary", False)),
        order=order,
        valid_from=_date_or_none(raw.get("from"), relpath, where, "from"),
        valid_until=_date_or_none(raw.get("until"), relpath, where, "until"),
    )
    if "name" in kinds:
        entry.name = str(raw["name"])
        require(raw.get("kind") in KINDS, relpath, where, f"'kind' must be one of {sorted(KINDS)}")
        entry.kind = raw["kind"]
        entry.inter = _parse_inter(raw.get("inter"), relpath, where)
        require(bool(aliases or context), relpath, where, f"{entry.name!r} has no aliases")
    elif "state" in kinds:
        require(raw["state"] in STATE_FORCE, relpath, where, "'state' must be 'military' or 'police'")
        entry.state = raw["state"]
        entry.inter = ((None, None, 1),)
    else:
        template = str(raw["template"])
        require("{country}" in template, relpath, where, "a template needs '{country}'")
        require(raw.get("kind") in KINDS, relpath, where, f"'kind' must be one of {sorted(KINDS)}")
        entry.template, entry.kind = template, raw["kind"]
        entry.inter = _parse_inter(raw.get("inter"), relpath, where)
    return entry


@functools.cache
def lexicon() -> Lexicon:
    """The actor dictionary and its indexes, loaded and validated once per process."""
    entries: list[Entry] = []
    countries: dict[str, Country] = {}
    demonym_terms: dict[str, list[str]] = {}
    for relpath in list_data_files("actors"):
        if relpath.endswith("outlets.yaml"):
            continue
        data = load_yaml(relpath)
        require(isinstance(data, dict), relpath, "top level", "expected a mapping")
        for i, raw in enumerate(data.get("countries") or []):
            c = _parse_country(raw, relpath, f"country {i + 1}")
            countries[c.iso3] = c
        for key in ("actors", "generic"):
            for i, raw in enumerate(data.get(key) or []):
                entry = _parse_entry(raw, relpath, f"{key} entry {i + 1}", len(entries))
                entries.append(entry)
                if key == "generic" and entry.state:
                    demonym_terms[entry.state] = _str_list(
                        raw, "demonym_terms", relpath, f"{key} entry {i + 1}"
                    )
    # Every known country gets its military and police entries, with "<demonym> <term>" aliases.
    for c in countries.values():
        for state, terms in demonym_terms.items():
            words = [*c.demonyms, c.name]
            generated = [f"{w} {t}" for w in words for t in terms]
            entries.append(
                Entry(
                    source="generated",
                    state=state,
                    iso3=c.iso3,
                    inter=((None, None, 1),),
                    aliases=generated,
                    order=len(entries),
                )
            )
    return _index(entries, countries)


def _index(entries: list[Entry], countries: dict[str, Country]) -> Lexicon:
    trie: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
    alias_index: dict[str, list[Candidate]] = {}

    def add(alias: str, cand: Candidate | None) -> str:
        cs = _case_sensitive(alias)
        # Case-sensitive aliases keep their spelling; the trie is keyed by the lowercased first word.
        form = tuple(_TOKEN.findall(alias)) if cs else _tokens(alias)
        key = _alias_key(form)
        forms = trie.setdefault(_tokens(alias)[0], [])
        if (form, cs, key) not in forms:
            forms.append((form, cs, key))
        if cand is not None:
            bucket = alias_index.setdefault(key, [])
            if cand not in bucket:
                bucket.append(cand)
        return key

    country_words: dict[str, str] = {}
    for c in countries.values():
        for word in (c.name, *c.demonyms):
            country_words[add(word, None)] = c.iso3
    acronyms: dict[str, list[Entry]] = {}
    near: dict[str, list[Entry]] = {}
    fuzzy_map: dict[str, list[Candidate]] = {}
    by_name: dict[str, Entry] = {}
    for e in entries:
        if e.name:
            by_name.setdefault(e.name, e)
        own = [e.name] if e.name else []
        for alias in [*own, *e.aliases]:
            cand = Candidate(e, False)
            add(alias, cand)
            # ACLED's "UN: United Nations" style names are left out: the text after the colon is often
            # a body ("United Nations") that is not itself an armed actor.
            if e.source != "generated" and not e.generic and ":" not in alias:
                norm = names.normalize_name(alias)
                if len(norm) >= 5:
                    fuzzy_map.setdefault(norm, []).append(cand)
                for acr in names.initials(alias):
                    if e not in acronyms.setdefault(acr, []):
                        acronyms[acr].append(e)
                    for variant in names.near_acronyms(acr):
                        if e not in near.setdefault(variant, []):
                            near[variant].append(e)
        for alias in e.context_aliases:
            add(alias, Candidate(e, True))
    for forms in trie.values():
        forms.sort(key=lambda f: -len(f[0]))
    return Lexicon(
        entries,
        countries,
        trie,
        alias_index,
        country_words,
        acronyms,
        near,
        list(fuzzy_map),
        fuzzy_map,
        by_name,
    )


def load_resources() -> None:
    """Load and validate the actor dictionary once per process (DataFileError names a bad file/entry)."""
    lexicon()


# -- countries and dates ----------------------------------------------------------------------------


@functools.cache
def _iso3(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    c = pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
    return c.alpha_3 if c else None


@functools.cache
def _country_name(iso3: str) -> str:
    known = lexicon().countries.get(iso3)
    if known:
        return known.name
    c = pycountry.countries.get(alpha_3=iso3)
    return getattr(c, "common_name", None) or c.name if c else iso3


def _period(iso3: str, on: dt.date | None) -> str | None:
    """The label of the government in office on a date (the latest one when the date is unknown)."""
    c = lexicon().countries.get(iso3)
    if c is None:
        return None
    if on is None:
        return c.governments[-1][0]
    for label, start, until in c.governments:
        if (start is None or start <= on) and (until is None or on <= until):
            return label
    # Before the first or after the last period: the nearest one.
    return c.governments[0][0] if c.governments[0][1] and on < c.governments[0][1] else c.governments[-1][0]


def _schedule(periods: tuple[tuple[dt.date | None, dt.date | None, int], ...], on: dt.date | None) -> int:
    if not periods:
        return 0
    if on is None:
        return periods[-1][2]
    for start, until, code in periods:
        if (start is None or start <= on) and (until is None or on <= until):
            return code
    return periods[-1][2] if periods[-1][0] and on >= periods[-1][0] else periods[0][2]


def _valid(e: Entry, on: dt.date | None) -> bool:
    if on is None:
        return e.valid_until is None
    return (e.valid_from is None or e.valid_from <= on) and (e.valid_until is None or on <= e.valid_until)


# -- resolving candidates ---------------------------------------------------------------------------


def _choose(cands: list[Candidate], ctx: str | None, on: dt.date | None) -> Entry | None:
    """The entry an alias means in a report about country ``ctx`` on date ``on``."""
    usable = []
    for c in cands:
        e = c.entry
        if c.context_only and (ctx is None or ctx not in e.contexts):
            continue
        if e.generic and ctx is None:
            continue
        usable.append(e)
    if not usable:
        return None
    return min(
        usable,
        key=lambda e: (
            e.iso3 != ctx if ctx else False,
            not _valid(e, on),
            e.name is None,  # a named entry (ANDSF) before the country's generic forces
            not e.primary,
            e.order,
        ),
    )


def _canonical(e: Entry, ctx: str | None, on: dt.date | None) -> tuple[str, str | None] | None:
    """(canonical name, iso3) of an entry in context."""
    if e.name:
        return e.name, e.iso3
    iso3 = e.iso3 or ctx
    if iso3 is None:
        return None
    country = _country_name(iso3)
    if e.state:
        period = _period(iso3, on)
        if period is None:
            return f"{STATE_FORCE[e.state].split(' (')[0].format(country=country)}", iso3
        return STATE_FORCE[e.state].format(country=country, period=period), iso3
    assert e.template is not None
    return e.template.format(country=country), iso3


def _actor(e: Entry, ctx: str | None, on: dt.date | None) -> Actor | None:
    named = _canonical(e, ctx, on)
    if named is None:
        return None
    name, iso3 = named
    inter = _schedule(e.inter, on)
    # A state's forces outside their own country are external forces (ACLED inter 8).
    if inter == 1 and iso3 and ctx and iso3 != ctx and (e.state or e.kind == "state"):
        inter = 8
    return Actor(id="ac_" + short_hash(name), name=name, aliases=[], inter=inter, iso3=iso3)


# -- finding mentions -------------------------------------------------------------------------------


def _scan(text: str) -> list[Hit]:
    """Longest dictionary matches, left to right, without overlap."""
    lex = lexicon()
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    low = [names.strip_accents(t).lower() for _, _, t in toks]
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        matched = 0
        for form, cs, key in lex.trie.get(low[i], ()):
            n = len(form)
            if i + n > len(toks):
                continue
            seq = [toks[j][2] for j in range(i, i + n)] if cs else low[i : i + n]
            if tuple(seq) != form:
                continue
            if any(not _GAP.fullmatch(text[toks[j][1] : toks[j + 1][0]]) for j in range(i, i + n - 1)):
                continue
            start, end = toks[i][0], toks[i + n - 1][1]
            if key in lex.country_words and key not in lex.alias_index:
                hits.append(Hit(start, end, [], country=lex.country_words[key]))
            else:
                hits.append(Hit(start, end, lex.alias_index.get(key, [])))
            matched = n
            break
        i += matched or 1
    return hits


def _acronym_entries(acr: str) -> list[Entry]:
    lex = lexicon()
    return lex.acronyms.get(acr) or lex.near_acronyms.get(acr) or []


def _acronym_hits(text: str, covered: list[tuple[int, int]]) -> list[Hit]:
    """Capitalised acronyms not in the dictionary that shorten a dictionary name ("ANSDF", "A.N.D.S.F.")."""
    hits = []
    for m in _ACRONYM.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in covered):
            continue
        acr = names.acronym_text(m.group())
        if not acr or len(acr) < 3:
            continue
        found = _acronym_entries(acr)
        if found:
            end = m.end() if not m.group().endswith(".") else m.end()
            hits.append(Hit(m.start(), end, [Candidate(e, False) for e in found]))
    return hits


def _fuzzy_candidates(text: str) -> list[Candidate]:
    """Dictionary entries a free-form name (an NER span) is a variant spelling of, or []."""
    lex = lexicon()
    norm = names.normalize_name(text)
    if len(norm) < 5 or norm in lex.country_words:
        return []
    acr = names.acronym_text(text.strip())
    if acr:
        return [Candidate(e, False) for e in _acronym_entries(acr)]
    found: list[Candidate] = []
    for key, score, _ in process.extract(
        norm, lex.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_FLOOR, limit=3
    ):
        ok = score >= _FUZZY_CUTOFF or names.sounds_alike(norm, key)
        ok = ok or (len(names.skeleton(norm)) >= 5 and names.skeleton(norm) == names.skeleton(key))
        if ok:
            found.extend(c for c in lex.fuzzy_map[key] if c not in found)
    return found


def _context_country(analysis: Analysis, hits: list[Hit]) -> str | None:
    """The report's country: the places step's answer, else a vote of places, country words and the home
    countries of unambiguous non-external actors."""
    if analysis.country_iso2:
        iso3 = _iso3(analysis.country_iso2)
        if iso3:
            return iso3
    votes: Counter[str] = Counter()
    for p in analysis.places:
        if p.iso3:
            votes[p.iso3] += 2
    for h in hits:
        if h.country:
            votes[h.country] += 1
        else:
            # a name that is only a context alias elsewhere ("al-Shabaab" in a Mozambique report) still
            # votes for the group it names outright
            firm = [c for c in h.candidates if not c.context_only] or h.candidates
            if len({c.entry.iso3 for c in firm}) != 1 or firm[0].context_only:
                continue
            e = firm[0].entry
            if e.iso3 and e.kind != "external" and not e.state:
                votes[e.iso3] += 1
    return votes.most_common(1)[0][0] if votes else None


def _merge_generic_nouns(resolved: list[tuple[Hit, Entry]], text: str) -> list[tuple[Hit, Entry]]:
    """A generic noun that belongs to a named group is that group: "Taliban fighters" (right after it) and
    "fighters of the Jaish-e-Mohammed" (before it, joined by "of")."""
    out: list[tuple[Hit, Entry]] = []
    for hit, entry in resolved:
        if out:
            prev, prev_entry = out[-1]
            gap = text[prev.end : hit.start]
            if entry is prev_entry and gap.strip() == "(":  # "Islamic State (IS)": one mention
                out[-1] = (Hit(prev.start, hit.end, prev.candidates), prev_entry)
                continue
            if entry.generic and prev_entry.name and _TIGHT_GAP.fullmatch(gap):
                out[-1] = (Hit(prev.start, hit.end, prev.candidates), prev_entry)
                continue
            if (
                prev_entry.generic
                and prev_entry.kind != "civilians"
                and entry.name
                and _OF_GAP.fullmatch(gap)
            ):
                out[-1] = (Hit(prev.start, hit.end, hit.candidates), entry)
                continue
        out.append((hit, entry))
    return out


_FORCE_NOUN = re.compile(r"(?:forces?|troops|soldiers|units?)$", re.IGNORECASE)
_AND_GAP = re.compile(r"\s*(?:and|&)\s+")


def _shared_force_nouns(
    hits: list[Hit], resolved: list[tuple[Hit, Entry]], text: str
) -> list[tuple[Hit, Entry]]:
    """'An Afghan and coalition security force': the nationality before "and" shares the force noun, so the
    country's military is named too (on the nationality's span)."""
    lex = lexicon()
    starts = {h.start: h for h, _ in resolved}
    out = []
    for h in hits:
        if not h.country:
            continue
        gap = _AND_GAP.match(text, h.end)
        nxt = starts.get(gap.end()) if gap else None
        if nxt is None or not _FORCE_NOUN.search(text[nxt.start : nxt.end]):
            continue
        state = next(
            (e for e in lex.entries if e.state == "military" and e.iso3 == h.country and e.name is None), None
        )
        if state is not None:
            out.append((Hit(h.start, h.end, [Candidate(state, False)]), state))
    return out


def _inside_org_name(hit: Hit, analysis: Analysis) -> bool:
    """A generic word inside an organisation's name ("the Kashmir Traders Federation") is no actor; as the
    name's last word ("Kabul police") it still is."""
    if not hit.candidates or not all(c.entry.generic for c in hit.candidates):
        return False
    for ent in analysis.entities:
        if ent.label == "ORG" and ent.start <= hit.start and hit.end < ent.end:
            if analysis.text[hit.end : ent.end].strip(" .,'’s"):
                return True
    return False


def find_actors(analysis: Analysis) -> None:
    """Fill ``analysis.actor_mentions`` and ``analysis.actors`` (one Actor per canonical name)."""
    text = analysis.text
    hits = _scan(text)
    covered = [(h.start, h.end) for h in hits]
    hits += _acronym_hits(text, covered)
    covered = [(h.start, h.end) for h in hits]
    for ent in analysis.entities:
        if ent.label not in _FUZZY_LABELS or any(s < ent.end and ent.start < e for s, e in covered):
            continue
        cands = _fuzzy_candidates(ent.text)
        if cands:
            start = ent.start + (len(ent.text) - len(names.strip_article(ent.text)))
            hits.append(Hit(start, ent.end, cands))
    hits = [h for h in hits if not _inside_org_name(h, analysis)]
    hits.sort(key=lambda h: h.start)
    ctx = _context_country(analysis, hits)
    on = analysis.published
    resolved = []
    for h in hits:
        if h.country:
            continue
        e = _choose(h.candidates, ctx, on)
        if e is not None:
            resolved.append((h, e))
    resolved = _merge_generic_nouns(resolved, text)
    resolved = sorted(resolved + _shared_force_nouns(hits, resolved, text), key=lambda r: r[0].start)
    by_name: dict[str, Actor] = {}
    dictionary_aliases: dict[str, list[str]] = {}
    mentions = []
    for h, e in resolved:
        actor = _actor(e, ctx, on)
        if actor is None:
            continue
        actor = by_name.setdefault(actor.name, actor)
        spelling = text[h.start : h.end]
        if spelling != actor.name and spelling not in actor.aliases:
            actor.aliases.append(spelling)
        if e.source != "generated" and not e.generic:
            dictionary_aliases.setdefault(actor.name, []).extend(e.aliases)
        mentions.append(ActorMention(actor=actor, start=h.start, end=h.end, text=spelling))
    for name, actor in by_name.items():
        for alias in dictionary_aliases.get(name, []):
            if alias != name and alias not in actor.aliases:
                actor.aliases.append(alias)
    analysis.actor_mentions = mentions
    analysis.actors = list(by_name.values())


# -- public lookups ---------------------------------------------------------------------------------


def resolve_actor(name: str, *, country_iso2: str | None = None, on: dt.date | None = None) -> Actor | None:
    """The actor a name means in a report about ``country_iso2`` on date ``on`` (dictionary alias, acronym,
    fuzzy or phonetic match), or None when it is not a known actor."""
    ctx = _iso3(country_iso2)
    text = name.strip()
    if not text:
        return None
    if text in lexicon().by_name:
        return _actor(lexicon().by_name[text], ctx, on)
    hits = [h for h in _scan(text) if not h.country]
    # The whole name must be (nearly) one alias: "Taliban" in "Taliban spokesman" is not enough.
    full = [h for h in hits if h.end - h.start >= 0.8 * len(text)]
    cands = full[0].candidates if full else []
    if not cands:
        acr = names.acronym_text(text)
        cands = [Candidate(e, False) for e in _acronym_entries(acr)] if acr else _fuzzy_candidates(text)
    entry = _choose(cands, ctx, on)
    if entry is None and ctx is not None:
        entry = _state_word_entry(text, ctx)
    return _actor(entry, ctx, on) if entry else None


@functools.cache
def _state_words() -> dict[str, str]:
    """Generic state-force words (``generic.yaml`` ``state_words``), lowercased, to military | police."""
    data = load_yaml("actors/generic.yaml")
    words = data.get("state_words") or {} if isinstance(data, dict) else {}
    out: dict[str, str] = {}
    for state, items in words.items():
        require(state in STATE_FORCE, "actors/generic.yaml", "state_words", f"unknown state force {state!r}")
        for w in items or []:
            out[str(w).lower()] = state
    return out


def _state_word_entry(text: str, iso3: str) -> Entry | None:
    """The country's generated military or police entry for a generic word ("the army", "defence ministry")."""
    word = re.sub(r"^(?:the|a|an)\s+", "", text.strip().lower())
    state = _state_words().get(word)
    if state is None:
        return None
    return next(
        (e for e in lexicon().entries if e.source == "generated" and e.state == state and e.iso3 == iso3),
        None,
    )


def inter_on(canonical_name: str, on: dt.date | None, *, country_iso2: str | None = None) -> int:
    """The ACLED inter code of a canonical actor name on a date (0 when unknown).  With ``country_iso2``,
    a state's forces outside their own country get 8 (external forces)."""
    lex = lexicon()
    e = lex.by_name.get(canonical_name)
    ctx = _iso3(country_iso2)
    if e is not None:
        code = _schedule(e.inter, on)
        if code == 1 and ctx and e.iso3 and e.iso3 != ctx and e.kind == "state":
            return 8
        return code
    m = _STATE_NAME.match(canonical_name)
    if m:
        home = next((c.iso3 for c in lex.countries.values() if c.name == m.group("country")), None)
        return 8 if ctx and home and home != ctx else 1
    for t in lex.entries:
        if t.template and _template_match(t.template, canonical_name):
            return _schedule(t.inter, on)
    return 0


def actor_kind(canonical_name: str) -> str:
    """The kind of an actor (state, rebel, militia, civilians, protesters, rioters, external; "unknown")."""
    lex = lexicon()
    e = lex.by_name.get(canonical_name)
    if e is not None:
        return e.kind
    if _STATE_NAME.match(canonical_name):
        return "state"
    for t in lex.entries:
        if t.template and _template_match(t.template, canonical_name):
            return t.kind
    return "unknown"


def _template_match(template: str, name: str) -> bool:
    prefix, _, suffix = template.partition("{country}")
    return name.startswith(prefix) and name.endswith(suffix) and len(name) > len(prefix) + len(suffix)
