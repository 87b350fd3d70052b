"""Cached summaries last exactly until the data changes, however it changes."""

import pytest
from django.db import connection
from django.urls import reverse

from cooperation.caching import data_version, tracked_tables, triggered_tables
from cooperation.models import Organization
from tests.factories import make_event, make_organization

pytestmark = pytest.mark.django_db


def test_every_table_of_the_knowledge_base_has_its_trigger():
    missing = set(tracked_tables()) - triggered_tables()
    assert not missing, f"tables without the data-version trigger: {sorted(missing)}"
    assert "events_event" in tracked_tables()
    assert "cooperation_historicalorganization" in tracked_tables()


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda org: make_organization(), id="create"),
        pytest.param(lambda org: org.save(), id="save"),
        pytest.param(
            lambda org: Organization.objects.filter(pk=org.pk).update(name="Renamed"),
            id="queryset update",
        ),
        pytest.param(
            lambda org: Organization.objects.bulk_create([Organization(name="B", slug="b")]),
            id="bulk create",
        ),
        pytest.param(lambda org: make_event(host=org).delete(), id="delete"),
        pytest.param(
            lambda org: connection.cursor().execute(
                "UPDATE cooperation_organization SET city = 'Baku'"
            ),
            id="plain SQL",
        ),
    ],
)
def test_every_kind_of_write_renews_the_data_version(write):
    organization = make_organization()
    before = data_version()
    write(organization)
    assert data_version() != before


def test_reading_does_not_renew_the_data_version():
    make_organization()
    before = data_version()
    list(Organization.objects.all())
    assert data_version() == before


def test_a_cached_summary_is_read_from_the_cache_until_a_write(client, django_assert_num_queries):
    make_organization(country="AZ")
    url = reverse("cooperation:country-list")
    first = client.get(url)
    assert [s.country.code for s in first.context["countries"]] == ["AZ"]
    # Warm: the data version only; the four counting queries are not run.
    with django_assert_num_queries(1):
        client.get(url)
    make_organization(country="UZ")
    # The write made the cached counts stale: counted again, with Uzbekistan.
    with django_assert_num_queries(5):
        again = client.get(url)
    assert [s.country.code for s in again.context["countries"]] == ["AZ", "UZ"]


def test_a_list_counts_again_after_a_write(client):
    make_event(title="First visit")
    url = reverse("events:event-list")
    assert client.get(url).context["page"].paginator.count == 1
    assert client.get(url).context["page"].paginator.count == 1  # from the cache
    make_event(title="Second visit")
    assert client.get(url).context["page"].paginator.count == 2
    filtered = client.get(url, {"q": "second"}).context["page"].paginator
    assert filtered.count == 1
