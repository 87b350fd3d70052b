from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from cooperation.api import views

app_name = "api"

router = DefaultRouter()
router.include_format_suffixes = False
router.register("organizations", views.OrganizationViewSet, basename="organization")
router.register("people", views.PersonViewSet, basename="person")
router.register("events", views.EventViewSet, basename="event")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("sources", views.SourceViewSet, basename="source")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.SwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("popolo.json", views.PopoloView.as_view(), name="popolo"),
    path("", include(router.urls)),
]
