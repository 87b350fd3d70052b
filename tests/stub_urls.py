"""Stand-ins for the organization, country, programme, agreement, source and event
pages while the `pages` branch is not merged here: the partnership pages link to
them. Removed when those pages land."""

from django.http import HttpResponse
from django.urls import include, path

from cooperation import site_urls


def stub(request, **kwargs):
    return HttpResponse("stand-in page")


cooperation_patterns = [
    *site_urls.urlpatterns,
    path("organizations/<slug:slug>/", stub, name="organization-detail"),
    path("countries/<str:code>/", stub, name="country-detail"),
    path("programmes/<slug:slug>/", stub, name="programme-detail"),
    path("agreements/<slug:slug>/", stub, name="agreement-detail"),
    path("sources/<slug:slug>/", stub, name="source-detail"),
]
event_patterns = [
    path("", stub, name="event-list"),
    path("<slug:slug>/", stub, name="event-detail"),
]

urlpatterns = [
    path("", include((cooperation_patterns, "cooperation"))),
    path("events/", include((event_patterns, "events"))),
]
