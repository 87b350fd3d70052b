"""Journey: open /partnerships/, see the network drawn, click a circle to open
its organization, and follow a pair to its evidence."""

import pytest
from django.db import connections

from cooperation.models import Partnership
from tests.factories import make_citation, make_event, make_organization, make_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser):
    """A page that records script errors, CSP refusals and failed requests (but
    the favicon's), on the browser of tests/browser/conftest.py."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors = []
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    page.console_errors = errors
    yield page
    page.close()
    # Queries made while Playwright's loop runs go through a connection of
    # their own; close it, or PostgreSQL cannot drop the test database.
    connections.close_all()


def test_network_draws_and_leads_to_organizations_and_pairs(live_server, page, screenshot):
    source = make_source(text="A delegation from CHRDI visited Baku. Five years of partnership.")
    ascca = make_organization(name="Academy of the SCC", acronym="ASCCA", country="AZ")
    chrdi = make_organization(name="Korea Customs HRD Institute", acronym="CHRDI", country="KR")
    wco = make_organization(name="World Customs Organization", acronym="WCO", country="")
    visit = make_event(host=ascca, visitors=[chrdi, wco], title="CHRDI visits Baku")
    make_citation(visit, source=source, quote="A delegation from CHRDI visited Baku.")
    declared = Partnership.objects.create(organization_a=ascca, organization_b=chrdi, start="2020")
    make_citation(declared, source=source, quote="Five years of partnership.")

    page.goto(f"{live_server.url}/partnerships/")
    canvas = page.locator(".network-canvas.is-drawn")
    canvas.wait_for(timeout=10_000)
    assert canvas.get_attribute("data-nodes") == "3"
    assert canvas.locator("canvas").count() >= 1
    screenshot(page, "partnerships-network", full_page=True)
    assert page.console_errors == []

    # Click the ASCCA circle where Cytoscape drew it.
    x, y = page.evaluate(
        """slug => {
            const el = document.querySelector('.network-canvas');
            const box = el.getBoundingClientRect();
            const p = el.cy.getElementById(slug).renderedPosition();
            return [box.left + p.x, box.top + p.y];
        }""",
        ascca.slug,
    )
    page.mouse.click(x, y)
    page.wait_for_url(f"**{ascca.get_absolute_url()}")

    # Back on the list, follow the pair to its evidence.
    page.goto(f"{live_server.url}/partnerships/")
    page.locator("a.pair-link", has_text="1 declared, 1 event").first.click()
    page.wait_for_selector("text=Five years of partnership.")
    assert "Academy of the SCC and Korea Customs HRD Institute" in page.inner_text("h1") or (
        "Korea Customs HRD Institute and Academy of the SCC" in page.inner_text("h1")
    )
    screenshot(page, "partnership-pair", full_page=True)


def test_on_the_corpus_asccas_page_draws_its_network_and_lists_chrdi(live_server, page, screenshot):
    from django.core.management import call_command

    from cooperation.models import Organization

    call_command("load_corpus", verbosity=0)
    ascca = Organization.objects.get(acronym="ASCCA")

    page.goto(f"{live_server.url}/partnerships/")
    page.locator(".network-canvas.is-drawn").wait_for(timeout=10_000)
    screenshot(page, "partnerships-corpus", full_page=True)

    page.goto(f"{live_server.url}{ascca.get_absolute_url()}")
    canvas = page.locator(".network-canvas.is-drawn")
    canvas.wait_for(timeout=10_000)
    assert int(canvas.get_attribute("data-nodes")) >= 2
    partners = page.locator("#partners")
    assert "Korea Customs Human Resources Development Institute" in partners.inner_text()
    assert "since 2020" in partners.inner_text()
    screenshot(page, "organization-ascca", full_page=True)

    page.goto(f"{live_server.url}/partnerships/az/uz/")
    assert "Azerbaijan and Uzbekistan" in page.inner_text("h1")
    screenshot(page, "partnership-az-uz", full_page=True)
    assert page.console_errors == []
