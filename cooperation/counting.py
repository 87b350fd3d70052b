"""Counting distinct members per value across several relations, in one query."""

from collections import Counter

from django.db import connections


def count_members(*querysets):
    """``(counts, labels)`` for ``values_list`` querysets of ``(value, member)`` or
    ``(value, label, member)`` rows.

    The querysets are combined with UNION, so a member listed by several of
    them (an event held in Azerbaijan *and* attended by an Azerbaijani body)
    counts once per value. Empty values are left out. One query, grouped in
    the database: only one row per value comes back, however many members.
    """
    combined = querysets[0].order_by()
    if len(querysets) > 1:
        combined = combined.union(*(qs.order_by() for qs in querysets[1:]))
    sql, params = combined.query.sql_with_params()
    labelled = _width(querysets[0]) == 3
    columns = "value, label, member" if labelled else "value, member"
    shown = "value, MAX(label)" if labelled else "value, NULL"
    counted = (
        f"WITH members ({columns}) AS ({sql}) "
        f"SELECT {shown}, COUNT(*) FROM members "
        "WHERE value IS NOT NULL AND value <> '' GROUP BY value"
    )
    counts, labels = Counter(), {}
    with connections[combined.db].cursor() as cursor:
        cursor.execute(counted, params)
        for value, label, n in cursor.fetchall():
            counts[value] = n
            if labelled:
                labels[value] = label
    return counts, labels


def _width(queryset):
    """How many columns a ``values_list`` queryset gives."""
    return len(queryset.query.values_select) + len(queryset.query.annotation_select)


def site_counts():
    """What the knowledge base holds, for the home page. One query per kind."""
    from cooperation.models import Agreement, Organization, Programme, Source
    from events.models import Event
    from people.models import Person

    return {
        "organizations": Organization.objects.count(),
        "people": Person.objects.count(),
        "events": Event.objects.count(),
        "agreements": Agreement.objects.count(),
        "programmes": Programme.objects.count(),
        "sources": Source.objects.count(),
    }
