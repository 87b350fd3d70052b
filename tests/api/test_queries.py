"""API lists and details make a fixed number of queries, however many rows."""

import pytest
from django.apps import apps
from django.urls import reverse

from cooperation.models import ProgrammeCountry, ProgrammeRole
from events.models import EventProgramme
from tests.factories import (
    make_agreement,
    make_citation,
    make_event,
    make_organization,
    make_person_participation,
    make_position,
    make_programme,
    make_source,
)


def make_knowledge(n):
    source = make_source()
    for _ in range(n):
        host, visitor = make_organization(), make_organization(country="KR")
        host.aliases.create(name="alias")
        programme = make_programme(parent=make_programme())
        ProgrammeRole.objects.create(programme=programme, organization=host, role="funder")
        ProgrammeCountry.objects.create(programme=programme, country="UZ")
        event = make_event(host=host, visitors=[visitor])
        EventProgramme.objects.create(event=event, programme=programme)
        participation = make_person_participation(event=event, organization=host)
        position = make_position(person=participation.person, organization=host)
        agreement = make_agreement(parties=[host, "KR"], event=event)
        agreement.programmes.add(programme)
        for obj in (host, visitor, programme, event, agreement, position, participation.person):
            make_citation(obj, source=source)
    return source


LISTS = {
    # the FilterSet's choices with their counts (the list page's own FilterSet), then
    # page, count, then one query per prefetched set
    # (the filters' counted choices, the rest); count and page are in the rest
    "organization": (3, 4),  # kinds, countries, programmes; aliases, citations
    "person": (2, 6),  # countries, organizations; aliases, citations, positions (+citations)
    "event": (4, 6),  # kinds, countries, programmes, organizations; + 4 prefetched sets
    "agreement": (4, 6),  # kinds, countries, organizations, programmes; + 4 prefetched sets
    "programme": (2, 3),  # countries, organizations; + citations
    "source": (0, 2),
}

DETAILS = {
    # the record, then one query per prefetched set
    "organization": 12,  # aliases, citations, children, 4 relations and their citations
    "person": 7,  # aliases, citations, positions (+citations), participations (+citations)
    "event": 9,  # programmes, citations, agreements, side events, 2 relations (+citations)
    "agreement": 5,  # programmes, citations, parties, their citations
    "programme": 9,  # citations, children, events, agreements, roles, countries (+citations)
    "source": 8,  # citations, then one query per kind of record cited (6 kinds here)
}


@pytest.mark.parametrize("name,queries", LISTS.items())
def test_api_list_queries_do_not_grow(client, db, django_assert_num_queries, name, queries):
    choices, rest = queries
    make_knowledge(2)
    url = reverse(f"api:{name}-list")
    client.get(url)  # Django caches content types once per process: warm it first
    # The data version twice (choices, count), then the rest but the count:
    # the choices and the count come from the cache.
    with django_assert_num_queries(2 + rest - 1):
        small = client.get(url)
    make_knowledge(10)
    # The data changed: the choices and the count are computed again.
    with django_assert_num_queries(2 + choices + rest):
        large = client.get(url)
    assert large.json()["count"] > small.json()["count"] > 0


@pytest.mark.parametrize("name,queries", DETAILS.items())
def test_api_detail_queries_do_not_grow(client, db, django_assert_num_queries, name, queries):
    source = make_knowledge(10)
    label = {"person": "people.Person", "event": "events.Event"}.get(
        name, f"cooperation.{name.capitalize()}"
    )
    records = apps.get_model(label).objects.all()
    if name == "programme":
        records = records.filter(roles__isnull=False)
    url_slug = source if name == "source" else records.first()
    url = reverse(f"api:{name}-detail", kwargs={"slug": url_slug.slug})
    client.get(url)  # Django caches content types once per process: warm it first
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
