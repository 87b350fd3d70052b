"""With the corpus loaded, every page of the Addresses table answers, every
link on every page leads somewhere that answers, every citation link lands on
its marked passage, and the filters list exactly the matching records."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse

from cooperation.countries import country_summaries
from cooperation.models import Agreement, Organization, Programme, ProgrammeRole, Source
from events.models import Event, EventProgramme, OrganizationParticipation
from people.models import Person
from tests.html import page

LISTS = [
    "/organizations/",
    "/people/",
    "/events/",
    "/agreements/",
    "/programmes/",
    "/countries/",
    "/sources/",
]


@pytest.fixture
def corpus(db):
    call_command("load_corpus", stdout=io.StringIO())


def addresses():
    """Every page of the Addresses table, for every record of the knowledge base."""
    urls = ["/", *LISTS]
    for model in (Organization, Person, Event, Agreement, Programme, Source):
        urls += [obj.get_absolute_url() for obj in model.objects.all()]
    urls += [f"/countries/{s.country.code.lower()}/" for s in country_summaries()]
    return urls


def is_internal(href):
    path = urlsplit(href).path
    # The admin asks for a login.
    return href.startswith("/") and not path.startswith(("/static/", "/admin/"))


def test_every_page_and_every_link_answers(client, corpus):
    seen, to_visit, fragments = {}, addresses(), []
    while to_visit:
        url = to_visit.pop()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        if not response["Content-Type"].startswith("text/html"):
            # Downloads (CSV, JSON) and Atom feeds: they answer; there is no HTML to follow.
            b"".join(response.streaming_content) if response.streaming else response.content
            seen[url] = None
            continue
        seen[url] = shown = page(response)
        assert not shown.unbalanced, f"{url}: unbalanced tags {shown.unbalanced[:5]}"
        for href in shown.hrefs():
            if is_internal(href):
                target, _, fragment = href.partition("#")
                to_visit.append(target)
                if fragment:
                    fragments.append((url, target, fragment))
    for origin, target, fragment in fragments:
        assert seen[target].ids.get(fragment) == "mark", f"{origin}: {target}#{fragment}"
    # Every list, every detail page, the filtered lists they link to.
    assert len(seen) > 200
    assert len(fragments) > 100
    print(f"crawled {len(seen)} pages, followed {len(fragments)} citation links")


def test_the_admin_answers(client, db):
    assert client.get("/admin/", follow=True).status_code == 200


@pytest.mark.parametrize("url", ["/organizations/", "/people/", "/events/", "/agreements/",
                                 "/programmes/"])  # fmt: skip
def test_every_filter_choice_lists_as_many_records_as_it_says(client, corpus, url):
    shown = page(client.get(url))
    assert shown.options, f"{url} offers no filter"
    for name, options in shown.options.items():
        for value, label in options:
            if not value:
                continue
            expected = int(re.search(r"\((\d+)\)$", label).group(1))
            listed = client.get(url, {name: value}).context["page"].paginator.count
            assert listed == expected, f"{url}?{name}={value}: {label} but {listed} listed"


def listed(client, url, **params):
    response = client.get(url, params)
    assert not response.context["filter"].errors
    return {obj.pk for obj in response.context["page"].paginator.object_list}


def test_filter_by_country_lists_exactly_the_matching_records(client, corpus):
    for code in ("AZ", "KR", "UZ"):
        assert listed(client, "/organizations/", country=code) == {
            o.pk for o in Organization.objects.all() if o.country.code == code
        }
        events = {
            e.pk
            for e in Event.objects.prefetch_related("organization_participations__organization")
            if e.country.code == code
            or any(p.organization.country.code == code for p in e.organization_participations.all())
        }
        assert events and listed(client, "/events/", country=code) == events


def test_filter_by_programme_lists_exactly_the_matching_records(client, corpus):
    """ "Everything under the Container Control Programme" includes what ran
    within the programmes nested in it (IREN sits within the CCP)."""
    ccp = Programme.objects.get(acronym="CCP")
    nested = {ccp}
    for programme in Programme.objects.select_related("parent__parent"):
        ancestors = {programme.parent, programme.parent and programme.parent.parent}
        if ccp in ancestors:
            nested.add(programme)
    assert Programme.objects.get(acronym="IREN") in nested
    links = EventProgramme.objects.filter(programme__in=nested)
    events = {link.event_id for link in links}
    assert events and listed(client, "/events/", programme=ccp.slug) == events
    organizations = {r.organization_id for r in ProgrammeRole.objects.filter(programme__in=nested)}
    organizations |= {
        p.organization_id for p in OrganizationParticipation.objects.filter(event__in=events)
    }
    assert listed(client, "/organizations/", programme=ccp.slug) == organizations


def test_filtered_lists_are_addresses_that_can_be_shared(client, corpus):
    url = reverse("events:event-list") + "?country=uz&kind=workshop"
    first, again = client.get(url), client.get(url)
    assert [e.pk for e in first.context["page"]] == [e.pk for e in again.context["page"]]
    active = page(first)
    removals = [href for href, text in active.links if text.endswith("(remove)")]
    assert sorted(urlsplit(h).query for h in removals) == ["country=uz", "kind=workshop"]
