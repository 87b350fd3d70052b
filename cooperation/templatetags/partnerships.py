"""Partners, network and timeline for the organization, country and programme
pages, as inclusion tags so a page adds them with one line each:

    {% load partnerships %}
    {% organization_partners organization %}  {% organization_network organization %}
    {% organization_timeline organization %}

Each tag runs the bounded queries of cooperation/partnerships.py that it names.
"""

from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse

from cooperation import partnerships

register = template.Library()

# An organization or country page lists its strongest partners; the
# partnership list has them all.
PARTNERS_SHOWN = 30


def _events_url(**params):
    try:
        return f"{reverse('events:event-list')}?{urlencode(params)}"
    except NoReverseMatch:
        return ""


def _partner_rows(pairs, node):
    return [(pair, pair.partner_of(node)) for pair in pairs]


@register.inclusion_tag("includes/partners.html")
def organization_partners(organization):
    """The organization's partners (five queries)."""
    scope = partnerships.Scope(organizations=(organization.pk,))
    total, pairs = partnerships.pair_page(partnerships.ORGANIZATION, scope, 0, PARTNERS_SHOWN)
    node = partnerships.organization_node(organization.pk)
    return {
        "pairs": _partner_rows(pairs, node),
        "total": total,
        "name": organization.short_name,
        "list_url": f"{reverse('cooperation:partnership-list')}?organization={organization.slug}",
    }


@register.inclusion_tag("includes/partners.html")
def country_partners(country):
    """The country's partner countries and international bodies (five queries)."""
    code = str(getattr(country, "code", country)).upper()
    scope = partnerships.Scope(country=code)
    total, pairs = partnerships.pair_page(partnerships.COUNTRY, scope, 0, PARTNERS_SHOWN)
    return {
        "pairs": _partner_rows(pairs, code),
        "total": total,
        "name": getattr(country, "name", code),
        "list_url": f"{reverse('cooperation:partnership-list')}?country={code}",
    }


@register.inclusion_tag("includes/network.html")
def organization_network(organization):
    """The network centred on the organization; its data come from the JSON endpoint."""
    url = reverse("cooperation:partnership-network")
    return {"url": f"{url}?organization={organization.slug}", "title": "Network of partners"}


@register.inclusion_tag("includes/network.html")
def country_network(country):
    code = str(getattr(country, "code", country)).upper()
    url = reverse("cooperation:partnership-network")
    return {"url": f"{url}?country={code}", "title": "Network of organizations"}


def _timeline(events, **params):
    limit = partnerships.TIMELINE_LIMIT
    years = partnerships.timeline(events, limit=limit + 1)
    shown = sum(len(items) for _, items in years)
    if shown > limit:
        # The extra event only tells that there are more; drop it.
        years[-1] = (years[-1][0], years[-1][1][:-1])
        years = [(year, items) for year, items in years if items]
    return {"years": years, "is_truncated": shown > limit, "more_url": _events_url(**params)}


@register.inclusion_tag("includes/timeline.html")
def organization_timeline(organization):
    """The organization's events by year (one query)."""
    return _timeline(partnerships.organization_events(organization), organization=organization.slug)


@register.inclusion_tag("includes/timeline.html")
def country_timeline(country):
    """Events held in the country or with one of its organizations (one query)."""
    code = str(getattr(country, "code", country)).upper()
    return _timeline(partnerships.country_events(code), country=code)


@register.inclusion_tag("includes/timeline.html")
def programme_timeline(programme):
    """The programme's events, and those of the programmes within it (one query)."""
    return _timeline(partnerships.programme_events(programme), programme=programme.slug)
