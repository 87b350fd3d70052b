"""A reader's journey through the corpus, in a real browser: home, an
organization, events filtered by a country, an event, and a citation followed
to its passage in the source."""

import io
import re

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def corpus(transactional_db):
    call_command("load_corpus", stdout=io.StringIO())


def test_from_home_to_the_passage_that_supports_an_event(browser, live_server, corpus, screenshot):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Who works with whom in customs cooperation"
    screenshot(page, "01-home", full_page=True)

    # Follow a link to an organization.
    most_active = page.locator("#active-orgs-heading + ol a").first
    name = most_active.inner_text()
    most_active.click()
    assert name in page.locator("h1").inner_text()
    screenshot(page, "02-organization", full_page=True)

    # Filter events by a country, through the form.
    page.get_by_role("link", name="Events", exact=True).click()
    page.get_by_label("Country").select_option("KR")
    page.get_by_role("button", name="Apply filters").click()
    assert re.search(r"[?&]country=KR\b", page.url)
    assert page.locator(".chip", has_text="Country: South Korea").count() == 1
    cards = page.locator(".results .card")
    assert cards.count() >= 1
    screenshot(page, "03-events-in-korea", full_page=True)

    # Open an event.
    first = cards.first.locator("h3 a")
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    screenshot(page, "04-event", full_page=True)

    # Follow a citation to its passage: the marked passage is the page's target.
    citation = page.locator(".detail-header .citation-source").first
    blockquote = page.locator(".detail-header .citations blockquote").first
    quote = " ".join(blockquote.inner_text().strip("“”").split())
    citation.click()
    fragment = page.url.split("#", 1)[1]
    assert fragment.startswith("citation-")
    target = page.locator(":target")
    assert target.evaluate("element => element.tagName") == "MARK"
    assert target.get_attribute("id") == fragment
    # The mark starts the passage; where another cited passage overlaps it,
    # the rest of it continues in a mark of its own.
    assert quote.startswith(" ".join(target.inner_text().split()))
    assert quote in " ".join(page.locator(".article-text .text").inner_text().split())
    screenshot(page, "05-source-passage")


def test_pages_read_well_on_a_phone(browser, live_server, corpus, screenshot):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(live_server.url + "/events/?country=AZ")
    # Nothing is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "06-phone-events", full_page=True)
    page.goto(live_server.url + "/countries/az/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "07-phone-country")
