"""The partnership rule, on constructed data: who becomes partners, and who not."""

import pytest

from cooperation import partnerships
from cooperation.models import Partnership, ProgrammeRole
from events.models import OrganizationParticipation
from tests.factories import (
    make_agreement,
    make_event,
    make_organization,
    make_programme,
)

pytestmark = pytest.mark.django_db

Role = OrganizationParticipation.Role


def names(pairs):
    return {frozenset((pair.a.short_name, pair.b.short_name)) for pair in pairs}


def pair(*names):
    return frozenset(names)


def take_part(event, organization, role):
    OrganizationParticipation.objects.create(event=event, organization=organization, role=role)


def test_host_and_visiting_delegation_are_partners():
    scc = make_organization(acronym="SCC")
    chrdi = make_organization(acronym="CHRDI", country="KR")
    make_event(host=scc, visitors=[chrdi], start="2023-10-04")

    [found] = partnerships.partnership_pairs()
    assert names([found]) == {pair("SCC", "CHRDI")}
    assert (found.strength, found.first_year, found.last_year) == (1, 2023, 2023)
    assert found.counts == {"event": 1}


def test_two_visiting_delegations_of_one_visit_are_not_partners_of_each_other():
    scc = make_organization(acronym="SCC")
    tm = make_organization(acronym="TM", country="TM")
    uz = make_organization(acronym="UZ", country="UZ")
    make_event(host=scc, visitors=[tm, uz])

    assert names(partnerships.partnership_pairs()) == {pair("SCC", "TM"), pair("SCC", "UZ")}


def test_organizations_only_mentioned_in_the_same_article_are_not_partners(source):
    # Both organizations are cited from one article, but took part in nothing together.
    from tests.factories import make_citation

    wco = make_organization(acronym="WCO", country="")
    fcs = make_organization(acronym="FCS", country="RU")
    make_citation(wco, source=source)
    make_citation(fcs, source=source)

    assert partnerships.partnership_pairs() == []


def test_co_participants_of_a_multilateral_session_are_not_partners():
    session = make_event(kind="session", title="82nd Session of the Policy Commission")
    for acronym in ("SCC", "FCS", "KCS"):
        take_part(session, make_organization(acronym=acronym), Role.PARTICIPANT)

    assert partnerships.partnership_pairs() == []


def test_the_two_sides_of_a_bilateral_meeting_are_partners():
    meeting = make_event(kind="meeting", title="SCC and FCS meet in Seoul", start="2019-12", end="")
    take_part(meeting, make_organization(acronym="SCC"), Role.PARTICIPANT)
    take_part(meeting, make_organization(acronym="FCS", country="RU"), Role.PARTICIPANT)

    [found] = partnerships.partnership_pairs()
    assert names([found]) == {pair("SCC", "FCS")}
    assert found.years == "2019"


def test_co_hosts_and_two_visited_bodies_are_not_partners_of_each_other():
    organizer = make_organization(acronym="PCBT")
    event = make_event(host=make_organization(acronym="SCC"))
    take_part(event, make_organization(acronym="BCD"), Role.HOST)
    take_part(event, make_organization(acronym="PCU1"), Role.VISITED)
    take_part(event, make_organization(acronym="PCU2"), Role.VISITED)
    take_part(event, organizer, Role.ORGANIZER)

    found = names(partnerships.partnership_pairs())
    assert pair("SCC", "BCD") not in found and pair("PCU1", "PCU2") not in found
    # A host and a body it showed its guests, an organizer and its host, are.
    assert {pair("SCC", "PCU1"), pair("BCD", "PCU2"), pair("PCBT", "SCC")} <= found


def test_observers_are_never_partners():
    host = make_organization(acronym="HOST")
    event = make_event(host=host)
    take_part(event, make_organization(acronym="OBS"), Role.OBSERVER)

    assert partnerships.partnership_pairs() == []


def test_facilitator_and_funder_are_partners_of_the_host():
    scc = make_organization(acronym="SCC")
    event = make_event(host=scc, kind="workshop")
    take_part(event, make_organization(acronym="WCO", country=""), Role.FACILITATOR)
    take_part(event, make_organization(acronym="EUC", country=""), Role.FUNDER)

    assert names(partnerships.partnership_pairs()) == {pair("SCC", "WCO"), pair("SCC", "EUC")}


def test_parties_to_an_agreement_are_partners():
    rocb = make_organization(acronym="ROCB")
    caricc = make_organization(acronym="CARICC", country="KZ")
    make_agreement(parties=[rocb, caricc], date_signed="2021-11-28")

    [found] = partnerships.partnership_pairs()
    assert names([found]) == {pair("ROCB", "CARICC")}
    assert found.counts == {"agreement": 1}
    assert found.years == "2021"


def test_funders_and_implementers_of_a_programme_are_partners_but_beneficiaries_not():
    ccp = make_programme(name="Container Control Programme", start="2004")
    for acronym, role in (
        ("INL", ProgrammeRole.Role.FUNDER),
        ("UNODC", ProgrammeRole.Role.IMPLEMENTER),
        ("SCC", ProgrammeRole.Role.BENEFICIARY),
    ):
        ProgrammeRole.objects.create(
            programme=ccp, organization=make_organization(acronym=acronym), role=role
        )

    [found] = partnerships.partnership_pairs()
    assert names([found]) == {pair("INL", "UNODC")}
    assert found.counts == {"programme": 1}


def test_one_row_per_pair_whatever_the_evidence_and_its_order():
    ascca = make_organization(acronym="ASCCA")
    chrdi = make_organization(acronym="CHRDI", country="KR")
    # Stored with the pair given either way round.
    Partnership.objects.create(organization_a=chrdi, organization_b=ascca, start="2020")
    make_event(host=ascca, visitors=[chrdi], start="2024", end="")
    make_event(host=chrdi, visitors=[ascca], start="2022", end="", country="KR")
    make_agreement(parties=[chrdi, ascca], date_signed="2021")

    [found] = partnerships.partnership_pairs()
    assert found.counts == {"declared": 1, "event": 2, "agreement": 1}
    assert found.strength == 4
    assert found.years == "2020–2024"


def test_an_organization_is_never_its_own_partner():
    scc = make_organization(acronym="SCC")
    event = make_event(host=scc)
    take_part(event, scc, Role.PARTICIPANT)
    make_agreement(parties=[scc])

    assert partnerships.partnership_pairs() == []


def test_pairs_are_ordered_by_strength():
    a, b, c = (make_organization(acronym=x) for x in "ABC")
    make_event(host=a, visitors=[b])
    make_event(host=a, visitors=[c])
    make_event(host=c, visitors=[a])

    assert [p.strength for p in partnerships.partnership_pairs()] == [2, 1]


def test_country_level_rolls_organizations_up_to_their_countries():
    scc = make_organization(acronym="SCC", country="AZ")
    academy = make_organization(acronym="ASCCA", country="AZ")
    uz_customs = make_organization(acronym="UZC", country="UZ")
    wco = make_organization(acronym="WCO", country="")
    # One visit with two Azerbaijani hosts counts once for Azerbaijan–Uzbekistan.
    event = make_event(host=scc, visitors=[uz_customs], start="2023")
    take_part(event, academy, Role.HOST)
    make_agreement(parties=["AZ", "UZ"], date_signed="2019")
    make_agreement(parties=[wco, scc], date_signed="2011")

    pairs = {frozenset((p.a.name, p.b.name)): p for p in partnerships.partnership_pairs("country")}
    assert set(pairs) == {
        frozenset(("Azerbaijan", "Uzbekistan")),
        frozenset(("Azerbaijan", "Customs Administration " + wco.name.split()[-1])),
    }
    az_uz = pairs[frozenset(("Azerbaijan", "Uzbekistan"))]
    assert az_uz.counts == {"event": 1, "agreement": 1}
    assert az_uz.years == "2019–2023"


def test_organization_scope_keeps_its_pairs_only():
    a, b, c = (make_organization(acronym=x) for x in "ABC")
    make_event(host=a, visitors=[b])
    make_event(host=b, visitors=[c])

    assert names(partnerships.partners_of_organization(c)) == {pair("B", "C")}


def test_programme_scope_keeps_the_evidence_under_the_programme_and_within_it():
    from events.models import EventProgramme

    ccp = make_programme(name="CCP")
    iren = make_programme(name="IREN", parent=ccp)
    a, b, c = (make_organization(acronym=x) for x in "ABC")
    inside = make_event(host=a, visitors=[b])
    EventProgramme.objects.create(event=inside, programme=iren)
    make_event(host=a, visitors=[c])

    scope = partnerships.scope_from_filters(programme=ccp)
    assert names(partnerships.partnership_pairs(scope=scope)) == {pair("A", "B")}


def test_the_pair_evidence_is_the_evidence_counted(source):
    from tests.factories import make_citation

    ascca = make_organization(acronym="ASCCA")
    chrdi = make_organization(acronym="CHRDI", country="KR")
    visit = make_event(
        host=ascca, visitors=[chrdi], start="2024", end="", title="CHRDI visits Baku"
    )
    make_citation(visit, source=source)
    declared = Partnership.objects.create(organization_a=ascca, organization_b=chrdi, start="2020")
    make_citation(declared, source=source, quote="A protocol was signed.")

    items = partnerships.pair_evidence(
        partnerships.side_for(ascca.slug), partnerships.side_for(chrdi.slug)
    )
    assert [(i.kind, i.date.year) for i in items] == [("declared", 2020), ("event", 2024)]
    assert [c.quote for c in items[1].citations] == ["The delegation visited the Academy."]
    assert items[1].detail == "ASCCA: host; CHRDI: visiting delegation"
