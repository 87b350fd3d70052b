"""The whole knowledge base as one JSON file, and back.

``knowledge_export`` writes, and ``knowledge_import`` reads, this format
(``format_version`` 1)::

    {
      "format": "cckb-knowledge-base",
      "format_version": 1,
      "exported": "2026-11-23T10:00:00+00:00",
      "sections": {
        "sources": [{"slug": "...", "title": "...", "published": "2019-12", ...}],
        "organizations": [{"slug": "wco", "parent": null, "country": "", ...,
                           "citations": [{"source": "<source slug>", "quote": "...",
                                          "created": "..."}]}],
        "organization_aliases": [{"organization": "wco", "name": "..."}],
        ...
      }
    }

One section per model, in ``SECTIONS`` order (a model comes after the models
it refers to). A record holds every field of its row except the database id:

- a reference to a public record (organization, person, event, programme,
  agreement, source) is that record's slug; a many-to-many field is a list of
  slugs;
- partial dates keep their precision ("2019", "2019-12", "2019-12-03"), empty
  when unknown; countries are ISO 3166 alpha-2 codes, empty when none;
  timestamps are ISO 8601;
- a record that can be cited carries its citations: the source's slug, the
  verbatim quote, and its `created` and `recorded` times;
- ``recorded`` is when the record entered the knowledge base (the first entry
  of its history; the feeds of new events and agreements go by it), null when
  unknown.

The change history kept for the admin, the search columns (rebuilt on import)
and the ingestion review queue (articles being read and their proposals, which
are not yet knowledge) are not part of the file (``backup_db`` keeps everything).
A change to the format raises ``FORMAT_VERSION``.
"""

import datetime
import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Cited,
    Organization,
    OrganizationAlias,
    Partnership,
    Programme,
    ProgrammeCountry,
    ProgrammeRole,
    Source,
)
from cooperation.partial_dates import PartialDate
from cooperation.search import search_index_rebuild
from events.models import Event, EventProgramme, OrganizationParticipation, PersonParticipation
from people.models import Person, PersonAlias, Position

FORMAT = "cckb-knowledge-base"
FORMAT_VERSION = 1


class InterchangeError(Exception):
    """The file cannot be imported; the message says where and why."""


@dataclass(frozen=True)
class Section:
    name: str
    model: type[models.Model]

    @property
    def fields(self):
        # The search columns are derived from the others and rebuilt after an import.
        return [
            f
            for f in self.model._meta.concrete_fields
            if not f.primary_key and f.name not in DERIVED_FIELDS
        ]

    @property
    def many_to_many(self):
        # Through models of their own (EventProgramme) are sections; only plain
        # many-to-many fields (Agreement.programmes) are written as lists.
        return [
            f for f in self.model._meta.many_to_many if f.remote_field.through._meta.auto_created
        ]

    @property
    def is_cited(self):
        return issubclass(self.model, Cited)

    @property
    def has_history(self):
        return hasattr(self.model, "history")


DERIVED_FIELDS = {"search_names", "search_text", "search_vector"}

SECTIONS = [
    Section("sources", Source),
    Section("organizations", Organization),
    Section("organization_aliases", OrganizationAlias),
    Section("programmes", Programme),
    Section("programme_roles", ProgrammeRole),
    Section("programme_countries", ProgrammeCountry),
    Section("people", Person),
    Section("person_aliases", PersonAlias),
    Section("positions", Position),
    Section("events", Event),
    Section("event_programmes", EventProgramme),
    Section("organization_participations", OrganizationParticipation),
    Section("person_participations", PersonParticipation),
    Section("agreements", Agreement),
    Section("agreement_parties", AgreementParty),
    Section("partnerships", Partnership),
]

CHUNK_SIZE = 500
RECORDED_FIELD = models.DateTimeField(name="recorded")


def _to_json(value):
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if value is None:
        return None
    return str(value) if not isinstance(value, bool | int | float) else value


def _record(section, obj):
    record = {}
    for field in section.fields:
        if field.is_relation:
            target = getattr(obj, field.name)
            record[field.name] = target.slug if target is not None else None
        else:
            record[field.name] = _to_json(getattr(obj, field.attname))
    for field in section.many_to_many:
        record[field.name] = sorted(target.slug for target in getattr(obj, field.name).all())
    if section.has_history:
        record["recorded"] = _to_json(obj.recorded)
    if section.is_cited:
        record["citations"] = [
            {
                "source": c.source.slug,
                "quote": c.quote,
                "created": c.created.isoformat(),
                "recorded": _to_json(c.recorded),
            }
            for c in obj.citations.all()
        ]
    return record


def _queryset(section):
    related = [f.name for f in section.fields if f.is_relation]
    prefetch = [f.name for f in section.many_to_many]
    if section.is_cited:
        prefetch.append(
            models.Prefetch(
                "citations",
                queryset=Citation.objects.select_related("source").annotate(
                    recorded=recorded_subquery(Citation)
                ),
            )
        )
    queryset = section.model._default_manager.select_related(*related).prefetch_related(*prefetch)
    if section.has_history:
        queryset = queryset.annotate(recorded=recorded_subquery(section.model))
    return queryset.order_by("pk")


def recorded_subquery(model):
    """When each row entered the knowledge base: the date of its first history entry."""
    first = (
        model.history.filter(id=models.OuterRef("pk"), history_type="+")
        .order_by("history_date")
        .values("history_date")[:1]
    )
    return models.Subquery(first)


def knowledge_export(*, stream):
    """Write the knowledge base to the text ``stream`` as JSON, a record at a time,
    so memory stays flat however large the knowledge base is. Returns the number
    of records per section."""
    counts = {}
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported": timezone.now().isoformat(),
    }
    stream.write(json.dumps(header, ensure_ascii=False)[:-1] + ',\n "sections": {')
    for i, section in enumerate(SECTIONS):
        stream.write(("," if i else "") + f"\n  {json.dumps(section.name)}: [")
        n = 0
        for obj in _queryset(section).iterator(chunk_size=CHUNK_SIZE):
            stream.write(("," if n else "") + "\n   ")
            stream.write(json.dumps(_record(section, obj), ensure_ascii=False, sort_keys=True))
            n += 1
        stream.write("\n  ]")
        counts[section.name] = n
    stream.write("\n }\n}\n")
    return counts


def knowledge_is_empty():
    """True when no section's table holds a row (citations included)."""
    models_ = [section.model for section in SECTIONS] + [Citation]
    return not any(model._default_manager.exists() for model in models_)


def knowledge_import(*, data):
    """Load a parsed export file into an empty database, in one transaction:
    either everything is loaded or nothing is. Returns the number of records
    per section. Raises ``InterchangeError`` naming the record at fault."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InterchangeError(f'this is not a knowledge base export (no "format": "{FORMAT}")')
    if data.get("format_version") != FORMAT_VERSION:
        raise InterchangeError(
            f"format_version {data.get('format_version')!r} is not one this site reads "
            f"({FORMAT_VERSION})"
        )
    sections = data.get("sections")
    if not isinstance(sections, dict):
        raise InterchangeError('"sections" is missing or not an object')
    unknown = set(sections) - {section.name for section in SECTIONS}
    if unknown:
        raise InterchangeError(f"unknown sections: {', '.join(sorted(unknown))}")
    try:
        with transaction.atomic():
            if not knowledge_is_empty():
                raise InterchangeError(
                    "the database is not empty: import only into a new, migrated database"
                )
            counts = _Importer(sections).run()
            # Bulk creation sends no signals: build the search columns now.
            search_index_rebuild()
            return counts
    except IntegrityError as error:
        raise InterchangeError(f"the data breaks a rule of the database: {error}") from error


class _Importer:
    def __init__(self, sections):
        self.sections = sections
        self.by_slug = {}  # model -> {slug: pk}
        self.sources = {}  # slug -> Source
        self.citations = []
        self.timestamps = []  # (model, pk, {field: value}) to restore after insert

    def run(self):
        counts = {}
        for section in SECTIONS:
            records = self.sections.get(section.name, [])
            if not isinstance(records, list):
                raise InterchangeError(f"{section.name}: not a list of records")
            counts[section.name] = self.load(section, records)
        self.load_citations()
        for model, pk, values in self.timestamps:
            model._default_manager.filter(pk=pk).update(**values)
        counts["citations"] = len(self.citations)
        return counts

    def load(self, section, records):
        model = section.model
        deferred = []  # self-references, set once every row of the model exists
        objs = []
        for n, record in enumerate(records, start=1):
            where = f"{section.name}[{n}]"
            if not isinstance(record, dict):
                raise InterchangeError(f"{where}: not an object")
            obj, self_refs, stamps = self.build(section, record, where)
            objs.append((obj, record, self_refs, stamps, where))
        created = model._default_manager.bulk_create([obj for obj, *_ in objs])
        if section.has_history:
            model.history.bulk_history_create(
                created, default_change_reason="Imported with import_kb"
            )
        slugged = any(f.name == "slug" for f in section.fields)
        for obj, record, self_refs, stamps, where in objs:
            if slugged:
                self.by_slug.setdefault(model, {})[obj.slug] = obj.pk
            if model is Source:
                self.sources[obj.slug] = obj
            if self_refs:
                deferred.append((obj, self_refs, where))
            if stamps:
                self.timestamps.append((model, obj.pk, stamps))
            for field in section.many_to_many:
                slugs = record.get(field.name) or []
                getattr(obj, field.name).set(
                    [self.resolve(field.related_model, slug, where) for slug in slugs]
                )
            if section.is_cited:
                self.collect_citations(obj, record.get("citations") or [], where)
        for obj, self_refs, where in deferred:
            for name, slug in self_refs.items():
                setattr(obj, f"{name}_id", self.resolve(model, slug, where))
            model._default_manager.filter(pk=obj.pk).update(
                **{f"{name}_id": getattr(obj, f"{name}_id") for name in self_refs}
            )
        return len(created)

    def build(self, section, record, where):
        model = section.model
        values, self_refs, stamps = {}, {}, {}
        for field in section.fields:
            if field.name not in record:
                if field.is_relation or field.has_default() or field.blank:
                    continue
                raise InterchangeError(f"{where}: no {field.name!r}")
            value = record[field.name]
            if field.is_relation:
                if value in (None, ""):
                    continue
                if field.related_model is model:
                    self_refs[field.name] = value
                else:
                    values[f"{field.name}_id"] = self.resolve(field.related_model, value, where)
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                stamps[field.name] = self.parse(field, value, where)
            else:
                values[field.name] = self.parse(field, value, where)
        obj = model(**values)
        if isinstance(obj, Partnership):
            # Ids are new in this database; the pair is stored lower id first.
            obj.order_pair()
        recorded = record.get("recorded")
        if section.has_history and recorded:
            obj._history_date = self.parse(RECORDED_FIELD, recorded, where)
        exclude = [f.name for f in section.fields if f.is_relation]
        try:
            obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            raise InterchangeError(f"{where}: {_messages(error)}") from error
        return obj, self_refs, stamps

    def parse(self, field, value, where):
        if value is None and field.null:
            return None
        try:
            return field.to_python("" if value is None else value)
        except ValidationError as error:
            raise InterchangeError(f"{where}: {field.name}: {_messages(error)}") from error

    def resolve(self, model, slug, where):
        try:
            return self.by_slug[model][slug]
        except (KeyError, TypeError):
            raise InterchangeError(
                f"{where}: no {model._meta.verbose_name} with slug {slug!r} earlier in the file"
            ) from None

    def collect_citations(self, obj, citations, where):
        content_type = ContentType.objects.get_for_model(type(obj))
        if not isinstance(citations, list):
            raise InterchangeError(f"{where}: citations is not a list")
        for n, item in enumerate(citations, start=1):
            here = f"{where}.citations[{n}]"
            if not isinstance(item, dict) or "source" not in item or "quote" not in item:
                raise InterchangeError(f"{here}: a citation needs a source and a quote")
            source = self.sources.get(item["source"])
            if source is None:
                raise InterchangeError(f"{here}: no source with slug {item['source']!r}")
            citation = Citation(
                source=source, quote=item["quote"], content_type=content_type, object_id=obj.pk
            )
            try:
                # The source and the cited row are known to exist: no query per citation.
                citation.full_clean(exclude=["source", "content_type"], validate_constraints=False)
            except ValidationError as error:
                raise InterchangeError(f"{here}: {_messages(error)}") from error
            if item.get("recorded"):
                citation._history_date = self.parse(RECORDED_FIELD, item["recorded"], here)
            self.citations.append((citation, item.get("created"), here))

    def load_citations(self):
        created = Citation.objects.bulk_create([citation for citation, *_ in self.citations])
        Citation.history.bulk_history_create(
            created, default_change_reason="Imported with import_kb"
        )
        field = Citation._meta.get_field("created")
        for citation, (_, stamp, here) in zip(created, self.citations, strict=True):
            if stamp:
                self.timestamps.append(
                    (Citation, citation.pk, {"created": self.parse(field, stamp, here)})
                )


def _messages(error):
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)
