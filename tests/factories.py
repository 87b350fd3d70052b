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
    kwargs.setdefault("person", make_person())
    kwargs.setdefault("organization", make_organization())
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
    kwargs.setdefault("event", make_event())
    kwargs.setdefault("person", make_person())
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
