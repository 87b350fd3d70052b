"""The people pages run a fixed number of queries, however many rows there are."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_person_list_queries_do_not_grow(client, large_knowledge_base, django_assert_num_queries):
    # data version; choices of country, organization; the version again and the
    # count; page; aliases; positions
    with django_assert_num_queries(8):
        response = client.get(reverse("people:person-list"))
    assert len(response.context["page"]) == 20


def test_person_page_queries_do_not_grow(client, large_knowledge_base, django_assert_num_queries):
    person = large_knowledge_base["people"][0]
    # person; aliases; citations; positions and participations, each with
    # their citations
    with django_assert_num_queries(7):
        client.get(person.get_absolute_url())
