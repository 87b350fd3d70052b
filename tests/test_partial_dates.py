import pytest
from django.core.exceptions import ValidationError

from cooperation.partial_dates import PartialDate, PartialDateFormField, display_range
from tests.factories import make_programme


@pytest.mark.parametrize(
    ("text", "shown"),
    [("2020", "2020"), ("2019-12", "December 2019"), ("2021-11-28", "28 November 2021")],
)
def test_partial_date_is_shown_as_precisely_as_known(text, shown):
    assert PartialDate.parse(text).display() == shown
    assert PartialDate.parse(text).isoformat() == text


@pytest.mark.parametrize(
    "text", ["", "2019-13", "2023-02-30", "19", "December 2019", "2019-1-1", "abc"]
)
def test_malformed_or_impossible_dates_are_refused(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2020", "2024", "2020–2024"),
        ("2019-12-03", "2019-12-05", "3–5 December 2019"),
        ("2023-10-04", "2023-10-06", "4–6 October 2023"),
        ("2011-11-14", "2011-11-18", "14–18 November 2011"),
        ("2021-11-28", None, "28 November 2021"),
        ("2022-03", "2022-06", "March–June 2022"),
    ],
)
def test_ranges_read_as_a_person_writes_them(start, end, shown):
    assert display_range(PartialDate.parse(start), end and PartialDate.parse(end)) == shown


def test_ordering_follows_the_calendar():
    dates = [PartialDate.parse(t) for t in ["2021-11-28", "2019", "2019-12", "2020"]]
    assert [d.isoformat() for d in sorted(dates)] == ["2019", "2019-12", "2020", "2021-11-28"]


def test_form_field_explains_what_is_wrong():
    field = PartialDateFormField(required=False)
    assert field.clean("2019-12") == PartialDate(2019, 12)
    assert field.clean("") is None
    with pytest.raises(ValidationError, match="February 2023 has no day 30"):
        field.clean("2023-02-30")
    with pytest.raises(ValidationError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        field.clean("<script>")


@pytest.mark.django_db
def test_a_model_with_partial_dates_passes_full_clean():
    programme = make_programme(start="2022", end="2024")
    programme.refresh_from_db()

    programme.full_clean()  # raised TypeError: PartialDate has no len()

    assert programme.period == "2022–2024"
