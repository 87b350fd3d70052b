"""The event pages run a fixed number of queries, however many rows there are."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_event_list_queries_do_not_grow(client, large_knowledge_base, django_assert_num_queries):
    # data version; choices of country, kind, programme, organization; the
    # version again and the count; page; participations with organizations;
    # programmes
    with django_assert_num_queries(10):
        response = client.get(reverse("events:event-list"), {"country": "AZ", "year_from": 2020})
    assert response.context["page"].paginator.count == 20


def test_event_page_queries_do_not_grow(client, large_knowledge_base, django_assert_num_queries):
    event = large_knowledge_base["events"][0]
    # event + part of; citations; side events; organization participations,
    # person participations and programme links, each with their citations;
    # agreements
    with django_assert_num_queries(10):
        client.get(event.get_absolute_url())
