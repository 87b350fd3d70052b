"""Root URLs. Each app's public pages live in its own urls.py."""

from django.contrib import admin
from django.urls import include, path

from cooperation import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("cooperation.api.urls")),
    path("", include("cooperation.feed_urls")),
    path("", include("cooperation.download_urls")),
    path("", include("cooperation.site_urls")),
    path("people/", include("people.urls")),
    path("events/", include("events.urls")),
]
