"""Datelines: the publication date from the top of a report."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.ingest.dateline import body_start, find_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KANDAHAR, Afghanistan (Mar. 14, 2012)\nA patrol detained two men near the bazaar today.",
            dt.date(2012, 3, 14),
        ),
        ("KABUL, Afghanistan (Sept. 3, 2011) – Troops cleared a road in Logar.", dt.date(2011, 9, 3)),
        ("Published on 12 October 2020\nShelling hit a market in the town.", dt.date(2020, 10, 12)),
        ("Field report\nMay 3, 2019\nProtesters gathered outside the ministry.", dt.date(2019, 5, 3)),
        ("Situation update 2021-08-07\nFighting continued near the airport.", dt.date(2021, 8, 7)),
        ("Bulletin 25/08/2021\nA convoy was ambushed.", dt.date(2021, 8, 25)),
        ("Bulletin 09/09/2021\nA convoy was ambushed.", dt.date(2021, 9, 9)),
    ],
)
def test_dateline_styles(text: str, expected: dt.date) -> None:
    assert find_dateline(text) == expected


def test_wire_datelines() -> None:
    assert find_dateline("GAROWE, Jun 4, 2024 (Reuters) - Militants attacked a base.") == dt.date(2024, 6, 4)
    # without a year and with nothing else to give one, no date is guessed
    assert find_dateline("GAROWE, Jun 4 (Reuters) - Militants attacked a base on Friday.") is None


def test_ambiguous_numeric_date_is_not_guessed() -> None:
    assert find_dateline("Bulletin 08/09/2021\nA convoy was ambushed.") is None


def test_year_from_release_number() -> None:
    text = "2012-04-S-031\nFor Immediate Release\n\nKABUL, Afghanistan (Apr. 7)\nA force detained a bomb maker today."
    assert find_dateline(text) == dt.date(2012, 4, 7)


def test_release_number_with_letters_and_month_heading() -> None:
    text = "Apr. 2: Joint Operations in the South\nNEWS RELEASE\u20282010-04-AO-011\u2028For Immediate Release\n\nA force searched a compound last night."
    assert find_dateline(text) == dt.date(2010, 4, 2)


def test_year_from_heading_date() -> None:
    text = "Morning Operational Update, Oct. 5, 2011\nJoint Command\n\nKABUL, Afghanistan (Oct. 5)\nA patrol was attacked."
    assert find_dateline(text) == dt.date(2011, 10, 5)


def test_release_number_across_new_year() -> None:
    text = "2011-12-S-090\nKABUL, Afghanistan (Jan. 1)\nA patrol found a weapons cache."
    assert find_dateline(text) == dt.date(2012, 1, 1)


def test_dateline_without_any_year_is_none() -> None:
    assert find_dateline("KABUL, Afghanistan (Jan. 8)\nA force captured two facilitators today.") is None


def test_only_the_top_counts() -> None:
    filler = "The district has seen heavy fighting for weeks. " * 20
    assert find_dateline(filler + "On August 9, 2021 the town fell.") is None


def test_body_start_skips_the_dateline() -> None:
    text = "KABUL, Afghanistan (Mar. 14, 2012) – A patrol detained two men."
    assert text[body_start(text) :].startswith("A patrol")
