"""Keep the search columns up to date (cooperation.search, step 1).

An entity's own save rebuilds its columns; so does a change to the aliases or
positions they include, and a new name or acronym of an organization people hold
positions in (a person's columns name the body of each post). Bulk writes
(``bulk_create``, ``update``) send no signals: run ``manage.py rebuild_search_index`` after them.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from cooperation.models import Agreement, Organization, OrganizationAlias, Programme, Source
from cooperation.search import people_prefetch, search_document_update
from events.models import Event
from people.models import Person, PersonAlias, Position

SEARCHABLE = (Organization, Programme, Agreement, Source, Person, Event)


def _entity_saved(sender, instance, raw=False, **kwargs):
    # A fixture (raw) carries its search columns with it.
    if not raw:
        search_document_update(instance)


for model in SEARCHABLE:
    post_save.connect(_entity_saved, sender=model, dispatch_uid=f"search-{model.__name__}")


@receiver(post_save, sender=OrganizationAlias)
@receiver(post_delete, sender=OrganizationAlias)
def _organization_alias_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        search_document_update(instance.organization)


@receiver(post_save, sender=PersonAlias)
@receiver(post_delete, sender=PersonAlias)
@receiver(post_save, sender=Position)
@receiver(post_delete, sender=Position)
def _person_detail_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        search_document_update(instance.person)


@receiver(pre_save, sender=Organization)
def _organization_renaming(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    before = Organization.objects.filter(pk=instance.pk).values_list("name", "acronym").first()
    instance._renamed = before is not None and before != (instance.name, instance.acronym)


@receiver(post_save, sender=Organization)
def _organization_renamed(sender, instance, raw=False, **kwargs):
    if raw or not getattr(instance, "_renamed", False):
        return
    instance._renamed = False
    people = Person.objects.filter(positions__organization=instance).distinct()
    for person in people.prefetch_related(*people_prefetch()):
        search_document_update(person)
