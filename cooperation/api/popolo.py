"""The knowledge base in Popolo (https://www.popoloproject.com/specs/), the JSON
that civic-data tools read: persons, organizations, memberships (from
positions), events and areas (countries), each with its sources.

Ids are stable and readable: ``person/<slug>``, ``organization/<slug>``,
``event/<slug>``, ``country/<alpha-2>``,
``membership/<person>/<organization>/<title>[/<start>]``. Dates keep their precision, as
Popolo allows ("2019", "2019-12", "2019-12-03"). Each source is the article
URL with the supporting passage as its note.
"""

from django.db.models import Prefetch
from django.utils.text import slugify

from cooperation.api import querysets
from cooperation.models import Organization
from events.models import Event, OrganizationParticipation
from people.models import Person, Position


def _date(value):
    return value.isoformat() if value else None


def _sources(obj, absolute):
    return [
        {
            "url": citation.source.url or absolute(citation.source.get_absolute_url()),
            "note": f"{citation.source.title}: “{citation.quote}”",
        }
        for citation in obj.citations.all()
    ]


def _identifiers(obj):
    return [{"scheme": "cckb", "identifier": obj.slug}]


def _links(obj, absolute):
    return [{"url": absolute(obj.get_absolute_url()), "note": "Customs Cooperation Knowledge Base"}]


def _compact(data):
    """Popolo leaves out what is unknown rather than writing it empty."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _membership_id(position):
    # The fields of the unique_position constraint, so the id outlives database ids.
    parts = [position.person.slug, position.organization.slug, slugify(position.title)]
    if position.start:
        parts.append(position.start.isoformat())
    return "membership/" + "/".join(parts)


def popolo_document(*, absolute):
    """The whole Popolo document. ``absolute`` turns a path into a full URL.
    Seven queries, however large the knowledge base."""
    countries = {}

    def area(country):
        if not country:
            return None
        countries[country.code] = country
        return f"country/{country.code}"

    people = Person.objects.prefetch_related("aliases", querysets.citations())
    organizations = Organization.objects.select_related("parent").prefetch_related(
        "aliases", querysets.citations()
    )
    positions = Position.objects.select_related("person", "organization").prefetch_related(
        querysets.citations()
    )
    events = Event.objects.prefetch_related(
        querysets.citations(),
        Prefetch(
            "organization_participations",
            queryset=OrganizationParticipation.objects.filter(
                role=OrganizationParticipation.Role.HOST
            ).select_related("organization"),
            to_attr="host_participations",
        ),
    )
    document = {
        "persons": [
            _compact(
                {
                    "id": f"person/{person.slug}",
                    "name": person.name,
                    "other_names": [{"name": alias.name} for alias in person.aliases.all()],
                    "honorific_prefix": person.honorific,
                    "summary": person.description,
                    "identifiers": _identifiers(person),
                    "links": _links(person, absolute),
                    "sources": _sources(person, absolute),
                }
            )
            for person in people
        ],
        "organizations": [
            _compact(
                {
                    "id": f"organization/{organization.slug}",
                    "name": organization.name,
                    "other_names": (
                        [{"name": organization.acronym, "note": "acronym"}]
                        if organization.acronym
                        else []
                    )
                    + [{"name": alias.name} for alias in organization.aliases.all()],
                    "classification": organization.kind,
                    "parent_id": organization.parent and f"organization/{organization.parent.slug}",
                    "area_id": area(organization.country),
                    "identifiers": _identifiers(organization),
                    "links": _links(organization, absolute)
                    + (
                        [{"url": organization.website, "note": "website"}]
                        if organization.website
                        else []
                    ),
                    "sources": _sources(organization, absolute),
                }
            )
            for organization in organizations
        ],
        "memberships": [
            _compact(
                {
                    "id": _membership_id(position),
                    "person_id": f"person/{position.person.slug}",
                    "organization_id": f"organization/{position.organization.slug}",
                    "role": position.title,
                    "start_date": _date(position.start),
                    "end_date": _date(position.end),
                    "sources": _sources(position, absolute),
                }
            )
            for position in positions
        ],
        "events": [
            _compact(
                {
                    "id": f"event/{event.slug}",
                    "name": event.title,
                    "classification": event.kind,
                    "start_date": _date(event.start),
                    "end_date": _date(event.end),
                    "location": event.place,
                    "organization_id": event.host_participations
                    and f"organization/{event.host_participations[0].organization.slug}",
                    "area_id": area(event.country),
                    "identifiers": _identifiers(event),
                    "links": _links(event, absolute),
                    "sources": _sources(event, absolute),
                }
            )
            for event in events
        ],
    }
    document["areas"] = [
        {
            "id": f"country/{code}",
            "name": str(country.name),
            "classification": "country",
            "identifiers": [{"scheme": "iso3166-1", "identifier": code}],
        }
        for code, country in sorted(countries.items())
    ]
    return document
