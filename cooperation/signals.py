"""Keep the search columns up to date (cooperation.search, step 1).

An entity's own save rebuilds its columns; so does a change to the aliases or
positions they include. Bulk writes (``bulk_create``, ``update``) send no
signals: run ``manage.py rebuild_search_index`` after them.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cooperation.models import Agreement, Organization, OrganizationAlias, Programme, Source
from cooperation.search import search_document_update
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
