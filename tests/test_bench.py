"""The page benchmark's synthetic data loads, and every address it times
answers, so the figures in the README can be measured again."""

import pytest

from bench.data import fill
from bench.pages import targets
from cooperation.models import Citation, Organization
from events.models import Event, OrganizationParticipation

pytestmark = pytest.mark.django_db


def test_the_benchmark_data_loads_and_every_timed_page_answers(client):
    counts = fill(300, progress=lambda line: None, vacuum=False)
    assert Event.objects.count() == counts["events_event"] == 300
    assert Organization.objects.count() == 500
    # Every fact cited: an event, its participations, positions, parties, roles.
    assert (
        Citation.objects.count() > Event.objects.count() + OrganizationParticipation.objects.count()
    )
    # Activity follows a power law: the busiest organization is far busier
    # than the median one.
    busiest = Organization.objects.order_by("pk").first()
    assert OrganizationParticipation.objects.filter(organization=busiest).count() > 10
    # New rows get new ids after the load (the sequences were moved past it).
    Organization.objects.create(name="After the load", slug="after-the-load")
    for kind, addresses in targets():
        for address in addresses:
            response = client.get(address)
            assert response.status_code == 200, (kind, address)
