"""Atom feeds of newly recorded events and agreements: site-wide, and for one
organization, country or programme. "Newly recorded" is when a record entered
the knowledge base (the first entry of its history), not when the event took
place: a feed reader hears of a 2019 visit the day an editor records it."""

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django_countries import countries

from cooperation.interchange import recorded_subquery
from cooperation.models import Agreement, Organization, Programme
from events.models import Event

ITEMS = 50


def newest(queryset):
    """The most recently recorded rows of ``queryset``, each with ``recorded``
    (when it entered the knowledge base: its first history entry). Read from
    the history, newest first, by its date index, not by dating every row
    (1.4 s for a million events); two queries."""
    history = queryset.model.history.model.objects
    created = (
        history.filter(history_type="+", id__in=queryset.values("pk"))
        .order_by("-history_date", "-id")
        .values_list("id", flat=True)[: ITEMS * 2]
    )
    ids = list(dict.fromkeys(created))[:ITEMS]
    rows = list(queryset.filter(pk__in=ids).annotate(recorded=recorded_subquery(queryset.model)))
    return sorted(rows, key=lambda row: (row.recorded, row.pk), reverse=True)


class RecordFeed(Feed):
    """Events and agreements, newest recorded first."""

    feed_type = Atom1Feed

    def events(self, obj):
        return Event.objects.all()

    def agreements(self, obj):
        return Agreement.objects.all()

    def items(self, obj):
        records = newest(self.events(obj)) + newest(self.agreements(obj))
        return sorted(records, key=lambda record: record.recorded, reverse=True)[:ITEMS]

    def item_title(self, item):
        kind = item.get_kind_display()
        return f"{kind}: {item.title}"

    def item_description(self, item):
        """The summary, as HTML: Atom marks it ``type="html"``, so a feed reader
        renders it, and the text an editor typed has to be escaped first."""
        if isinstance(item, Event):
            parts = (item.period, item.place)
        else:
            parts = (
                f"Signed {item.date_signed.display()}" if item.date_signed else "",
                item.subject,
            )
        return escape(" · ".join(part for part in parts if part))

    def item_pubdate(self, item):
        return item.recorded

    def item_updateddate(self, item):
        return item.recorded

    def item_guid(self, item):
        return f"{item._meta.label_lower}:{item.slug}"

    item_guid_is_permalink = False


class EventFeed(RecordFeed):
    title = "New events — Customs Cooperation Knowledge Base"
    subtitle = "Visits, meetings, workshops and sessions, as they are recorded."
    link = "/events/"

    def agreements(self, obj):
        return Agreement.objects.none()


class AgreementFeed(RecordFeed):
    title = "New agreements — Customs Cooperation Knowledge Base"
    subtitle = "Memoranda, protocols and agreements, as they are recorded."
    link = "/agreements/"

    def events(self, obj):
        return Event.objects.none()


class OrganizationFeed(RecordFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Organization, slug=slug)

    def title(self, obj):
        return f"{obj.name}: new events and agreements"

    def link(self, obj):
        return obj.get_absolute_url()

    def events(self, obj):
        return Event.objects.filter(organization_participations__organization=obj)

    def agreements(self, obj):
        return Agreement.objects.filter(parties__organization=obj)


class CountryFeed(RecordFeed):
    def get_object(self, request, code):
        code = code.upper()
        if code not in dict(countries):
            raise Http404("No such country")
        return code

    def title(self, code):
        return f"{dict(countries)[code]}: new events and agreements"

    def link(self, code):
        return f"/countries/{code.lower()}/"  # the country page (DESIGN.md, Addresses)

    def events(self, code):
        return Event.objects.filter(
            Q(country=code) | Q(organization_participations__organization__country=code)
        )

    def agreements(self, code):
        return Agreement.objects.filter(
            Q(parties__country=code) | Q(parties__organization__country=code)
        )


class ProgrammeFeed(RecordFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Programme, slug=slug)

    def title(self, obj):
        return f"{obj.name}: new events and agreements"

    def link(self, obj):
        return obj.get_absolute_url()

    def events(self, obj):
        return Event.objects.filter(programme_links__programme=obj)

    def agreements(self, obj):
        return Agreement.objects.filter(programmes=obj)
