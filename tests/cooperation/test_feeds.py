"""Atom feeds of newly recorded events and agreements."""

import xml.etree.ElementTree as ET

from django.urls import reverse

from cooperation.models import Programme
from events.models import EventProgramme
from tests.factories import make_agreement, make_event, make_organization, make_programme

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]


def test_site_feeds_list_events_and_agreements_newest_recorded_first(client, db):
    make_event(title="Visit to Tashkent", start="2019")
    make_event(title="Workshop in Baku", start="2015")
    make_agreement(title="Protocol on training")
    assert entries(client, reverse("feeds:events")) == [
        "Exchange visit: Workshop in Baku",
        "Exchange visit: Visit to Tashkent",
    ]
    assert entries(client, reverse("feeds:agreements")) == ["Protocol: Protocol on training"]


def test_organization_feed_has_only_its_events_and_agreements(client, db):
    academy, other = make_organization(), make_organization()
    make_event(title="Academy visit", host=academy)
    make_event(title="Elsewhere", host=other)
    make_agreement(title="Academy protocol", parties=[academy])
    url = reverse("feeds:organization", kwargs={"slug": academy.slug})
    assert entries(client, url) == ["Protocol: Academy protocol", "Exchange visit: Academy visit"]


def test_country_feed_has_what_happens_there_or_involves_its_bodies(client, db):
    uzbek = make_organization(country="UZ")
    make_event(title="In Tashkent", country="UZ")
    make_event(title="Uzbek delegation in Baku", country="AZ", visitors=[uzbek])
    make_event(title="In Seoul", country="KR")
    make_agreement(title="With Uzbekistan", parties=["UZ"])
    titles = entries(client, reverse("feeds:country", kwargs={"code": "uz"}))
    assert titles == [
        "Protocol: With Uzbekistan",
        "Exchange visit: Uzbek delegation in Baku",
        "Exchange visit: In Tashkent",
    ]


def test_programme_feed_has_its_events_and_agreements(client, db):
    programme = make_programme(kind=Programme.Kind.PROGRAMME)
    event = make_event(title="IREN exchange")
    EventProgramme.objects.create(event=event, programme=programme)
    make_event(title="Unrelated")
    make_agreement(title="CCP agreement").programmes.add(programme)
    url = reverse("feeds:programme", kwargs={"slug": programme.slug})
    assert entries(client, url) == ["Protocol: CCP agreement", "Exchange visit: IREN exchange"]


def test_unknown_country_or_organization_feed_is_a_404(client, db):
    assert client.get(reverse("feeds:country", kwargs={"code": "xx"})).status_code == 404
    assert client.get(reverse("feeds:organization", kwargs={"slug": "no"})).status_code == 404


def test_feed_summaries_are_escaped_html(client, db):
    # Atom says the summary is type="html": a reader renders it, so markup an
    # editor typed must reach the reader escaped, and show as text.
    make_agreement(title="Protocol", subject='<script>alert(1)</script> & "training"')
    feed = ET.fromstring(client.get(reverse("feeds:agreements")).content)
    summary = next(feed.iter(f"{ATOM}summary"))
    assert summary.get("type") == "html"
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;training&quot;" in summary.text
    assert "<script>" not in summary.text
