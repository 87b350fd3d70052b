"""Admin for the core models. Every model is registered with search, filters and
autocomplete; what an editor enters together is an inline; every change is kept
in history (django-simple-history) and can be reverted from the history page."""

from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from cooperation.forms import AgreementRecordForm, OrganizationForm, errors_to_form
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
from cooperation.services import agreement_record, organization_merge

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


# Editor's workflow: record forms, merging duplicates ---------------------------------
# Kept apart from the registrations below: the classes there only name these.


def record_form_view(modeladmin, request, *, form, title, save, formset=None):
    """Render and handle a "Record ..." form of the admin. ``save()`` calls the
    service and returns the record made; a ValidationError it raises is shown on the
    form, never as a server error."""
    if not modeladmin.has_add_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        valid = form.is_valid()
        valid = (formset is None or formset.is_valid()) and valid
        if valid:
            try:
                record = save()
            except ValidationError as error:
                errors_to_form(form, error)
            else:
                modeladmin.log_addition(request, record, [{"added": {}}])
                opts = record._meta
                messages.success(request, f"Recorded “{record}”, with its citations.")
                return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", record.pk)
    media = modeladmin.media + form.media
    if formset is not None:
        # The admin's own script that adds and removes rows; it needs jquery.init.js first.
        inlines = forms.Media(js=["admin/js/jquery.init.js", "admin/js/inlines.js"])
        media += formset.media + inlines
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.opts,
        "form": form,
        "sections": form.sections(formset),
        "media": media,
        "errors": form.errors or (formset is not None and formset.total_error_count()),
    }
    return TemplateResponse(request, "admin/record_form.html", context)


class RecordAgreementAdmin:
    """Adds "Record an agreement" to the Agreement admin, at agreements/record/."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_record"
        view = self.admin_site.admin_view(self.record_agreement_view)
        return [path("record/", view, name=name), *super().get_urls()]

    def record_agreement_view(self, request):
        form = AgreementRecordForm(
            request.POST or None, request=request, admin_site=self.admin_site
        )
        return record_form_view(
            self,
            request,
            form=form,
            title="Record an agreement",
            save=lambda: agreement_record(**form.record_kwargs()),
        )


def merge_action(service):
    """An admin action "Merge into…": select two or more records, choose on the next
    page the one to keep, and ``service(keep=..., duplicates=...)`` moves everything
    to it. Needs the change permission; the duplicates are deleted by the service."""

    @admin.action(description="Merge into…", permissions=["change"])
    def merge(modeladmin, request, queryset):
        records = list(queryset)
        if len(records) < 2:
            modeladmin.message_user(
                request, "Select two or more records to merge.", messages.WARNING
            )
            return None
        keep = next((r for r in records if str(r.pk) == request.POST.get("keep")), None)
        if request.POST.get("confirm") == "yes" and keep is not None:
            duplicates = [r for r in records if r.pk != keep.pk]
            names = ", ".join(str(d) for d in duplicates)
            try:
                service(keep=keep, duplicates=duplicates)
            except (ValidationError, DatabaseError) as error:
                modeladmin.message_user(request, f"Nothing was merged: {error}", messages.ERROR)
                return None
            modeladmin.log_change(request, keep, f"Merged {names} into it.")
            modeladmin.message_user(
                request, f"Merged {names} into “{keep}”; their names are now its aliases."
            )
            return None
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": f"Merge {modeladmin.opts.verbose_name_plural}",
            "opts": modeladmin.opts,
            "records": records,
            "action": request.POST.get("action", "merge"),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": modeladmin.media,
        }
        return TemplateResponse(request, "admin/merge.html", context)

    return merge


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
    form = OrganizationForm  # warns of similar organizations before adding one
    actions = [merge_action(organization_merge)]


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
class AgreementAdmin(RecordAgreementAdmin, CitedAdmin):
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
