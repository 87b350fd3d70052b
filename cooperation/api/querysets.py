"""What each API list and detail will touch, planned up front so that the number
of queries does not grow with the number of rows (tests/api/test_queries.py)."""

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Prefetch

from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Organization,
    Partnership,
    Programme,
    ProgrammeCountry,
    ProgrammeRole,
    Source,
)
from events.models import (
    Event,
    EventProgramme,
    OrganizationParticipation,
    PersonParticipation,
)
from people.models import Person, Position


def citations(lookup="citations"):
    """A record's citations with their sources: one query for any number of records."""
    return Prefetch(lookup, queryset=Citation.objects.select_related("source"))


def cited(queryset):
    return queryset.prefetch_related(citations())


# A record's detail embeds the newest this many of a relation that can grow
# without bound (a busy organization's events); the lists, filtered by the
# record, page through all of them.
EMBEDDED = 100


def newest(lookup, queryset, *order):
    """Prefetch the newest ``EMBEDDED`` rows of ``lookup`` as ``embedded_<lookup>``."""
    return Prefetch(
        lookup,
        queryset=cited(queryset.order_by(*order, "-pk"))[:EMBEDDED],
        to_attr=f"embedded_{lookup}",
    )


def organizations():
    return Organization.objects.select_related("parent").prefetch_related("aliases", citations())


def organization_detail():
    return organizations().prefetch_related(
        "children",
        newest("positions", Position.objects.select_related("person", "organization"), "-as_of"),
        Prefetch(
            "programme_roles",
            queryset=cited(ProgrammeRole.objects.select_related("programme", "organization")),
        ),
        newest(
            "participations",
            OrganizationParticipation.objects.select_related("event", "organization"),
            "-event__start",
        ),
        newest(
            "agreement_parties",
            AgreementParty.objects.select_related("agreement", "organization"),
            "-agreement__date_signed",
        ),
    )


def people():
    return Person.objects.prefetch_related(
        "aliases",
        citations(),
        Prefetch(
            "positions",
            queryset=cited(Position.objects.select_related("person", "organization")),
        ),
    )


def person_detail():
    return people().prefetch_related(
        newest(
            "participations",
            PersonParticipation.objects.select_related("event", "person", "organization"),
            "-event__start",
        )
    )


def events():
    return Event.objects.select_related("part_of").prefetch_related(
        "programmes",
        citations(),
        Prefetch(
            "organization_participations",
            queryset=cited(
                OrganizationParticipation.objects.select_related("event", "organization")
            ),
        ),
    )


def event_detail():
    return events().prefetch_related(
        "agreements",
        "side_events",
        Prefetch(
            "person_participations",
            queryset=cited(
                PersonParticipation.objects.select_related("event", "person", "organization")
            ),
        ),
    )


def agreements():
    return Agreement.objects.select_related("event").prefetch_related(
        "programmes",
        citations(),
        Prefetch(
            "parties",
            queryset=cited(AgreementParty.objects.select_related("agreement", "organization")),
        ),
    )


def programmes():
    return Programme.objects.select_related("parent").prefetch_related(citations())


def programme_detail():
    return programmes().prefetch_related(
        "children",
        Prefetch(
            "events",
            queryset=Event.objects.order_by("-start", "-pk")[:EMBEDDED],
            to_attr="embedded_events",
        ),
        "agreements",
        Prefetch(
            "roles",
            queryset=cited(ProgrammeRole.objects.select_related("programme", "organization")),
        ),
        Prefetch("countries", queryset=cited(ProgrammeCountry.objects.all())),
    )


def sources():
    return Source.objects.defer("text")


def source_detail():
    """A source with the records its passages support, whatever their kind: one
    query per kind of record cited."""
    cited_kinds = [
        Organization.objects.all(),
        Person.objects.all(),
        Event.objects.all(),
        Agreement.objects.all(),
        Programme.objects.all(),
        Partnership.objects.select_related("organization_a", "organization_b"),
        Position.objects.select_related("person", "organization"),
        ProgrammeRole.objects.select_related("programme", "organization"),
        ProgrammeCountry.objects.select_related("programme"),
        AgreementParty.objects.select_related("agreement", "organization"),
        EventProgramme.objects.select_related("event", "programme"),
        OrganizationParticipation.objects.select_related("event", "organization"),
        PersonParticipation.objects.select_related("event", "person"),
    ]
    return Source.objects.prefetch_related(
        Prefetch(
            "citations",
            queryset=Citation.objects.select_related("source").prefetch_related(
                GenericPrefetch("cited", cited_kinds)
            ),
        )
    )
