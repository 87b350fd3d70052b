"""Admin for the core models. Every model is registered with search, filters and
autocomplete; what an editor enters together is an inline; every change is kept
in history (django-simple-history) and can be reverted from the history page."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from simple_history.admin import SimpleHistoryAdmin

from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Organization,
    OrganizationAlias,
    Partnership,
    Programme,
    ProgrammeCountry,
    ProgrammeRole,
    Source,
)

admin.site.site_header = "Customs Cooperation Knowledge Base"
admin.site.site_title = "CCKB admin"
admin.site.index_title = "Records"


class CitationInline(GenericTabularInline):
    """The passages that support this record."""

    model = Citation
    extra = 0
    fields = ["source", "quote"]
    autocomplete_fields = ["source"]


class CitedAdmin(SimpleHistoryAdmin):
    """Base for every cited model: citations inline, history kept."""

    inlines = [CitationInline]
    save_on_top = True


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "published", "kind", "corpus_file"]
    list_filter = ["kind", "publisher"]
    search_fields = ["title", "publisher", "url", "text"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created", "updated"]


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "content_type", "object_id", "source"]
    list_filter = ["content_type", "source"]
    list_select_related = ["source", "content_type"]
    search_fields = ["quote", "source__title"]
    autocomplete_fields = ["source"]


class OrganizationAliasInline(admin.TabularInline):
    model = OrganizationAlias
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(CitedAdmin):
    list_display = ["name", "acronym", "kind", "country", "parent"]
    list_filter = ["kind", "country"]
    list_select_related = ["parent"]
    search_fields = ["name", "acronym", "aliases__name", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganizationAliasInline, CitationInline]


@admin.register(OrganizationAlias)
class OrganizationAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organization"]
    list_select_related = ["organization"]
    search_fields = ["name", "organization__name"]
    autocomplete_fields = ["organization"]


class ProgrammeRoleInline(admin.TabularInline):
    model = ProgrammeRole
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "role", "note"]


class ProgrammeCountryInline(admin.TabularInline):
    model = ProgrammeCountry
    extra = 0
    fields = ["country", "role", "note"]


@admin.register(Programme)
class ProgrammeAdmin(CitedAdmin):
    list_display = ["name", "acronym", "kind", "parent", "start", "end"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "acronym", "slug"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ProgrammeRoleInline, ProgrammeCountryInline, CitationInline]


@admin.register(ProgrammeRole)
class ProgrammeRoleAdmin(CitedAdmin):
    list_display = ["programme", "organization", "role"]
    list_filter = ["role"]
    list_select_related = ["programme", "organization"]
    search_fields = ["programme__name", "organization__name", "organization__acronym"]
    autocomplete_fields = ["programme", "organization"]


@admin.register(ProgrammeCountry)
class ProgrammeCountryAdmin(CitedAdmin):
    list_display = ["programme", "country", "role"]
    list_filter = ["role", "country"]
    list_select_related = ["programme"]
    search_fields = ["programme__name"]
    autocomplete_fields = ["programme"]


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "country", "note"]


@admin.register(Agreement)
class AgreementAdmin(CitedAdmin):
    list_display = ["title", "kind", "date_signed", "status", "event"]
    list_filter = ["kind", "status"]
    list_select_related = ["event"]
    search_fields = ["title", "subject", "parties__organization__name"]
    autocomplete_fields = ["event", "programmes"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AgreementPartyInline, CitationInline]


@admin.register(AgreementParty)
class AgreementPartyAdmin(CitedAdmin):
    list_display = ["agreement", "organization", "country"]
    list_filter = ["country"]
    list_select_related = ["agreement", "organization"]
    search_fields = ["agreement__title", "organization__name"]
    autocomplete_fields = ["agreement", "organization"]


@admin.register(Partnership)
class PartnershipAdmin(CitedAdmin):
    list_display = ["__str__", "kind", "start", "end"]
    list_filter = ["kind"]
    list_select_related = ["organization_a", "organization_b"]
    search_fields = ["organization_a__name", "organization_b__name", "description"]
    autocomplete_fields = ["organization_a", "organization_b"]


from cooperation import admin_review  # noqa: E402, F401 -- ingestion: upload and review queue
