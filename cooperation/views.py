from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from cooperation import partnerships
from cooperation.filters import PartnershipFilter
from cooperation.models import Partnership


def home(request):
    return render(request, "cooperation/home.html")


def partnership_list(request):
    """Pairs of organizations and of countries, strongest first, with the network."""
    f = PartnershipFilter(request.GET, queryset=Partnership.objects.none())
    pairs, country_pairs = [], []
    if f.is_valid():
        scope = partnerships.scope_from_filters(**f.form.cleaned_data)
        pairs = partnerships.partnership_pairs(partnerships.ORGANIZATION, scope)
        country_pairs = partnerships.partnership_pairs(partnerships.COUNTRY, scope)
    page = Paginator(pairs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cooperation/partnership_list.html",
        {
            "filter": f,
            "page": page,
            "country_pairs": country_pairs,
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
    return render(
        request,
        "cooperation/partnership_detail.html",
        {"pair": partnerships.pair_summary(side_a, side_b, items), "items": items},
    )


def partnership_network(request):
    """The network as JSON: {"nodes": [...], "edges": [...]}; with ``organization``,
    centred on it. Takes the list's filters; invalid ones answer 400 with the errors."""
    f = PartnershipFilter(request.GET, queryset=Partnership.objects.none())
    if not f.is_valid():
        return JsonResponse({"errors": f.form.errors.get_json_data()}, status=400)
    centre = f.form.cleaned_data.get("organization")
    scope = partnerships.scope_from_filters(**{**f.form.cleaned_data, "organization": None})
    return JsonResponse(partnerships.network(scope, centre=centre))
