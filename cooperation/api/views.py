"""Read-only endpoints: list and detail of every public record, looked up by
slug. Lists take the same filters as the site's list pages (the same
FilterSets) and are paginated with ``?page=`` and ``?page_size=``."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from cooperation.api import querysets, serializers
from cooperation.api.popolo import popolo_document
from cooperation.downloads import filterset_class


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """GET only: POST, PUT, PATCH and DELETE answer 405."""

    lookup_field = "slug"
    detail_serializer_class = None
    detail_queryset = None
    list_name = None  # the list page whose FilterSet the API list reuses

    @property
    def filterset_class(self):
        return filterset_class(self.list_name)

    def filter_queryset(self, queryset):
        # A record is found by its slug: the list's filters (and the queries that
        # count their choices) do not apply to it.
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)

    def get_queryset(self):
        if self.action == "retrieve" and self.detail_queryset is not None:
            return self.detail_queryset()
        return self.list_queryset()

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return self.serializer_class


def described(name, plural):
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {plural}", description=f"{plural.capitalize()}, filtered and paginated."
        ),
        retrieve=extend_schema(
            summary=f"One {name}", description=f"One {name}, with its relations and citations."
        ),
    )


@described("organization", "organizations")
class OrganizationViewSet(ReadOnlyViewSet):
    list_name = "organizations"
    list_queryset = staticmethod(querysets.organizations)
    detail_queryset = staticmethod(querysets.organization_detail)
    serializer_class = serializers.OrganizationSerializer
    detail_serializer_class = serializers.OrganizationDetailSerializer


@described("person", "people")
class PersonViewSet(ReadOnlyViewSet):
    list_name = "people"
    list_queryset = staticmethod(querysets.people)
    detail_queryset = staticmethod(querysets.person_detail)
    serializer_class = serializers.PersonSerializer
    detail_serializer_class = serializers.PersonDetailSerializer


@described("event", "events")
class EventViewSet(ReadOnlyViewSet):
    list_name = "events"
    list_queryset = staticmethod(querysets.events)
    detail_queryset = staticmethod(querysets.event_detail)
    serializer_class = serializers.EventSerializer
    detail_serializer_class = serializers.EventDetailSerializer


@described("agreement", "agreements")
class AgreementViewSet(ReadOnlyViewSet):
    list_name = "agreements"
    list_queryset = staticmethod(querysets.agreements)
    serializer_class = serializers.AgreementSerializer


@described("programme", "programmes")
class ProgrammeViewSet(ReadOnlyViewSet):
    list_name = "programmes"
    list_queryset = staticmethod(querysets.programmes)
    detail_queryset = staticmethod(querysets.programme_detail)
    serializer_class = serializers.ProgrammeSerializer
    detail_serializer_class = serializers.ProgrammeDetailSerializer


@described("source", "sources")
class SourceViewSet(ReadOnlyViewSet):
    list_name = "sources"
    list_queryset = staticmethod(querysets.sources)
    detail_queryset = staticmethod(querysets.source_detail)
    serializer_class = serializers.SourceSerializer
    detail_serializer_class = serializers.SourceDetailSerializer


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI under the site's Content-Security-Policy: its scripts and its
    stylesheet from our static files (drf-spectacular-sidecar), its settings
    script from a second request, nothing inline."""

    template_name = "api/swagger_ui.html"


class PopoloView(APIView):
    """The knowledge base in Popolo JSON: persons, organizations, memberships
    (from positions), events and areas, with their sources."""

    renderer_classes = [JSONRenderer]

    @extend_schema(
        summary="Popolo export",
        description="Persons, organizations, memberships, events and areas in Popolo JSON "
        "(https://www.popoloproject.com/specs/), each with its sources.",
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request):
        return Response(popolo_document(absolute=request.build_absolute_uri))
