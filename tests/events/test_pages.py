"""The list and pages of events."""

import pytest
from django.urls import reverse

from events.models import Event
from tests.factories import make_event, make_organization
from tests.html import page

pytestmark = pytest.mark.django_db


def test_events_are_listed_newest_first(client, db):
    make_event(title="Older", start="2019-12", end="")
    make_event(title="Newest", start="2024-06-05", end="")
    make_event(title="Middle", start="2021", end="")
    titles = [e.title for e in client.get(reverse("events:event-list")).context["page"]]
    assert titles == ["Newest", "Middle", "Older"]


def test_country_filter_lists_events_held_there_or_attended_by_its_bodies(client, db):
    uzbek = make_organization(country="UZ")
    held = make_event(title="Held in Tashkent", country="UZ", city="Tashkent")
    attended = make_event(title="Uzbek delegation in Baku", country="AZ", visitors=[uzbek])
    make_event(title="Elsewhere", country="KR")
    response = client.get(reverse("events:event-list"), {"country": "UZ"})
    assert set(response.context["page"]) == {held, attended}
    assert ("UZ", "Uzbekistan (2)") in page(response).options["country"]


def test_programme_filter_lists_exactly_the_programmes_events(client, knowledge_base):
    programme = knowledge_base["programmes"][2]
    response = client.get(reverse("events:event-list"), {"programme": programme.slug})
    assert list(response.context["page"]) == [knowledge_base["events"][1]]


def test_filters_combine_and_stay_in_the_url(client, knowledge_base):
    host = knowledge_base["organizations"][0]
    params = {"country": "AZ", "organization": host.slug, "year_from": "2023", "year_to": "2023"}
    response = client.get(reverse("events:event-list"), params)
    assert list(response.context["page"]) == [knowledge_base["events"][0]]
    shown = page(response)
    removals = [href for href, text in shown.links if text.endswith("(remove)")]
    assert len(removals) == 4
    assert "/events/?organization=" + host.slug + "&year_from=2023&year_to=2023" in removals


def test_year_range_keeps_events_started_in_it(client, db):
    make_event(title="2019", start="2019-12")
    make_event(title="2021", start="2021-11-28")
    make_event(title="Undated", start="", end="")
    url = reverse("events:event-list")
    assert [e.title for e in client.get(url, {"year_from": 2020}).context["page"]] == ["2021"]
    assert [e.title for e in client.get(url, {"year_to": 2020}).context["page"]] == ["2019"]


@pytest.mark.parametrize(
    "params",
    [
        {"country": "XX"},
        {"year_from": "abc"},
        {"year_to": "99999"},
        {"kind": "nonsense"},
        {"programme": "unknown-slug"},
        {"organization": "unknown-slug"},
        {"page": "999"},
        {"page": "abc"},
        {"page": "-1"},
    ],
)
def test_bad_input_gives_the_page_not_a_server_error(client, knowledge_base, params):
    response = client.get(reverse("events:event-list"), params)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == Event.objects.count()
    if "page" not in params:
        assert page(response).errors


def test_event_page_shows_participants_roles_programmes_and_citations(client, knowledge_base):
    event = knowledge_base["events"][0]
    shown = page(client.get(event.get_absolute_url()))
    host, visitor = knowledge_base["organizations"][:2]
    assert host.get_absolute_url() in shown.hrefs()
    assert visitor.get_absolute_url() in shown.hrefs()
    assert "— host" in shown.text and "— visiting delegation" in shown.text
    assert knowledge_base["people"][0].get_absolute_url() in shown.hrefs()
    assert knowledge_base["programmes"][1].get_absolute_url() in shown.hrefs()
    assert event.agreements.get().get_absolute_url() in shown.hrefs()
    # The event, two organizations, one person, one programme link.
    assert len([h for h in shown.hrefs() if "#citation-" in h]) == 5
    assert "4–6 October 2023" in shown.text


def test_unknown_event_is_a_404(client, db):
    assert client.get("/events/no-such-event/").status_code == 404


def test_a_long_select_lists_the_most_frequent_values_and_accepts_any(client, db):
    from cooperation.filters import SHOWN_CHOICES

    busy = make_organization(name="Busy Customs")
    rare = []
    for n in range(SHOWN_CHOICES + 5):
        host = make_organization(name=f"Rare Customs {n:03d}")
        make_event(host=host, visitors=[busy])
        rare.append(host)
    response = client.get(reverse("events:event-list"))
    field = response.context["filter"].form["organization"]
    shown = [value for value, _ in field.field.widget.choices if value]
    assert len(shown) == SHOWN_CHOICES
    assert busy.slug in shown
    assert "most frequent" in str(field.help_text)
    # A value the select leaves out still filters, and shows selected.
    left_out = next(org for org in rare if org.slug not in shown)
    response = client.get(reverse("events:event-list"), {"organization": left_out.slug})
    assert response.context["page"].paginator.count == 1
    assert left_out.slug in [
        v for v, _ in response.context["filter"].form["organization"].field.widget.choices
    ]
