"""The site's URLs with stand-ins for the entity pages, until the pages branch
provides them (the API links every record to its page)."""

from django.http import HttpResponse
from django.urls import include, path

from cooperation import urls, views


def page(request, **kwargs):
    return HttpResponse("page")


cooperation_pages = [
    path("", views.home, name="home"),
    path("organizations/<slug:slug>/", page, name="organization-detail"),
    path("programmes/<slug:slug>/", page, name="programme-detail"),
    path("agreements/<slug:slug>/", page, name="agreement-detail"),
    path("sources/<slug:slug>/", page, name="source-detail"),
]

urlpatterns = [
    *[p for p in urls.urlpatterns if str(p.pattern) in {"admin/", "api/"}],
    path("", include("cooperation.feed_urls")),
    path("", include("cooperation.download_urls")),
    path("", include((cooperation_pages, "cooperation"))),
    path("people/", include(([path("<slug:slug>/", page, name="person-detail")], "people"))),
    path("events/", include(([path("<slug:slug>/", page, name="event-detail")], "events"))),
]
