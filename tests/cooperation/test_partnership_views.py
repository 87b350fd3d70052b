"""/partnerships/, the pair pages and the network's JSON, through their URLs."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.urls import reverse

from cooperation.models import Agreement, AgreementParty, Partnership, Programme, ProgrammeRole
from events.models import Event, EventProgramme, OrganizationParticipation
from tests.factories import (
    make_agreement,
    make_citation,
    make_event,
    make_organization,
    make_programme,
    make_source,
)

pytestmark = pytest.mark.django_db

LIST = reverse("cooperation:partnership-list")
NETWORK = reverse("cooperation:partnership-network")


def pair_url(a, b):
    return reverse("cooperation:partnership-detail", kwargs={"a": a, "b": b})


def text(response):
    """The page's text, tags stripped and spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def world():
    """Azerbaijan, Korea, Uzbekistan and the WCO, with a visit, a declared
    partnership, an agreement and a programme, each cited."""
    source = make_source(
        text="A delegation from CHRDI visited Baku. Five years of partnership. "
        "A protocol was signed. The project is funded by KOICA."
    )
    ascca = make_organization(name="Academy of the SCC", acronym="ASCCA", country="AZ")
    chrdi = make_organization(name="Korea Customs HRD Institute", acronym="CHRDI", country="KR")
    uzc = make_organization(name="Customs Committee of Uzbekistan", acronym="UZC", country="UZ")
    wco = make_organization(
        name="World Customs Organization", acronym="WCO", country="", kind="international"
    )
    koica = make_organization(name="KOICA", acronym="KOICA", country="KR", kind="donor")
    visit = make_event(
        host=ascca, visitors=[chrdi], title="CHRDI visits Baku", start="2024-07", end=""
    )
    make_citation(
        visit.organization_participations.get(organization=chrdi),
        source=source,
        quote="A delegation from CHRDI visited Baku.",
    )
    declared = Partnership.objects.create(organization_a=ascca, organization_b=chrdi, start="2020")
    make_citation(declared, source=source, quote="Five years of partnership.")
    protocol = make_agreement(parties=[ascca, uzc], title="Protocol with Uzbekistan")
    make_citation(protocol, source=source, quote="A protocol was signed.")
    ict = make_programme(name="Enhancing ICT Capacity", start="2022", end="2024")
    ProgrammeRole.objects.create(programme=ict, organization=koica, role="funder")
    ProgrammeRole.objects.create(programme=ict, organization=wco, role="implementer")
    EventProgramme.objects.create(event=visit, programme=ict)
    return {
        "ascca": ascca,
        "chrdi": chrdi,
        "uzc": uzc,
        "wco": wco,
        "koica": koica,
        "ict": ict,
        "source": source,
    }


ASCCA_CHRDI = "Academy of the SCC – Korea Customs HRD Institute"
ASCCA_UZC = "Academy of the SCC – Customs Committee of Uzbekistan"


def test_list_shows_pairs_strongest_first_with_years_and_links(client, world):
    response = client.get(LIST)
    page = text(response)
    assert f"{ASCCA_CHRDI} 2020–2024 2 1 declared, 1 event" in page
    assert page.index(ASCCA_CHRDI) < page.index(ASCCA_UZC)
    assert "Azerbaijan – South Korea 2020–2024 2" in page
    html = response.content.decode()
    assert f'href="{pair_url(world["ascca"].slug, world["chrdi"].slug)}"' in html


def test_list_filters_by_country_organization_and_programme(client, world):
    def tables(params):
        return text(client.get(LIST, params)).split("Between organizations")[1]

    by_country = tables({"country": "uz"})
    assert ASCCA_UZC in by_country and "Korea" not in by_country

    by_organization = tables({"organization": world["chrdi"].slug})
    assert ASCCA_CHRDI in by_organization and "Uzbekistan" not in by_organization

    organizations = tables({"programme": world["ict"].slug}).split("Between countries")[0]
    # Only the evidence under the programme: the visit held within it, and its
    # funder and implementer; not the declared partnership, not the protocol.
    assert f"{ASCCA_CHRDI} 2024 1 1 event" in organizations
    assert "Uzbekistan" not in organizations
    assert "KOICA – World Customs Organization 2022–2024 1 1 programme" in organizations


@pytest.mark.parametrize(
    "params, error",
    [
        ({"country": "XX"}, "Select a valid choice"),
        ({"organization": "no-such-body"}, "Select a valid choice"),
        ({"programme": "no-such-programme"}, "Select a valid choice"),
    ],
)
def test_invalid_filters_show_the_form_error(client, world, params, error):
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert error in text(response)
    assert "Some filters could not be used" in text(response)


def test_pair_page_shows_the_evidence_as_a_timeline_with_citations(client, world):
    response = client.get(pair_url(world["chrdi"].slug, world["ascca"].slug))
    page = text(response)
    html = response.content.decode()
    assert "Korea Customs HRD Institute and Academy of the SCC" in page
    assert page.index("2020 Declared partnership") < page.index("July 2024 Event CHRDI visits Baku")
    assert "Five years of partnership." in page
    assert "ASCCA: host; CHRDI: visiting delegation" in page
    assert "A delegation from CHRDI visited Baku." in page
    citation = world["source"].citations.get(quote="A delegation from CHRDI visited Baku.")
    assert f'href="{citation.get_absolute_url()}"' in html


def test_pair_page_shows_a_passage_cited_twice_once(client, world):
    visit = world["ascca"].participations.get().event
    make_citation(visit, source=world["source"], quote="A delegation from CHRDI visited Baku.")
    page = text(client.get(pair_url(world["ascca"].slug, world["chrdi"].slug)))
    assert page.count("A delegation from CHRDI visited Baku.") == 1


def test_pair_page_works_for_two_countries(client, world):
    page = text(client.get(pair_url("az", "uz")))
    assert "Azerbaijan and Uzbekistan" in page
    assert "Protocol with Uzbekistan" in page and "A protocol was signed." in page


def test_pair_page_for_a_country_and_an_international_body(client, world):
    ProgrammeRole.objects.create(programme=world["ict"], organization=world["uzc"], role="partner")
    page = text(client.get(pair_url("uz", world["wco"].slug)))
    assert "Uzbekistan and World Customs Organization" in page
    assert "Enhancing ICT Capacity" in page


@pytest.mark.parametrize("a, b", [("no-such-body", "az"), ("az", "az"), ("az", "xx-yy")])
def test_unknown_or_same_sides_are_not_found_in_the_site_layout(client, world, a, b):
    response = client.get(pair_url(a, b))
    assert response.status_code == 404
    assert 'href="/partnerships/"' in response.content.decode()  # the site's navigation


def test_network_json_shape(client, world):
    data = client.get(NETWORK).json()
    assert set(data) == {"nodes", "edges"}
    node = next(n for n in data["nodes"] if n["id"] == world["ascca"].slug)
    assert node == {
        "id": world["ascca"].slug,
        "label": "ASCCA",
        "name": "Academy of the SCC",
        "kind": "customs",
        "kind_label": "Customs administration",
        "country": "AZ",
        "activity": 3,
        "url": world["ascca"].get_absolute_url(),
        "is_centre": False,
    }
    edge = next(
        e
        for e in data["edges"]
        if {e["source"], e["target"]}
        == {
            world["ascca"].slug,
            world["chrdi"].slug,
        }
    )
    assert edge["strength"] == 2 and (edge["first_year"], edge["last_year"]) == (2020, 2024)
    assert edge["evidence"] == "1 declared, 1 event"
    assert client.get(edge["url"]).status_code == 200
    slugs = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in slugs and e["target"] in slugs for e in data["edges"])


def test_network_json_centred_on_an_organization_has_its_partners_and_their_links(client, world):
    make_event(host=world["chrdi"], visitors=[world["koica"]], country="KR")
    data = client.get(NETWORK, {"organization": world["chrdi"].slug}).json()
    ids = {n["id"] for n in data["nodes"]}
    assert ids == {world["chrdi"].slug, world["ascca"].slug, world["koica"].slug}
    assert [n["id"] for n in data["nodes"] if n["is_centre"]] == [world["chrdi"].slug]


def test_network_json_refuses_invalid_filters_with_their_errors(client, world):
    response = client.get(NETWORK, {"country": "XX"})
    assert response.status_code == 400
    assert "country" in response.json()["errors"]


def test_partners_and_timeline_tags_for_an_organization_page(world):
    html = Template(
        "{% load partnerships %}{% organization_partners org %}{% organization_timeline org %}"
    ).render(Context({"org": world["ascca"]}))
    page = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Korea Customs HRD Institute since 2020 2020–2024 2" in page
    assert "Customs Committee of Uzbekistan since 2021 2021 1" in page
    assert "2024 July 2024 CHRDI visits Baku" in page


def test_country_partners_tag_rolls_up_to_countries(world):
    html = Template("{% load partnerships %}{% country_partners 'az' %}").render(Context())
    page = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "South Korea since 2020" in page and "Uzbekistan since 2021" in page
    assert 'href="/partnerships/az/kr/"' in html or 'href="/partnerships/kr/az/"' in html


# Query counts: enough data that one query per pair or per item would show.


@pytest.fixture
def crowd(world):
    """30 more organizations, each with visits, agreements and citations; the
    content types cached, as in a running server."""
    ContentType.objects.get_for_models(
        Event, OrganizationParticipation, Agreement, AgreementParty, Programme, ProgrammeRole
    )
    hub = world["ascca"]
    ProgrammeRole.objects.create(programme=world["ict"], organization=hub, role="partner")
    ProgrammeRole.objects.create(
        programme=world["ict"], organization=world["chrdi"], role="partner"
    )
    for n in range(10):
        visit = make_event(host=hub, visitors=[world["chrdi"]], start=f"{2010 + n}", end="")
        make_citation(visit, source=world["source"], quote="A protocol was signed.")
        agreement = make_agreement(parties=[hub, world["chrdi"]])
        make_citation(agreement, source=world["source"], quote="A protocol was signed.")
    for n in range(30):
        guest = make_organization(country=["KR", "UZ", "TM", ""][n % 4])
        event = make_event(host=hub, visitors=[guest], start=f"{2000 + n}", end="")
        make_citation(event, source=world["source"], quote="A protocol was signed.")
        agreement = make_agreement(parties=[hub, guest])
        make_citation(agreement, source=world["source"], quote="A protocol was signed.")
        OrganizationParticipation.objects.create(
            event=make_event(host=world["chrdi"], start="2023", end=""),
            organization=guest,
            role="participant",
        )
    return world


def test_list_queries_do_not_grow(client, crowd, django_assert_num_queries):
    # 4 grouped self-joins + organizations, for organization pairs and again for
    # country pairs, each read through the cache (+ the data version); the
    # filter form's most active organizations (2 grouped counts, then them;
    # through the cache: + the data version) and programmes.
    with django_assert_num_queries(17):
        response = client.get(LIST)
    assert response.status_code == 200


def test_list_with_filters_queries_do_not_grow(client, crowd, django_assert_num_queries):
    # As above, plus the organization and programme looked up by slug and the
    # programmes within the programme; no declared partnership is under a
    # programme, so that kind is not asked; an organization's pairs are looked
    # for on each side of the self-joins in turn (3 + 2 * 3 * 2 + 2 * 1 + 2 + 5).
    with django_assert_num_queries(24):
        client.get(LIST, {"organization": crowd["ascca"].slug, "programme": crowd["ict"].slug})


def test_pair_page_queries_do_not_grow(client, crowd, django_assert_num_queries):
    make_event(host=crowd["ascca"], visitors=[crowd["chrdi"]], start="2021", end="")
    # Per kind, the items with their citations and their participants, parties or
    # roles with theirs: events 4, agreements 4, programmes 4, declared 2; then
    # the pair's strength and years, counted per kind (4).
    with django_assert_num_queries(18):
        response = client.get(pair_url("az", "kr"))
    assert response.status_code == 200
    # Two organizations: each side looked up by its slug first.
    with django_assert_num_queries(20):
        response = client.get(pair_url(crowd["ascca"].slug, crowd["chrdi"].slug))
    assert response.status_code == 200


def test_network_json_queries_do_not_grow(client, crowd, django_assert_num_queries):
    # The data version (the network is kept in the cache), 4 grouped
    # self-joins + organizations.
    with django_assert_num_queries(6):
        client.get(NETWORK)
    # Centred: the organization, its pairs (each side in turn: 8), then the
    # pairs among its partners (4) and their organizations.
    with django_assert_num_queries(15):
        client.get(NETWORK, {"organization": crowd["ascca"].slug})


def render(template, **context):
    html = Template("{% load partnerships %}" + template).render(Context(context))
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_country_timeline_has_events_held_there_or_with_its_organizations(world):
    make_event(title="Seoul session", country="KR", start="2019-12-03", end="2019-12-05")
    page = render("{% country_timeline 'kr' %}")
    assert "2024 July 2024 CHRDI visits Baku" in page
    assert "2019 3–5 December 2019 Seoul session" in page
    assert page.index("2024") < page.index("2019")


def test_programme_timeline_has_the_events_within_it_and_its_sub_programmes(world):
    child = make_programme(name="ICT training", parent=world["ict"])
    within = make_event(title="ICT course", start="2023", end="")
    EventProgramme.objects.create(event=within, programme=child)
    make_event(title="Unrelated visit", start="2023", end="")
    page = render("{% programme_timeline programme %}", programme=world["ict"])
    assert "CHRDI visits Baku" in page and "ICT course" in page
    assert "Unrelated visit" not in page


def test_long_timelines_stop_at_the_limit_and_link_to_all_events(world, monkeypatch):
    from cooperation import partnerships

    monkeypatch.setattr(partnerships, "TIMELINE_LIMIT", 3)
    for year in range(2000, 2005):
        make_event(host=world["chrdi"], title=f"Course {year}", start=str(year), end="")
    page = render("{% organization_timeline org %}", org=world["chrdi"])
    assert "CHRDI visits Baku" in page and "Course 2004" in page and "Course 2003" in page
    assert "Course 2002" not in page
    assert "All events" in page


def test_the_list_pages_through_the_strongest_pairs_only(client, db, monkeypatch):
    from cooperation import views

    monkeypatch.setattr(views, "PAIRS_PER_PAGE", 2)
    monkeypatch.setattr(views, "PAIR_PAGES", 2)
    host = make_organization(name="Host Customs")
    for n in range(6):
        make_event(host=host, visitors=[make_organization(name=f"Guest {n}")])
    response = client.get(LIST)
    page = response.context["page"]
    assert page.paginator.count == 4 and len(page.object_list) == 2
    assert "The strongest 4 of 6 pairs are listed" in response.content.decode()
    # Past the pages listed: the last of them, never an error.
    last = client.get(LIST, {"page": 99}).context["page"]
    assert last.number == 2 and len(last.object_list) == 2
    assert not {p.get_absolute_url() for p in last.object_list} & {
        p.get_absolute_url() for p in page.object_list
    }


def test_a_pair_page_lists_the_newest_events_and_counts_them_all(client, db, monkeypatch):
    from cooperation import partnerships

    monkeypatch.setattr(partnerships, "EVIDENCE_SHOWN", 2)
    host, guest = make_organization(name="Host Customs"), make_organization(name="Guest Customs")
    for year in ("2019", "2021", "2023"):
        make_event(host=host, visitors=[guest], start=year, end="", title=f"Visit {year}")
    response = client.get(pair_url(host.slug, guest.slug))
    items = response.context["items"]
    assert [item.title for item in items] == ["Visit 2021", "Visit 2023"]
    assert response.context["pair"].strength == 3
    assert response.context["pair"].years == "2019–2023"
    assert "The newest 2 of their 3 events are listed" in response.content.decode()
