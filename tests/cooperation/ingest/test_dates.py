"""Dates as articles write them, read against the publication date."""

import pytest

from cooperation.ingest.dates import find_dates
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
        ("the committee said on Monday.", "2024-11-18"),  # the day it was published
    ],
)
def test_a_weekday_is_the_last_such_day_up_to_the_publication_day(text, expected):
    assert read(text, PartialDate(2024, 11, 18)) == [(expected, None)]


def test_a_weekday_needs_a_publication_day():
    assert read("during talks on Friday", PartialDate(2024, 11)) == []


def test_a_weekday_before_the_date_it_names_is_read_once():
    text = "The protocol was signed on Friday, 15 November 2024."
    assert read(text, PartialDate(2024, 11, 18)) == [("2024-11-15", None)]
