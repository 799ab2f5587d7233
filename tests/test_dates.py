"""Date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.extract.dates import find_in_text, resolve_expression

MONDAY = dt.date(2021, 8, 9)


def one(text: str, published: dt.date | None = MONDAY):
    found = find_in_text(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Gunmen stormed the checkpoint on Sunday.", dt.date(2021, 8, 8)),
        ("The town fell late Saturday after a long siege.", dt.date(2021, 8, 7)),
        ("Rockets hit the base on Saturday night.", dt.date(2021, 8, 7)),
        ("A bomb exploded early Monday morning near the gate.", MONDAY),
        ("Clashes were reported last Monday in the valley.", dt.date(2021, 8, 2)),
        ("Police said a convoy was ambushed on Wednesday.", dt.date(2021, 8, 4)),
    ],
)
def test_weekdays_are_the_most_recent_such_day(text: str, date: dt.date) -> None:
    r = one(text)
    assert (r.date, r.precision) == (date, 1)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Two shells landed in the market yesterday.", dt.date(2021, 8, 8)),
        ("The governor said today that the road is closed.", MONDAY),
        ("Fighters overran the post last night.", dt.date(2021, 8, 8)),
        ("Heavy gunfire was heard this morning in the old city.", MONDAY),
        ("The bridge was destroyed three days ago.", dt.date(2021, 8, 6)),
        ("Militias withdrew on the 5th after talks.", dt.date(2021, 8, 5)),
    ],
)
def test_relative_days(text: str, date: dt.date) -> None:
    r = one(text)
    assert (r.date, r.precision) == (date, 1)


def test_month_and_day_without_year_take_the_last_such_date() -> None:
    assert one("The strike on Aug. 8 killed a commander.").date == dt.date(2021, 8, 8)
    # a date after publication is last year's
    assert one("Talks began on Dec. 20 in the capital.").date == dt.date(2020, 12, 20)


def test_absolute_dates_resolve_without_publication_date() -> None:
    assert one("Troops entered the city on 8 August 2021.", None).date == dt.date(2021, 8, 8)
    assert one("Troops entered the city on August 8, 2021.", None).date == dt.date(2021, 8, 8)
    assert find_in_text("Troops entered the city yesterday.", None) == []


def test_spans() -> None:
    r = one("It was the second provincial capital to fall in the past three days.")
    assert (r.date, r.end_date, r.precision) == (dt.date(2021, 8, 6), MONDAY, 2)
    r = one("Displacement rose sharply last week.")
    assert (r.date, r.end_date, r.precision) == (dt.date(2021, 8, 2), dt.date(2021, 8, 8), 2)
    r = one("Dozens of families fled earlier this month.")
    assert (r.date, r.end_date, r.precision) == (dt.date(2021, 8, 1), MONDAY, 3)
    r = one("Airstrikes continued over the weekend.")
    assert (r.date, r.end_date, r.precision) == (dt.date(2021, 8, 7), dt.date(2021, 8, 8), 2)


def test_years_are_precision_four() -> None:
    r = one("The city was last overrun in 2015, officials recalled.")
    assert (r.date.year, r.precision) == (2015, 4)
    r = one("The same road was mined six years ago.")
    assert (r.date.year, r.precision) == (2015, 4)
    r = one("Fighting in March 2020 displaced thousands.")
    assert (r.date, r.precision) == (dt.date(2020, 3, 1), 3)


def test_weekday_names_inside_holiday_names_are_not_dates() -> None:
    assert find_in_text("The Easter Sunday attacks were recalled.", MONDAY) == []


def test_resolve_expression() -> None:
    assert resolve_expression("on Sunday", MONDAY) == (dt.date(2021, 8, 8), 1)
    assert resolve_expression("in 2015", MONDAY) == (dt.date(2015, 1, 1), 4)
    assert resolve_expression("yesterday", None) is None


def test_seed_sunday_resolves_to_the_eighth(seed_result) -> None:
    from frontlines.extract.dates import find_in_text as scan

    published = dt.date.fromisoformat(seed_result.published)
    assert published == MONDAY
    found = {r.text.lower(): r for r in scan(seed_result.text, published)}
    assert found["sunday"].date == dt.date(2021, 8, 8)
    assert found["in the past three days"].end_date == MONDAY
    assert (found["in 2015"].date.year, found["in 2015"].precision) == (2015, 4)


def test_seed_text_dates(seed_text) -> None:
    """The same checks on the reference text alone, without the rest of the pipeline."""
    found = {r.text.lower(): r for r in find_in_text(seed_text, MONDAY)}
    assert found["sunday"].date == dt.date(2021, 8, 8)
    assert found["in the past three days"].date == dt.date(2021, 8, 6)
    assert found["six years ago"].date.year == 2015
