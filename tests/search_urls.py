"""The site's URLs plus stand-ins for the detail pages search links to, until
the pages branch (issue: list and detail pages) lands. Remove on merge."""

from django.http import HttpResponse
from django.urls import include, path

from cooperation import views


def stub(request, **kwargs):
    return HttpResponse("detail")


cooperation = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("organizations/<slug:slug>/", stub, name="organization-detail"),
    path("programmes/<slug:slug>/", stub, name="programme-detail"),
    path("agreements/<slug:slug>/", stub, name="agreement-detail"),
    path("sources/<slug:slug>/", stub, name="source-detail"),
    path("countries/<str:code>/", stub, name="country-detail"),
]

urlpatterns = [
    path("", include((cooperation, "cooperation"))),
    path("people/", include(([path("<slug:slug>/", stub, name="person-detail")], "people"))),
    path("events/", include(([path("<slug:slug>/", stub, name="event-detail")], "events"))),
]
