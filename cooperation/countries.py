"""Countries as the knowledge base sees them: ISO 3166 codes (django-countries),
with what happened in and between them. Nothing here is stored; it is read from
organizations, events, agreements and programmes."""

from dataclasses import dataclass, field

from django_countries import countries
from django_countries.fields import Country

from cooperation.counting import count_members
from cooperation.models import Agreement, AgreementParty, Organization, Programme, ProgrammeCountry
from events.models import Event, OrganizationParticipation


def country_from_code(code):
    """The ``Country`` for an ISO alpha-2 code in any case, or None if there is none."""
    code = (code or "").upper()
    if len(code) != 2 or not countries.name(code):
        return None
    return Country(code)


@dataclass
class CountrySummary:
    country: Country
    organizations: int = 0
    events: int = 0
    agreements: int = 0
    programmes: int = 0

    @property
    def activity(self):
        return self.organizations + self.events + self.agreements + self.programmes


def country_summaries():
    """Every country the knowledge base mentions, alphabetically, with counts
    that match its lists' country filters. Four queries."""
    organizations, _ = count_members(Organization.objects.values_list("country", "pk"))
    events, _ = count_members(
        Event.objects.values_list("country", "pk"),
        OrganizationParticipation.objects.values_list("organization__country", "event"),
    )
    agreements, _ = count_members(
        AgreementParty.objects.values_list("country", "agreement"),
        AgreementParty.objects.values_list("organization__country", "agreement"),
    )
    programmes, _ = count_members(ProgrammeCountry.objects.values_list("country", "programme"))
    codes = set(organizations) | set(events) | set(agreements) | set(programmes)
    summaries = [
        CountrySummary(
            Country(code),
            organizations=organizations[code],
            events=events[code],
            agreements=agreements[code],
            programmes=programmes[code],
        )
        for code in codes
    ]
    return sorted(summaries, key=lambda s: s.country.name)


@dataclass
class PartnerCountry:
    """A country whose bodies met or signed with another country's bodies."""

    country: Country
    events: list = field(default_factory=list)
    agreements: list = field(default_factory=list)

    @property
    def evidence_count(self):
        return len(self.events) + len(self.agreements)


def partner_countries(code, events, agreements):
    """The countries whose bodies took part in ``events``, or were parties to
    ``agreements``, alongside a body (or the state) of country ``code``.

    Reads the participations and parties already prefetched by ``for_list()``;
    strongest evidence first.
    """
    partners = {}

    def add(codes, kind, item):
        if code not in codes:
            return
        for other in sorted(codes - {code, ""}):
            partner = partners.setdefault(other, PartnerCountry(Country(other)))
            getattr(partner, kind).append(item)

    for event in events:
        codes = {p.organization.country.code for p in event.organization_participations.all()}
        add(codes, "events", event)
    for agreement in agreements:
        add(
            {
                p.organization.country.code if p.organization_id else p.country.code
                for p in agreement.parties.all()
            },
            "agreements",
            agreement,
        )
    return sorted(partners.values(), key=lambda p: (-p.evidence_count, p.country.name))


def country_profile(code):
    """Everything the country page shows for the ISO code ``code`` (upper case)."""
    events_attended = list(Event.objects.attended_from(code).for_list())
    agreements = list(Agreement.objects.with_party_in(code).for_list())
    return {
        "organizations": Organization.objects.in_country(code).for_list(),
        "events_held": Event.objects.held_in(code).for_list(),
        "events_attended": events_attended,
        "agreements": agreements,
        "programmes": Programme.objects.benefiting(code).for_list(),
        "partners": partner_countries(code, events_attended, agreements),
    }
