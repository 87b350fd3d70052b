"""Public pages of the core: home, organizations, agreements, programmes,
sources and countries. Each view reads through a queryset method or a small
function named for what it computes, then renders."""

import logging

from django.core.paginator import Paginator
from django.db import DatabaseError, connections
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from cooperation import partnerships
from cooperation.caching import cached
from cooperation.counting import site_counts
from cooperation.countries import country_from_code, country_profile, country_summaries
from cooperation.filters import (
    AgreementFilter,
    OrganizationFilter,
    PartnershipFilter,
    ProgrammeFilter,
    SourceFilter,
)
from cooperation.forms import SearchForm
from cooperation.marking import mark_passages, passages
from cooperation.models import (
    Agreement,
    Organization,
    Partnership,
    Programme,
    Source,
    attach_activity,
    most_active_organizations,
)
from cooperation.pagination import render_list
from cooperation.search import MAX_QUERY_LENGTH
from events.models import Event

logger = logging.getLogger(__name__)

PAIRS_PER_PAGE = 50
# The partnership list pages through the strongest pairs only (a million events
# make hundreds of thousands of pairs); filters narrow it, downloads give all.
PAIR_PAGES = 40

# Shown on an empty search: one of each thing search understands.
SEARCH_EXAMPLES = [
    ("ROCB", "an acronym"),
    ("Cengel", "a name, without its accents"),
    ("Uzbekistan", "a country, or Uzbek"),
    ("Container Control Programme", "a programme and what falls under it"),
    ("exchange visit", "words from the articles"),
]


def home(request):
    countries = country_summaries()
    context = {
        "counts": {**cached("site-counts", site_counts), "countries": len(countries)},
        "latest_events": Event.objects.for_list()[:6],
        "active_organizations": cached("most-active", lambda: most_active_organizations(8)),
        "active_countries": sorted(countries, key=lambda s: -s.activity)[:8],
        "countries": countries,
        "programmes": Programme.objects.order_by("name"),
    }
    return render(request, "cooperation/home.html", context)


def organization_list(request):
    f = OrganizationFilter(request.GET, Organization.objects.for_list(), request=request)
    return render_list(request, "cooperation/organization_list.html", f, rows=attach_activity)


def organization_detail(request, slug):
    organization = get_object_or_404(Organization.objects.for_detail(), slug=slug)
    return render(request, "cooperation/organization_detail.html", {"organization": organization})


def agreement_list(request):
    f = AgreementFilter(request.GET, Agreement.objects.for_list(), request=request)
    return render_list(request, "cooperation/agreement_list.html", f)


def agreement_detail(request, slug):
    agreement = get_object_or_404(Agreement.objects.for_detail(), slug=slug)
    return render(request, "cooperation/agreement_detail.html", {"agreement": agreement})


def programme_list(request):
    f = ProgrammeFilter(request.GET, Programme.objects.for_list(), request=request)
    return render_list(request, "cooperation/programme_list.html", f)


def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.for_detail(), slug=slug)
    return render(request, "cooperation/programme_detail.html", {"programme": programme})


def source_list(request):
    f = SourceFilter(request.GET, Source.objects.for_list(), request=request)
    return render_list(request, "cooperation/source_list.html", f)


def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    citations = list(source.citations.with_cited().order_by("id"))
    text, unplaced = mark_passages(source.text, citations)
    context = {
        "source": source,
        "text": text,
        "passages": passages(source.text, citations),
        "unplaced": unplaced,
    }
    return render(request, "cooperation/source_detail.html", context)


def country_list(request):
    return render(request, "cooperation/country_list.html", {"countries": country_summaries()})


def country_detail(request, code):
    country = country_from_code(code)
    if country is None:
        raise Http404("No country has this ISO 3166 code.")
    if code != code.lower():
        return redirect("cooperation:country-detail", code=code.lower(), permanent=True)
    context = {"country": country, **country_profile(country.code)}
    return render(request, "cooperation/country_detail.html", context)


def partnership_list(request):
    """Pairs of organizations and of countries, strongest first, with the network."""
    f = PartnershipFilter(request.GET, queryset=Partnership.objects.none())
    f.shorten_choices()
    number = request.GET.get("page")
    try:
        wanted = min(max(1, int(number)), PAIR_PAGES)
    except (TypeError, ValueError):
        wanted = 1
    total, pairs, country_total, country_pairs = 0, [], 0, []
    if f.is_valid():
        scope = partnerships.scope_from_filters(**f.form.cleaned_data)
        total, pairs = partnerships.pair_page(
            partnerships.ORGANIZATION, scope, wanted - 1, PAIRS_PER_PAGE, keep=PAIR_PAGES
        )
        country_total, country_pairs = partnerships.pair_page(
            partnerships.COUNTRY, scope, 0, PAIRS_PER_PAGE
        )
    # Numbered over the pairs listed; a page's pairs are read from the cache.
    listed = min(total, PAIR_PAGES * PAIRS_PER_PAGE)
    page = Paginator(range(listed), PAIRS_PER_PAGE).get_page(min(wanted, PAIR_PAGES))
    if total and page.number != wanted:  # past the end
        _, pairs = partnerships.pair_page(
            partnerships.ORGANIZATION, scope, page.number - 1, PAIRS_PER_PAGE, keep=PAIR_PAGES
        )
    page.object_list = pairs
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cooperation/partnership_list.html",
        {
            "filter": f,
            "page": page,
            "country_pairs": country_pairs,
            "country_total": country_total,
            "total": total,
            "network_url": f"{reverse('cooperation:partnership-network')}?{query.urlencode()}",
        },
    )


def partnership_detail(request, a, b):
    """Everything between two organizations, two countries, or a country and an
    international body, as a timeline with the citations."""
    side_a, side_b = partnerships.side_for(a), partnerships.side_for(b)
    if side_a is None or side_b is None or side_a.node == side_b.node:
        raise Http404("No such pair of organizations or countries.")
    items = partnerships.pair_evidence(side_a, side_b)
    pair = partnerships.pair_summary(side_a, side_b)
    return render(
        request,
        "cooperation/partnership_detail.html",
        {"pair": pair, "items": items, "events_shown": partnerships.EVIDENCE_SHOWN},
    )


def partnership_network(request):
    """The network as JSON: {"nodes": [...], "edges": [...]}; with ``organization``,
    centred on it. Takes the list's filters; invalid ones answer 400 with the errors."""
    f = PartnershipFilter(request.GET, queryset=Partnership.objects.none())
    if not f.is_valid():
        return JsonResponse({"errors": f.form.errors.get_json_data()}, status=400)
    centre = f.form.cleaned_data.get("organization")
    scope = partnerships.scope_from_filters(**{**f.form.cleaned_data, "organization": None})
    key = f"network:{scope}:{centre.pk if centre else ''}"
    return JsonResponse(cached(key, lambda: partnerships.network(scope, centre=centre)))


def search(request):
    form = SearchForm(request.GET)
    results = form.search() if form.is_valid() else None
    return render(
        request,
        "cooperation/search.html",
        {
            "form": form,
            "results": results,
            "examples": SEARCH_EXAMPLES,
            "max_length": MAX_QUERY_LENGTH,
        },
    )


# csrf_exempt so that a POST is answered 405 by require_safe, not 403 by the CSRF check.
@csrf_exempt
@require_safe
@never_cache
def healthz(request):
    """For the load balancer and monitoring: 200 when every configured database
    answers a trivial query, 503 naming the first that does not. No session, no
    template, no cache; the details of a failure go to the log, not the body."""
    for alias in connections:
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError as error:
            logger.error("Health check: database %r does not answer", alias, exc_info=True)
            reason = f"{alias}: {type(error).__name__}"
            return JsonResponse({"status": "error", "database": reason}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
