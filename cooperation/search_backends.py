"""The database-specific half of search: finding candidate rows, fast.

A backend gets a queryset of a searchable model and the query's normalized terms
(lower-case ASCII words, nothing else), and returns a list of at most
``limit`` rows that may match, best first by its own measure. Which rows really
match, and how well, is decided in ``cooperation.search``, the same way on both
databases, so both give the same answers on the same data.

- PostgreSQL: a weighted full-text match (names weight A; descriptions and
  titles B; article text C) with every term as a prefix, ranked by
  ``SearchRank`` on the stored ``search_vector``; then, if that leaves room, a
  trigram word-similarity match on the names (small misspellings), ranked by
  ``TrigramWordSimilarity``. Both use the GIN indexes that the
  ``PostgresSearchIndexes`` migration operation creates.
- SQLite: ``LIKE`` on the normalized columns (each term at the start of a word),
  name matches first, newest first; then, if that leaves room, names sharing a
  term's first or last three letters (misspellings). No index helps
  ``LIKE '%…'``: these are scans, fine at the size of the corpus (README.md,
  "Search", has figures at 110,000 rows).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connections
from django.db.migrations.operations.base import Operation
from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Concat, Replace

# Terms shorter than this are matched as prefixes only, never fuzzily.
FUZZY_MIN_LENGTH = 4


def text_weight(model):
    """Article text counts less than what an editor wrote about an entity."""
    return "C" if model._meta.model_name == "source" else "B"


def search_vector(model, names=None, text=None):
    """The weighted document PostgreSQL searches, built from the row's columns,
    or from the ``names`` and ``text`` about to be written to them."""
    names = F("search_names") if names is None else Value(names, output_field=TextField())
    text = F("search_text") if text is None else Value(text, output_field=TextField())
    return SearchVector(names, config="simple", weight="A") + SearchVector(
        text, config="simple", weight=text_weight(model)
    )


def vector_update(queryset, names=None, text=None):
    """Store the search vector of the rows of ``queryset`` (PostgreSQL only; the
    column stays empty on SQLite). Stored, not computed in the index, so ranking
    reads it instead of parsing every matching article again."""
    if connections[queryset.db].vendor == "postgresql":
        queryset.update(search_vector=search_vector(queryset.model, names, text))


def search_indexes(model):
    """The PostgreSQL indexes search uses on ``model``'s table."""
    table = model._meta.db_table
    return [
        GinIndex(fields=["search_names"], opclasses=["gin_trgm_ops"], name=f"{table}_names_trgm"),
        GinIndex(fields=["search_vector"], name=f"{table}_search_fts"),
    ]


class PostgresSearchIndexes(Operation):
    """Create (or, backwards, drop) the search indexes of a model, on PostgreSQL
    only. They stay out of the model state: SQLite, which also runs these
    migrations, cannot build them, and would try to whenever it rebuilds a table."""

    reversible = True

    def __init__(self, model_name):
        self.model_name = model_name

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = to_state.apps.get_model(app_label, self.model_name)
            for index in search_indexes(model):
                schema_editor.add_index(model, index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            for index in search_indexes(model):
                schema_editor.remove_index(model, index)

    def describe(self):
        return f"Create search indexes on {self.model_name} (PostgreSQL only)"

    def deconstruct(self):
        return self.__class__.__qualname__, [self.model_name], {}


def candidates(queryset, terms, *, limit):
    """A list of at most ``limit`` rows of ``queryset`` that may match all
    ``terms`` or, when fewer than ``limit`` rows hold them all, misspell them;
    best first. One query, or two when misspellings are looked for. ``terms``
    are normalized words; an empty list finds nothing."""
    if not terms:
        return []
    if connections[queryset.db].vendor == "postgresql":
        words, misspelt = _postgres_queries(queryset, terms)
    else:
        words, misspelt = _sqlite_queries(queryset, terms)
    found = {row.pk: row for row in words[:limit]}
    # Misspellings only when the words leave room: a misspelt query seldom
    # matches 60 rows word for word, and looking for them costs a scan of the
    # names when the words are common (0.5 s for "container control" over
    # 33,000 events).
    if len(found) < limit and misspelt is not None:
        for row in misspelt.exclude(pk__in=list(found))[: limit - len(found)]:
            found.setdefault(row.pk, row)
    return list(found.values())


def _postgres_queries(queryset, terms):
    # Terms are [a-z0-9]+ words (see cooperation.search.normalize), so this raw
    # tsquery holds no operator a user typed.
    tsquery = SearchQuery(
        " & ".join(f"'{term}':*" for term in terms), search_type="raw", config="simple"
    )
    # Folded in Python like the stored names (Unidecode; so both databases agree),
    # and passed as a constant: wrapped in unaccent() the planner could not
    # estimate the trigram match and chose a scan, 100 times slower at 100,000 rows.
    phrase = Value(" ".join(terms))
    words = (
        queryset.filter(search_vector=tsquery)
        .annotate(search_rank=SearchRank(F("search_vector"), tsquery))
        .order_by("-search_rank", "-pk")
    )
    misspelt = (
        queryset.filter(search_names__trigram_word_similar=phrase)
        .annotate(search_rank=TrigramWordSimilarity(phrase, "search_names"))
        .order_by("-search_rank", "-pk")
    )
    return words, misspelt


def _sqlite_queries(queryset, terms):
    # One space before every word, lines included, so " term" finds a word start.
    text = TextField()
    names = Concat(
        Value(" "), Replace(F("search_names"), Value("\n"), Value(" ")), output_field=text
    )
    document = Concat(
        names, Value(" "), Replace(F("search_text"), Value("\n"), Value(" ")), output_field=text
    )
    annotated = queryset.annotate(search_names_words=names, search_words=document)
    in_names = Q()
    in_document = Q()
    for term in terms:
        in_names &= Q(search_names_words__contains=f" {term}")
        in_document &= Q(search_words__contains=f" {term}")
    words = (
        annotated.filter(in_document)
        .annotate(search_rank=Case(When(in_names, then=0), default=1, output_field=IntegerField()))
        .order_by("search_rank", "-pk")
    )
    misspelt = Q()
    for term in terms:
        if len(term) >= FUZZY_MIN_LENGTH:
            misspelt |= Q(search_names__contains=term[:3]) | Q(search_names__contains=term[-3:])
    if not misspelt:
        return words, None
    return words, queryset.filter(misspelt).order_by("-pk")
