"""Casualty counts by ACLED's rules, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract.mentions import Analysis, Sentence
from frontlines.extract.numbers import find_casualties, find_in_sentence, parse_count


def counts(sentence: str) -> list[tuple[str, int, int, bool | None]]:
    return [(f.kind, f.low, f.high, f.civilians) for f in find_in_sentence(sentence)]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("several", (3, 3)),
        ("a few", (3, 3)),
        ("dozens", (12, 12)),
        ("a dozen", (12, 12)),
        ("hundreds", (100, 100)),
        ("at least 12", (12, 12)),
        ("more than 20", (20, 20)),
        ("up to 30", (30, 30)),
        ("five to seven", (5, 7)),
        ("between five and seven", (5, 7)),
        ("5-7", (5, 7)),
        ("twenty-five", (25, 25)),
        ("one hundred and twenty", (120, 120)),
        ("1,250", (1250, 1250)),
        ("an", (1, 1)),
        ("the", None),
    ],
)
def test_parse_count(phrase: str, expected: tuple[int, int] | None) -> None:
    assert parse_count(phrase) == expected


def test_active_verbs_and_coordination() -> None:
    assert counts("The attackers opened fire on the bus, killing two civilians and wounding five.") == [
        ("killed", 2, 2, True),
        ("injured", 5, 5, True),  # the noun-less count takes the flag of the one before it
    ]
    assert counts("Troops killed three militants and two of their commanders near the pass.") == [
        ("killed", 3, 3, False),
        ("killed", 2, 2, None),
    ]


def test_passive_verbs() -> None:
    assert counts("Two insurgents were killed when their truck hit a mine.") == [("killed", 2, 2, False)]
    assert counts("Three suspected insurgents were detained after the raid.") == [("arrested", 3, 3, False)]
    assert counts("Four schoolchildren were badly injured in the blast.") == []  # not a known noun
    assert counts("Four children were badly injured in the blast.") == [("injured", 4, 4, True)]


def test_singular_article_counts_one() -> None:
    assert counts("An insurgent was killed as he planted a device.") == [("killed", 1, 1, False)]
    assert counts("A militia commander was captured by police at a checkpoint. ") == [
        ("arrested", 1, 1, False)
    ]


def test_two_separate_arrest_counts() -> None:
    first = counts("A network leader was captured by a joint force in the district yesterday.")
    second = counts("One additional suspected insurgent was detained during the search.")
    assert first == [("arrested", 1, 1, False)] and second == [("arrested", 1, 1, False)]


def test_captured_with_object() -> None:
    assert counts("Security forces captured two rebel facilitators at a roadblock.") == [
        ("arrested", 2, 2, False)
    ]


def test_fixed_frames() -> None:
    assert counts("The death toll rose to 15 by the evening.") == [("killed", 15, 15, None)]
    assert counts("Farmers found the bodies of three men in a ditch.") == [("killed", 3, 3, None)]
    assert counts("The car bomb left 4 dead and 11 injured.") == [
        ("killed", 4, 4, None),
        ("injured", 11, 11, None),
    ]
    assert counts("The army confirmed the death of Commander Jalal Noori in the raid.") == [
        ("killed", 1, 1, None)
    ]


def test_vague_and_qualified_numbers() -> None:
    assert counts("Dozens of villagers were wounded in the shelling.") == [("injured", 12, 12, True)]
    assert counts("At least 12 worshippers were killed inside the mosque.") == [("killed", 12, 12, True)]
    assert counts("More than 20 soldiers died in the ambush.") == [("killed", 20, 20, False)]
    assert counts("Between five and seven policemen were hurt.") == [("injured", 5, 7, False)]
    assert counts("Several passengers were killed when the bus was hit.") == [("killed", 3, 3, True)]
    assert counts("Police arrested 1,200 protesters across the capital.") == [("arrested", 1200, 1200, True)]


def test_coordinated_subjects() -> None:
    assert counts("Two soldiers and three students were killed in the crossfire.") == [
        ("killed", 2, 2, False),
        ("killed", 3, 3, True),
    ]


def test_explicit_zero() -> None:
    assert counts("No one was hurt in the explosion, police said.") == [
        ("killed", 0, 0, None),
        ("injured", 0, 0, None),
    ]
    assert counts("The convoy suffered no casualties.") == [("killed", 0, 0, None), ("injured", 0, 0, None)]


def test_non_counts_are_ignored() -> None:
    assert counts("Roughly two-thirds of those casualties were children and women.") == []
    assert counts("Civilian casualties rose by 80% in the first half of the year.") == []
    assert counts("Officials reported 40 casualties after the attack.") == []  # no split: not a death count
    assert counts("The patrol seized 300 pounds of opium and captured 50 kilograms of explosives.") == []
    assert counts("A 12-year-old girl was injured by shrapnel.") == [("injured", 1, 1, True)]
    assert counts("In 2015 the militants killed nobody in the district.") == []


def test_reduced_relative_is_not_an_active_clause() -> None:
    # "two gunmen killed three officers": the gunmen are not casualties
    assert counts("Two gunmen killed three police officers at the gate.") == [("killed", 3, 3, False)]


def test_find_casualties_fills_offsets() -> None:
    text = "Shelling hit the market on Sunday. Three women were killed and 14 injured."
    second = text.index("Three")
    analysis = Analysis(
        id="t",
        text=text,
        published=dt.date(2021, 8, 9),
        language="en",
        sentences=[
            Sentence(0, 0, second - 1, text[: second - 1], 0),
            Sentence(1, second, len(text), text[second:], 0),
        ],
    )
    find_casualties(analysis)
    got = [(c.kind, c.low, c.civilians, text[c.start : c.end]) for c in analysis.casualties]
    assert got == [
        ("killed", 3, True, "Three women were killed"),
        ("injured", 14, True, "14 injured"),
    ]  # inherits the flag


def test_broken_lexicon_fails_loudly() -> None:
    from frontlines.errors import DataFileError
    from frontlines.extract import dates, numbers

    with pytest.raises(DataFileError, match="numbers.yaml"):
        numbers._validate(
            {
                "number_words": {"two": "2"},
                "vague": {},
                "qualifiers": [],
                "nouns": {},
                "civilian_modifiers": [],
                "verbs": {},
            }
        )
    with pytest.raises(DataFileError, match="dates.yaml"):
        dates._validate(
            {
                "months": {13: ["smarch"]},
                "weekdays": {},
                "weekday_blockers": [],
                "relative_days": {},
                "periods": [],
                "unit_precision": {},
            }
        )
