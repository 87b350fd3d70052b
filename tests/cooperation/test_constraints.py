"""The database refuses rows the domain forbids, whoever writes them."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cooperation.models import AgreementParty, Citation, Organization, Partnership
from events.models import Event, OrganizationParticipation
from people.models import Position
from tests.factories import (
    make_agreement,
    make_event,
    make_organization,
    make_person,
    make_programme,
    make_source,
)

pytestmark = pytest.mark.django_db


def refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_an_event_cannot_end_before_it_starts():
    refused(lambda: make_event(start="2023-10-06", end="2023-10-04"))
    refused(lambda: make_event(start="2020", end="2019-12"))


def test_an_end_compared_at_the_coarser_precision_is_accepted():
    event = make_event(start="2020-05-10", end="2020-05")
    assert Event.objects.get(pk=event.pk).end.display() == "May 2020"
    assert make_event(start="2019-12", end="2019-12-05").pk


def test_programme_and_position_periods_are_checked_too():
    refused(lambda: make_programme(start="2024", end="2022"))
    person, org = make_person(), make_organization()
    refused(
        lambda: Position.objects.create(
            person=person, organization=org, title="Head", start="2021", end="2020"
        )
    )


def test_full_clean_reports_the_period_as_an_editor_reads_it():
    event = Event(title="Workshop", start="2011-11-18", end="2011-11-14")
    with pytest.raises(ValidationError, match="The end date is before the start date"):
        event.full_clean()


def test_slugs_are_unique_and_kept_on_rename():
    first = make_organization(name="World Customs Organization")
    second = make_organization(name="World Customs Organization")
    assert (first.slug, second.slug) == (
        "world-customs-organization",
        "world-customs-organization-2",
    )
    first.name = "WCO Secretariat"
    first.save()
    first.refresh_from_db()
    assert first.slug == "world-customs-organization"
    refused(lambda: Organization.objects.create(name="Another", slug="world-customs-organization"))


def test_a_partnership_is_between_two_different_organizations():
    org = make_organization()
    refused(lambda: Partnership.objects.create(organization_a=org, organization_b=org))
    with pytest.raises(ValidationError, match="two different organizations"):
        Partnership(organization_a=org, organization_b=org).full_clean()


def test_a_partnership_is_stored_once_per_pair_whichever_way_it_is_given():
    a, b = make_organization(), make_organization()
    partnership = Partnership.objects.create(organization_a=b, organization_b=a, start="2020")
    assert (partnership.organization_a, partnership.organization_b) == (a, b)
    refused(lambda: Partnership.objects.create(organization_a=a, organization_b=b))
    refused(lambda: Partnership.objects.create(organization_a=b, organization_b=a))


def test_an_agreement_party_is_an_organization_or_a_country_not_both_nor_neither():
    agreement, org = make_agreement(), make_organization()
    refused(lambda: AgreementParty.objects.create(agreement=agreement))
    refused(
        lambda: AgreementParty.objects.create(agreement=agreement, organization=org, country="AZ")
    )
    AgreementParty.objects.create(agreement=agreement, country="UZ")
    refused(lambda: AgreementParty.objects.create(agreement=agreement, country="UZ"))


def test_the_same_participation_is_not_recorded_twice():
    host = make_organization()
    event = make_event(host=host)
    refused(
        lambda: OrganizationParticipation.objects.create(
            event=event, organization=host, role=OrganizationParticipation.Role.HOST
        )
    )


def test_a_citation_needs_a_quote_that_occurs_in_its_source():
    source, org = make_source(text="ROCB Europe cooperates with CARICC."), make_organization()
    refused(lambda: Citation.objects.create(source=source, cited=org, quote=""))
    with pytest.raises(ValidationError, match="does not occur in the source text"):
        Citation(source=source, cited=org, quote="CARICC cooperates").full_clean()
    Citation(source=source, cited=org, quote="cooperates with CARICC").full_clean()


def test_a_source_url_is_unique_when_given():
    make_source(url="https://example.org/a")
    refused(lambda: make_source(url="https://example.org/a"))
    make_source(url="")
    make_source(url="")


def test_an_organization_referred_to_cannot_be_deleted():
    host = make_organization()
    make_event(host=host)
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        host.delete()
