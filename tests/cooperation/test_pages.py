"""The public pages of the core: home, organizations, agreements, programmes,
sources and countries."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cooperation.models import Organization
from tests.factories import (
    make_agreement,
    make_citation,
    make_event,
    make_organization,
    make_programme,
    make_source,
)
from tests.html import page

pytestmark = pytest.mark.django_db


def test_home_shows_counts_latest_events_and_entry_points(client, knowledge_base):
    shown = page(client.get(reverse("cooperation:home")))
    assert "7 organizations" in shown.text  # 2 per round and the WCO
    assert "3 events" in shown.text
    latest = knowledge_base["events"][-1]
    assert latest.get_absolute_url() in shown.hrefs()
    assert "/countries/uz/" in shown.hrefs()
    assert knowledge_base["programmes"][1].get_absolute_url() in shown.hrefs()
    assert "Most active organizations" in shown.text


def test_home_on_an_empty_database_says_so(client, db):
    shown = page(client.get(reverse("cooperation:home")))
    assert "No event is recorded yet." in shown.text


def test_organization_list_filtered_by_country_lists_exactly_its_organizations(
    client, knowledge_base
):
    response = client.get(reverse("cooperation:organization-list"), {"country": "KR"})
    listed = {o.pk for o in response.context["page"]}
    assert listed == set(Organization.objects.filter(country="KR").values_list("pk", flat=True))
    shown = page(response)
    assert ("KR", f"South Korea ({len(listed)})") in shown.options["country"]


def test_organization_list_filtered_by_programme(client, knowledge_base):
    programme = knowledge_base["programmes"][1]
    response = client.get(reverse("cooperation:organization-list"), {"programme": programme.slug})
    listed = {o.name for o in response.context["page"]}
    host, visitor = knowledge_base["organizations"][:2]
    # The host funds it; the visitor took part in one of its events.
    assert listed == {host.name, visitor.name}


def test_country_filter_takes_lower_case_codes(client, knowledge_base):
    lower = client.get(reverse("cooperation:organization-list"), {"country": "kr"})
    upper = client.get(reverse("cooperation:organization-list"), {"country": "KR"})
    assert list(lower.context["page"]) == list(upper.context["page"])
    assert not lower.context["filter"].errors


def test_filters_offer_only_values_that_exist(client, knowledge_base):
    shown = page(client.get(reverse("cooperation:organization-list")))
    assert [code for code, _ in shown.options["country"]] == ["", "AZ", "KR", "UZ"]
    assert {kind for kind, _ in shown.options["kind"]} == {"", "customs", "training"}


@pytest.mark.parametrize(
    "params",
    [{"country": "XX"}, {"kind": "nonsense"}, {"programme": "unknown-slug"}],
    ids=["country", "kind", "programme"],
)
def test_a_meaningless_filter_value_shows_the_error_and_the_page(client, knowledge_base, params):
    response = client.get(reverse("cooperation:organization-list"), params)
    assert response.status_code == 200
    shown = page(response)
    assert any("Select a valid choice" in error for error in shown.errors)
    # The rest of the page is there, unfiltered.
    assert response.context["page"].paginator.count == Organization.objects.count()


def test_active_filters_are_shown_and_removable_one_by_one(client, knowledge_base):
    url = reverse("cooperation:organization-list")
    shown = page(client.get(url, {"country": "AZ", "kind": "customs", "page": "1"}))
    chips = dict((text, href) for href, text in shown.links if text.endswith("(remove)"))
    assert chips == {
        "Country: Azerbaijan × (remove)": f"{url}?kind=customs",
        "Kind: Customs administration × (remove)": f"{url}?country=AZ",
    }
    assert ("/organizations/", "Clear all filters") in shown.links


def test_out_of_range_or_bad_page_numbers_give_a_page(client, db):
    for n in range(45):
        make_organization(name=f"Body {n:02d}")
    url = reverse("cooperation:organization-list")
    last = client.get(url, {"page": "999"})
    assert last.status_code == 200 and last.context["page"].number == 3
    first = client.get(url, {"page": "abc"})
    assert first.status_code == 200 and first.context["page"].number == 1
    assert "Page 1 of 3" in page(first).text


def test_an_empty_result_says_so_and_offers_the_whole_list(client, knowledge_base):
    shown = page(client.get(reverse("cooperation:organization-list"), {"q": "no such body"}))
    assert "No organizations match these filters." in shown.text
    assert "Show all organizations" in shown.link_texts()


def test_q_matches_name_acronym_and_alias_ignoring_case(client, db):
    wco = make_organization(name="World Customs Organization", acronym="WCO", country="")
    rocb = make_organization(name="Regional Office for Capacity Building", acronym="ROCB Europe")
    rocb.aliases.create(name="ROCB for the European Region")
    url = reverse("cooperation:organization-list")
    assert list(client.get(url, {"q": "rocb"}).context["page"]) == [rocb]
    assert list(client.get(url, {"q": "european"}).context["page"]) == [rocb]
    assert list(client.get(url, {"q": "wco"}).context["page"]) == [wco]


def test_organization_page_shows_every_fact_with_its_citation(client, knowledge_base):
    host = knowledge_base["organizations"][0]
    response = client.get(host.get_absolute_url())
    shown = page(response)
    event = knowledge_base["events"][0]
    person = knowledge_base["people"][0]
    for related in (event, person, knowledge_base["programmes"][1], event.agreements.get()):
        assert related.get_absolute_url() in shown.hrefs()
    visitor = knowledge_base["organizations"][1]
    assert visitor.get_absolute_url() in shown.hrefs()  # declared partnership
    assert "/countries/az/" in shown.hrefs()
    citation_links = [h for h in shown.hrefs() if "#citation-" in h]
    # The organization, its position, participation, programme role, agreement
    # party and partnership: one citation each.
    assert len(citation_links) == 6
    assert "“The delegation visited the Academy.”" in shown.text


def test_unknown_slug_is_a_404_in_the_site_layout(client, db):
    response = client.get("/organizations/no-such-body/")
    assert response.status_code == 404
    shown = page(response)
    assert "Page not found" in shown.text
    assert "/organizations/" in shown.hrefs()  # the site's navigation


def test_agreement_list_filters_by_country_party_and_programme(client, knowledge_base):
    url = reverse("cooperation:agreement-list")
    host = knowledge_base["organizations"][0]
    by_party = client.get(url, {"organization": host.slug}).context["page"]
    assert [a.title for a in by_party] == [knowledge_base["events"][0].agreements.get().title]
    # Round one's host and round three's visitor are Azerbaijani bodies.
    by_country = {a.pk for a in client.get(url, {"country": "AZ"}).context["page"]}
    events = knowledge_base["events"]
    assert by_country == {events[0].agreements.get().pk, events[2].agreements.get().pk}
    programme = knowledge_base["programmes"][2]
    by_programme = client.get(url, {"programme": programme.slug}).context["page"]
    assert [a.pk for a in by_programme] == [knowledge_base["events"][1].agreements.get().pk]


def test_agreement_page_lists_parties_with_citations(client, knowledge_base):
    agreement = knowledge_base["events"][0].agreements.get()
    shown = page(client.get(agreement.get_absolute_url()))
    for party in agreement.parties.all():
        if party.organization:
            assert party.organization.get_absolute_url() in shown.hrefs()
        else:
            assert f"/countries/{party.country.code.lower()}/" in shown.hrefs()
    assert len([h for h in shown.hrefs() if "#citation-" in h]) == 4  # agreement, 3 parties


def test_programme_list_filters_by_country_and_organization(client, knowledge_base):
    url = reverse("cooperation:programme-list")
    uz = [p.name for p in client.get(url, {"country": "UZ"}).context["page"]]
    assert uz == [knowledge_base["programmes"][3].name]
    host = knowledge_base["organizations"][2]
    assert [p.pk for p in client.get(url, {"organization": host.slug}).context["page"]] == [
        knowledge_base["programmes"][2].pk
    ]


def test_programme_page_links_parent_roles_countries_and_events(client, knowledge_base):
    programme = knowledge_base["programmes"][1]
    shown = page(client.get(programme.get_absolute_url()))
    assert knowledge_base["programmes"][0].get_absolute_url() in shown.hrefs()
    assert knowledge_base["events"][0].get_absolute_url() in shown.hrefs()
    assert knowledge_base["organizations"][0].get_absolute_url() in shown.hrefs()
    assert "/countries/az/" in shown.hrefs()


def test_source_list_filters_by_year(client, db):
    old = make_source(title="Old news", published="2019-12")
    new = make_source(title="New news", published="2024")
    url = reverse("cooperation:source-list")
    assert list(client.get(url, {"year_from": "2020"}).context["page"]) == [new]
    assert list(client.get(url, {"year_to": "2019"}).context["page"]) == [old]
    response = client.get(url, {"year_from": "abc"})
    assert response.status_code == 200
    assert "Enter a whole number." in page(response).errors


def test_source_page_marks_each_cited_passage_and_links_its_entities(client, knowledge_base):
    source = knowledge_base["source"]
    shown = page(client.get(source.get_absolute_url()))
    citations = source.citations.all()
    for citation in citations:
        assert shown.ids[f"citation-{citation.pk}"] == "mark"
    assert not shown.unbalanced
    # One passage, quoted once, with every entity it supports linked.
    assert f"#citation-{citations[0].pk}" in shown.hrefs()
    for organization in knowledge_base["organizations"]:
        assert organization.get_absolute_url() in shown.hrefs()


def test_source_page_escapes_the_article_text(client, db):
    source = make_source(text='Before <script>alert("x")</script> the <b>quote</b> after.')
    make_citation(make_organization(), source=source, quote="the <b>quote</b>")
    html = client.get(source.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "the &lt;b&gt;quote&lt;/b&gt;</mark>" in html


def test_country_list_counts_match_the_filtered_lists(client, knowledge_base):
    response = client.get(reverse("cooperation:country-list"))
    shown = page(response)
    assert "/events/?country=AZ" in shown.hrefs()
    az = next(s for s in response.context["countries"] if s.country.code == "AZ")
    events = client.get(reverse("events:event-list"), {"country": "AZ"}).context["page"]
    assert az.events == events.paginator.count


def test_country_page_shows_organizations_events_agreements_programmes_partners(
    client, knowledge_base
):
    response = client.get(reverse("cooperation:country-detail", kwargs={"code": "kr"}))
    shown = page(response)
    host_kr = knowledge_base["organizations"][2]  # second round: host in Korea
    assert host_kr.get_absolute_url() in shown.hrefs()
    assert knowledge_base["events"][1].get_absolute_url() in shown.hrefs()
    assert knowledge_base["programmes"][2].get_absolute_url() in shown.hrefs()
    partners = {str(side) for _, side in response.context["pairs"]}
    # Korea's bodies met Azerbaijan's (round 1) and Uzbekistan's (round 2).
    assert partners == {"Azerbaijan", "Uzbekistan"}


def test_country_page_redirects_upper_case_and_404s_unknown_codes(client, db):
    response = client.get("/countries/AZ/")
    assert response.status_code == 301 and response["Location"] == "/countries/az/"
    assert client.get("/countries/xx/").status_code == 404
    assert client.get("/countries/azerbaijan/").status_code == 404


def test_a_country_with_no_records_has_an_honest_page(client, db):
    shown = page(client.get("/countries/tv/"))
    assert "Tuvalu" in shown.text
    assert "No organization of Tuvalu is in the knowledge base." in shown.text


def test_dates_are_shown_as_precisely_as_known(client, db):
    make_event(title="Year only", start="2020", end="2024")
    make_event(title="Month only", start="2019-12", end="")
    make_agreement(title="Signed on a day", date_signed="2021-11-28")
    events = page(client.get(reverse("events:event-list"))).text
    assert "2020–2024" in events and "December 2019" in events
    assert "28 November 2021" in page(client.get(reverse("cooperation:agreement-list"))).text


def test_programme_entry_points_on_home(client, db):
    make_programme(name="Container Control Programme", acronym="CCP")
    assert "Container Control Programme (CCP)" in page(client.get("/")).text


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x"]
)
def test_a_website_that_is_not_a_web_address_is_shown_but_not_linked(client, db, address):
    # Ingestion stores the address an HTML page gives for itself unchecked;
    # the admin form would refuse it.
    organization = make_organization(website=address)
    shown = page(client.get(organization.get_absolute_url()))
    assert address.strip() in shown.text
    assert not [href for href in shown.hrefs() if ":" in href and not href.startswith("http")]


def test_a_web_address_is_linked(client, db):
    organization = make_organization(website="https://customs.gov.az/en")
    source = make_source(url="http://news.example.org/item?id=1&lang=en")
    assert "https://customs.gov.az/en" in page(client.get(organization.get_absolute_url())).hrefs()
    assert source.url in page(client.get(source.get_absolute_url())).hrefs()


def test_the_admin_refuses_an_address_that_is_not_a_web_address(db):
    organization = Organization(name="Customs", website="javascript:alert(1)")
    with pytest.raises(ValidationError) as refused:
        organization.full_clean(exclude=["slug"])
    assert "website" in refused.value.message_dict


def test_a_busy_organization_page_lists_its_newest_facts_and_links_to_all(client, db):
    from cooperation.models import FACTS_SHOWN

    busy = make_organization(name="Busy Customs")
    events = [
        make_event(host=busy, start=f"{2000 + n % 25}-{1 + n % 12:02d}", end="")
        for n in range(FACTS_SHOWN + 3)
    ]
    response = client.get(busy.get_absolute_url())
    shown = page(response)
    listed = [event for event in events if event.get_absolute_url() in shown.hrefs()]
    # The newest FACTS_SHOWN (the timeline may show others; the list holds these).
    assert len(response.context["organization"].shown_participations) == FACTS_SHOWN + 1
    newest = sorted(events, key=lambda e: e.start, reverse=True)[:FACTS_SHOWN]
    assert {e.pk for e in newest} <= {e.pk for e in listed}
    assert f"/events/?organization={busy.slug}" in shown.hrefs()
    assert "All events of" in shown.text


def test_most_active_organizations_count_each_event_once_and_break_ties_by_name(db):
    from cooperation.models import most_active_organizations
    from events.models import OrganizationParticipation

    busy, quiet_b, quiet_a = (
        make_organization(name="Busy Customs"),
        make_organization(name="Quiet B"),
        make_organization(name="Quiet A"),
    )
    first = make_event(host=busy, visitors=[quiet_b])
    # A second role in the same event is not a second event.
    OrganizationParticipation.objects.create(event=first, organization=busy, role="organizer")
    make_event(host=busy, visitors=[quiet_a])
    top = most_active_organizations(3)
    assert [(o.name, o.event_count, o.activity) for o in top] == [
        ("Busy Customs", 2, 2),
        ("Quiet A", 1, 1),
        ("Quiet B", 1, 1),
    ]
    assert [o.name for o in most_active_organizations(1)] == ["Busy Customs"]
    assert most_active_organizations(0) == []
