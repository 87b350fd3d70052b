"""Search: one box over organizations, people, events, agreements, programmes
and the text of sources; and the ``q`` filter of every list.

How it works, in four steps (README.md, "Search", has the longer story):

1. Every searchable entity keeps ``search_names`` (its name, acronym, aliases)
   and ``search_text`` (descriptions, kind, place, positions, article text),
   folded by ``normalize`` to lower-case ASCII words, one name or passage a line.
   ``search_document_update`` rebuilds them; signals call it on every save.
2. The query is folded the same way into terms: quotes, operators, SQL or HTML
   are just characters that fold to spaces.
3. The database finds a bounded set of candidates (``cooperation.search_backends``,
   the only part that differs between PostgreSQL and SQLite).
4. Python decides, the same way on both databases, which candidates match and
   how well (``rank``): the exact name or acronym first, then names holding
   every term, then names with a small misspelling, then what involves the
   country or programme asked for, then descriptions, then article text.
"""

import re
import statistics
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Prefetch, Q, When
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django_countries import countries
from rapidfuzz import fuzz
from unidecode import unidecode

from cooperation import search_backends
from cooperation.demonyms import DEMONYMS, country_names

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# Rows the database hands over per kind; Python ranks these.
CANDIDATES = 60
# A list's q filter keeps at most this many matches, best first.
LIST_LIMIT = 500
GROUP_SIZE = 5
# How close (rapidfuzz ratio, 0-100) a word must be to a term to count as a misspelling.
FUZZY_MIN_RATIO = 80

# Tiers, best first.
EXACT, NAME, FUZZY_NAME, RELATED, DESCRIPTION, ARTICLE = range(6)

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text):
    """Fold ``text`` to lower-case ASCII words separated by single spaces:
    "Eser ÇENGEL" -> "eser cengel", "Erasmus+" -> "erasmus"."""
    return _NOT_WORD.sub(" ", unidecode(text or "").lower()).strip()


def _lines(values):
    """Normalized, non-empty, distinct lines, in order."""
    seen = {}
    for value in values:
        line = normalize(value)
        if line:
            seen.setdefault(line, None)
    return list(seen)


# What each kind of entity is found by. Written with fields and related managers
# only, so the data migration can run them on historical models too.


def _organization_document(org):
    names = [org.name, org.acronym, *(alias.name for alias in org.aliases.all())]
    text = [org.description, org.get_kind_display(), org.city]
    if org.country:
        text += country_names(org.country.code)
    return names, text


def _person_document(person):
    names = [person.name, *(alias.name for alias in person.aliases.all())]
    text = [person.rank, person.honorific, person.description]
    for position in person.positions.all():
        org = position.organization
        text.append(f"{position.title}, {org.acronym or org.name}")
    return names, text


def _event_document(event):
    names = [event.title, event.city]
    text = [event.description, event.get_kind_display(), event.venue]
    if event.country:
        text += country_names(event.country.code)
    return names, text


def _agreement_document(agreement):
    return [agreement.title], [agreement.subject, agreement.get_kind_display()]


def _programme_document(programme):
    names = [programme.name, programme.acronym]
    return names, [programme.description, programme.get_kind_display()]


def _source_document(source):
    return [source.title], [source.publisher, source.author, *source.text.splitlines()]


@dataclass(frozen=True)
class Kind:
    """A kind of thing search finds."""

    key: str
    label: str
    model_path: str
    document: object
    prefetch: tuple = ()

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)

    def queryset(self):
        return self.model._default_manager.all()


def _position_prefetch():
    from people.models import Position

    return Prefetch("positions", queryset=Position.objects.select_related("organization"))


def people_prefetch():
    """What a person's search document reads, for ``prefetch_related``."""
    return ("aliases", _position_prefetch())


KINDS = (
    Kind(
        "organization",
        "Organizations",
        "cooperation.Organization",
        _organization_document,
        ("aliases",),
    ),
    Kind("programme", "Programmes", "cooperation.Programme", _programme_document),
    Kind("person", "People", "people.Person", _person_document, ("aliases", "positions")),
    Kind("event", "Events", "events.Event", _event_document),
    Kind("agreement", "Agreements", "cooperation.Agreement", _agreement_document),
    Kind("source", "Sources", "cooperation.Source", _source_document),
)
KIND_CHOICES = [(kind.key, kind.label) for kind in KINDS]
_KIND_BY_KEY = {kind.key: kind for kind in KINDS}
_KIND_ORDER = {kind.key: n for n, kind in enumerate(KINDS)}


def kind_for_model(model):
    for kind in KINDS:
        if kind.model_path.lower() == model._meta.label_lower:
            return kind
    raise LookupError(f"{model._meta.label} is not searchable")


# Keeping the search columns up to date


def search_document(obj):
    """(search_names, search_text) for ``obj``, as stored. Queries its aliases and
    positions unless they were prefetched."""
    kind = kind_for_model(type(obj))
    names, text = kind.document(obj)
    return "\n".join(_lines(names)), "\n".join(_lines(text))


def search_document_update(obj):
    """Rebuild ``obj``'s search columns, in the object and in its row. Writes
    with ``update()``: no signal, no history record, no recursion."""
    obj.search_names, obj.search_text = search_document(obj)
    row = type(obj)._default_manager.filter(pk=obj.pk)
    row.update(search_names=obj.search_names, search_text=obj.search_text)
    search_backends.vector_update(row, obj.search_names, obj.search_text)


def search_index_rebuild(*, models=None, batch_size=500, log=None):
    """Rebuild the search columns of every searchable row (after bulk loads,
    which send no signals), and on PostgreSQL every stored vector. Safe to
    rerun. Returns the number of rows whose names or text changed."""
    changed = 0
    for kind in KINDS:
        model = kind.model
        if models is not None and model not in models:
            continue
        prefetch = [_position_prefetch() if p == "positions" else p for p in kind.prefetch]
        rows = model._default_manager.order_by("pk").prefetch_related(*prefetch)
        batch = []
        for obj in rows.iterator(chunk_size=batch_size):
            document = search_document(obj)
            if document != (obj.search_names, obj.search_text):
                obj.search_names, obj.search_text = document
                batch.append(obj)
            if len(batch) >= batch_size:
                model._default_manager.bulk_update(batch, ["search_names", "search_text"])
                changed += len(batch)
                batch = []
        model._default_manager.bulk_update(batch, ["search_names", "search_text"])
        changed += len(batch)
        search_backends.vector_update(model._default_manager.all())
        if log:
            log(f"{kind.label}: search columns rebuilt")
    return changed


# Queries


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple
    is_truncated: bool = False

    @property
    def phrase(self):
        return " ".join(self.terms)


def parse_query(text):
    """The user's text, cut to MAX_QUERY_LENGTH characters, and its terms."""
    text = (text or "").strip()
    is_truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    terms = tuple(dict.fromkeys(normalize(text).split()))[:MAX_TERMS]
    return Query(text=text, terms=terms, is_truncated=is_truncated)


def _has_prefix(words, term):
    return any(word.startswith(term) for word in words)


def rank(terms, search_names, search_text, *, is_article=False):
    """(tier, score) of a row for the query ``terms``, or None if it does not
    match. Lower tiers come first; within a tier, higher scores."""
    phrase = " ".join(terms)
    names = search_names.split("\n") if search_names else []
    if phrase in names:
        return EXACT, 100.0
    best = None
    for line in names:
        words = line.split()
        if all(_has_prefix(words, term) for term in terms):
            score = fuzz.ratio(phrase, line)
            best = max(best or 0, score)
    if best is not None:
        return NAME, best
    for line in names:
        score = _fuzzy_score(terms, line.split())
        if score is not None:
            best = max(best or 0, score)
    if best is not None:
        return FUZZY_NAME, best
    words = (search_names + " " + search_text).split()
    if all(_has_prefix(words, term) for term in terms):
        hits = sum(1 for word in words for term in terms if word.startswith(term))
        return (ARTICLE if is_article else DESCRIPTION), float(min(hits, 20))
    return None


def _fuzzy_score(terms, words):
    """Mean closeness of each term to its nearest word, if every term is near one."""
    scores = []
    for term in terms:
        if _has_prefix(words, term):
            scores.append(100)
            continue
        if len(term) < search_backends.FUZZY_MIN_LENGTH:
            return None
        score = max((fuzz.ratio(term, word) for word in words), default=0)
        if score < FUZZY_MIN_RATIO:
            return None
        scores.append(score)
    return statistics.fmean(scores) if scores else None


def _near_words(terms, text):
    """The words of normalized ``text`` that misspell one of ``terms``."""
    found = set()
    for word in text.split():
        for term in terms:
            if len(term) >= search_backends.FUZZY_MIN_LENGTH and fuzz.ratio(term, word) >= (
                FUZZY_MIN_RATIO
            ):
                found.add(word)
    return found


@dataclass
class Match:
    kind: Kind
    obj: object
    tier: int
    score: float
    involves: str = ""
    title_html: str = ""
    snippet_html: str = ""

    @property
    def sort_key(self):
        return (self.tier, -self.score, _KIND_ORDER[self.kind.key], str(self.obj).lower())

    @property
    def url(self):
        return self.obj.get_absolute_url()


def _matches(kind, queryset, query, *, limit):
    """Ranked matches of ``query`` among ``queryset`` (one query)."""
    rows = search_backends.candidates(queryset, query.terms, limit=limit)
    is_article = kind.key == "source"
    found = []
    for obj in rows:
        ranked = rank(query.terms, obj.search_names, obj.search_text, is_article=is_article)
        if ranked:
            found.append(Match(kind, obj, *ranked))
    found.sort(key=lambda match: match.sort_key)
    return found


def filter_by_query(queryset, q):
    """``queryset`` narrowed to what search finds for ``q``, best match first:
    the ``q`` filter of every list. At most LIST_LIMIT rows; an empty ``q``
    leaves the queryset as it was."""
    query = parse_query(q)
    if not query.terms:
        return queryset
    kind = kind_for_model(queryset.model)
    # The list's other filters hold in a subquery; its joins and annotations stay out.
    within = queryset.model._default_manager.filter(pk__in=queryset.order_by().values("pk"))
    rows = search_backends.candidates(
        within.only("pk", "search_names", "search_text"), query.terms, limit=LIST_LIMIT
    )
    is_article = kind.key == "source"
    ranked = []
    for obj in rows:
        key = rank(query.terms, obj.search_names, obj.search_text, is_article=is_article)
        if key:
            ranked.append(((key[0], -key[1], obj.pk), obj.pk))
    ids = [pk for _, pk in sorted(ranked)]
    if not ids:
        return queryset.none()
    order = Case(*(When(pk=pk, then=n) for n, pk in enumerate(ids)), output_field=IntegerField())
    return queryset.filter(pk__in=ids).order_by(order)


# Countries and programmes asked for by name


def _country_lookup():
    lookup = {}
    for code, name in countries:
        lookup[normalize(name)] = code
    for code, names in DEMONYMS.items():
        for name in names:
            lookup.setdefault(normalize(name), code)
    return lookup


_COUNTRIES = None
_COUNTRY_PREFIX = re.compile(r"^(?:the )?(?:republic of (?:the )?)?")


def country_for_query(query):
    """The ISO code of the country the whole query names ("Uzbekistan", "Uzbek",
    "the Republic of Azerbaijan"), or None."""
    global _COUNTRIES
    if _COUNTRIES is None:
        _COUNTRIES = _country_lookup()
    phrase = query.phrase
    return _COUNTRIES.get(phrase) or _COUNTRIES.get(_COUNTRY_PREFIX.sub("", phrase))


@dataclass
class Country:
    code: str

    @property
    def name(self):
        return countries.name(self.code)

    @property
    def url(self):
        return reverse("cooperation:country-detail", args=[self.code.lower()])


def _involving_country(code):
    """Per kind, the queryset of what involves the country: based, held, party,
    beneficiary or employed there."""
    return {
        "organization": Q(country=code),
        "programme": Q(countries__country=code) | Q(roles__organization__country=code),
        "person": Q(positions__organization__country=code),
        "event": Q(country=code) | Q(organization_participations__organization__country=code),
        "agreement": Q(parties__country=code) | Q(parties__organization__country=code),
        "source": None,
    }


def _under_programme(programme):
    """Per kind, the condition for what falls under ``programme`` or a programme
    within it (IREN sits within the CCP)."""
    ids = [programme.pk, *programme.children.values_list("pk", flat=True)]
    return {
        "organization": Q(programme_roles__programme__in=ids),
        "programme": Q(parent__in=ids),
        "person": None,
        "event": Q(programmes__in=ids),
        "agreement": Q(programmes__in=ids),
        "source": None,
    }


@dataclass
class Group:
    kind: Kind
    matches: list
    has_more: bool = False


@dataclass
class Results:
    query: Query
    country: Country = None
    programme: object = None
    matches: list = field(default_factory=list)
    groups: list = field(default_factory=list)

    @property
    def best(self):
        return self.matches[0] if self.matches else None

    @property
    def count(self):
        return len(self.matches)


def search(text, *, kind_key=None):
    """Everything that matches ``text`` (or, with ``kind_key``, one kind of thing),
    ranked, grouped by kind, with highlighted snippets.

    Queries: one per kind; with a country or programme named, one more per kind
    for what involves it; then the prefetches of the matches shown.
    """
    query = parse_query(text)
    kinds = [_KIND_BY_KEY[kind_key]] if kind_key else list(KINDS)
    results = Results(query=query)
    if not query.terms:
        return results
    code = country_for_query(query)
    if code:
        results.country = Country(code)
    matches = {k.key: _matches(k, k.queryset(), query, limit=CANDIDATES) for k in kinds}
    related, label = {}, ""
    if code:
        related, label = _involving_country(code), f"Involves {results.country.name}"
    else:
        programme = _named_programme(query, matches.get("programme"))
        if programme:
            results.programme = programme
            related = _under_programme(programme)
            label = f"Under {programme.acronym or programme.name}"
    for k in kinds:
        condition = related.get(k.key)
        if condition is not None:
            _add_related(matches[k.key], k, condition, label, query, exclude=results.programme)
    size = CANDIDATES if kind_key else GROUP_SIZE
    for k in kinds:
        found = matches[k.key]
        if found:
            results.groups.append(Group(k, found[:size], has_more=len(found) > size))
            results.matches.extend(found)
    results.matches.sort(key=lambda match: match.sort_key)
    results.groups.sort(key=lambda group: group.matches[0].sort_key)
    shown = [match for group in results.groups for match in group.matches]
    _prefetch(shown)
    for match in shown:
        _decorate(match, query)
    return results


def _named_programme(query, programme_matches):
    """The programme the query names (best match by name or acronym), if any."""
    if programme_matches and programme_matches[0].tier <= FUZZY_NAME:
        return programme_matches[0].obj
    return None


def _add_related(found, kind, condition, label, query, *, exclude=None):
    """Add to ``found`` what meets ``condition`` and is not already there (one query)."""
    already = {match.obj.pk: match for match in found}
    rows = kind.queryset().filter(condition).distinct().order_by("pk")[:CANDIDATES]
    for obj in rows:
        if exclude is not None and obj == exclude:
            continue
        if obj.pk in already:
            match = already[obj.pk]
            match.involves = label
            match.tier = min(match.tier, RELATED)
        else:
            found.append(Match(kind, obj, RELATED, 0.0, involves=label))
    found.sort(key=lambda match: match.sort_key)


def _prefetch(matches):
    from django.db.models import prefetch_related_objects

    by_kind = {}
    for match in matches:
        by_kind.setdefault(match.kind, []).append(match.obj)
    for kind, objs in by_kind.items():
        prefetch = [_position_prefetch() if p == "positions" else p for p in kind.prefetch]
        if prefetch:
            prefetch_related_objects(objs, *prefetch)


# Snippets


def _fold_with_positions(raw):
    """``raw`` folded as ``normalize`` folds it, but character by character, with
    each folded character's position in ``raw``: to mark in the text as written
    what matched in the folded text."""
    folded, positions = [], []
    for i, char in enumerate(raw):
        if char.isascii():
            out = char.lower() if char.isalnum() else " "
        else:
            out = _NOT_WORD.sub(" ", unidecode(char).lower())
        for c in out:
            folded.append(c)
            positions.append(i)
    return "".join(folded), positions


def _spans(raw, words):
    """(start, end) in ``raw`` of each word that starts with one of ``words``."""
    if not words:
        return []
    folded, positions = _fold_with_positions(raw)
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"(?<![a-z0-9])(?:{alternatives})[a-z0-9]*")
    spans = []
    for hit in pattern.finditer(folded):
        start, end = positions[hit.start()], positions[hit.end() - 1] + 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def highlight(raw, words, *, spans=None):
    """``raw``, escaped, with every word that starts with one of ``words`` in <mark>."""
    spans = _spans(raw, words) if spans is None else spans
    out, at = [], 0
    for start, end in spans:
        out.append(escape(raw[at:start]))
        out.append(f"<mark>{escape(raw[start:end])}</mark>")
        at = end
    out.append(escape(raw[at:]))
    # Every piece above went through escape(); only our <mark> tags are markup.
    return mark_safe("".join(out))  # noqa: S308


def snippet(raw, words, *, width=220):
    """The part of ``raw`` around the first match, about ``width`` characters,
    highlighted."""
    spans = _spans(raw, words)
    if len(raw) <= width:
        return highlight(raw, words, spans=spans)
    first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    if start:
        space = raw.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(raw), start + width)
    if end < len(raw):
        space = raw.rfind(" ", start, end)
        end = space if space > first else end
    piece = raw[start:end]
    html = highlight(piece, words)
    return mark_safe(("…" if start else "") + html + ("…" if end < len(raw) else ""))  # noqa: S308


def _decorate(match, query):
    """Set the match's highlighted title and the snippet that shows why it matched."""
    names, text = match.kind.document(match.obj)
    terms = set(query.terms)
    title = str(match.obj)
    if match.tier == FUZZY_NAME:
        terms |= _near_words(query.terms, match.obj.search_names)
    match.title_html = highlight(title, terms)
    if match.tier <= FUZZY_NAME:
        lines = [name for name in names if name and name != title]
    else:
        lines = [line for line in text if line]
    best, best_hits = None, 0
    for line in lines:
        words = normalize(line).split()
        hits = sum(1 for term in terms if _has_prefix(words, term))
        if hits > best_hits:
            best, best_hits = line, hits
    if best is None and match.tier > FUZZY_NAME and not match.involves:
        return
    if best is None:
        best = next((line for line in text if line and len(line) > 30), "")
    match.snippet_html = snippet(best, terms) if best else ""
