"""What the API says about each record.

Conventions, the same everywhere: ``url`` is the record's page on this site and
``api_url`` its address in the API, both absolute; dates are ISO 8601 prefixes
that keep their precision ("2019", "2019-12", "2019-12-03"), null when unknown;
a country is ``{"code": "AZ", "name": "Azerbaijan"}``, null when none; another
record is referred to by slug, name and URL; ``citations`` are the passages of
the sources that support the record.
"""

from django.urls import NoReverseMatch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from cooperation.api.querysets import EMBEDDED
from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Organization,
    Programme,
    ProgrammeCountry,
    ProgrammeRole,
    Source,
)
from events.models import Event, OrganizationParticipation, PersonParticipation
from people.models import Person, Position


def absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The record's page on this site. With ``may_be_missing``, null for a kind of
    record that has no page of its own yet."""

    def __init__(self, may_be_missing=False, **kwargs):
        self.may_be_missing = may_be_missing
        super().__init__(source="*", read_only=True, allow_null=may_be_missing, **kwargs)

    def to_representation(self, value):
        try:
            path = value.get_absolute_url()
        except NoReverseMatch:
            if not self.may_be_missing:
                raise
            return None
        return absolute(self.context.get("request"), path)


@extend_schema_field(OpenApiTypes.URI)
class APIURLField(serializers.Field):
    """The record's address in this API."""

    def __init__(self, view_name, **kwargs):
        self.view_name = view_name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        path = reverse(f"api:{self.view_name}", kwargs={"slug": value.slug})
        return absolute(self.context.get("request"), path)


@extend_schema_field(
    {
        "type": "string",
        "nullable": True,
        "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
        "example": "2019-12",
        "description": "As precisely as known: YYYY, YYYY-MM or YYYY-MM-DD.",
    }
)
class PartialDateField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return value.isoformat()


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "properties": {
            "code": {"type": "string", "example": "AZ", "description": "ISO 3166-1 alpha-2"},
            "name": {"type": "string", "example": "Azerbaijan"},
        },
        "required": ["code", "name"],
    }
)
class CountryField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        country = super().get_attribute(instance)
        return country if country else None

    def to_representation(self, value):
        return {"code": value.code, "name": str(value.name)}


class Reference(serializers.Serializer):
    """Another record, by slug, name and page URL."""

    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(source="__str__", read_only=True)
    url = PageURLField()


class SourceReference(serializers.ModelSerializer):
    url = PageURLField()
    article_url = serializers.URLField(source="url", read_only=True)
    published = PartialDateField()

    class Meta:
        model = Source
        fields = ["slug", "title", "publisher", "published", "article_url", "url"]


class CitationSerializer(serializers.ModelSerializer):
    url = PageURLField(help_text="The passage, on the source's page on this site.")
    source = SourceReference(read_only=True)

    class Meta:
        model = Citation
        fields = ["quote", "url", "source"]


class CitedSerializer(serializers.ModelSerializer):
    citations = CitationSerializer(many=True, read_only=True)


# Relations, as they appear inside the records they join.


class PositionSerializer(CitedSerializer):
    person = Reference(read_only=True)
    organization = Reference(read_only=True)
    start = PartialDateField()
    end = PartialDateField()
    as_of = PartialDateField()

    class Meta:
        model = Position
        fields = ["person", "organization", "title", "start", "end", "as_of", "citations"]


class ProgrammeRoleSerializer(CitedSerializer):
    programme = Reference(read_only=True)
    organization = Reference(read_only=True)

    class Meta:
        model = ProgrammeRole
        fields = ["programme", "organization", "role", "citations"]


class ProgrammeCountrySerializer(CitedSerializer):
    country = CountryField()

    class Meta:
        model = ProgrammeCountry
        fields = ["country", "role", "citations"]


class OrganizationParticipationSerializer(CitedSerializer):
    event = Reference(read_only=True)
    organization = Reference(read_only=True)

    class Meta:
        model = OrganizationParticipation
        fields = ["event", "organization", "role", "citations"]


class PersonParticipationSerializer(CitedSerializer):
    event = Reference(read_only=True)
    person = Reference(read_only=True)
    organization = Reference(read_only=True, allow_null=True)

    class Meta:
        model = PersonParticipation
        fields = ["event", "person", "role", "organization", "citations"]


class AgreementPartySerializer(CitedSerializer):
    agreement = Reference(read_only=True)
    organization = Reference(read_only=True, allow_null=True)
    country = CountryField()

    class Meta:
        model = AgreementParty
        fields = ["agreement", "organization", "country", "citations"]


# Records.


class OrganizationSerializer(CitedSerializer):
    url = PageURLField()
    api_url = APIURLField("organization-detail")
    country = CountryField()
    parent = Reference(read_only=True, allow_null=True)
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")

    class Meta:
        model = Organization
        fields = [
            "slug",
            "url",
            "api_url",
            "name",
            "acronym",
            "kind",
            "country",
            "city",
            "parent",
            "website",
            "description",
            "aliases",
            "citations",
        ]


# Relations that grow without bound are embedded newest first, at most
# EMBEDDED of them; the lists filtered by the record give them all.
EMBEDDED_HELP = (
    f"The newest {EMBEDDED} at most; all of them through the list filtered by this record."
)


class OrganizationDetailSerializer(OrganizationSerializer):
    children = Reference(many=True, read_only=True)
    positions = PositionSerializer(
        many=True, read_only=True, source="embedded_positions", help_text=EMBEDDED_HELP
    )
    programme_roles = ProgrammeRoleSerializer(many=True, read_only=True)
    participations = OrganizationParticipationSerializer(
        many=True, read_only=True, source="embedded_participations", help_text=EMBEDDED_HELP
    )
    agreement_parties = AgreementPartySerializer(
        many=True, read_only=True, source="embedded_agreement_parties", help_text=EMBEDDED_HELP
    )

    class Meta(OrganizationSerializer.Meta):
        fields = [
            *OrganizationSerializer.Meta.fields,
            "children",
            "positions",
            "programme_roles",
            "participations",
            "agreement_parties",
        ]


class PersonSerializer(CitedSerializer):
    url = PageURLField()
    api_url = APIURLField("person-detail")
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    positions = PositionSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "slug",
            "url",
            "api_url",
            "name",
            "honorific",
            "rank",
            "description",
            "aliases",
            "positions",
            "citations",
        ]


class PersonDetailSerializer(PersonSerializer):
    participations = PersonParticipationSerializer(
        many=True, read_only=True, source="embedded_participations", help_text=EMBEDDED_HELP
    )

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "participations"]


class EventSerializer(CitedSerializer):
    url = PageURLField()
    api_url = APIURLField("event-detail")
    start = PartialDateField()
    end = PartialDateField()
    country = CountryField()
    part_of = Reference(read_only=True, allow_null=True)
    programmes = Reference(many=True, read_only=True)
    organization_participations = OrganizationParticipationSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "slug",
            "url",
            "api_url",
            "kind",
            "title",
            "start",
            "end",
            "city",
            "country",
            "venue",
            "part_of",
            "programmes",
            "description",
            "organization_participations",
            "citations",
        ]


class EventDetailSerializer(EventSerializer):
    person_participations = PersonParticipationSerializer(many=True, read_only=True)
    agreements = Reference(many=True, read_only=True)
    side_events = Reference(many=True, read_only=True)

    class Meta(EventSerializer.Meta):
        fields = [
            *EventSerializer.Meta.fields,
            "person_participations",
            "agreements",
            "side_events",
        ]


class AgreementSerializer(CitedSerializer):
    url = PageURLField()
    api_url = APIURLField("agreement-detail")
    date_signed = PartialDateField()
    event = Reference(read_only=True, allow_null=True)
    programmes = Reference(many=True, read_only=True)
    parties = AgreementPartySerializer(many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "slug",
            "url",
            "api_url",
            "kind",
            "title",
            "date_signed",
            "status",
            "event",
            "subject",
            "programmes",
            "parties",
            "citations",
        ]


class ProgrammeSerializer(CitedSerializer):
    url = PageURLField()
    api_url = APIURLField("programme-detail")
    start = PartialDateField()
    end = PartialDateField()
    parent = Reference(read_only=True, allow_null=True)

    class Meta:
        model = Programme
        fields = [
            "slug",
            "url",
            "api_url",
            "name",
            "acronym",
            "kind",
            "parent",
            "start",
            "end",
            "description",
            "citations",
        ]


class ProgrammeDetailSerializer(ProgrammeSerializer):
    children = Reference(many=True, read_only=True)
    roles = ProgrammeRoleSerializer(many=True, read_only=True)
    countries = ProgrammeCountrySerializer(many=True, read_only=True)
    events = Reference(many=True, read_only=True, source="embedded_events", help_text=EMBEDDED_HELP)
    agreements = Reference(many=True, read_only=True)

    class Meta(ProgrammeSerializer.Meta):
        fields = [
            *ProgrammeSerializer.Meta.fields,
            "children",
            "roles",
            "countries",
            "events",
            "agreements",
        ]


class SourceSerializer(serializers.ModelSerializer):
    url = PageURLField()
    api_url = APIURLField("source-detail")
    article_url = serializers.URLField(source="url", read_only=True)
    published = PartialDateField()

    class Meta:
        model = Source
        fields = [
            "slug",
            "url",
            "api_url",
            "kind",
            "title",
            "publisher",
            "author",
            "published",
            "article_url",
        ]


class CitedRecordSerializer(serializers.Serializer):
    """The record a citation supports: an entity, or a relation between entities."""

    type = serializers.SerializerMethodField()
    name = serializers.CharField(source="__str__", read_only=True)
    url = PageURLField(may_be_missing=True)

    def get_type(self, obj) -> str:
        return obj._meta.model_name


class SourceCitationSerializer(serializers.ModelSerializer):
    url = PageURLField(help_text="The passage, on the source's page on this site.")
    cited = CitedRecordSerializer(read_only=True)

    class Meta:
        model = Citation
        fields = ["quote", "url", "cited"]


class SourceDetailSerializer(SourceSerializer):
    text = serializers.CharField(read_only=True)
    citations = SourceCitationSerializer(many=True, read_only=True)

    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "text", "citations"]
