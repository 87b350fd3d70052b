"""Atom feeds of newly recorded events and agreements (cooperation/feeds.py)."""

from django.urls import path

from cooperation import feeds

app_name = "feeds"

urlpatterns = [
    path("feeds/events/", feeds.EventFeed(), name="events"),
    path("feeds/agreements/", feeds.AgreementFeed(), name="agreements"),
    path("organizations/<slug:slug>/feed/", feeds.OrganizationFeed(), name="organization"),
    path("countries/<str:code>/feed/", feeds.CountryFeed(), name="country"),
    path("programmes/<slug:slug>/feed/", feeds.ProgrammeFeed(), name="programme"),
]
