"""The list and pages of people."""

import pytest
from django.urls import reverse

from tests.factories import make_person, make_person_participation, make_position
from tests.html import page

pytestmark = pytest.mark.django_db


def test_people_are_listed_by_name_with_their_positions(client, db):
    make_position(person=make_person(name="Zeynab Aliyeva"), title="Rector")
    make_person(name="Anar Mammadov")
    response = client.get(reverse("people:person-list"))
    assert [p.name for p in response.context["page"]] == ["Anar Mammadov", "Zeynab Aliyeva"]
    assert "Rector" in page(response).text


def test_organization_filter_finds_position_holders_and_delegates(client, knowledge_base):
    host = knowledge_base["organizations"][0]
    delegate = make_person(name="Kim Kyoungo")
    make_person_participation(person=delegate, event=knowledge_base["events"][0], organization=host)
    response = client.get(reverse("people:person-list"), {"organization": host.slug})
    assert set(response.context["page"]) == {knowledge_base["people"][0], delegate}


def test_country_filter_lists_exactly_its_people(client, knowledge_base):
    response = client.get(reverse("people:person-list"), {"country": "uz"})
    assert list(response.context["page"]) == [knowledge_base["people"][2]]


def test_q_matches_aliases(client, db):
    person = make_person(name="Gulu Novruzov")
    person.aliases.create(name="G. Novruzov")
    make_person(name="Someone Else")
    response = client.get(reverse("people:person-list"), {"q": "g. novruzov"})
    assert list(response.context["page"]) == [person]


def test_person_page_shows_positions_and_events_with_citations(client, knowledge_base):
    person = knowledge_base["people"][0]
    shown = page(client.get(person.get_absolute_url()))
    assert "Major General" in shown.text
    assert "Head" in shown.text and "P. Alias 0" in shown.text
    assert knowledge_base["organizations"][0].get_absolute_url() in shown.hrefs()
    assert knowledge_base["events"][0].get_absolute_url() in shown.hrefs()
    # The person, the position, the participation.
    assert len([h for h in shown.hrefs() if "#citation-" in h]) == 3


def test_invalid_filters_show_errors(client, db):
    response = client.get(reverse("people:person-list"), {"country": "XX", "organization": "x"})
    assert response.status_code == 200
    assert len(page(response).errors) == 3  # the summary and one per field
