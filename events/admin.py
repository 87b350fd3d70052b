from django.contrib import admin

from cooperation.admin import CitationInline, CitedAdmin
from events.models import Event, EventProgramme, OrganizationParticipation, PersonParticipation


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


@admin.register(Event)
class EventAdmin(CitedAdmin):
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
