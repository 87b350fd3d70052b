"""Writes that span several models for people: merging duplicates."""

from django.db import transaction

from cooperation.services import (
    aliases_absorb,
    blanks_fill,
    citations_move,
    merge_check,
    references_repoint,
    rows_repoint,
)
from events.models import PersonParticipation
from people.models import Position


@transaction.atomic
def person_merge(*, keep, duplicates):
    """Merge ``duplicates`` into ``keep``: every position, participation, alias and
    citation moves to ``keep``; the duplicates' names become its aliases and its empty
    fields are filled from theirs; then the duplicates are deleted. Rows that would
    collide (both took part in the same event in the same role) become one, with the
    citations of both. History records each change with the reason. Returns ``keep``."""
    for duplicate in merge_check(keep=keep, duplicates=duplicates):
        reason = f"Merged {duplicate} (#{duplicate.pk}) into {keep} (#{keep.pk})"
        aliases_absorb(keep=keep, duplicate=duplicate, names=[duplicate.name], reason=reason)
        blanks_fill(
            keep=keep, duplicate=duplicate, fields=["honorific", "rank", "description", "note"]
        )
        keep._change_reason = reason
        keep.save()
        repoint = {"field": "person", "keep": keep, "reason": reason}
        rows_repoint(
            Position.objects.filter(person=duplicate),
            same=["organization", "title", "start"],
            **repoint,
        )
        rows_repoint(
            PersonParticipation.objects.filter(person=duplicate), same=["event", "role"], **repoint
        )
        citations_move(old=duplicate, new=keep)
        references_repoint(duplicate=duplicate, keep=keep)
        duplicate._change_reason = reason
        duplicate.delete()
    return keep
