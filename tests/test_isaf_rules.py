"""Rules added for press-release style reports (ISAF, military and police releases), each exercised on
sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract.event_counts import adds_to
from frontlines.extract.mentions import Analysis, Sentence
from frontlines.extract.numbers import find_casualties, is_measure, is_tally
from frontlines.ingest.dateline import find_dateline


def test_release_number_placeholder_gives_the_year() -> None:
    text = (
        "Police detain two in Herat\nPress Office 2014-05-PR-XXX\nFor Immediate Release\n"
        "HERAT, Afghanistan (May 6) - Police detained two men near the city market yesterday."
    )
    assert find_dateline(text) == dt.date(2014, 5, 6)


@pytest.mark.parametrize(
    ("earlier", "later", "adds"),
    [
        # the detail sentence retells the lead: the people of its "additional ..." phrase were named before
        (
            "Police detained a bomb maker and two additional suspects in Herat province today.",
            "Officers detained the wanted man and two additional suspects after questioning residents.",
            False,
        ),
        (
            "Troops detained a militia commander along with one suspected gunman in the district.",
            "An additional suspected gunman was detained after a search of the house.",
            False,
        ),
        # new people: added
        (
            "A militia commander was captured by the patrol.",
            "One additional suspected gunman was detained during the search.",
            True,
        ),
        (
            "Soldiers killed several gunmen in the first clash.",
            "Several more gunmen were killed when the patrol was attacked again.",
            True,
        ),
    ],
)
def test_additional_people_restated_or_added(earlier: str, later: str, adds: bool) -> None:
    assert adds_to(earlier, later) is adds


def test_amounts_are_not_people() -> None:
    assert is_measure("pounds") and is_measure("kgs") and not is_measure("suspects")


@pytest.mark.parametrize(
    ("sentence", "tally"),
    [
        ("Since January, police have detained more than 40 members of the cell.", True),
        ("In the past month, the task force has captured five commanders in the valley.", True),
        ("The arrest is the 12th militia leader captured in the province this year.", True),
        ("Police detained two suspects near the market on Tuesday.", False),
        ("A reporter was shot dead on Monday, the third journalist killed in the state this year.", False),
    ],
)
def test_running_totals(sentence: str, tally: bool) -> None:
    assert is_tally(sentence) is tally


def test_running_total_counts_are_not_read_but_the_event_is() -> None:
    text = (
        "Police detained three suspects in the raid on Tuesday, bringing the number detained since "
        "January to more than 40."
    )
    a = Analysis(id="t", text=text, published=dt.date(2014, 5, 8), language="en")
    a.sentences = [Sentence(index=0, start=0, end=len(text), text=text, paragraph=0)]
    find_casualties(a)
    assert [(m.kind, m.low) for m in a.casualties] == [("arrested", 3)]
