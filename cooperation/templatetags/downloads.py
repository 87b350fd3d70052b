from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("includes/downloads.html", takes_context=True)
def download_links(context, name, query=None):
    """ "Download CSV / JSON" of everything the list's current filters select, all
    pages: ``{% download_links "events" %}`` in a list page's filter area, or
    ``{% download_links "events" "country=UZ" %}`` for a fixed selection. Nothing
    is offered while the filters have errors."""
    request = context["request"]
    if query is None:
        parameters = request.GET.copy()
        parameters.pop("page", None)
        query = parameters.urlencode()
    filterset = context.get("filter")
    is_valid = filterset is None or not hasattr(filterset, "is_valid") or filterset.is_valid()
    suffix = f"?{query}" if query else ""
    return {
        "is_valid": is_valid,
        "csv_url": reverse(f"downloads:{name}-csv") + suffix,
        "json_url": reverse(f"downloads:{name}-json") + suffix,
    }
