from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cooperation.admin import CitationInline, CitedAdmin, merge_action
from people.forms import PersonForm, PositionForm
from people.models import Person, PersonAlias, Position
from people.services import person_merge


class PersonAliasInline(admin.TabularInline):
    model = PersonAlias
    extra = 0


class PositionInline(admin.TabularInline):
    model = Position
    form = PositionForm
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "title", "start", "end", "as_of", "note"]


@admin.register(Person)
class PersonAdmin(CitedAdmin):
    list_display = ["name", "rank", "honorific"]
    search_fields = ["name", "aliases__name", "positions__title", "slug"]
    list_filter = ["positions__organization__country"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonAliasInline, PositionInline, CitationInline]
    form = PersonForm  # warns of similar people before adding one
    actions = [merge_action(person_merge)]


@admin.register(PersonAlias)
class PersonAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "person"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(Position)
class PositionAdmin(CitedAdmin):
    form = PositionForm
    list_display = ["person", "title", "organization", "start", "end", "as_of"]
    list_filter = ["organization__kind", "organization__country"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name", "title", "organization__name", "organization__acronym"]
    autocomplete_fields = ["person", "organization"]
