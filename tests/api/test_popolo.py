"""/api/popolo.json: the knowledge base as Popolo, which civic-data tools read."""

from django.urls import reverse

from tests.factories import (
    make_citation,
    make_event,
    make_organization,
    make_person,
    make_position,
    make_source,
)


def test_popolo_gives_people_organizations_memberships_and_events_with_sources(client, db):
    source = make_source(url="https://customs.gov.az/news/9", text="Gulu Novruzov, Head.")
    wco = make_organization(name="World Customs Organization", acronym="WCO", country="")
    academy = make_organization(name="Customs Academy", acronym="", parent=wco, country="AZ")
    academy.aliases.create(name="The Academy")
    person = make_person(name="Gulu Novruzov", honorific="Mr.")
    position = make_position(person=person, organization=academy, title="Head", start="2019-12")
    make_citation(position, source=source, quote="Gulu Novruzov, Head.")
    make_event(title="Visit", host=academy, start="2023-10", end="", country="AZ")

    data = client.get(reverse("api:popolo")).json()

    [membership] = data["memberships"]
    assert membership == {
        "id": f"membership/{person.slug}/{academy.slug}/head/2019-12",
        "person_id": f"person/{person.slug}",
        "organization_id": f"organization/{academy.slug}",
        "role": "Head",
        "start_date": "2019-12",
        "sources": [
            {
                "url": "https://customs.gov.az/news/9",
                "note": f"{source.title}: “Gulu Novruzov, Head.”",
            }
        ],
    }
    # (make_position's defaults make a person and an organization of their own)
    popolo_person = next(p for p in data["persons"] if p["id"] == f"person/{person.slug}")
    assert popolo_person["name"] == "Gulu Novruzov"
    assert popolo_person["honorific_prefix"] == "Mr."
    organizations = {o["name"]: o for o in data["organizations"]}
    assert organizations["Customs Academy"]["parent_id"] == f"organization/{wco.slug}"
    assert organizations["Customs Academy"]["other_names"] == [{"name": "The Academy"}]
    assert organizations["Customs Academy"]["area_id"] == "country/AZ"
    assert organizations["World Customs Organization"]["other_names"] == [
        {"name": "WCO", "note": "acronym"}
    ]
    [event] = data["events"]
    assert event["start_date"] == "2023-10"
    assert "end_date" not in event
    assert event["organization_id"] == f"organization/{academy.slug}"
    assert data["areas"][:1] == [
        {
            "id": "country/AZ",
            "name": "Azerbaijan",
            "classification": "country",
            "identifiers": [{"scheme": "iso3166-1", "identifier": "AZ"}],
        }
    ]


def test_popolo_queries_do_not_grow(client, db, django_assert_num_queries):
    for _ in range(10):
        position = make_position()
        make_citation(position.person)
        make_event(host=position.organization)
    # persons (+aliases, citations), organizations (+aliases, citations),
    # positions (+citations), events (+citations, hosts)
    with django_assert_num_queries(11):
        client.get(reverse("api:popolo"))
