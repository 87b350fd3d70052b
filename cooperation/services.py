"""Writes that span several models: what an editor records and merges.

Every service takes keyword-only arguments and runs in one transaction, so a
failure leaves nothing half-written. Rules that the database or a model knows
(an end before a start) are checked with ``full_clean()`` before saving, so the
editor gets the same message the constraint would give.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Organization,
    Partnership,
    ProgrammeRole,
    Source,
)
from cooperation.partial_dates import PartialDate

TOO_FEW_PARTIES = "An agreement needs at least two parties (organizations or countries)."
NO_EVIDENCE = "Give the source: an article's address and title, or your own note."
BOTH_EVIDENCE = "Give either an article or your own note, not both."


@dataclass(frozen=True)
class Evidence:
    """Where what an editor enters comes from: an article (address, title and the
    passage that supports it) or the editor's own note."""

    url: str = ""
    title: str = ""
    published: PartialDate | None = None
    passage: str = ""
    note: str = ""
    author: str = ""


def evidence_check(*, evidence):
    """Raise ValidationError if ``evidence`` cannot be cited; write nothing.

    Errors name the form fields an editor fills: ``source_title``, ``passage``."""
    url, passage, note = evidence.url.strip(), evidence.passage.strip(), evidence.note.strip()
    if note and (url or passage):
        raise ValidationError(BOTH_EVIDENCE)
    if note:
        return
    if not url:
        raise ValidationError(NO_EVIDENCE)
    source = Source.objects.filter(url=url).first()
    if source is None:
        if not evidence.title.strip():
            raise ValidationError({"source_title": "Give the article's title."})
    elif not passage:
        raise ValidationError(
            {"passage": f"“{source}” is stored already: quote the passage that supports this."}
        )
    elif passage not in source.text:
        raise ValidationError({"passage": f"This passage does not occur in “{source}”."})


def evidence_source(*, evidence):
    """The Source and quote to cite for ``evidence``, creating the Source if new.

    An article already stored (matched by its address) is reused, and the passage
    must then occur in its text. A new article is stored with the passage as its
    text (the title when there is no passage). A note becomes a Source of kind
    editor-note whose text, and quote, is the note."""
    evidence_check(evidence=evidence)
    url, title = evidence.url.strip(), evidence.title.strip()
    passage, note = evidence.passage.strip(), evidence.note.strip()
    if note:
        source = Source(
            kind=Source.Kind.EDITOR_NOTE,
            title=f"Editor's note: {note[:60]}{'…' if len(note) > 60 else ''}",
            author=evidence.author,
            published=PartialDate.parse(datetime.date.today()),
            text=note,
        )
        full_clean_and_save(source, exclude=["slug"])
        return source, note
    source = Source.objects.filter(url=url).first()
    if source is not None:
        return source, passage
    source = Source(
        kind=Source.Kind.ARTICLE,
        url=url,
        title=title,
        published=evidence.published,
        text=passage or title,
        note=f"Entered by an editor ({evidence.author})." if evidence.author else "",
    )
    full_clean_and_save(source, exclude=["slug"])
    return source, passage or title


def errors_collect(errors, check, **kwargs):
    """Run ``check(**kwargs)``; add what it raises to the ``errors`` dict."""
    try:
        check(**kwargs)
    except ValidationError as error:
        error.update_error_dict(errors)


def cite(obj, *, source, quote):
    """Give ``obj`` a citation of ``quote`` in ``source`` (once)."""
    citation, _ = Citation.objects.get_or_create(
        source=source,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        quote=quote,
    )
    return citation


def cite_if_uncited(objects, *, source, quote):
    """Cite the entities named on a form that carry no citation yet (new ones added
    from the form's + button), so every entity has its evidence."""
    for obj in objects:
        if obj is not None and not obj.citations.exists():
            cite(obj, source=source, quote=quote)


def full_clean_and_save(obj, **kwargs):
    obj.full_clean(**kwargs)
    obj.save()
    return obj


def parties_check(*, organizations, countries):
    """The distinct organizations and countries party to an agreement; at least two."""
    organizations = list(dict.fromkeys(o for o in organizations if o is not None))
    countries = list(dict.fromkeys(str(c) for c in countries if c))
    if len(organizations) + len(countries) < 2:
        raise ValidationError({"parties": TOO_FEW_PARTIES})
    return organizations, countries


@transaction.atomic
def agreement_record(
    *,
    kind,
    title,
    evidence,
    organizations=(),
    countries=(),
    date_signed=None,
    event=None,
    subject="",
    status=Agreement.Status.SIGNED,
    programmes=(),
):
    """Record an agreement with its parties (organizations and/or countries, at least
    two), the event where it was signed and its programmes; cite every record made
    to the evidence. Returns the Agreement."""
    errors = {}
    errors_collect(errors, parties_check, organizations=organizations, countries=countries)
    errors_collect(errors, evidence_check, evidence=evidence)
    agreement = Agreement(
        kind=kind, title=title, date_signed=date_signed, event=event, subject=subject, status=status
    )
    errors_collect(errors, agreement.full_clean, exclude=["slug"])
    if errors:
        raise ValidationError(errors)
    organizations, countries = parties_check(organizations=organizations, countries=countries)
    source, quote = evidence_source(evidence=evidence)
    agreement.save()
    cite(agreement, source=source, quote=quote)
    agreement.programmes.set(programmes)
    for organization in organizations:
        party = AgreementParty.objects.create(agreement=agreement, organization=organization)
        cite(party, source=source, quote=quote)
    for country in countries:
        party = AgreementParty.objects.create(agreement=agreement, country=country)
        cite(party, source=source, quote=quote)
    cite_if_uncited([*organizations, *programmes], source=source, quote=quote)
    return agreement


# Merging duplicates ---------------------------------------------------------------


def citations_move(*, old, new):
    """Move the citations of ``old`` to ``new``; one ``new`` has already is dropped."""
    old_type = ContentType.objects.get_for_model(old)
    new_type = ContentType.objects.get_for_model(new)
    for citation in Citation.objects.filter(content_type=old_type, object_id=old.pk):
        if Citation.objects.filter(
            source=citation.source_id, content_type=new_type, object_id=new.pk, quote=citation.quote
        ).exists():
            citation.delete()
        else:
            citation.content_type, citation.object_id = new_type, new.pk
            citation.save()


def rows_repoint(rows, *, field, keep, same=(), reason):
    """Point each row's ``field`` at ``keep``. Where ``keep`` already has a row equal
    to it on the ``same`` fields (their unique constraint would collide), keep that
    one, move the row's citations to it, fill its empty fields, and delete the row."""
    for row in rows:
        twin = None
        if same:
            twin = (
                type(row)
                ._default_manager.filter(**{field: keep}, **{f: getattr(row, f) for f in same})
                .exclude(pk=row.pk)
                .first()
            )
        if twin is None:
            setattr(row, field, keep)
            row._change_reason = reason
            row.save()
            continue
        citations_move(old=row, new=twin)
        changed = False
        for name in ("note", "organization", "start", "end", "description"):
            if name != field and hasattr(row, name):
                if not getattr(twin, name) and getattr(row, name):
                    setattr(twin, name, getattr(row, name))
                    changed = True
        row._change_reason = reason
        row.delete()
        if changed:
            twin._change_reason = reason
            twin.save()


def aliases_absorb(*, keep, duplicate, names, reason):
    """Move the duplicate's aliases to ``keep`` and add ``names`` (the duplicate's name
    and acronym) as aliases, leaving out what is already ``keep``'s name or alias."""
    owner = keep.aliases.field.name

    def taken():
        own = {keep.name.casefold(), getattr(keep, "acronym", "").casefold()}
        return own | {name.casefold() for name in keep.aliases.values_list("name", flat=True)}

    for alias in duplicate.aliases.all():
        alias._change_reason = reason
        if alias.name.casefold() in taken():
            alias.delete()
        else:
            setattr(alias, owner, keep)
            alias.save()
    for name in names:
        if name and name.casefold() not in taken():
            alias = keep.aliases.model(name=name, **{owner: keep})
            alias._change_reason = reason
            alias.save()


def blanks_fill(*, keep, duplicate, fields):
    """Fill the kept record's empty fields from the duplicate's."""
    for name in fields:
        if not getattr(keep, name) and getattr(duplicate, name):
            setattr(keep, name, getattr(duplicate, name))


def merge_check(*, keep, duplicates):
    """The duplicates other than ``keep``; at least one."""
    duplicates = [d for d in duplicates if d.pk != keep.pk]
    if not duplicates:
        raise ValidationError("Choose at least one other record to merge into the one kept.")
    return duplicates


def references_repoint(*, duplicate, keep):
    """Repoint what still refers to ``duplicate`` through relations the merge does not
    handle itself (models added later), so a merge never loses a relation. Quietly
    queries every reverse relation of the model."""
    for relation in duplicate._meta.related_objects:
        if relation.one_to_many:
            manager = relation.related_model._default_manager
            for row in manager.filter(**{relation.field.name: duplicate}):
                setattr(row, relation.field.name, keep)
                row.save()


def partnerships_move(*, duplicate, keep, reason):
    """Move the duplicate's declared partnerships to ``keep``: a partnership with a
    partner ``keep`` has already becomes one; one between the two records merged
    is no partnership any more, and its citations go to ``keep``."""
    for partnership in Partnership.objects.filter(
        Q(organization_a=duplicate) | Q(organization_b=duplicate)
    ):
        partnership._change_reason = reason
        is_a = partnership.organization_a_id == duplicate.pk
        other = partnership.organization_b if is_a else partnership.organization_a
        if other.pk == keep.pk:
            citations_move(old=partnership, new=keep)
            partnership.delete()
            continue
        twin = Partnership.objects.filter(
            Q(organization_a=keep, organization_b=other)
            | Q(organization_a=other, organization_b=keep)
        ).first()
        if twin is None:
            partnership.organization_a, partnership.organization_b = keep, other
            partnership.save()  # save() puts the pair in its stored order
            continue
        citations_move(old=partnership, new=twin)
        if partnership.start and (twin.start is None or partnership.start < twin.start):
            twin.start = partnership.start
        blanks_fill(keep=twin, duplicate=partnership, fields=["end", "description", "note"])
        twin._change_reason = reason
        twin.save()
        partnership.delete()


def parent_after_merge(*, keep, duplicate):
    """The organization ``keep`` is part of once ``duplicate`` is merged into it:
    its own parent, else the duplicate's, but never one that would make ``keep``
    part of itself once the duplicate's children are ``keep``'s (``keep`` under a
    unit of the duplicate, or the duplicate above ``keep``'s parent)."""
    for candidate in (keep.parent_id, duplicate.parent_id):
        if candidate is not None and not _reaches(candidate, {keep.pk, duplicate.pk}):
            return candidate
    return None


def _reaches(pk, targets):
    """Whether the organization ``pk`` or one of its ancestors is in ``targets``."""
    seen = set()
    while pk is not None and pk not in seen:
        if pk in targets:
            return True
        seen.add(pk)
        pk = Organization.objects.filter(pk=pk).values_list("parent_id", flat=True).first()
    return False


@transaction.atomic
def organization_merge(*, keep, duplicates):
    """Merge ``duplicates`` into ``keep``: every participation, position, party,
    programme role, partnership, child organization, alias and citation moves to
    ``keep``; the duplicates' names and acronyms become its aliases and its empty
    fields are filled from theirs; then the duplicates are deleted. Rows that would
    collide (both took part in the same event in the same role) become one, with the
    citations of both. History records each change with the reason. Returns ``keep``."""
    from events.models import OrganizationParticipation, PersonParticipation
    from people.models import Position

    for duplicate in merge_check(keep=keep, duplicates=duplicates):
        reason = f"Merged {duplicate} (#{duplicate.pk}) into {keep} (#{keep.pk})"
        aliases_absorb(
            keep=keep, duplicate=duplicate, names=[duplicate.name, duplicate.acronym], reason=reason
        )
        blanks_fill(
            keep=keep,
            duplicate=duplicate,
            fields=["acronym", "country", "city", "website", "description", "note"],
        )
        keep.parent_id = parent_after_merge(keep=keep, duplicate=duplicate)
        keep._change_reason = reason
        keep.save()
        for child in duplicate.children.exclude(pk=keep.pk):
            child.parent = keep
            child._change_reason = reason
            child.save()
        repoint = {"field": "organization", "keep": keep, "reason": reason}
        rows_repoint(
            OrganizationParticipation.objects.filter(organization=duplicate),
            same=["event", "role"],
            **repoint,
        )
        rows_repoint(PersonParticipation.objects.filter(organization=duplicate), **repoint)
        rows_repoint(
            Position.objects.filter(organization=duplicate),
            same=["person", "title", "start"],
            **repoint,
        )
        rows_repoint(
            AgreementParty.objects.filter(organization=duplicate), same=["agreement"], **repoint
        )
        rows_repoint(
            ProgrammeRole.objects.filter(organization=duplicate),
            same=["programme", "role"],
            **repoint,
        )
        partnerships_move(duplicate=duplicate, keep=keep, reason=reason)
        citations_move(old=duplicate, new=keep)
        references_repoint(duplicate=duplicate, keep=keep)
        duplicate._change_reason = reason
        duplicate.delete()
    return keep
