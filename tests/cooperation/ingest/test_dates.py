"""Dates as articles write them, read against the publication date."""

import pytest

from cooperation.ingest.dates import find_dates, parse_date_line
from cooperation.partial_dates import PartialDate


def read(text, reference):
    return [
        (str(d.start), str(d.end) if d.end else None) for d in find_dates(text, reference=reference)
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("On September 10, Deputy Chairman", PartialDate(2024, 9, 12), "2024-09-10"),
        ("visited the Customs House on 5 December.", PartialDate(2024, 12, 10), "2024-12-05"),
        # A month still to come when the article appeared is last year's.
        ("visited the Customs House on 5 December.", PartialDate(2025, 1, 10), "2024-12-05"),
    ],
)
def test_a_day_without_a_year_takes_its_year_from_the_publication_date(text, published, expected):
    assert read(text, published) == [(expected, None)]


def test_a_day_without_a_year_is_not_a_date_without_a_publication_date():
    assert read("On September 10, Deputy Chairman", None) == []


def test_may_in_lower_case_is_a_verb_not_a_month():
    assert read("Of the officers, 5 may be nominated.", PartialDate(2024, 9, 12)) == []


def test_a_period_of_months_runs_from_the_first_month_to_the_last():
    text = "The project will run from February 2025 to January 2029."
    assert read(text, PartialDate(2025, 1, 27)) == [("2025-02", "2029-01")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("during talks in Ashgabat on Friday between", "2024-11-15"),
        ("the talks ended on Monday.", "2024-11-18"),  # the day it was published
    ],
)
def test_a_weekday_is_the_last_such_day_up_to_the_publication_day(text, expected):
    assert read(text, PartialDate(2024, 11, 18)) == [(expected, None)]


def test_the_weekday_a_statement_was_made_on_is_not_a_date():
    assert read("the committee said on Monday.", PartialDate(2024, 11, 18)) == []


def test_a_weekday_needs_a_publication_day():
    assert read("during talks on Friday", PartialDate(2024, 11)) == []


def test_a_weekday_before_the_date_it_names_is_read_once():
    text = "The protocol was signed on Friday, 15 November 2024."
    assert read(text, PartialDate(2024, 11, 18)) == [("2024-11-15", None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A calendar of September announces January: the coming one, not the past.
        ("21 January – International Customs Day.", PartialDate(2024, 9, 2), "2025-01-21"),
        ("which we will present in Tashkent in February.", PartialDate(2024, 11, 27), "2025-02"),
        # Past tense: the last such day, even when the next one is nearer.
        ("The memorandum we signed on 18 April gives us", PartialDate(2024, 11, 27), "2024-04-18"),
        # Without a tense, more than six months ahead is read in the past.
        ("18 April – seminar on valuation", PartialDate(2024, 9, 2), "2024-04-18"),
    ],
)
def test_a_date_without_a_year_is_the_nearest_one_the_tense_allows(text, published, expected):
    assert read(text, published) == [(expected, None)]


def test_a_month_without_a_year_is_read_after_in_or_of():
    published = PartialDate(2024, 11, 27)
    assert read("and in October we hosted, with the OSCE, a course", published) == [
        ("2024-10", None)
    ]
    assert read("the needs survey we ran in March", PartialDate(2024, 9, 2)) == [("2024-03", None)]
    assert read("March 2023 and nothing else", published) == [("2023-03", None)]


def test_a_period_across_two_months_may_take_its_year_from_the_publication_date():
    published = PartialDate(2024, 9, 2)
    assert read("30 September – 4 October, Belgrade", published) == [("2024-09-30", "2024-10-04")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("will evaluate the operation at a meeting in Shkodër later this month.", "2024-10"),
        ("a system was installed last year with support from the bank", "2023"),
        ("to agree the programme for next year", "2025"),
    ],
)
def test_this_last_and_next_month_or_year_count_from_the_publication_date(text, expected):
    assert read(text, PartialDate(2024, 10, 4)) == [(expected, None)]


def test_when_something_was_said_is_not_a_date():
    text = "The State Revenue Committee said last month it was in talks to join."
    assert read(text, PartialDate(2024, 11, 18)) == []


@pytest.mark.parametrize(
    "line, expected",
    [
        # Dots are written day first (Europe, the former Soviet Union).
        ("06.02.2025, 14:10", PartialDate(2025, 2, 6)),
        ("03.11.2024", PartialDate(2024, 11, 3)),
        ("9 December 2019 16:52 (UTC+04:00)", PartialDate(2019, 12, 9)),
        ("2023-11-08", PartialDate(2023, 11, 8)),
    ],
)
def test_a_publication_date_line_is_read_day_first_when_dotted(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("in October and November 2023", [("2023-10", "2023-11")]),
        ("from October to November 2023", [("2023-10", "2023-11")]),
        ("December–January 2024", [("2023-12", "2024-01")]),
    ],
)
def test_two_months_with_one_year_are_a_period(text, expected):
    assert read(text, PartialDate(2025, 2, 6)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("from 1 January 2026 to 31 December 2030", [("2026-01-01", "2030-12-31")]),
        ("January 1, 2026 - December 31, 2030", [("2026-01-01", "2030-12-31")]),
        ("• 22.02.2024, Belgrade", [("2024-02-22", None)]),
        ("on 31.02.2024", []),
        ("From mid-2018 until late 2019", [("2018", "2019")]),
        ("in the spring of 2021", [("2021", None)]),
        ("In 2023/24 I chaired the group", [("2023", "2024")]),
        ("the 2019/07 circular", [("2019", None)]),  # a year, not two
    ],
)
def test_periods_across_years_dotted_days_seasons_and_split_years(text, expected):
    assert read(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("signed in Tegucigalpa on the 3rd of February 2022.", [("2022-02-03", None)]),
        (
            "From the 20th to the 22nd of August 2025, a delegation visited.",
            [("2025-08-20", "2025-08-22")],
        ),
        ("held from 18 to 22 August 2025", [("2025-08-18", "2025-08-22")]),
    ],
)
def test_the_nth_of_a_month_as_the_caribbean_writes_it(text, expected):
    assert read(text, PartialDate(2025, 10, 1)) == expected
