"""``/<list>/export.csv`` and ``/<list>/export.json`` for every list page, with
the list's own filters as query parameters (cooperation/downloads.py)."""

from django.urls import path

from cooperation.downloads import TABLES, download, partnership_download

app_name = "downloads"

urlpatterns = [
    path(f"{name}/export.{fmt}", download, {"name": name, "fmt": fmt}, name=f"{name}-{fmt}")
    for name in TABLES
    for fmt in ("csv", "json")
] + [
    path(
        f"partnerships/export.{fmt}", partnership_download, {"fmt": fmt}, name=f"partnerships-{fmt}"
    )
    for fmt in ("csv", "json")
]
