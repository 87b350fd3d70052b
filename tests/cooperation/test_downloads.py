"""The rows and the streamed CSV and JSON of the list downloads."""

import csv
import io
import json

import pytest

from cooperation.downloads import TABLES, csv_lines, json_chunks
from cooperation.models import ProgrammeRole
from tests.factories import (
    make_agreement,
    make_citation,
    make_event,
    make_organization,
    make_position,
    make_programme,
    make_source,
)


def absolute(path):
    return f"https://kb.example.org{path}"


def rows(name, queryset=None):
    table = TABLES[name]
    return list(table.rows(queryset if queryset is not None else table.queryset(), absolute))


@pytest.fixture
def api_pages(settings):
    settings.ROOT_URLCONF = "tests.stub_page_urls"


def test_event_row_keeps_date_precision_and_gives_country_code_and_name(db, api_pages):
    host = make_organization(name="State Customs Committee", country="UZ")
    event = make_event(title="Workshop", start="2019-12", end="", country="UZ", host=host)
    source = make_source(url="https://customs.uz/news/7")
    make_citation(event, source=source)
    [row] = rows("events")
    assert row["start"] == "2019-12"
    assert row["end"] is None
    assert (row["country"], row["country_name"]) == ("UZ", "Uzbekistan")
    assert row["hosts"] == [host.slug]
    assert row["host_urls"] == [f"https://kb.example.org/organizations/{host.slug}/"]
    assert row["sources"] == ["https://customs.uz/news/7"]
    assert row["citations"][0].startswith(f"https://kb.example.org/sources/{source.slug}/#")


def test_organization_row_names_its_parent_by_slug_and_url(db, api_pages):
    wco = make_organization(name="World Customs Organization", country="")
    make_organization(name="ROCB Europe", parent=wco, country="")
    row = next(r for r in rows("organizations") if r["name"] == "ROCB Europe")
    assert row["parent"] == wco.slug
    assert row["parent_url"] == f"https://kb.example.org/organizations/{wco.slug}/"
    assert row["country"] is None


def test_every_list_has_a_download_with_rows(db, api_pages):
    academy = make_organization()
    make_position(organization=academy)
    programme = make_programme(start="2020")
    ProgrammeRole.objects.create(programme=programme, organization=academy, role="funder")
    make_agreement(parties=[academy, "KR"], event=make_event())
    make_source()
    for name in TABLES:
        assert rows(name), name
    [row] = rows("programmes")
    assert row["funders"] == [academy.slug]
    [row] = rows("agreements")
    assert row["parties"] == [academy.slug, "KR"]


def test_csv_opens_in_a_spreadsheet_with_one_line_per_row(db, api_pages):
    for n in range(3):
        make_event(title=f'Visit "{n}", Tashkent', country="UZ")
    table = TABLES["events"]
    text = "".join(csv_lines(table, table.rows(table.queryset(), absolute)))
    assert text.startswith("\ufeffslug,url,kind,title,")
    records = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(records) == 3
    assert {r["title"] for r in records} == {f'Visit "{n}", Tashkent' for n in range(3)}


@pytest.mark.parametrize("payload", ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_cannot_run_as_formulas(db, api_pages, payload):
    make_event(title=payload)
    table = TABLES["events"]
    text = "".join(csv_lines(table, table.rows(table.queryset(), absolute)))
    [record] = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    assert record["title"] == "'" + payload


def test_csv_joins_several_values_in_one_cell(db, api_pages):
    organization = make_organization()
    organization.aliases.create(name="SCC")
    organization.aliases.create(name="DTK")
    table = TABLES["organizations"]
    text = "".join(csv_lines(table, table.rows(table.queryset(), absolute)))
    [record] = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    assert record["aliases"] == "DTK | SCC"


def test_json_is_one_array_of_records_with_lists_as_lists(db, api_pages):
    organization = make_organization()
    organization.aliases.create(name="SCC")
    data = json.loads("".join(json_chunks(rows("organizations"))))
    assert [record["aliases"] for record in data] == [["SCC"]]
    assert json.loads("".join(json_chunks(iter([])))) == []


def test_rows_are_read_in_chunks_with_a_fixed_number_of_queries(
    db, api_pages, django_assert_num_queries
):
    for _ in range(30):
        make_citation(make_event(host=make_organization()))
    table = TABLES["events"]
    # events, then per chunk: programmes, citations with sources, participations
    with django_assert_num_queries(4):
        assert len(list(table.rows(table.queryset(), absolute))) == 30
