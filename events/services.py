"""Writes that span several models for events: recording a visit."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from cooperation.services import (
    agreement_record,
    cite,
    cite_if_uncited,
    errors_collect,
    evidence_check,
    evidence_source,
    parties_check,
)
from events.models import Event, EventProgramme, OrganizationParticipation, PersonParticipation

VISIT_KINDS = [Event.Kind.VISIT, Event.Kind.EXCHANGE_VISIT, Event.Kind.STUDY_VISIT]
NO_HOST = "A visit needs a host organization."


@dataclass(frozen=True)
class PersonRole:
    """A person who took part in a visit, in a role, on behalf of an organization."""

    person: object
    role: str = PersonParticipation.Role.DELEGATE
    organization: object = None


@transaction.atomic
def visit_record(
    *,
    kind,
    title,
    evidence,
    host,
    start=None,
    end=None,
    city="",
    country="",
    visitors=(),
    people=(),
    programmes=(),
    description="",
    agreement=None,
):
    """Record a visit in one transaction: the event, its host and visiting
    organizations, the people and their roles, the programmes it belongs to and,
    if ``agreement`` (a dict of ``agreement_record`` arguments) is given, the
    agreement signed during it. Every record made is cited to ``evidence``, and so
    is every organization, person or programme named that had no citation yet.
    Raises ValidationError, with every problem found, before writing anything.
    Returns the Event."""
    errors = {}
    if host is None:
        errors["host"] = [NO_HOST]
    if kind not in VISIT_KINDS:
        errors["kind"] = ["Choose visit, exchange visit or study visit."]
    event = Event(
        kind=kind,
        title=title,
        start=start,
        end=end,
        city=city,
        country=country,
        description=description,
    )
    errors_collect(errors, event.full_clean, exclude=["slug"])
    errors_collect(errors, evidence_check, evidence=evidence)
    if agreement is not None:
        agreement_errors = {}
        errors_collect(
            agreement_errors,
            parties_check,
            organizations=agreement.get("organizations", ()),
            countries=agreement.get("countries", ()),
        )
        for field, messages in agreement_errors.items():
            errors.setdefault(f"agreement_{field}", []).extend(messages)
    if errors:
        raise ValidationError(errors)

    source, quote = evidence_source(evidence=evidence)
    event.save()
    cite(event, source=source, quote=quote)

    Role = OrganizationParticipation.Role
    organizations = [(host, Role.HOST)] + [(v, Role.VISITING_DELEGATION) for v in visitors]
    for organization, role in dict.fromkeys(organizations):
        if role == Role.VISITING_DELEGATION and organization == host:
            continue
        participation = OrganizationParticipation.objects.create(
            event=event, organization=organization, role=role
        )
        cite(participation, source=source, quote=quote)

    for person_role in {(p.person.pk, p.role): p for p in people}.values():
        participation = PersonParticipation.objects.create(
            event=event,
            person=person_role.person,
            role=person_role.role,
            organization=person_role.organization,
        )
        cite(participation, source=source, quote=quote)

    for programme in dict.fromkeys(programmes):
        link = EventProgramme.objects.create(event=event, programme=programme)
        cite(link, source=source, quote=quote)

    if agreement is not None:
        agreement_record(event=event, evidence=evidence, **agreement)

    named = [host, *visitors, *programmes]
    named += [p.person for p in people] + [p.organization for p in people]
    cite_if_uncited(named, source=source, quote=quote)
    return event
