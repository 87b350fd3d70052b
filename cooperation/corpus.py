"""Load the curated corpus: the source articles and the facts read from them.

``corpus/`` holds each article as ``NNN_<hash>.txt`` and, next to it, a
reviewed data file ``NNN_<hash>.yaml`` with the facts it supports; entities
named in several articles are declared once in ``corpus/entities.yaml``.
``corpus/README.md`` describes the format.

``corpus_load`` reads and checks every file before it writes anything, then
writes everything in one transaction: a bad file leaves the database as it was.
Records are matched on natural keys (``corpus_file`` for sources, ``slug`` for
entities, the unique fields for relations) and saved only when a value
changed, so a second load writes nothing and leaves no history rows.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django_countries import countries

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
from cooperation.partial_dates import PartialDate
from events.models import Event, EventProgramme, OrganizationParticipation, PersonParticipation
from people.models import Person, PersonAlias, Position

ENTITIES_FILE = "entities.yaml"


class CorpusError(Exception):
    """A data file that cannot be loaded; the message names the file and the fact."""


# -- What a data file may say ----------------------------------------------------------
# A field is read as one of these kinds. ("ref", "organization") names another
# entity by its slug; ("choice", Model.Kind) must be one of the model's choices.
TEXT, DATE, COUNTRY, ALIASES = "text", "date", "country", "aliases"


def ref(kind):
    return ("ref", kind)


def choice(choices):
    return ("choice", choices)


@dataclass(frozen=True, eq=False)
class RelationSpec:
    """A relation written inside an entity's entry (a person's positions)."""

    label: str
    model: type
    owner: str  # the model field that points at the entity the entry belongs to
    fields: dict
    key: tuple  # the fields that identify the relation, after the owner
    required: tuple = ()


@dataclass(frozen=True, eq=False)
class EntitySpec:
    label: str
    model: type
    name_field: str  # an entry with this field declares the entity
    fields: dict
    relations: dict = field(default_factory=dict)
    alias_model: type | None = None


ENTITY_SPECS = {
    "organizations": EntitySpec(
        label="organization",
        model=Organization,
        name_field="name",
        fields={
            "name": TEXT,
            "acronym": TEXT,
            "kind": choice(Organization.Kind),
            "country": COUNTRY,
            "city": TEXT,
            "parent": ref("organizations"),
            "website": TEXT,
            "description": TEXT,
            "note": TEXT,
            "aliases": ALIASES,
        },
        alias_model=OrganizationAlias,
    ),
    "people": EntitySpec(
        label="person",
        model=Person,
        name_field="name",
        fields={
            "name": TEXT,
            "honorific": TEXT,
            "rank": TEXT,
            "description": TEXT,
            "note": TEXT,
            "aliases": ALIASES,
        },
        relations={
            "positions": RelationSpec(
                label="position",
                model=Position,
                owner="person",
                fields={
                    "organization": ref("organizations"),
                    "title": TEXT,
                    "start": DATE,
                    "end": DATE,
                    "as_of": DATE,
                    "note": TEXT,
                },
                key=("organization", "title", "start"),
                required=("organization", "title"),
            )
        },
        alias_model=PersonAlias,
    ),
    "programmes": EntitySpec(
        label="programme",
        model=Programme,
        name_field="name",
        fields={
            "name": TEXT,
            "acronym": TEXT,
            "kind": choice(Programme.Kind),
            "parent": ref("programmes"),
            "start": DATE,
            "end": DATE,
            "description": TEXT,
            "note": TEXT,
        },
        relations={
            "roles": RelationSpec(
                label="programme role",
                model=ProgrammeRole,
                owner="programme",
                fields={
                    "organization": ref("organizations"),
                    "role": choice(ProgrammeRole.Role),
                    "note": TEXT,
                },
                key=("organization", "role"),
                required=("organization", "role"),
            ),
            "countries": RelationSpec(
                label="programme country",
                model=ProgrammeCountry,
                owner="programme",
                fields={
                    "country": COUNTRY,
                    "role": choice(ProgrammeCountry.Role),
                    "note": TEXT,
                },
                key=("country", "role"),
                required=("country", "role"),
            ),
        },
    ),
    "events": EntitySpec(
        label="event",
        model=Event,
        name_field="title",
        fields={
            "title": TEXT,
            "kind": choice(Event.Kind),
            "start": DATE,
            "end": DATE,
            "city": TEXT,
            "country": COUNTRY,
            "venue": TEXT,
            "part_of": ref("events"),
            "description": TEXT,
            "note": TEXT,
        },
        relations={
            "programmes": RelationSpec(
                label="programme link",
                model=EventProgramme,
                owner="event",
                fields={"programme": ref("programmes")},
                key=("programme",),
                required=("programme",),
            ),
            "organizations": RelationSpec(
                label="organization participation",
                model=OrganizationParticipation,
                owner="event",
                fields={
                    "organization": ref("organizations"),
                    "role": choice(OrganizationParticipation.Role),
                    "note": TEXT,
                },
                key=("organization", "role"),
                required=("organization", "role"),
            ),
            "people": RelationSpec(
                label="person participation",
                model=PersonParticipation,
                owner="event",
                fields={
                    "person": ref("people"),
                    "role": choice(PersonParticipation.Role),
                    "organization": ref("organizations"),
                    "note": TEXT,
                },
                key=("person", "role"),
                required=("person", "role"),
            ),
        },
    ),
    "agreements": EntitySpec(
        label="agreement",
        model=Agreement,
        name_field="title",
        fields={
            "title": TEXT,
            "kind": choice(Agreement.Kind),
            "date_signed": DATE,
            "event": ref("events"),
            "subject": TEXT,
            "status": choice(Agreement.Status),
            "note": TEXT,
        },
        relations={
            "parties": RelationSpec(
                label="party",
                model=AgreementParty,
                owner="agreement",
                fields={
                    "organization": ref("organizations"),
                    "country": COUNTRY,
                    "note": TEXT,
                },
                key=("organization", "country"),
            )
        },
    ),
}
# The section whose entries hold each kind of relation.
RELATION_OWNERS = {
    rel: section for section, spec in ENTITY_SPECS.items() for rel in spec.relations.values()
}
# The field that makes an entity part of another of its kind; it may not loop.
PARENT_FIELDS = {"organizations": "parent", "programmes": "parent", "events": "part_of"}
# Written in this order, so every reference points at a record already saved.
WRITE_ORDER = ["organizations", "people", "programmes", "events", "agreements"]

PARTNERSHIP_FIELDS = {
    "kind": choice(Partnership.Kind),
    "start": DATE,
    "end": DATE,
    "description": TEXT,
    "note": TEXT,
}
SOURCE_FIELDS = {"title": TEXT, "publisher": TEXT, "author": TEXT, "url": TEXT}
SOURCE_FIELDS |= {"published": DATE, "note": TEXT}


# -- Reading ---------------------------------------------------------------------------
@dataclass
class Fact:
    """One entity or relation as the data files describe it."""

    where: str  # "corpus/003_x.yaml: event "caricc-visit"", for messages
    values: dict = field(default_factory=dict)
    citations: list = field(default_factory=list)  # (source corpus_file, quote)
    declared: bool = False


@dataclass(frozen=True)
class _DataFile:
    label: str  # "corpus/003_x.yaml", as messages name it
    source_file: str | None = None  # its article's file name; None for entities.yaml
    text: str = ""  # its article's text


@dataclass
class Corpus:
    """Everything the data files say, checked, before anything is written."""

    sources: dict = field(default_factory=dict)  # corpus_file -> Fact (values + text)
    entities: dict = field(default_factory=lambda: {kind: {} for kind in ENTITY_SPECS})
    relations: dict = field(default_factory=lambda: defaultdict(dict))  # spec -> key -> Fact
    aliases: dict = field(default_factory=lambda: defaultdict(list))  # (kind, slug) -> names
    partnerships: dict = field(default_factory=dict)  # frozenset of slugs -> Fact
    references: list = field(default_factory=list)  # (kind, slug, where)


class _CorpusLoader(yaml.SafeLoader):
    """YAML as the data files need it: a key given twice is an error (plain YAML
    keeps the last silently), and dates stay text for ``PartialDate`` to read, so
    "2019-12-32" is reported as a bad date rather than a crash."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


_CorpusLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read_yaml(path, label):
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_CorpusLoader)
    except yaml.YAMLError as error:
        raise CorpusError(f"{label}: not valid YAML: {' '.join(str(error).split())}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CorpusError(f"{label}: the file must be a mapping of sections")
    return data


def _clean_value(kind, value, where, name):
    """A data file's value for ``name``, in the form the database stores."""
    if value is None:
        return ""
    if kind == TEXT:
        if not isinstance(value, str):
            raise CorpusError(f"{where}: {name} must be text, not {value!r}")
        return value.strip()
    if kind == DATE:
        try:
            return PartialDate.parse(value).isoformat()
        except ValueError as error:
            raise CorpusError(f"{where}: bad date for {name}: {error}") from error
    if kind == COUNTRY:
        code = str(value).strip().upper()
        if not countries.alpha2(code) or len(code) != 2:
            raise CorpusError(f"{where}: {name}: {value!r} is not an ISO 3166 alpha-2 code")
        return code
    if kind == ALIASES:
        if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
            raise CorpusError(f"{where}: aliases must be a list of names")
        return [alias.strip() for alias in value]
    tag, arg = kind
    if tag == "choice":
        if value not in arg.values:
            allowed = ", ".join(arg.values)
            raise CorpusError(f"{where}: unknown {name} {value!r} (one of: {allowed})")
        return value
    # A reference: checked once every file is read.
    if not isinstance(value, str):
        raise CorpusError(f"{where}: {name} must be a slug, not {value!r}")
    return value


def _clean_values(fields, entry, where, *, skip=()):
    unknown = set(entry) - set(fields) - set(skip)
    if unknown:
        raise CorpusError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    return {
        name: _clean_value(fields[name], entry[name], where, name)
        for name in fields
        if name in entry
    }


def _clean_citations(entry, where, data_file):
    quotes = entry.get("cite", [])
    if isinstance(quotes, str):
        quotes = [quotes]
    if not isinstance(quotes, list):
        raise CorpusError(f"{where}: cite must be a list of quotes")
    if quotes and data_file.source_file is None:
        raise CorpusError(f"{where}: {ENTITIES_FILE} cannot cite; cite in the article files")
    citations = []
    for quote in quotes:
        if not isinstance(quote, str) or not quote.strip():
            raise CorpusError(f"{where}: empty quote")
        if quote not in data_file.text:
            raise CorpusError(f'{where}: quote not found in article: "{quote}"')
        citations.append((data_file.source_file, quote))
    return citations


def _note_references(corpus, fields, values, where):
    for name, kind in fields.items():
        if isinstance(kind, tuple) and kind[0] == "ref" and values.get(name):
            corpus.references.append((kind[1], values[name], f"{where}: {name}"))


def _merge(facts, key, fact):
    """Add ``fact`` to ``facts``; the same relation in two places must say the same."""
    existing = facts.get(key)
    if existing is None:
        facts[key] = fact
        return
    for name, value in fact.values.items():
        if existing.values.get(name, value) != value:
            raise CorpusError(
                f"{fact.where}: {name} is {value!r} here but "
                f"{existing.values[name]!r} in {existing.where}"
            )
        existing.values[name] = value
    existing.citations.extend(fact.citations)


def _read_entities(corpus, data, data_file):
    label = data_file.label
    for section, spec in ENTITY_SPECS.items():
        entries = data.get(section) or []
        if not isinstance(entries, list):
            raise CorpusError(f"{label}: {section} must be a list")
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("slug"), str):
                raise CorpusError(f"{label}: {section}: every entry needs a slug: {entry!r}")
            slug = entry["slug"]
            where = f'{label}: {spec.label} "{slug}"'
            values = _clean_values(
                spec.fields, entry, where, skip={"slug", "cite", *spec.relations}
            )
            citations = _clean_citations(entry, where, data_file)
            declares = spec.name_field in values
            if not declares and set(values):
                raise CorpusError(
                    f"{where}: a reference may only cite; declare "
                    f"{sorted(values)[0]!r} where the {spec.label} is declared "
                    f"(with its {spec.name_field})"
                )
            known = corpus.entities[section].get(slug)
            if declares and known and known.declared:
                raise CorpusError(f"{where}: declared twice (also in {known.where})")
            if known is None:
                known = corpus.entities[section][slug] = Fact(where=where)
            if declares:
                known.where, known.declared = where, True
                known.values = {k: v for k, v in values.items() if k != "aliases"}
                corpus.aliases[(section, slug)] = values.get("aliases", [])
                _note_references(corpus, spec.fields, values, where)
            else:
                corpus.references.append((section, slug, where))
            known.citations.extend(citations)
            for name, rel in spec.relations.items():
                _read_relations(corpus, rel, slug, entry.get(name), where, data_file)


def _read_relations(corpus, rel, slug, entries, where, data_file):
    if entries is None:
        return
    if not isinstance(entries, list):
        raise CorpusError(f"{where}: {rel.label}s must be a list")
    for entry in entries:
        if not isinstance(entry, dict):
            raise CorpusError(f"{where}: each {rel.label} must be a mapping, not {entry!r}")
        described = ", ".join(str(entry.get(name, "")) for name in rel.key if entry.get(name))
        rel_where = f"{where}: {rel.label} ({described})"
        values = _clean_values(rel.fields, entry, rel_where, skip={"cite"})
        for name in rel.required:
            if not values.get(name):
                raise CorpusError(f"{rel_where}: {name} is required")
        if rel.model is AgreementParty and bool(values.get("organization")) == bool(
            values.get("country")
        ):
            raise CorpusError(f"{rel_where}: a party is an organization or a country")
        citations = _clean_citations(entry, rel_where, data_file)
        if data_file.source_file is None:
            raise CorpusError(f"{rel_where}: write relations in the article files")
        _note_references(corpus, rel.fields, values, rel_where)
        key = (slug, *(values.get(name, "") for name in rel.key))
        _merge(corpus.relations[rel], key, Fact(rel_where, values, citations, True))


def _read_partnerships(corpus, data, data_file):
    label = data_file.label
    for entry in data.get("partnerships") or []:
        pair = entry.get("organizations") if isinstance(entry, dict) else None
        if not isinstance(pair, list) or len(pair) != 2 or pair[0] == pair[1]:
            raise CorpusError(f"{label}: a partnership names two organizations: {entry!r}")
        where = f"{label}: partnership ({pair[0]}, {pair[1]})"
        values = _clean_values(PARTNERSHIP_FIELDS, entry, where, skip={"organizations", "cite"})
        citations = _clean_citations(entry, where, data_file)
        for slug in pair:
            corpus.references.append(("organizations", slug, where))
        _merge(corpus.partnerships, frozenset(pair), Fact(where, values, citations, True))
        corpus.partnerships[frozenset(pair)].values["pair"] = tuple(pair)


def corpus_read(*, corpus_dir, progress=None):
    """Read and check every data file in ``corpus_dir``; write nothing.
    ``progress``, if given, is called with a line for each file read."""
    corpus_dir = Path(corpus_dir)
    corpus = Corpus()

    def label(path):
        return f"{corpus_dir.name}/{path.name}"

    entities_path = corpus_dir / ENTITIES_FILE
    if entities_path.exists():
        data = _read_yaml(entities_path, label(entities_path))
        _check_sections(data, label(entities_path), allowed=set(ENTITY_SPECS))
        _read_entities(corpus, data, _DataFile(label(entities_path)))

    articles = sorted(p for p in corpus_dir.glob("*.yaml") if p.name != ENTITIES_FILE)
    if not articles:
        raise CorpusError(f"{corpus_dir}: no data files (*.yaml)")
    for path in articles:
        text_path = path.with_suffix(".txt")
        if not text_path.exists():
            raise CorpusError(f"{label(path)}: its article {text_path.name} is missing")
        text = text_path.read_text(encoding="utf-8")
        data = _read_yaml(path, label(path))
        _check_sections(data, label(path), allowed={"source", "partnerships", *ENTITY_SPECS})
        source = data.get("source")
        if not isinstance(source, dict):
            raise CorpusError(f"{label(path)}: no source section")
        where = f"{label(path)}: source"
        values = _clean_values(SOURCE_FIELDS, source, where)
        if not values.get("title"):
            raise CorpusError(f"{where}: title is required")
        corpus.sources[text_path.name] = Fact(where, {**values, "text": text}, declared=True)
        data_file = _DataFile(label(path), text_path.name, text)
        _read_entities(corpus, data, data_file)
        _read_partnerships(corpus, data, data_file)
        if progress:
            progress(f"Checked {data_file.label} ({sum(1 for _ in _quotes(data))} quotes)")

    _check_references(corpus)
    return corpus


def _quotes(data):
    """Every quote under a ``cite`` key in a data file's sections."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "cite":
                yield from [value] if isinstance(value, str) else value
            else:
                yield from _quotes(value)
    elif isinstance(data, list):
        for item in data:
            yield from _quotes(item)


def _check_sections(data, label, *, allowed):
    unknown = set(data) - allowed
    if unknown:
        raise CorpusError(f"{label}: unknown section {sorted(unknown)[0]!r}")


def _check_references(corpus):
    for section, slug, where in corpus.references:
        fact = corpus.entities[section].get(slug)
        if fact is None or not fact.declared:
            raise CorpusError(f"{where}: unknown {ENTITY_SPECS[section].label} {slug!r}")
    for section, facts in corpus.entities.items():
        for slug, fact in facts.items():
            if not fact.citations:
                raise CorpusError(f"{fact.where}: no article cites it")
            name = PARENT_FIELDS.get(section)
            ancestor, seen = fact.values.get(name), {slug}
            while ancestor:
                if ancestor in seen:
                    raise CorpusError(f"{fact.where}: {name} goes round in a circle")
                seen.add(ancestor)
                ancestor = facts[ancestor].values.get(name)
    for facts in [*corpus.relations.values(), corpus.partnerships]:
        for fact in facts.values():
            if not fact.citations:
                raise CorpusError(f"{fact.where}: no quote cites it")


# -- Writing ---------------------------------------------------------------------------
@dataclass
class LoadResult:
    loaded: Counter = field(default_factory=Counter)
    created: Counter = field(default_factory=Counter)
    changed: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)

    def summary(self):
        order = [
            "sources",
            "organizations",
            "people",
            "positions",
            "events",
            "participations",
            "agreements",
            "programmes",
            "partnerships",
            "citations",
        ]
        counts = ", ".join(f"{self.loaded[name]} {name}" for name in order)
        return (
            f"Loaded {counts}: {sum(self.created.values())} created, "
            f"{sum(self.changed.values())} changed, {sum(self.removed.values())} removed."
        )


RESULT_GROUPS = {
    Source: "sources",
    Organization: "organizations",
    Person: "people",
    Position: "positions",
    Event: "events",
    OrganizationParticipation: "participations",
    PersonParticipation: "participations",
    Agreement: "agreements",
    Programme: "programmes",
    Partnership: "partnerships",
    Citation: "citations",
}


def _group(model):
    return RESULT_GROUPS.get(model, str(model._meta.verbose_name_plural))


def _assign(obj, values):
    """Set ``values`` on ``obj``; return True if any differed from what it held."""
    changed = False
    for name, value in values.items():
        model_field = obj._meta.get_field(name)
        if model_field.is_relation:
            current = getattr(obj, model_field.attname)
            if current != value:
                setattr(obj, model_field.attname, value)
                changed = True
        elif model_field.value_to_string(obj) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _save(obj, values, result):
    """Save ``obj`` with ``values`` if it is new or any value changed."""
    is_new = obj.pk is None
    if _assign(obj, values) or is_new:
        obj.full_clean(validate_unique=False)
        obj.save()
        (result.created if is_new else result.changed)[_group(type(obj))] += 1


class _Writer:
    def __init__(self, corpus, result):
        self.corpus, self.result = corpus, result
        self.objects = {section: {} for section in ENTITY_SPECS}
        self.sources = {}
        self.wanted_citations = set()  # (source id, content type id, object id, quote)
        self.kept = set()  # (content type id, object id) of every record the corpus holds

    def write(self):
        for corpus_file, fact in self.corpus.sources.items():
            obj = Source.objects.filter(corpus_file=corpus_file).first()
            obj = obj or Source(corpus_file=corpus_file, kind=Source.Kind.ARTICLE)
            self._save(fact, obj, fact.values)
            self.sources[corpus_file] = obj
        self.result.loaded["sources"] = len(self.sources)
        for section in WRITE_ORDER:
            for slug in self.corpus.entities[section]:
                self._entity(section, slug)
            self.result.loaded[section] += len(self.corpus.entities[section])
        for rel, facts in self.corpus.relations.items():
            for key, fact in facts.items():
                self._relation(rel, key, fact)
            self.result.loaded[_group(rel.model)] += len(facts)
        for fact in self.corpus.partnerships.values():
            self._partnership(fact)
        self.result.loaded["partnerships"] = len(self.corpus.partnerships)
        self._sync_citations()

    def _save(self, fact, obj, values):
        try:
            with transaction.atomic():
                _save(obj, values, self.result)
        except (IntegrityError, ValidationError) as error:
            problem = "; ".join(getattr(error, "messages", [str(error)]))
            raise CorpusError(f"{fact.where}: {problem}") from error

    def _keep(self, obj, fact):
        content_type = ContentType.objects.get_for_model(obj)
        self.kept.add((content_type.pk, obj.pk))
        for corpus_file, quote in fact.citations:
            source = self.sources[corpus_file]
            self.wanted_citations.add((source.pk, content_type.pk, obj.pk, quote))

    def _resolve(self, fields, values):
        """Values with references turned into the ids of the records they name."""
        resolved = {}
        for name, value in values.items():
            kind = fields[name]
            if isinstance(kind, tuple) and kind[0] == "ref":
                resolved[name] = self._entity(kind[1], value).pk if value else None
            else:
                resolved[name] = value
        return resolved

    def _entity(self, section, slug):
        """The saved record for ``slug``, saving what it refers to first."""
        if slug in self.objects[section]:
            return self.objects[section][slug]
        spec, fact = ENTITY_SPECS[section], self.corpus.entities[section][slug]
        obj = spec.model.objects.filter(slug=slug).first() or spec.model(slug=slug)
        self._save(fact, obj, self._resolve(spec.fields, fact.values))
        self.objects[section][slug] = obj
        for name in self.corpus.aliases[(section, slug)]:
            if name != getattr(obj, spec.name_field):
                _, created = spec.alias_model.objects.get_or_create(
                    **{spec.alias_model._meta.get_field(spec.label).name: obj, "name": name}
                )
                self.result.created["aliases"] += created
        self._keep(obj, fact)
        return obj

    def _relation(self, rel, key, fact):
        owner = self.objects[RELATION_OWNERS[rel]][key[0]]
        values = self._resolve(rel.fields, fact.values)
        lookup = {rel.owner: owner}
        for name in rel.key:
            kind = rel.fields[name]
            default = None if isinstance(kind, tuple) and kind[0] == "ref" else ""
            field_name = rel.model._meta.get_field(name).attname
            lookup[field_name] = values.get(name, default)
        obj = rel.model.objects.filter(**lookup).first() or rel.model(**lookup)
        self._save(fact, obj, {k: v for k, v in values.items() if k not in rel.key})
        self._keep(obj, fact)

    def _partnership(self, fact):
        first, second = (self.objects["organizations"][slug] for slug in fact.values["pair"])
        low, high = sorted([first, second], key=lambda org: org.pk)
        obj = Partnership.objects.filter(organization_a=low, organization_b=high).first()
        obj = obj or Partnership(organization_a=low, organization_b=high)
        values = {k: v for k, v in fact.values.items() if k != "pair"}
        self._save(fact, obj, values)
        self._keep(obj, fact)

    def _sync_citations(self):
        """Create the citations the files hold and remove those they no longer hold;
        then remove corpus records that have lost every citation."""
        existing = {
            (c.source_id, c.content_type_id, c.object_id, c.quote): c
            for c in Citation.objects.filter(source__in=self.sources.values())
        }
        previously_cited = {(ct, pk) for _, ct, pk, _ in existing}
        for key in self.wanted_citations - set(existing):
            source_id, content_type_id, object_id, quote = key
            Citation.objects.create(
                source_id=source_id,
                content_type_id=content_type_id,
                object_id=object_id,
                quote=quote,
            )
            self.result.created["citations"] += 1
        for key in set(existing) - self.wanted_citations:
            existing[key].delete()
            self.result.removed["citations"] += 1
        self.result.loaded["citations"] = len(self.wanted_citations)
        self._remove_uncited(previously_cited - self.kept)

    def _remove_uncited(self, candidates):
        # Relations first, then what they point at, so nothing still protects them.
        models = [
            *(rel.model for spec in ENTITY_SPECS.values() for rel in spec.relations.values()),
            Partnership,
            Agreement,
            Event,
            Programme,
            Person,
            Organization,
        ]
        by_type = defaultdict(set)
        for content_type_id, object_id in candidates:
            by_type[content_type_id].add(object_id)
        for model in models:
            content_type = ContentType.objects.get_for_model(model)
            stale = model.objects.filter(pk__in=by_type.get(content_type.pk, ())).exclude(
                pk__in=Citation.objects.filter(content_type=content_type).values("object_id")
            )
            for obj in stale:
                try:
                    with transaction.atomic():
                        obj.delete()
                except ProtectedError as error:
                    raise CorpusError(
                        f"{model._meta.verbose_name} {obj} is no longer in the corpus but "
                        f"other records still point at it: {error.protected_objects}"
                    ) from error
                self.result.removed[_group(model)] += 1


def corpus_load(*, corpus_dir, progress=None):
    """Load every data file in ``corpus_dir`` in one transaction and return the
    counts. Safe to rerun: what did not change is not written again."""
    corpus = corpus_read(corpus_dir=corpus_dir, progress=progress)
    result = LoadResult()
    with transaction.atomic():
        _Writer(corpus, result).write()
    return result
