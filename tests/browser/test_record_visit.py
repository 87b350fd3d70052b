"""Journeys: an editor logs in and records the corpus's exchange visit in Chromium,
adding the head of delegation with the form's + button; and records a delegation
larger than the form's four people rows, adding rows as the page goes."""

import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from cooperation.models import Source
from events.models import Event
from tests.factories import make_citation, make_organization, make_person, make_programme

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PASSAGE = (
    "The State Customs Committee of the Republic of Azerbaijan (SCC) hosted the exchange visit"
)
TITLE = "Exchange visit of Port Control Unit officers to Azerbaijan"


def choose(page, field_id, search, option):
    """Pick ``option`` in the admin's autocomplete (select2) box of ``field_id``."""
    page.locator(f"#{field_id} + .select2-container").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=option).first.click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_records_the_exchange_visit(page, live_server, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", "aylin", "--password-from-env", "EDITOR_PASSWORD")
    scc = make_organization(name="State Customs Committee", acronym="SCC", country="AZ")
    make_citation(scc)
    make_organization(name="State Customs Committee of Uzbekistan", acronym="", country="UZ")
    make_programme(name="Inter-Regional Network of Customs Authorities", acronym="IREN")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "aylin")
    page.fill("#id_password", "a long editor passphrase")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Record a visit").first.wait_for()

    started = time.monotonic()
    page.get_by_role("link", name="Record a visit").first.click()
    page.select_option("#id_kind", "exchange-visit")
    page.fill("#id_title", TITLE)
    page.fill("#id_start", "2023-10-04")
    page.fill("#id_end", "2023-10-06")
    page.fill("#id_city", "Baku")
    page.select_option("#id_country", "AZ")
    choose(page, "id_host", "SCC", "State Customs Committee")
    choose(page, "id_visitors", "Uzbekistan", "State Customs Committee of Uzbekistan")

    # The head of delegation is not in the knowledge base yet: add him in the popup.
    with page.expect_popup() as popup_info:
        page.click("#add_id_people-0-person")
    popup = popup_info.value
    popup.fill("#id_name", "Timur Karimov")
    popup.click("input[name=_save]")
    popup.wait_for_event("close")
    page.locator("#id_people-0-person + .select2-container", has_text="Timur Karimov").wait_for()
    page.select_option("#id_people-0-role", "head-of-delegation")
    choose(page, "id_people-0-organization", "Uzbekistan", "State Customs Committee of Uzbekistan")

    choose(page, "id_programmes", "IREN", "Inter-Regional Network")
    page.fill("#id_source_url", "https://www.unodc.org/centralasia/en/news/exchange-visit.html")
    page.fill("#id_source_title", TITLE)
    page.fill("#id_source_published", "2023-11-07")
    page.fill("#id_passage", PASSAGE)
    page.screenshot(path=SCREENSHOTS / "record_visit_filled.png", full_page=True)
    page.click("input[name=_record]")
    page.locator(".messagelist .success").wait_for()
    elapsed = time.monotonic() - started
    page.screenshot(path=SCREENSHOTS / "record_visit_result.png", full_page=True)
    print(f"\nRecorded the visit in {elapsed:.1f} s")

    event = Event.objects.get(title=TITLE)
    assert event.period == "4–6 October 2023" and event.city == "Baku"
    assert {p.role for p in event.organization_participations.all()} == {
        "host",
        "visiting-delegation",
    }
    head = event.person_participations.get()
    assert (head.person.name, head.role) == ("Timur Karimov", "head-of-delegation")
    assert head.person.citations.get().quote == PASSAGE
    assert event.programmes.get().acronym == "IREN"
    assert Source.objects.get(url__endswith="exchange-visit.html").citations.count() >= 6
    assert elapsed < 120
    page.goto(live_server.url + event.get_absolute_url())
    assert TITLE in page.content()
    assert User.objects.get(username="aylin").logentry_set.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_editor_adds_people_rows_for_a_larger_delegation(
    page, live_server, monkeypatch, screenshot
):
    monkeypatch.setenv("EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", "aylin", "--password-from-env", "EDITOR_PASSWORD")
    make_organization(name="State Customs Committee", acronym="SCC", country="AZ")
    sixth = make_person(name="Leyla Mammadova")

    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "aylin")
    page.fill("#id_password", "a long editor passphrase")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Record a visit").first.click()

    add = page.get_by_role("button", name="Add another person")
    add.wait_for()  # put there by the admin's inlines.js, once the page is ready
    rows = page.locator("#people-group tbody tr.form-row:not(.empty-form)")
    assert rows.count() == 4
    add.click()
    add.click()
    assert rows.count() == 6
    # A row added by mistake goes again with its remove link.
    add.click()
    assert rows.count() == 7
    rows.nth(6).get_by_role("button", name="Remove").click()
    assert rows.count() == 6
    assert page.input_value("#id_people-TOTAL_FORMS") == "6"

    # The new row's person box is the admin's autocomplete, set up when the row was added.
    choose(page, "id_people-5-person", "Leyla", "Leyla Mammadova")
    page.select_option("#id_people-5-role", "speaker")
    page.fill("#id_title", TITLE)
    page.fill("#id_start", "2023-10-04")
    choose(page, "id_host", "SCC", "State Customs Committee")
    page.fill("#id_source_url", "https://www.unodc.org/centralasia/en/news/exchange-visit.html")
    page.fill("#id_source_title", TITLE)
    page.fill("#id_passage", PASSAGE)
    screenshot(page, "record_visit_six_people", full_page=True)
    page.click("input[name=_record]")
    page.locator(".messagelist .success").wait_for()

    event = Event.objects.get(title=TITLE)
    participation = event.person_participations.get()
    assert (participation.person, participation.role) == (sixth, "speaker")
