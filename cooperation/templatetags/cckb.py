"""Formatting for the site's templates: partial dates, country links and
links to addresses outside the site."""

from urllib.parse import urlsplit

from django import template
from django.urls import reverse
from django.utils.html import format_html

from cooperation.models import FACTS_SHOWN
from cooperation.partial_dates import display_range

register = template.Library()


@register.filter
def facts_shown(items):
    """The facts of one kind a detail page lists (see ``FACTS_SHOWN``)."""
    return list(items)[:FACTS_SHOWN]


@register.filter
def has_more_facts(items):
    """Whether there are more facts than the page lists."""
    return len(items) > FACTS_SHOWN


@register.filter
def partial_date(value):
    """A ``PartialDate`` as precisely as known, in a ``<time>`` element."""
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), value.display())


@register.filter
def country_url(country):
    """The country page of a django-countries ``Country`` (or an ISO code)."""
    code = getattr(country, "code", country)
    return reverse("cooperation:country-detail", kwargs={"code": code.lower()}) if code else ""


@register.filter
def country_link(country):
    """The country's name, linked to its page; nothing for an empty country."""
    if not country:
        return ""
    return format_html('<a href="{}">{}</a>', country_url(country), country.name)


@register.filter
def period(start, end):
    """``{{ start|period:end }}``: "2020–2024", "4–6 October 2023", as precisely as known."""
    if not start and not end:
        return ""
    text = display_range(start or None, end or None)
    return format_html('<time datetime="{}">{}</time>', (start or end).isoformat(), text)


@register.filter
def external_link(url):
    """A stored address (a website, a source's original) as a link if it is a web
    address, else as text only: a ``javascript:`` or ``data:`` address typed in,
    imported or read from an ingested page must never become something to click."""
    if not url:
        return ""
    if urlsplit(url.strip()).scheme.lower() in {"http", "https"}:
        return format_html('<a href="{}" rel="noopener">{}</a>', url.strip(), url)
    return url
