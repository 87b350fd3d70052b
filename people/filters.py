"""Filters of the list of people."""

import django_filters

from cooperation.filters import (
    ListFilterSet,
    by_slug,
    counted_choices,
    country_filter,
    country_name,
    q_filter,
)
from cooperation.models import Organization
from events.models import PersonParticipation
from people.models import Person, Position


class PersonFilter(ListFilterSet):
    q = q_filter()
    country = country_filter("Held a position in, or spoke for, a body of the country.")
    organization = django_filters.ChoiceFilter(
        label="Organization", method="filter_organization", empty_label="Any organization"
    )

    class Meta:
        model = Person
        fields = []

    def choices(self):
        spoke_for = PersonParticipation.objects.filter(organization__isnull=False)
        return {
            "country": counted_choices(
                Position.objects.values_list("organization__country", "person"),
                spoke_for.values_list("organization__country", "person"),
                label=country_name,
            ),
            "organization": counted_choices(
                Position.objects.values_list("organization__slug", "organization__name", "person"),
                spoke_for.values_list("organization__slug", "organization__name", "person"),
            ),
        }

    def filter_country(self, queryset, name, value: str):
        return queryset.in_country(value)

    def filter_organization(self, queryset, name, value: str):
        return queryset.of_organization(by_slug(Organization, value))
