"""Each page of the core runs a fixed number of queries, however many rows
there are: thirty of everything, each related and cited, would show an N+1."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Every count below starts with the query reading the data version
# (cooperation.caching), and lists read it again for their count; the tests
# start with an empty cache, so summaries are computed, not read from it.
LISTS = {
    # version; choices of country, kind, programme; count; page; aliases;
    # events and agreements counted for the page's rows
    "cooperation:organization-list": 10,
    # version; choices of country, kind, party, programme; count; page; parties; programmes
    "cooperation:agreement-list": 10,
    # version; choices of country, organization; count; page; roles; countries
    "cooperation:programme-list": 8,
    # version; count; page (with citation counts)
    "cooperation:source-list": 4,
    # version; organizations, events, agreements and programmes per country
    "cooperation:country-list": 5,
}


def test_home_queries_do_not_grow(client, large_knowledge_base, django_assert_num_queries):
    # 4 country summaries, 6 counts, latest events + their participations and
    # programmes, most active organizations (2 grouped counts, then them),
    # programmes; the data version for each of the 3 cached summaries
    with django_assert_num_queries(20):
        response = client.get(reverse("cooperation:home"))
    assert len(response.context["latest_events"]) == 6


@pytest.mark.parametrize("name", LISTS)
def test_list_queries_do_not_grow(client, large_knowledge_base, django_assert_num_queries, name):
    with django_assert_num_queries(LISTS[name]):
        response = client.get(reverse(name))
    assert response.status_code == 200


def test_filtered_list_queries_do_not_grow(client, large_knowledge_base, django_assert_num_queries):
    programme = large_knowledge_base["programmes"][1]
    params = {"country": "AZ", "kind": "customs", "programme": programme.slug, "q": "customs"}
    # search ranks the q matches, then looks for misspellings (fewer than 500
    # matched) (2); the filters are subqueries of count and page; the version;
    # events and agreements counted for the page's rows (2); the version again
    # for the count
    with django_assert_num_queries(12):
        response = client.get(reverse("cooperation:organization-list"), params)
    assert response.context["page"].paginator.count == 1


def test_organization_page_queries_do_not_grow(
    client, large_knowledge_base, django_assert_num_queries
):
    organization = large_knowledge_base["organizations"][0]
    # organization + parent; aliases; citations; units; then positions,
    # participations, programme roles, agreement parties and both sides of
    # partnerships, each with their citations (15); its partners: 4 grouped
    # self-joins on each side in turn + their organizations (9), read through
    # the cache (the data version, 1); its timeline of events (1)
    with django_assert_num_queries(26):
        client.get(organization.get_absolute_url())


def test_agreement_page_queries_do_not_grow(
    client, large_knowledge_base, django_assert_num_queries
):
    agreement = large_knowledge_base["events"][0].agreements.get()
    # agreement + event; citations; parties; their citations; programmes
    with django_assert_num_queries(5):
        client.get(agreement.get_absolute_url())


def test_programme_page_queries_do_not_grow(
    client, large_knowledge_base, django_assert_num_queries
):
    programme = large_knowledge_base["programmes"][1]
    # programme + parent; citations; children; roles, countries and event
    # links, each with their citations; agreements (10); its timeline (1)
    with django_assert_num_queries(11):
        client.get(programme.get_absolute_url())


def test_source_page_queries_do_not_grow(client, large_knowledge_base, django_assert_num_queries):
    source = large_knowledge_base["source"]
    # source; citations + content types; one query per kind of cited object (13)
    with django_assert_num_queries(15):
        response = client.get(source.get_absolute_url())
    assert len(response.context["passages"][0].facts) > 300


def test_country_page_queries_do_not_grow(client, large_knowledge_base, django_assert_num_queries):
    # events attended, agreements, organizations, events held (3 each with
    # their prefetches, 2 for organizations) and programmes (3) (14); partner
    # countries: 4 grouped self-joins, all but agreements' on each side in
    # turn (7; one more for the organizations without a country among them,
    # when there are any: none here), read through the cache (the data
    # version, 1); its timeline of events (1); the organizations' events and
    # agreements counted (2)
    with django_assert_num_queries(25):
        client.get(reverse("cooperation:country-detail", kwargs={"code": "az"}))
