"""One FilterSet per list. Each validates its query parameters; a value that
means nothing (``country=XX``) is a form error shown on the page, never a 500."""

import django_filters
from django_countries import countries

from cooperation.models import Organization, Partnership, Programme


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

    def keep(self, queryset, name, value):
        return queryset
