from django.contrib import admin
from django.urls import path

from cooperation.admin import CitationInline, CitedAdmin, record_form_view
from events.forms import PersonRoleFormSet, VisitRecordForm
from events.models import Event, EventProgramme, OrganizationParticipation, PersonParticipation
from events.services import visit_record


class OrganizationParticipationInline(admin.TabularInline):
    model = OrganizationParticipation
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "role", "note"]


class PersonParticipationInline(admin.TabularInline):
    model = PersonParticipation
    extra = 0
    autocomplete_fields = ["person", "organization"]
    fields = ["person", "role", "organization", "note"]


class EventProgrammeInline(admin.TabularInline):
    model = EventProgramme
    extra = 0
    autocomplete_fields = ["programme"]


# Editor's workflow: "Record a visit" ----------------------------------------------


class RecordVisitAdmin:
    """Adds "Record a visit" to the Event admin, at events/event/record-visit/: one
    form for the event, its host and visitors, the people and their roles, its
    programmes and an agreement signed there, saved by ``visit_record``."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_record_visit"
        view = self.admin_site.admin_view(self.record_visit_view)
        return [path("record-visit/", view, name=name), *super().get_urls()]

    def record_visit_view(self, request):
        data = request.POST or None
        context = {"request": request, "admin_site": self.admin_site}
        form = VisitRecordForm(data, **context)
        formset = PersonRoleFormSet(data, prefix="people", form_kwargs=context)
        return record_form_view(
            self,
            request,
            form=form,
            formset=formset,
            title="Record a visit",
            save=lambda: visit_record(**form.record_kwargs(people=formset.people())),
        )


@admin.register(Event)
class EventAdmin(RecordVisitAdmin, CitedAdmin):
    list_display = ["title", "kind", "start", "end", "city", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["title", "city", "description", "slug"]
    autocomplete_fields = ["part_of"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [
        OrganizationParticipationInline,
        PersonParticipationInline,
        EventProgrammeInline,
        CitationInline,
    ]


@admin.register(EventProgramme)
class EventProgrammeAdmin(CitedAdmin):
    list_display = ["event", "programme"]
    list_select_related = ["event", "programme"]
    search_fields = ["event__title", "programme__name"]
    autocomplete_fields = ["event", "programme"]


@admin.register(OrganizationParticipation)
class OrganizationParticipationAdmin(CitedAdmin):
    list_display = ["event", "organization", "role"]
    list_filter = ["role"]
    list_select_related = ["event", "organization"]
    search_fields = ["event__title", "organization__name", "organization__acronym"]
    autocomplete_fields = ["event", "organization"]


@admin.register(PersonParticipation)
class PersonParticipationAdmin(CitedAdmin):
    list_display = ["event", "person", "role", "organization"]
    list_filter = ["role"]
    list_select_related = ["event", "person", "organization"]
    search_fields = ["event__title", "person__name"]
    autocomplete_fields = ["event", "person", "organization"]
