"""An editor records a visit through the admin form, as the corpus describes one."""

import json
import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from cooperation.models import Agreement, Citation, Source
from events.models import Event, PersonParticipation
from tests.factories import make_citation, make_organization, make_person, make_programme
from tests.html import Page

URL = reverse("admin:events_event_record_visit")
PASSAGE = (
    "The State Customs Committee of the Republic of Azerbaijan (SCC) hosted the exchange visit"
)
ARTICLE_URL = "https://www.unodc.org/centralasia/en/news/exchange-visit-azerbaijan.html"


@pytest.fixture
def editor(db, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", "aylin", "--password-from-env", "EDITOR_PASSWORD")
    return User.objects.get(username="aylin")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def scene(db):
    scc = make_organization(name="State Customs Committee", acronym="SCC", country="AZ")
    make_citation(scc)
    uzbek = make_organization(name="Customs Committee of Uzbekistan", acronym="", country="UZ")
    head = make_person(name="Timur Karimov")
    iren = make_programme(name="Inter-Regional Network", acronym="IREN")
    return {"scc": scc, "uzbek": uzbek, "head": head, "iren": iren}


def visit_data(scene, **changes):
    data = {
        "kind": "exchange-visit",
        "title": "Exchange visit of Port Control Unit officers to Azerbaijan",
        "start": "2023-10-04",
        "end": "2023-10-06",
        "city": "Baku",
        "country": "AZ",
        "host": scene["scc"].pk,
        "visitors": [scene["uzbek"].pk],
        "programmes": [scene["iren"].pk],
        "people-TOTAL_FORMS": "4",
        "people-INITIAL_FORMS": "0",
        "people-0-person": scene["head"].pk,
        "people-0-role": "head-of-delegation",
        "people-0-organization": scene["uzbek"].pk,
        "people-1-role": "delegate",
        "people-2-role": "delegate",
        "people-3-role": "delegate",
        "agreement_kind": "mou",
        "agreement_status": "signed",
        "source_url": ARTICLE_URL,
        "source_title": "Exchange visit of Port Control Unit officers to Azerbaijan",
        "source_published": "2023-11-07",
        "passage": PASSAGE,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_form_offers_autocomplete_and_adding_a_new_organization(editor_client, scene):
    page = editor_client.get(URL).text
    assert "Record a visit" in page
    assert 'class="admin-autocomplete' in page
    assert 'data-field-name="organization"' in page
    add_org = reverse("admin:cooperation_organization_add") + "?_to_field=id&amp;_popup=1"
    assert f'href="{add_org}"' in page
    assert 'id="add_id_people-0-person"' in page


def test_the_people_rows_are_marked_up_for_the_admins_add_another_script(editor_client, scene):
    html = editor_client.get(URL).text
    page = Page(html)

    group = page.attrs("people-group")
    assert {"js-inline-admin-formset", "inline-group"} <= set(group["class"].split())
    assert group["data-inline-type"] == "tabular"
    assert json.loads(group["data-inline-formset"]) == {
        "name": "#people",
        "options": {"prefix": "people", "addText": "Add another person", "deleteText": "Remove"},
    }
    # Without JavaScript the four rows are there as before; the template row stays hidden.
    rows = [a for tag, a in page.tags if tag == "tr" and "form-row" in a.get("class", "")]
    assert [row["id"] for row in rows] == [*(f"people-{i}" for i in range(4)), "people-empty"]
    assert rows[-1]["class"].split() == ["form-row", "empty-form"]
    assert page.attrs("id_people-TOTAL_FORMS")["value"] == "4"
    assert page.attrs("id_people-MAX_NUM_FORMS")["value"] == "50"
    # The template row holds the autocomplete widgets, with the __prefix__ that
    # inlines.js renumbers and autocomplete.js skips until the row is added.
    empty_row = Page(re.search(r'<tr [^>]*id="people-empty".*?</tr>', html, re.S)[0])
    for name in ("person", "organization"):
        select = empty_row.attrs(f"id_people-__prefix__-{name}")
        assert "admin-autocomplete" in select["class"].split()
        assert select["name"] == f"people-__prefix__-{name}"
    assert "add_id_people-__prefix__-person" in empty_row.ids
    scripts = [attrs["src"] for tag, attrs in page.tags if tag == "script" and "src" in attrs]
    names = [src.rsplit("/", 1)[1] for src in scripts]
    assert names.index("jquery.init.js") < names.index("inlines.js")
    assert "autocomplete.js" in names


def test_a_delegation_of_six_is_recorded_with_every_person(editor_client, scene):
    people = [scene["head"], *(make_person() for _ in range(5))]
    rows = {"people-TOTAL_FORMS": "6"}
    for i, person in enumerate(people):
        rows |= {f"people-{i}-person": person.pk, f"people-{i}-role": "delegate"}
    rows["people-0-role"] = "head-of-delegation"

    response = editor_client.post(URL, visit_data(scene, **rows), follow=True)

    assert "Recorded “Exchange visit" in response.text
    event = Event.objects.get()
    assert {(p.person, p.role) for p in event.person_participations.all()} == {
        (scene["head"], "head-of-delegation"),
        *((person, "delegate") for person in people[1:]),
    }


def test_more_than_fifty_people_are_refused_and_nothing_is_saved(editor_client, scene):
    rows = {"people-TOTAL_FORMS": "51"}
    for i in range(51):
        rows |= {f"people-{i}-person": make_person().pk, f"people-{i}-role": "delegate"}

    response = editor_client.post(URL, visit_data(scene, **rows))

    assert response.status_code == 200
    text = Page(response.text).text
    assert "Please correct the errors below. Nothing has been saved yet." in text
    assert (
        "A visit recorded here lists at most 50 people; add the others on the event's page "
        "once it is recorded." in text
    )
    assert not Event.objects.exists()
    assert not PersonParticipation.objects.exists()
    assert not Source.objects.filter(url=ARTICLE_URL).exists()


def test_an_editor_records_a_visit_and_everything_is_cited(editor_client, scene):
    response = editor_client.post(URL, visit_data(scene), follow=True)

    event = Event.objects.get()
    assert response.redirect_chain[-1][0] == reverse("admin:events_event_change", args=[event.pk])
    assert "Recorded “Exchange visit of Port Control Unit officers to Azerbaijan”" in response.text
    assert (event.kind, event.city, str(event.country)) == ("exchange-visit", "Baku", "AZ")
    assert event.period == "4–6 October 2023"
    assert {(p.organization.name, p.role) for p in event.organization_participations.all()} == {
        ("State Customs Committee", "host"),
        ("Customs Committee of Uzbekistan", "visiting-delegation"),
    }
    head = PersonParticipation.objects.get(event=event)
    assert (head.person, head.role, head.organization) == (
        scene["head"],
        "head-of-delegation",
        scene["uzbek"],
    )
    assert list(event.programmes.all()) == [scene["iren"]]
    source = Source.objects.get(url=ARTICLE_URL)
    assert event.citations.get().source == source
    assert Citation.objects.filter(source=source, quote=PASSAGE).count() == 8
    # event, 2 organization participations, 1 person participation, 1 programme link,
    # and the uncited Uzbek customs, Timur Karimov and IREN.
    # The change is in the admin log, and so in the event's history.
    history = editor_client.get(reverse("admin:events_event_history", args=[event.pk])).text
    assert "aylin" in history


def test_a_visit_with_an_agreement_signed_there(editor_client, scene):
    data = visit_data(
        scene,
        agreement_title="Protocol on pre-arrival information",
        agreement_kind="protocol",
        agreement_organizations=[scene["scc"].pk, scene["uzbek"].pk],
        agreement_date_signed="2023-10-05",
    )
    editor_client.post(URL, data)
    agreement = Agreement.objects.get()
    assert agreement.event == Event.objects.get()
    assert agreement.parties.count() == 2
    assert str(agreement.date_signed) == "2023-10-05"
    assert agreement.citations.get().quote == PASSAGE


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start": "2023-02-30"}, "February 2023 has no day 30"),
        ({"start": "4 Oct 2023"}, "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"start": "2023-10-06", "end": "2023-10-04"}, "The end date is before the start date."),
        ({"host": None}, "A visit needs a host organization."),
        (
            {"agreement_title": "MoU", "agreement_organizations": "HOST"},
            "An agreement needs at least two parties (organizations or countries).",
        ),
        ({"agreement_countries": ["AZ", "UZ"]}, "Give the agreement&#x27;s title."),
        ({"source_url": None, "passage": None}, "Give the source: an article"),
        ({"note": "Heard it myself."}, "Give either an article or your own note, not both."),
        ({"people-1-organization": "UZ"}, "Select a valid choice."),
    ],
    ids=[
        "impossible-date",
        "malformed-date",
        "end-before-start",
        "no-host",
        "one-party",
        "agreement-without-title",
        "no-source",
        "two-sources",
        "bad-choice",
    ],
)
def test_each_mistake_is_explained_and_nothing_is_saved(editor_client, scene, changes, message):
    if changes.get("agreement_organizations") == "HOST":
        changes["agreement_organizations"] = [scene["scc"].pk]
    response = editor_client.post(URL, visit_data(scene, **changes))
    assert response.status_code == 200
    assert message in response.text
    assert "Please correct the errors below. Nothing has been saved yet." in response.text
    assert not Event.objects.exists()
    assert not Source.objects.filter(url=ARTICLE_URL).exists()


def test_the_form_keeps_what_was_entered_after_an_error(editor_client, scene):
    response = editor_client.post(URL, visit_data(scene, end="2023-10-01"))
    page = response.text
    assert 'value="Exchange visit of Port Control Unit officers to Azerbaijan"' in page
    assert f'<option value="{scene["scc"].pk}" selected>State Customs Committee</option>' in page


def test_an_anonymous_visitor_is_sent_to_the_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))


def test_staff_outside_the_editor_group_may_not_record(client, scene):
    client.force_login(User.objects.create_user("guest", password="x", is_staff=True))
    assert client.get(URL).status_code == 403
    assert client.post(URL, visit_data(scene)).status_code == 403
    assert not Event.objects.exists()


def test_the_event_list_and_the_admin_index_link_to_the_form(editor_client, db):
    changelist = editor_client.get(reverse("admin:events_event_changelist")).text
    index = editor_client.get(reverse("admin:index")).text
    for page in (changelist, index):
        assert f'href="{URL}"' in page
    assert f'href="{reverse("admin:cooperation_agreement_record")}"' in index
