"""Filters of the list of events."""

import django_filters

from cooperation.filters import (
    ListFilterSet,
    YearFilter,
    by_slug,
    counted_choices,
    country_filter,
    country_name,
    programme_rows,
    q_filter,
)
from cooperation.models import Organization, Programme
from events.models import Event, EventProgramme, OrganizationParticipation


class EventFilter(ListFilterSet):
    q = q_filter("Title contains")
    country = country_filter("Held in the country, or attended by one of its bodies.")
    kind = django_filters.ChoiceFilter(label="Kind", method="filter_kind", empty_label="Any kind")
    programme = django_filters.ChoiceFilter(
        label="Programme", method="filter_programme", empty_label="Any programme"
    )
    organization = django_filters.ChoiceFilter(
        label="Organization", method="filter_organization", empty_label="Any organization"
    )
    year_from = YearFilter(label="From year", method="filter_year_from")
    year_to = YearFilter(label="To year", method="filter_year_to")

    class Meta:
        model = Event
        fields = []

    def choices(self):
        kinds = dict(Event.Kind.choices)
        participations = OrganizationParticipation.objects
        return {
            "country": counted_choices(
                Event.objects.values_list("country", "pk"),
                participations.values_list("organization__country", "event"),
                label=country_name,
            ),
            "kind": counted_choices(Event.objects.values_list("kind", "pk"), label=kinds.get),
            "programme": counted_choices(
                *programme_rows(EventProgramme.objects, "programme", "event")
            ),
            "organization": counted_choices(
                participations.values_list("organization__slug", "organization__name", "event")
            ),
        }

    def filter_country(self, queryset, name, value: str):
        return queryset.in_country(value)

    def filter_kind(self, queryset, name, value: str):
        return queryset.of_kind(value)

    def filter_programme(self, queryset, name, value: str):
        return queryset.under_programme(by_slug(Programme, value))

    def filter_organization(self, queryset, name, value: str):
        return queryset.involving(by_slug(Organization, value))

    def filter_year_from(self, queryset, name, value):
        return queryset.starting_from(value)

    def filter_year_to(self, queryset, name, value):
        return queryset.starting_until(value)
