"""The rows and the streamed CSV and JSON of the list downloads."""

import csv
import io
import json

import pytest
from django.template import Context, Template
from django.urls import reverse

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


def test_event_row_keeps_date_precision_and_gives_country_code_and_name(db):
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


def test_organization_row_names_its_parent_by_slug_and_url(db):
    wco = make_organization(name="World Customs Organization", country="")
    make_organization(name="ROCB Europe", parent=wco, country="")
    row = next(r for r in rows("organizations") if r["name"] == "ROCB Europe")
    assert row["parent"] == wco.slug
    assert row["parent_url"] == f"https://kb.example.org/organizations/{wco.slug}/"
    assert row["country"] is None


def test_every_list_has_a_download_with_rows(db):
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


def test_csv_opens_in_a_spreadsheet_with_one_line_per_row(db):
    for n in range(3):
        make_event(title=f'Visit "{n}", Tashkent', country="UZ")
    table = TABLES["events"]
    text = "".join(csv_lines(table, table.rows(table.queryset(), absolute)))
    assert text.startswith("\ufeffslug,url,kind,title,")
    records = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(records) == 3
    assert {r["title"] for r in records} == {f'Visit "{n}", Tashkent' for n in range(3)}


@pytest.mark.parametrize("payload", ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_cannot_run_as_formulas(db, payload):
    make_event(title=payload)
    table = TABLES["events"]
    text = "".join(csv_lines(table, table.rows(table.queryset(), absolute)))
    [record] = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    assert record["title"] == "'" + payload


def test_csv_joins_several_values_in_one_cell(db):
    organization = make_organization()
    organization.aliases.create(name="SCC")
    organization.aliases.create(name="DTK")
    table = TABLES["organizations"]
    text = "".join(csv_lines(table, table.rows(table.queryset(), absolute)))
    [record] = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    assert record["aliases"] == "DTK | SCC"


def test_json_is_one_array_of_records_with_lists_as_lists(db):
    organization = make_organization()
    organization.aliases.create(name="SCC")
    data = json.loads("".join(json_chunks(rows("organizations"))))
    assert [record["aliases"] for record in data] == [["SCC"]]
    assert json.loads("".join(json_chunks(iter([])))) == []


def test_rows_are_read_in_chunks_with_a_fixed_number_of_queries(db, django_assert_num_queries):
    for _ in range(30):
        make_citation(make_event(host=make_organization()))
    table = TABLES["events"]
    # events, then per chunk: programmes, citations with sources, participations
    with django_assert_num_queries(4):
        assert len(list(table.rows(table.queryset(), absolute))) == 30


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_download_of_a_list_is_streamed_as_an_attachment(client, db):
    make_event(title="Visit")
    response = client.get(reverse("downloads:events-csv"))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="events.csv"'
    assert [row["title"] for row in read_csv(response)] == ["Visit"]


def test_json_download_of_a_list_is_one_streamed_array(client, db):
    make_source(title="Çengel in Baku", published="2019-12")
    response = client.get(reverse("downloads:sources-json"))
    assert response.streaming
    [record] = json.loads(b"".join(response.streaming_content))
    assert (record["title"], record["published"]) == ("Çengel in Baku", "2019-12")


def test_the_page_parameter_does_not_limit_a_download(client, db):
    for _ in range(3):
        make_source()
    response = client.get(reverse("downloads:sources-json"), {"page": "2"})
    assert len(json.loads(b"".join(response.streaming_content))) == 3


def test_csv_of_events_in_a_country_has_one_row_per_matching_event(client, db):
    for n in range(3):
        make_event(title=f"In Tashkent {n}", country="UZ")
    make_event(title="In Baku", country="AZ")
    response = client.get(reverse("downloads:events-csv"), {"country": "UZ"})
    rows = read_csv(response)
    assert sorted(row["title"] for row in rows) == [f"In Tashkent {n}" for n in range(3)]
    assert {row["country"] for row in rows} == {"UZ"}


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_filter_that_means_nothing_is_a_400_with_the_errors(client, db, fmt):
    make_event()
    response = client.get(reverse(f"downloads:events-{fmt}"), {"country": "XX"})
    assert response.status_code == 400
    assert not response.streaming
    assert "country" in response.content.decode()


def test_download_links_keep_the_filters_and_drop_the_page(rf, db):
    request = rf.get("/events/", {"country": "UZ", "page": "3"})
    html = Template('{% load downloads %}{% download_links "events" %}').render(
        Context({"request": request})
    )
    assert 'href="/events/export.csv?country=UZ"' in html
    assert 'href="/events/export.json?country=UZ"' in html


def test_download_links_for_a_fixed_selection(rf, db):
    html = Template('{% load downloads %}{% download_links "events" "country=AZ" %}').render(
        Context({"request": rf.get("/countries/az/")})
    )
    assert 'href="/events/export.csv?country=AZ"' in html


def test_partnerships_download_has_one_row_per_pair_at_each_level(client, db):
    host = make_organization(name="State Customs Committee", acronym="SCC", country="AZ")
    visitor = make_organization(name="Customs service of Uzbekistan", country="UZ")
    make_organization(name="Mentioned only", country="KZ")
    make_event(host=host, visitors=[visitor])
    response = client.get(reverse("downloads:partnerships-csv"))
    assert response.status_code == 200
    lines = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert [(row["level"], row["a"], row["b"], row["events"]) for row in lines] == [
        ("organization", *sorted([host.slug, visitor.slug]), "1"),
        ("country", "AZ", "UZ", "1"),
    ]
    assert lines[1]["url"].endswith("/partnerships/az/uz/")


def test_partnerships_download_refuses_a_filter_that_means_nothing(client, db):
    response = client.get(reverse("downloads:partnerships-json"), {"country": "XX"})
    assert response.status_code == 400
    assert "country" in response.json()["errors"]


def test_a_country_page_offers_its_records_for_download(client, db):
    make_event(title="In Tashkent", country="UZ")
    make_event(title="In Baku", country="AZ")
    page = client.get("/countries/uz/").content.decode()
    url = reverse("downloads:events-csv") + "?country=UZ"
    assert f'href="{url}"' in page
    response = client.get(url)
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "In Tashkent" in text and "In Baku" not in text
