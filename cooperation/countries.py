"""Countries as the knowledge base sees them: ISO 3166 codes (django-countries),
with what happened in and between them. Nothing here is stored; it is read from
organizations, events, agreements and programmes."""

from dataclasses import dataclass

from django_countries import countries
from django_countries.fields import Country

from cooperation.caching import cached
from cooperation.counting import count_members
from cooperation.models import (
    Agreement,
    AgreementParty,
    Organization,
    Programme,
    ProgrammeCountry,
    attach_activity,
    first_facts,
)
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
    that match its lists' country filters. Four queries, kept in the cache
    until the data changes."""
    return cached("country-summaries", _country_summaries)


def _country_summaries():
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


def country_profile(code):
    """Everything the country page shows for the ISO code ``code`` (upper case):
    the first ``FACTS_SHOWN`` of each list (and one more, to tell there are
    more); the page links to the full lists."""
    return {
        "organizations": attach_activity(
            first_facts(Organization.objects.in_country(code).for_list())
        ),
        "events_held": first_facts(Event.objects.held_in(code).for_list()),
        "events_attended": first_facts(Event.objects.attended_from(code).for_list()),
        "agreements": first_facts(Agreement.objects.with_party_in(code).for_list()),
        "programmes": first_facts(Programme.objects.benefiting(code).for_list()),
    }
