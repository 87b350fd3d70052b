"""The read-only JSON API: records with their citations, by slug, read-only,
throttled, and honest about bad input."""

import re

import pytest
from django.urls import reverse

from cooperation.models import ProgrammeRole
from tests.factories import (
    make_agreement,
    make_citation,
    make_event,
    make_organization,
    make_person,
    make_position,
    make_programme,
    make_source,
)


@pytest.fixture
def academy(db):
    source = make_source(
        title="Academy hosts CHRDI",
        url="https://customs.gov.az/news/1",
        text="The Academy of the State Customs Committee welcomed the delegation.",
    )
    academy = make_organization(name="Academy of the State Customs Committee", country="AZ")
    academy.aliases.create(name="ASCCA")
    make_citation(academy, source=source, quote="The Academy of the State Customs Committee")
    return academy


def test_organization_list_gives_each_body_with_its_country_and_citations(client, academy):
    response = client.get(reverse("api:organization-list"))
    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["name"] == "Academy of the State Customs Committee"
    assert item["country"] == {"code": "AZ", "name": "Azerbaijan"}
    assert item["aliases"] == ["ASCCA"]
    assert item["url"] == f"http://testserver/organizations/{academy.slug}/"
    assert item["api_url"] == f"http://testserver/api/organizations/{academy.slug}/"
    [citation] = item["citations"]
    assert citation["quote"] == "The Academy of the State Customs Committee"
    assert citation["source"]["article_url"] == "https://customs.gov.az/news/1"
    assert citation["source"]["title"] == "Academy hosts CHRDI"
    assert citation["url"].endswith(f"#citation-{academy.citations.get().pk}")


def test_organization_detail_by_slug_gives_its_relations_with_citations(client, academy):
    person = make_person(name="Gulu Novruzov")
    position = make_position(person=person, organization=academy, title="Head", as_of="2021-11")
    make_citation(position, quote="welcomed the delegation")
    programme = make_programme(name="IREN")
    ProgrammeRole.objects.create(
        programme=programme, organization=academy, role=ProgrammeRole.Role.MEMBER
    )
    make_event(title="CHRDI visits Baku", host=academy, start="2023-10")
    make_agreement(title="Protocol", parties=[academy, "KR"])

    response = client.get(reverse("api:organization-detail", kwargs={"slug": academy.slug}))
    data = response.json()
    assert data["citations"][0]["quote"] == "The Academy of the State Customs Committee"
    [held] = data["positions"]
    assert held["person"]["name"] == "Gulu Novruzov"
    assert held["as_of"] == "2021-11"
    assert held["citations"][0]["quote"] == "welcomed the delegation"
    assert data["programme_roles"][0]["programme"]["slug"] == programme.slug
    assert data["participations"][0]["event"]["name"] == "CHRDI visits Baku"
    assert data["participations"][0]["role"] == "host"
    assert data["agreement_parties"][0]["agreement"]["name"] == "Protocol"


def test_event_keeps_the_precision_of_its_dates(client, db):
    event = make_event(start="2019-12", end="2019-12", country="UZ")
    data = client.get(reverse("api:event-detail", kwargs={"slug": event.slug})).json()
    assert (data["start"], data["end"]) == ("2019-12", "2019-12")
    assert data["country"] == {"code": "UZ", "name": "Uzbekistan"}


def test_agreement_party_is_an_organization_or_a_country(client, academy):
    agreement = make_agreement(parties=[academy, "KR"], date_signed="2021")
    data = client.get(reverse("api:agreement-detail", kwargs={"slug": agreement.slug})).json()
    assert data["date_signed"] == "2021"
    parties = [
        (p["organization"] and p["organization"]["slug"], p["country"]) for p in data["parties"]
    ]
    assert parties == [(academy.slug, None), (None, {"code": "KR", "name": "South Korea"})]


def test_source_detail_gives_its_text_and_what_each_passage_supports(client, academy):
    source = academy.citations.get().source
    data = client.get(reverse("api:source-detail", kwargs={"slug": source.slug})).json()
    assert data["text"] == source.text
    [citation] = data["citations"]
    assert citation["cited"] == {
        "type": "organization",
        "name": "Academy of the State Customs Committee",
        "url": f"http://testserver/organizations/{academy.slug}/",
    }


def test_unknown_slug_is_a_404_in_json(client, db):
    response = client.get(reverse("api:person-detail", kwargs={"slug": "nobody"}))
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_not_offered(client, academy, method):
    detail = reverse("api:organization-detail", kwargs={"slug": academy.slug})
    assert getattr(client, method)(reverse("api:organization-list")).status_code == 405
    if method != "post":
        assert getattr(client, method)(detail).status_code == 405


def test_a_format_that_means_nothing_is_a_400_naming_the_formats(client, db):
    response = client.get(reverse("api:organization-list"), {"format": "xml"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "json" in response.json()["detail"]


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "²"])
def test_a_malformed_page_is_a_400(client, db, page):
    response = client.get(reverse("api:organization-list"), {"page": page})
    assert response.status_code == 400
    assert "page" in response.json()


def test_a_page_past_the_end_is_a_404(client, academy):
    assert client.get(reverse("api:organization-list"), {"page": 99}).status_code == 404


def test_page_size_chooses_how_many_records_a_page_holds(client, db):
    for _ in range(3):
        make_organization()
    data = client.get(reverse("api:organization-list"), {"page_size": 2}).json()
    assert (data["count"], len(data["results"])) == (3, 2)
    assert "page=2" in data["next"]


def test_anonymous_reads_are_throttled(client, db, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
    }
    url = reverse("api:source-list")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]


def test_editors_logged_in_are_not_throttled_as_anonymous(client, db, settings, django_user_model):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"},
    }
    client.force_login(django_user_model.objects.create_user("editor"))
    url = reverse("api:source-list")
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]


def test_api_root_lists_the_endpoints(client, db):
    data = client.get("/api/").json()
    assert set(data) == {"organizations", "people", "events", "agreements", "programmes", "sources"}


def test_docs_page_loads_swagger_ui_from_our_static_files_without_inline_code(client, db):
    response = client.get(reverse("api:docs"))
    html = response.content.decode()
    assert response.status_code == 200
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and all('src="' in tag for tag in scripts)
    assert "<style" not in html and "style=" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    script_url = re.search(r'<script src="([^"]*script=[^"]*)"', html).group(1)
    script = client.get(script_url.replace("&amp;", "&"))
    assert script.status_code == 200
    assert "/api/schema/" in script.content.decode()


def test_api_lists_take_the_pages_filters(client, academy):
    make_organization(name="Korea Customs Service", country="KR")
    data = client.get(reverse("api:organization-list"), {"country": "AZ"}).json()
    assert [item["name"] for item in data["results"]] == ["Academy of the State Customs Committee"]
    assert data["results"][0]["citations"]


def test_an_api_filter_that_means_nothing_is_a_400_in_json(client, academy):
    response = client.get(reverse("api:organization-list"), {"country": "XX"})
    assert response.status_code == 400
    assert "country" in response.json()


def test_a_detail_embeds_the_newest_of_a_long_relation(client, db, monkeypatch):
    from cooperation.api import querysets
    from tests.factories import make_event, make_organization

    monkeypatch.setattr(querysets, "EMBEDDED", 2)
    host = make_organization(name="Busy Customs")
    for year in ("2019", "2021", "2023"):
        make_event(host=host, start=year, end="", title=f"Visit {year}")
    data = client.get(f"/api/organizations/{host.slug}/").json()
    assert [p["event"]["name"] for p in data["participations"]] == ["Visit 2023", "Visit 2021"]
    # All of them through the list filtered by the organization.
    listed = client.get("/api/events/", {"organization": host.slug}).json()
    assert listed["count"] == 3
