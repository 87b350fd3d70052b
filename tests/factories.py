"""Factory functions for bulk test data: every argument has a default and can be
overridden (``make_organization(country="UZ")``)."""

import itertools

from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Organization,
    Programme,
    Source,
)
from events.models import Event, OrganizationParticipation, PersonParticipation
from people.models import Person, Position

_counter = itertools.count(1)


def make_source(**kwargs):
    n = next(_counter)
    defaults = {
        "title": f"Customs news {n}",
        "publisher": "Customs Gazette",
        "url": f"https://news.example.org/{n}",
        "published": "2023-11-08",
        "text": f"Article {n}. The delegation visited the Academy. A protocol was signed.",
    }
    return Source.objects.create(**{**defaults, **kwargs})


def make_citation(obj, *, source=None, quote="The delegation visited the Academy."):
    source = source or make_source()
    return Citation.objects.create(source=source, cited=obj, quote=quote)


def make_organization(**kwargs):
    n = next(_counter)
    defaults = {
        "name": f"Customs Administration {n}",
        "acronym": f"CA{n}",
        "kind": Organization.Kind.CUSTOMS,
        "country": "AZ",
    }
    return Organization.objects.create(**{**defaults, **kwargs})


def make_person(**kwargs):
    n = next(_counter)
    return Person.objects.create(**{"name": f"Officer Number{n}", **kwargs})


def make_position(**kwargs):
    # Not setdefault: it would make the default rows even when they are given.
    if "person" not in kwargs:
        kwargs["person"] = make_person()
    if "organization" not in kwargs:
        kwargs["organization"] = make_organization()
    kwargs.setdefault("title", "Deputy Chairman")
    return Position.objects.create(**kwargs)


def make_programme(**kwargs):
    n = next(_counter)
    defaults = {"name": f"Capacity Building Programme {n}", "kind": Programme.Kind.PROGRAMME}
    return Programme.objects.create(**{**defaults, **kwargs})


def make_event(*, host=None, visitors=(), **kwargs):
    n = next(_counter)
    defaults = {
        "title": f"Exchange visit {n}",
        "kind": Event.Kind.EXCHANGE_VISIT,
        "start": "2023-10-04",
        "end": "2023-10-06",
        "city": "Baku",
        "country": "AZ",
    }
    event = Event.objects.create(**{**defaults, **kwargs})
    if host:
        OrganizationParticipation.objects.create(
            event=event, organization=host, role=OrganizationParticipation.Role.HOST
        )
    for visitor in visitors:
        OrganizationParticipation.objects.create(
            event=event,
            organization=visitor,
            role=OrganizationParticipation.Role.VISITING_DELEGATION,
        )
    return event


def make_person_participation(**kwargs):
    if "event" not in kwargs:
        kwargs["event"] = make_event()
    if "person" not in kwargs:
        kwargs["person"] = make_person()
    kwargs.setdefault("role", PersonParticipation.Role.HEAD_OF_DELEGATION)
    return PersonParticipation.objects.create(**kwargs)


def make_agreement(*, parties=(), **kwargs):
    n = next(_counter)
    defaults = {
        "title": f"Protocol on cooperation {n}",
        "kind": Agreement.Kind.PROTOCOL,
        "date_signed": "2021-11-28",
    }
    agreement = Agreement.objects.create(**{**defaults, **kwargs})
    for party in parties:
        if isinstance(party, Organization):
            AgreementParty.objects.create(agreement=agreement, organization=party)
        else:
            AgreementParty.objects.create(agreement=agreement, country=party)
    return agreement


def make_knowledge_base(n=3, *, countries=("AZ", "KR", "UZ")):
    """``n`` of every kind of record, all related and each fact cited, across
    ``countries``: enough rows for a query-count test to show an N+1."""
    from cooperation.models import Partnership, ProgrammeCountry, ProgrammeRole
    from events.models import EventProgramme

    source = make_source(
        text="Article. The delegation visited the Academy. A protocol was signed. "
        "The programme supports the region."
    )
    quote = "The delegation visited the Academy."

    def cite(obj):
        make_citation(obj, source=source, quote=quote)
        return obj

    records = {"source": source, "organizations": [], "events": [], "people": []}
    parent = cite(make_organization(name="World Customs Organization", acronym="WCO", country=""))
    programme_parent = cite(make_programme(name="Container Control Programme", acronym="CCP"))
    records["programmes"] = [programme_parent]
    for i in range(n):
        country = countries[i % len(countries)]
        partner_country = countries[(i + 1) % len(countries)]
        host = cite(make_organization(country=country, parent=parent if i % 2 else None))
        host.aliases.create(name=f"Host alias {i}")
        visitor = cite(make_organization(country=partner_country, kind=Organization.Kind.TRAINING))
        programme = cite(make_programme(parent=programme_parent, start="2020", end="2024"))
        cite(ProgrammeRole.objects.create(programme=programme, organization=host, role="funder"))
        cite(ProgrammeCountry.objects.create(programme=programme, country=country))
        event = cite(make_event(host=host, visitors=[visitor], country=country))
        for participation in event.organization_participations.all():
            cite(participation)
        cite(EventProgramme.objects.create(event=event, programme=programme))
        person = cite(make_person(rank="Major General"))
        person.aliases.create(name=f"P. Alias {i}")
        cite(make_position(person=person, organization=host, title="Head", as_of="2023"))
        cite(make_person_participation(event=event, person=person, organization=host))
        agreement = cite(make_agreement(parties=[host, visitor, partner_country], event=event))
        agreement.programmes.add(programme)
        for party in agreement.parties.all():
            cite(party)
        cite(Partnership.objects.create(organization_a=host, organization_b=visitor, start="2020"))
        records["organizations"] += [host, visitor]
        records["events"].append(event)
        records["people"].append(person)
        records["programmes"].append(programme)
    return records
