"""The one place where a list's ``q`` parameter becomes a query.

Every list filters its ``q`` through :func:`filter_by_query`, so the site-wide
search (issue 7) can replace this simple match in one place.
"""

from functools import reduce
from operator import or_

from django.db.models import Q


def filter_by_query(queryset, q, fields):
    """Rows of ``queryset`` where any of ``fields`` contains ``q``, ignoring case.

    ``fields`` may cross relations (``"aliases__name"``); the match is made in a
    subquery on primary keys, so a row matching twice is still listed once and
    annotations on ``queryset`` are not multiplied by the join.
    """
    q = (q or "").strip()
    if not q:
        return queryset
    condition = reduce(or_, (Q(**{f"{field}__icontains": q}) for field in fields))
    matching = queryset.model._default_manager.filter(condition).values("pk")
    return queryset.filter(pk__in=matching)
