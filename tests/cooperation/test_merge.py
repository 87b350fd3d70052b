"""Merging duplicate organizations and people moves every relation and citation."""

import pytest
from django.core.exceptions import ValidationError

from cooperation.models import (
    AgreementParty,
    Citation,
    Organization,
    OrganizationAlias,
    Partnership,
    ProgrammeRole,
)
from cooperation.services import organization_merge
from events.models import OrganizationParticipation, PersonParticipation
from people.models import Person, Position
from people.services import person_merge
from tests.factories import (
    make_agreement,
    make_citation,
    make_event,
    make_organization,
    make_person,
    make_person_participation,
    make_position,
    make_programme,
    make_source,
)


@pytest.fixture
def pair(db):
    """ROCB Europe, entered twice: once in full, once by its acronym."""
    keep = make_organization(
        name="Regional Office for Capacity Building",
        acronym="ROCB Europe",
        country="",
        kind=Organization.Kind.REGIONAL_OFFICE,
    )
    duplicate = make_organization(
        name="ROCB Europe office",
        acronym="ROCB-E",
        country="AZ",
        website="https://rocb-europe.example.org",
    )
    return keep, duplicate


def test_organization_merge_moves_every_relation(pair):
    keep, duplicate = pair
    wco = make_organization(name="World Customs Organization", acronym="WCO", country="")
    partner, other = make_organization(), make_organization()
    duplicate.parent = wco
    duplicate.save()
    duplicate.aliases.create(name="Regional Office for Capacity Building for the Europe Region")
    child = make_organization(parent=duplicate)
    event = make_event(host=duplicate)
    person_role = make_person_participation(event=event, organization=duplicate)
    position = make_position(organization=duplicate)
    agreement = make_agreement(parties=[duplicate, "UZ"])
    programme = make_programme()
    ProgrammeRole.objects.create(programme=programme, organization=duplicate, role="implementer")
    pa = Partnership.objects.create(organization_a=duplicate, organization_b=partner, start="2020")
    pb = Partnership.objects.create(organization_a=other, organization_b=duplicate, start="2019")
    cited = make_citation(duplicate)

    organization_merge(keep=keep, duplicates=[duplicate])

    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    keep.refresh_from_db()
    assert set(keep.aliases.values_list("name", flat=True)) == {
        "ROCB Europe office",
        "ROCB-E",
        "Regional Office for Capacity Building for the Europe Region",
    }
    # Empty fields are filled from the duplicate; what keep had stays.
    assert (keep.website, keep.parent, keep.kind) == (duplicate.website, wco, "regional-office")
    assert str(keep.country) == "AZ"
    child.refresh_from_db()
    assert child.parent == keep
    assert OrganizationParticipation.objects.get(event=event).organization == keep
    person_role.refresh_from_db()
    position.refresh_from_db()
    assert person_role.organization == keep and position.organization == keep
    assert agreement.parties.get(organization__isnull=False).organization == keep
    assert ProgrammeRole.objects.get(programme=programme).organization == keep
    for partnership, partner_org in ((pa, partner), (pb, other)):
        partnership.refresh_from_db()
        assert {partnership.organization_a, partnership.organization_b} == {keep, partner_org}
        assert partnership.organization_a_id < partnership.organization_b_id
    cited.refresh_from_db()
    assert cited.cited == keep
    record = keep.history.first()
    assert record.history_change_reason.startswith("Merged ROCB Europe office")


def test_organization_merge_resolves_collisions_keeping_both_citations(pair):
    keep, duplicate = pair
    partner = make_organization()
    event = make_event(host=keep)
    # The same event, the same role: one participation after the merge.
    dup_host = OrganizationParticipation.objects.create(
        event=event, organization=duplicate, role="host", note="From the UNODC article."
    )
    keep_host = event.organization_participations.get(organization=keep)
    source = make_source()
    make_citation(keep_host, source=source)
    make_citation(dup_host, source=source)  # the same citation: kept once
    make_citation(dup_host, quote="A protocol was signed.", source=source)
    agreement = make_agreement(parties=[keep, duplicate])
    Partnership.objects.create(organization_a=keep, organization_b=partner, start="2021")
    both = Partnership.objects.create(
        organization_a=duplicate, organization_b=partner, start="2018"
    )
    make_citation(both, source=source)
    between = Partnership.objects.create(organization_a=keep, organization_b=duplicate)
    make_citation(between, quote="A protocol was signed.", source=make_source())

    organization_merge(keep=keep, duplicates=[duplicate])

    host = event.organization_participations.get()
    assert host.organization == keep and host.note == "From the UNODC article."
    assert sorted(host.citations.values_list("quote", flat=True)) == [
        "A protocol was signed.",
        "The delegation visited the Academy.",
    ]
    assert list(agreement.parties.values_list("organization", flat=True)) == [keep.pk]
    partnership = Partnership.objects.get()
    assert str(partnership.start) == "2018"  # the earlier "since"
    assert partnership.citations.count() == 1
    # The partnership between the two records is gone; its evidence stays on keep.
    assert keep.citations.filter(quote="A protocol was signed.").exists()


def test_merging_several_duplicates_at_once(pair):
    keep, duplicate = pair
    third = make_organization(name="ROCB")
    make_event(host=third, visitors=[duplicate])
    organization_merge(keep=keep, duplicates=[duplicate, third, keep])
    assert Organization.objects.filter(pk__in=[duplicate.pk, third.pk]).count() == 0
    assert set(OrganizationParticipation.objects.values_list("organization", flat=True)) == {
        keep.pk
    }
    assert OrganizationAlias.objects.filter(organization=keep, name="ROCB").exists()


def test_a_merge_that_fails_half_way_changes_nothing(pair):
    keep, duplicate = pair
    make_event(host=duplicate)
    duplicate_pk = duplicate.pk
    # The second "duplicate" was never saved: the merge fails after the first is merged.
    with pytest.raises(ValueError):
        organization_merge(keep=keep, duplicates=[duplicate, Organization(name="Never saved")])
    assert Organization.objects.filter(pk=duplicate_pk).exists()
    assert OrganizationParticipation.objects.get().organization_id == duplicate_pk
    assert not keep.aliases.exists()


def test_merging_an_organization_into_one_of_its_units_keeps_the_tree_acyclic(pair):
    """The duplicate sits above the kept record's parent: the kept record takes the
    duplicate's place in the tree, and the unit between them stays under it."""
    keep, duplicate = pair
    wco = make_organization(name="World Customs Organization", acronym="WCO", country="")
    duplicate.parent = wco
    duplicate.save()
    unit = make_organization(name="Capacity Building Unit", parent=duplicate)
    keep.parent = unit
    keep.save()

    organization_merge(keep=keep, duplicates=[duplicate])

    keep.refresh_from_db()
    unit.refresh_from_db()
    assert (keep.parent, unit.parent) == (wco, keep)
    keep.full_clean()


def test_a_merge_never_puts_the_kept_record_under_its_own_unit(pair):
    keep, duplicate = pair
    unit = make_organization(name="Training Section", parent=keep)
    duplicate.parent = unit
    duplicate.save()

    organization_merge(keep=keep, duplicates=[duplicate])

    keep.refresh_from_db()
    unit.refresh_from_db()
    assert (keep.parent, unit.parent) == (None, keep)
    keep.full_clean()


def test_a_merge_needs_another_record(pair):
    keep, _ = pair
    with pytest.raises(ValidationError, match="at least one other record"):
        organization_merge(keep=keep, duplicates=[keep])


def test_person_merge_moves_positions_participations_aliases_and_citations(db):
    keep = make_person(name="Gulu Novruzov", rank="Major General")
    duplicate = make_person(name="G. Novruzov", honorific="Mr.")
    duplicate.aliases.create(name="Gulu Novruzov")  # keep's own name: dropped
    academy = make_organization(name="Academy of the State Customs Committee")
    make_position(person=keep, organization=academy, title="Head of the Academy")
    twin = make_position(
        person=duplicate, organization=academy, title="Head of the Academy", as_of="2021"
    )
    make_citation(twin)
    other_position = make_position(person=duplicate, title="Rector")
    event = make_event()
    make_person_participation(event=event, person=keep, role="speaker")
    dup_speaker = make_person_participation(
        event=event, person=duplicate, role="speaker", organization=academy
    )
    make_citation(dup_speaker)
    head = make_person_participation(person=duplicate)
    make_citation(duplicate)

    person_merge(keep=keep, duplicates=[duplicate])

    assert not Person.objects.filter(pk=duplicate.pk).exists()
    keep.refresh_from_db()
    assert (keep.rank, keep.honorific) == ("Major General", "Mr.")
    assert list(keep.aliases.values_list("name", flat=True)) == ["G. Novruzov"]
    position = Position.objects.get(person=keep, organization=academy)
    assert position.citations.count() == 1
    other_position.refresh_from_db()
    assert other_position.person == keep
    speaker = PersonParticipation.objects.get(event=event)
    assert speaker.person == keep and speaker.organization == academy
    assert speaker.citations.count() == 1
    head.refresh_from_db()
    assert head.person == keep
    assert Citation.objects.filter(object_id=keep.pk, content_type__model="person").count() == 1
    assert AgreementParty.objects.count() == 0
