"""Counting distinct members per value across several relations, in one query."""

from collections import Counter


def count_members(*querysets):
    """``(counts, labels)`` for ``values_list`` querysets of ``(value, member)`` or
    ``(value, label, member)`` rows.

    The querysets are combined with UNION, so a member listed by several of
    them (an event held in Azerbaijan *and* attended by an Azerbaijani body)
    counts once per value. Empty values are left out. One query.
    """
    combined = querysets[0].order_by()
    if len(querysets) > 1:
        combined = combined.union(*(qs.order_by() for qs in querysets[1:]))
    counts, labels = Counter(), {}
    for row in combined:
        value = row[0]
        if value in (None, ""):
            continue
        counts[value] += 1
        if len(row) == 3:
            labels[value] = row[1]
    return counts, labels


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
