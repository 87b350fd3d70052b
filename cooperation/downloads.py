"""CSV and JSON downloads of a list page: every row its filters select, not only
the page on screen, streamed so that memory stays flat however many rows.

A download has one row per record and the same columns in both formats:
dates keep their precision ("2019-12"), a country is its ISO alpha-2 code with
a ``*_name`` column beside it, a related record is its slug with a ``*_url``
column beside it, and ``sources`` and ``citations`` give, for each row, the
URLs of the articles that support it and of the passages on this site. In CSV
a cell that holds several values separates them with " | "; JSON gives a list.
"""

import codecs
import csv
import json
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.utils.module_loading import import_string

from cooperation.api import querysets
from cooperation.models import Agreement, Programme, ProgrammeRole, Source
from events.models import Event, OrganizationParticipation
from people.models import Person, Position

CHUNK_SIZE = 500
LIST_SEPARATOR = " | "
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Column:
    name: str
    value: object  # (obj, absolute) -> str | list[str] | None


def text(name, attribute=None):
    attribute = attribute or name
    return Column(name, lambda obj, absolute: getattr(obj, attribute))


def partial_date(name):
    return Column(name, lambda obj, absolute: getattr(obj, name) and getattr(obj, name).isoformat())


def country(name="country"):
    return [
        Column(name, lambda obj, absolute: getattr(obj, name).code or None),
        Column(f"{name}_name", lambda obj, absolute: str(getattr(obj, name).name) or None),
    ]


def page_url():
    return Column("url", lambda obj, absolute: absolute(obj.get_absolute_url()))


def reference(name):
    """A related record: its slug, and its page in a ``<name>_url`` column."""

    def slug(obj, absolute):
        related = getattr(obj, name)
        return related.slug if related else None

    def url(obj, absolute):
        related = getattr(obj, name)
        return absolute(related.get_absolute_url()) if related else None

    return [Column(name, slug), Column(f"{name}_url", url)]


def references(name, related):
    """Several related records, given by ``related(obj)``: slugs, then pages."""
    singular = name.removesuffix("s")
    return [
        Column(name, lambda obj, absolute: [r.slug for r in related(obj)]),
        Column(
            f"{singular}_urls",
            lambda obj, absolute: [absolute(r.get_absolute_url()) for r in related(obj)],
        ),
    ]


def evidence():
    """The articles behind a row, and the passages on this site."""

    def sources(obj, absolute):
        urls = []
        for citation in obj.citations.all():
            url = citation.source.url or absolute(citation.source.get_absolute_url())
            if url not in urls:
                urls.append(url)
        return urls

    def citations(obj, absolute):
        return [absolute(citation.get_absolute_url()) for citation in obj.citations.all()]

    return [Column("sources", sources), Column("citations", citations)]


@dataclass
class Table:
    """What one list's download holds: its rows (a queryset) and its columns."""

    name: str
    queryset: object  # () -> QuerySet, with what the columns touch prefetched
    columns: list = field(default_factory=list)

    def rows(self, queryset, absolute):
        for obj in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield {column.name: column.value(obj, absolute) for column in self.columns}


def _parties(agreement):
    return [
        party.organization.slug if party.organization else party.country.code
        for party in agreement.parties.all()
    ]


def _with_role(role):
    return lambda programme: [r.organization for r in programme.roles.all() if r.role == role]


TABLES = {
    "organizations": Table(
        "organizations",
        querysets.organizations,
        [
            text("slug"),
            page_url(),
            text("name"),
            text("acronym"),
            text("kind"),
            *country(),
            text("city"),
            *reference("parent"),
            text("website"),
            Column("aliases", lambda obj, absolute: [alias.name for alias in obj.aliases.all()]),
            text("description"),
            *evidence(),
        ],
    ),
    "people": Table(
        "people",
        lambda: Person.objects.prefetch_related(
            "aliases",
            querysets.citations(),
            Prefetch("positions", queryset=Position.objects.select_related("organization")),
        ),
        [
            text("slug"),
            page_url(),
            text("name"),
            text("honorific"),
            text("rank"),
            Column("aliases", lambda obj, absolute: [alias.name for alias in obj.aliases.all()]),
            Column(
                "positions",
                lambda obj, absolute: [
                    f"{p.title}, {p.organization.name}" for p in obj.positions.all()
                ],
            ),
            *references("organizations", lambda obj: [p.organization for p in obj.positions.all()]),
            text("description"),
            *evidence(),
        ],
    ),
    "events": Table(
        "events",
        lambda: Event.objects.select_related("part_of").prefetch_related(
            "programmes",
            querysets.citations(),
            Prefetch(
                "organization_participations",
                queryset=OrganizationParticipation.objects.select_related("organization"),
            ),
        ),
        [
            text("slug"),
            page_url(),
            text("kind"),
            text("title"),
            partial_date("start"),
            partial_date("end"),
            text("venue"),
            text("city"),
            *country(),
            *reference("part_of"),
            *references(
                "hosts",
                lambda obj: [
                    p.organization
                    for p in obj.organization_participations.all()
                    if p.role == OrganizationParticipation.Role.HOST
                ],
            ),
            *references(
                "participants",
                lambda obj: [
                    p.organization
                    for p in obj.organization_participations.all()
                    if p.role != OrganizationParticipation.Role.HOST
                ],
            ),
            *references("programmes", lambda obj: obj.programmes.all()),
            text("description"),
            *evidence(),
        ],
    ),
    "agreements": Table(
        "agreements",
        lambda: Agreement.objects.select_related("event").prefetch_related(
            "programmes", "parties__organization", querysets.citations()
        ),
        [
            text("slug"),
            page_url(),
            text("kind"),
            text("title"),
            partial_date("date_signed"),
            text("status"),
            Column("parties", lambda obj, absolute: _parties(obj)),
            *reference("event"),
            *references("programmes", lambda obj: obj.programmes.all()),
            text("subject"),
            *evidence(),
        ],
    ),
    "programmes": Table(
        "programmes",
        lambda: Programme.objects.select_related("parent").prefetch_related(
            "countries",
            querysets.citations(),
            Prefetch("roles", queryset=ProgrammeRole.objects.select_related("organization")),
        ),
        [
            text("slug"),
            page_url(),
            text("name"),
            text("acronym"),
            text("kind"),
            *reference("parent"),
            partial_date("start"),
            partial_date("end"),
            *references("funders", _with_role(ProgrammeRole.Role.FUNDER)),
            *references("implementers", _with_role(ProgrammeRole.Role.IMPLEMENTER)),
            Column(
                "countries", lambda obj, absolute: [c.country.code for c in obj.countries.all()]
            ),
            text("description"),
            *evidence(),
        ],
    ),
    "sources": Table(
        "sources",
        lambda: Source.objects.defer("text"),
        [
            text("slug"),
            page_url(),
            text("kind"),
            text("title"),
            text("publisher"),
            text("author"),
            partial_date("published"),
            text("article_url", "url"),
        ],
    ),
}


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    value = str(value)
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Echo:
    """csv.writer writes to a file; this one hands each line back instead."""

    def write(self, value):
        return value


def csv_lines(table, rows):
    """The CSV of ``table``'s rows, a line at a time (see :func:`csv_text`)."""
    return csv_text([column.name for column in table.columns], rows)


def csv_text(header, rows):
    """The CSV, a line at a time: a byte-order mark first, so that spreadsheets
    read it as UTF-8, then the header line and one line per row."""
    writer = csv.writer(_Echo())
    yield codecs.BOM_UTF8.decode("utf-8") + writer.writerow(header)
    for row in rows:
        yield writer.writerow([_cell(value) for value in row.values()])


def json_chunks(rows):
    """A JSON array, a record at a time."""
    yield "["
    for n, row in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]\n"


# The FilterSets of the list pages (one per list, in the apps' filters.py): a
# download selects exactly what the page's filters select.
FILTERSETS = {
    "organizations": "cooperation.filters.OrganizationFilter",
    "people": "people.filters.PersonFilter",
    "events": "events.filters.EventFilter",
    "agreements": "cooperation.filters.AgreementFilter",
    "programmes": "cooperation.filters.ProgrammeFilter",
    "sources": "cooperation.filters.SourceFilter",
}


def filterset_class(name):
    """The list page's FilterSet: the one the page itself filters with."""
    return import_string(FILTERSETS[name])


def download(request, name, fmt):
    """``/<list>/export.csv`` and ``.json``: every row the list's filters select.
    Filters that mean nothing are a 400 with the errors, never a download of
    everything."""
    table = TABLES[name]
    queryset = table.queryset()
    parameters = request.GET.copy()
    parameters.pop("page", None)
    filtered = filterset_class(name)(parameters, queryset=queryset)
    if not filtered.is_valid():
        return _errors(fmt, filtered.errors.get_json_data())
    queryset = filtered.qs

    rows = table.rows(queryset, request.build_absolute_uri)
    return _streamed(name, fmt, [column.name for column in table.columns], rows)


PARTNERSHIP_COLUMNS = [
    "level",
    "a",
    "a_name",
    "a_url",
    "b",
    "b_name",
    "b_url",
    "strength",
    "first_year",
    "last_year",
    "declared",
    "events",
    "agreements",
    "programmes",
    "url",
]


def partnership_download(request, fmt):
    """``/partnerships/export.csv`` and ``.json``: every pair the list's filters
    select, organization pairs then country pairs, strongest first. A side is a
    slug (organization) or an ISO alpha-2 code (country)."""
    from cooperation import partnerships
    from cooperation.filters import PartnershipFilter
    from cooperation.models import Partnership

    parameters = request.GET.copy()
    parameters.pop("page", None)
    filtered = PartnershipFilter(parameters, queryset=Partnership.objects.none())
    if not filtered.is_valid():
        return _errors(fmt, filtered.errors.get_json_data())
    scope = partnerships.scope_from_filters(**filtered.form.cleaned_data)
    absolute = request.build_absolute_uri

    def side(prefix, s):
        key = s.organization.slug if s.organization else s.country.code
        return {
            prefix: key,
            f"{prefix}_name": s.name,
            f"{prefix}_url": absolute(s.get_absolute_url()),
        }

    def rows():
        for level in (partnerships.ORGANIZATION, partnerships.COUNTRY):
            for pair in partnerships.partnership_pairs(level, scope):
                yield {
                    "level": level,
                    **side("a", pair.a),
                    **side("b", pair.b),
                    "strength": pair.strength,
                    "first_year": pair.first_year,
                    "last_year": pair.last_year,
                    "declared": pair.counts.get(partnerships.DECLARED, 0),
                    "events": pair.counts.get(partnerships.EVENT, 0),
                    "agreements": pair.counts.get(partnerships.AGREEMENT, 0),
                    "programmes": pair.counts.get(partnerships.PROGRAMME, 0),
                    "url": absolute(pair.get_absolute_url()),
                }

    return _streamed("partnerships", fmt, PARTNERSHIP_COLUMNS, rows())


def _streamed(name, fmt, header, rows):
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_text(header, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(json_chunks(rows), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _errors(fmt, errors):
    if fmt == "json":
        return JsonResponse({"errors": errors}, status=400)
    lines = [
        f"{field}: {error['message']}" for field, messages in errors.items() for error in messages
    ]
    return HttpResponseBadRequest(
        "The filters mean nothing, so nothing was downloaded:\n" + "\n".join(lines),
        content_type="text/plain; charset=utf-8",
    )
