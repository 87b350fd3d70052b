"""Filters of the lists of organizations, agreements, programmes and sources.

Every choice filter offers only the values that exist, each with the number of
rows it would list (see :func:`counted_choices`). The shared pieces live here;
``events/filters.py`` and ``people/filters.py`` build on them.
"""

import django_filters
from django import forms
from django.db.models import Subquery
from django_countries import countries

from cooperation.caching import cached
from cooperation.counting import count_members
from cooperation.models import (
    PROGRAMME_DEPTH,
    Agreement,
    AgreementParty,
    Organization,
    Partnership,
    Programme,
    ProgrammeCountry,
    ProgrammeRole,
    Source,
    most_active_organizations,
)
from cooperation.search import filter_by_query
from events.models import EventProgramme

PAGE_PARAMETER = "page"


def by_slug(model, slug):
    """The primary key of ``model``'s row with ``slug``, as a subquery, so a
    queryset method written for an instance filters by slug without a query."""
    return Subquery(model._default_manager.filter(slug=slug).values("pk")[:1])


def counted_choices(*querysets, label=str):
    """Choices ``[(value, "Label (count)")]``, sorted by label, from ``values_list``
    querysets as :func:`~cooperation.counting.count_members` reads them."""
    counts, labels = count_members(*querysets)
    return sorted(
        ((value, f"{labels.get(value) or label(value)} ({n})") for value, n in counts.items()),
        key=lambda choice: choice[1].casefold(),
    )


def programme_rows(queryset, programme, member):
    """``(slug, name, member)`` querysets crediting each row of ``queryset`` to its
    programme (the lookup ``programme``) and to every programme that contains it,
    as the programme filters count them."""
    lookups = [programme]
    for _ in range(PROGRAMME_DEPTH):
        lookups.append(f"{lookups[-1]}__parent")
    return [
        queryset.filter(**{f"{lookup}__isnull": False}).values_list(
            f"{lookup}__slug", f"{lookup}__name", member
        )
        for lookup in lookups
    ]


def country_name(code):
    return countries.name(code) or code


# A select lists at most this many values, the most frequent ones.
SHOWN_CHOICES = 100


def _count_of(label):
    """The count at the end of a counted choice's label: "WCO (12)" -> 12."""
    try:
        return int(str(label).rsplit(" (", 1)[1].rstrip(")"))
    except (IndexError, ValueError):
        return 0


def _shortened(choices):
    """``(shown, every)`` for a filter's choices: the ``SHOWN_CHOICES`` most
    frequent, in the list's order, and a dict of every value to its label (to
    accept any of them from the address). A select of thousands of
    organizations is slow to build and send, and no use to read."""
    every = dict(choices)
    if len(choices) <= SHOWN_CHOICES:
        return choices, every
    top = sorted(choices, key=lambda choice: -_count_of(choice[1]))[:SHOWN_CHOICES]
    kept = {value for value, _ in top}
    return [choice for choice in choices if choice[0] in kept], every


class CountryChoiceField(django_filters.fields.ChoiceField):
    """Accepts "az" as well as "AZ"."""

    def to_python(self, value):
        return super().to_python(value).upper()


class CountryFilter(django_filters.ChoiceFilter):
    field_class = CountryChoiceField


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        kwargs.setdefault("widget", forms.NumberInput(attrs={"placeholder": "YYYY"}))
        super().__init__(*args, **kwargs)


class ListFilterSet(django_filters.FilterSet):
    """A list's filters: choices that exist, with counts, and the active filters,
    each with the address of the same list without it.

    Subclasses name, in ``choices()``, the choices of each choice filter; they
    are computed once per request.
    """

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # Counting covers whole tables: kept until the data changes.
        key = f"choices:{type(self).__module__}.{type(self).__qualname__}"
        for name, (shown, every) in cached(key, self._shortened_choices).items():
            selected = self.data.get(name) if self.data else None
            if selected in every and selected not in dict(shown):
                shown = sorted([*shown, (selected, every[selected])], key=lambda c: c[1].casefold())
            self.filters[name].extra["choices"] = shown
            if len(every) > SHOWN_CHOICES:
                help_text = self.filters[name].extra.get("help_text", "")
                self.filters[name].extra["help_text"] = (
                    f"{help_text} The {SHOWN_CHOICES} most frequent of {len(every):,} are "
                    "listed; each one's page links to its own list."
                ).strip()

    def _shortened_choices(self):
        return {name: _shortened(choices) for name, choices in self.choices().items()}

    def choices(self):
        return {}

    def active_filters(self):
        """``[{"label", "value", "remove_url"}]`` for each valid filter in use."""
        if not self.is_bound or not hasattr(self.form, "cleaned_data"):
            self.form.is_valid()
        active = []
        for name, value in self.form.cleaned_data.items():
            if value in (None, "") or name not in self.data:
                continue
            field = self.form.fields[name]
            shown = value
            if isinstance(field, forms.ChoiceField):
                shown = dict(field.choices).get(value, value).rsplit(" (", 1)[0]
            active.append(
                {"label": field.label, "value": shown, "remove_url": self.url_without(name)}
            )
        return active

    def url_without(self, *names):
        """This list's address without the parameters ``names`` (and the page)."""
        data = self.data.copy()
        for name in (*names, PAGE_PARAMETER):
            data.pop(name, None)
        query = data.urlencode() if hasattr(data, "urlencode") else ""
        path = self.request.path if self.request else ""
        return f"{path}?{query}" if query else (path or "?")

    def clear_url(self):
        return self.url_without(*self.filters)

    def filter_q(self, queryset, name, value):
        return filter_by_query(queryset, value)


def q_filter(label="Name contains"):
    return django_filters.CharFilter(
        label=label,
        method="filter_q",
        widget=forms.TextInput(attrs={"type": "search"}),
    )


def country_filter(help_text=""):
    return CountryFilter(
        label="Country", method="filter_country", empty_label="Any country", help_text=help_text
    )


class OrganizationFilter(ListFilterSet):
    q = q_filter()
    country = country_filter()
    kind = django_filters.ChoiceFilter(label="Kind", method="filter_kind", empty_label="Any kind")
    programme = django_filters.ChoiceFilter(
        label="Programme", method="filter_programme", empty_label="Any programme"
    )

    class Meta:
        model = Organization
        fields = []

    def choices(self):
        kinds = dict(Organization.Kind.choices)
        return {
            "country": counted_choices(
                Organization.objects.values_list("country", "pk"), label=country_name
            ),
            "kind": counted_choices(
                Organization.objects.values_list("kind", "pk"), label=kinds.get
            ),
            "programme": counted_choices(
                *programme_rows(ProgrammeRole.objects, "programme", "organization"),
                *programme_rows(
                    EventProgramme.objects.filter(event__organization_participations__isnull=False),
                    "programme",
                    "event__organization_participations__organization",
                ),
            ),
        }

    def filter_country(self, queryset, name, value: str):
        return queryset.in_country(value)

    def filter_kind(self, queryset, name, value: str):
        return queryset.of_kind(value)

    def filter_programme(self, queryset, name, value: str):
        return queryset.under_programme(by_slug(Programme, value))


class AgreementFilter(ListFilterSet):
    q = q_filter("Title contains")
    country = country_filter("A party is the country or one of its bodies.")
    kind = django_filters.ChoiceFilter(label="Kind", method="filter_kind", empty_label="Any kind")
    organization = django_filters.ChoiceFilter(
        label="Party", method="filter_organization", empty_label="Any party"
    )
    programme = django_filters.ChoiceFilter(
        label="Programme", method="filter_programme", empty_label="Any programme"
    )

    class Meta:
        model = Agreement
        fields = []

    def choices(self):
        kinds = dict(Agreement.Kind.choices)
        parties = AgreementParty.objects
        return {
            "country": counted_choices(
                parties.values_list("country", "agreement"),
                parties.values_list("organization__country", "agreement"),
                label=country_name,
            ),
            "kind": counted_choices(Agreement.objects.values_list("kind", "pk"), label=kinds.get),
            "organization": counted_choices(
                parties.filter(organization__isnull=False).values_list(
                    "organization__slug", "organization__name", "agreement"
                )
            ),
            "programme": counted_choices(
                *programme_rows(Agreement.programmes.through.objects, "programme", "agreement"),
                *programme_rows(Agreement.objects, "event__programme_links__programme", "pk"),
            ),
        }

    def filter_country(self, queryset, name, value: str):
        return queryset.with_party_in(value)

    def filter_kind(self, queryset, name, value: str):
        return queryset.of_kind(value)

    def filter_organization(self, queryset, name, value: str):
        return queryset.with_party(by_slug(Organization, value))

    def filter_programme(self, queryset, name, value: str):
        return queryset.under_programme(by_slug(Programme, value))


class ProgrammeFilter(ListFilterSet):
    q = q_filter()
    country = country_filter("Named by the programme, or home of a body with a role in it.")
    organization = django_filters.ChoiceFilter(
        label="Organization", method="filter_organization", empty_label="Any organization"
    )

    class Meta:
        model = Programme
        fields = []

    def choices(self):
        return {
            "country": counted_choices(
                ProgrammeCountry.objects.values_list("country", "programme"),
                ProgrammeRole.objects.values_list("organization__country", "programme"),
                label=country_name,
            ),
            "organization": counted_choices(
                ProgrammeRole.objects.values_list(
                    "organization__slug", "organization__name", "programme"
                ),
                EventProgramme.objects.filter(
                    event__organization_participations__isnull=False
                ).values_list(
                    "event__organization_participations__organization__slug",
                    "event__organization_participations__organization__name",
                    "programme",
                ),
            ),
        }

    def filter_country(self, queryset, name, value: str):
        return queryset.in_country(value)

    def filter_organization(self, queryset, name, value: str):
        return queryset.involving(by_slug(Organization, value))


class SourceFilter(ListFilterSet):
    q = q_filter("Title contains")
    year_from = YearFilter(label="Published from", method="filter_year_from")
    year_to = YearFilter(label="Published until", method="filter_year_to")

    class Meta:
        model = Source
        fields = []

    def filter_year_from(self, queryset, name, value):
        return queryset.published_from(value)

    def filter_year_to(self, queryset, name, value):
        return queryset.published_until(value)


class PartnershipFilter(django_filters.FilterSet):
    """Filters of /partnerships/. Partnerships are derived (see
    cooperation/partnerships.py), so this set only validates the parameters: the
    view turns its cleaned values into a ``Scope`` for the derivation."""

    country = django_filters.ChoiceFilter(
        choices=countries, method="keep", label="Country", empty_label="Any country"
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.order_by("name"),
        to_field_name="slug",
        method="keep",
        label="Organization",
        empty_label="Any organization",
    )
    programme = django_filters.ModelChoiceFilter(
        queryset=Programme.objects.order_by("name"),
        to_field_name="slug",
        method="keep",
        label="Programme",
        empty_label="Any programme",
    )

    class Meta:
        model = Partnership
        fields = ["country", "organization", "programme"]

    def __init__(self, data=None, *args, **kwargs):
        # Country codes are upper case; addresses are often typed in lower case.
        if data is not None and data.get("country"):
            data = data.copy()
            data["country"] = data["country"].upper()
        super().__init__(data, *args, **kwargs)

    def shorten_choices(self):
        """Cut the form's organization select, for display, to the most active
        organizations (and the selected one); any organization's slug is still
        accepted. A select of every organization is slow to send and no use."""
        field = self.form.fields["organization"]
        shown = cached("partnership-organizations", _most_active_choices)
        selected = self.data.get("organization") if self.data else None
        if selected and selected not in dict(shown):
            name = Organization.objects.filter(slug=selected).values_list("name", flat=True)
            shown = sorted([*shown, *((selected, n) for n in name)], key=lambda c: c[1])
        field.widget.choices = [("", field.empty_label), *shown]

    def keep(self, queryset, name, value):
        return queryset


def _most_active_choices():
    """``(slug, name)`` of the ``SHOWN_CHOICES`` most active organizations, by name."""
    active = most_active_organizations(SHOWN_CHOICES)
    return sorted(((org.slug, org.name) for org in active), key=lambda choice: choice[1])
