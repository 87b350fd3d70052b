"""The editor's safety nets in the admin: duplicate warnings, clear refusals,
history with revert, merging duplicates."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from cooperation.models import Agreement, Organization, Source
from events.models import Event, OrganizationParticipation
from people.models import Person, Position
from tests.admin_forms import admin_form_data
from tests.factories import (
    make_agreement,
    make_citation,
    make_event,
    make_organization,
    make_person,
)


@pytest.fixture
def editor_client(client, db, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a long editor passphrase")
    call_command("create_editor", "aylin", "--password-from-env", "EDITOR_PASSWORD")
    client.force_login(User.objects.get(username="aylin"))
    return client


@pytest.fixture
def rocb(db):
    org = make_organization(
        name="Regional Office for Capacity Building", acronym="ROCB Europe", country=""
    )
    org.aliases.create(name="Regional Office for Capacity Building for the Europe Region")
    return org


def add_organization(client, **fields):
    url = reverse("admin:cooperation_organization_add")
    data = admin_form_data(client.get(url), kind="regional-office", **fields)
    return client.post(url, data)


# Duplicate warnings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("ROCB-Europe", ""),  # the acronym, spelt another way
        ("Regional office for capacity building, Europe", "RILO"),  # fuzzy name
        ("Regional Office for Capacity Building for the Europe Region", ""),  # alias
        ("Some office", "rocb europe"),  # acronym, case aside
    ],
)
def test_adding_a_similar_organization_asks_did_you_mean(editor_client, rocb, name, acronym):
    response = add_organization(editor_client, name=name, acronym=acronym)
    assert response.status_code == 200
    assert "Did you mean Regional Office for Capacity Building?" in response.text
    assert 'type="checkbox" name="create_anyway"' in response.text
    assert Organization.objects.count() == 1


def test_create_anyway_adds_the_organization(editor_client, rocb):
    response = add_organization(editor_client, name="ROCB-Europe", create_anyway="on")
    assert response.status_code == 302
    assert Organization.objects.filter(name="ROCB-Europe").exists()


def test_a_new_name_is_added_without_a_warning(editor_client, rocb):
    response = add_organization(editor_client, name="Federal Customs Service", acronym="FCS")
    assert response.status_code == 302
    # The box only appears with a warning.
    page = editor_client.get(reverse("admin:cooperation_organization_add")).text
    assert 'type="hidden" name="create_anyway"' in page


def test_adding_a_similar_person_asks_did_you_mean(editor_client, db):
    make_person(name="Çengel Gülsüm")
    url = reverse("admin:people_person_add")
    response = editor_client.post(
        url, admin_form_data(editor_client.get(url), name="gulsum cengel")
    )
    assert "Did you mean Çengel Gülsüm?" in response.text
    assert Person.objects.count() == 1


def test_a_position_with_no_organization_is_explained(editor_client, db):
    person = make_person()
    url = reverse("admin:people_position_add")
    data = admin_form_data(editor_client.get(url), person=person.pk, title="Deputy Chairman")
    response = editor_client.post(url, data)
    assert "A position needs the organization it is held in." in response.text
    assert not Position.objects.exists()


# Deleting what others refer to ------------------------------------------------------


def test_deleting_an_organization_others_refer_to_is_refused_with_what_refers(admin_client, db):
    org = make_organization(name="State Customs Committee")
    make_event(title="CHRDI delegation visits Baku", host=org)
    url = reverse("admin:cooperation_organization_delete", args=[org.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in response.text
    assert "State Customs Committee — host at CHRDI delegation visits Baku" in response.text
    response = admin_client.post(url, {"post": "yes"})
    assert "Cannot delete organization" in response.text
    assert Organization.objects.filter(pk=org.pk).exists()


def test_bulk_deleting_events_an_agreement_refers_to_is_refused(editor_client, db):
    signed_at = make_event(title="Working meeting in Baku")
    make_agreement(title="Protocol on customs cooperation", event=signed_at)
    other = make_event()
    response = editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "delete_selected", "_selected_action": [signed_at.pk, other.pk], "post": "yes"},
    )
    assert "would require deleting the following protected related objects" in response.text
    assert "Protocol on customs cooperation" in response.text
    assert Event.objects.count() == 2


# History and revert -----------------------------------------------------------------


def test_history_shows_a_change_and_reverts_it(editor_client, db):
    org = make_organization(name="State Customs Committee", acronym="SCC")
    change_url = reverse("admin:cooperation_organization_change", args=[org.pk])
    data = admin_form_data(editor_client.get(change_url), name="State Customs Comittee")
    assert editor_client.post(change_url, data).status_code == 302

    history = editor_client.get(reverse("admin:cooperation_organization_history", args=[org.pk]))
    assert "aylin" in history.text
    assert "State Customs Comittee" in history.text
    original = org.history.earliest()
    revert_url = reverse(
        "admin:cooperation_organization_simple_history", args=[org.pk, original.history_id]
    )
    form = editor_client.get(revert_url)
    assert "Revert State Customs Committee" in form.text
    assert editor_client.post(revert_url, admin_form_data(form)).status_code == 302

    org.refresh_from_db()
    assert org.name == "State Customs Committee"
    assert org.history.count() == 3
    assert org.history.first().history_user.username == "aylin"


# Merging duplicates through the admin -----------------------------------------------


def test_merge_action_asks_which_to_keep_then_moves_everything(editor_client, rocb):
    duplicate = make_organization(name="ROCB Europe office")
    event = make_event(host=duplicate)
    make_citation(duplicate)
    changelist = reverse("admin:cooperation_organization_changelist")
    selection = {"action": "merge", "_selected_action": [rocb.pk, duplicate.pk]}

    page = editor_client.post(changelist, selection)
    assert "Choose the organization to keep" in page.text
    assert Organization.objects.count() == 2

    response = editor_client.post(
        changelist, {**selection, "keep": rocb.pk, "confirm": "yes"}, follow=True
    )
    assert "Merged ROCB Europe office into “Regional Office for Capacity Building”" in response.text
    assert list(Organization.objects.all()) == [rocb]
    assert OrganizationParticipation.objects.get(event=event).organization == rocb
    assert rocb.citations.count() == 1
    assert rocb.aliases.filter(name="ROCB Europe office").exists()


def test_merge_needs_two_records(editor_client, rocb):
    response = editor_client.post(
        reverse("admin:cooperation_organization_changelist"),
        {"action": "merge", "_selected_action": [rocb.pk]},
        follow=True,
    )
    assert "Select two or more records to merge." in response.text


def test_merge_people_through_the_admin(editor_client, db):
    keep, duplicate = make_person(name="Gulu Novruzov"), make_person(name="G. Novruzov")
    editor_client.post(
        reverse("admin:people_person_changelist"),
        {
            "action": "merge",
            "_selected_action": [keep.pk, duplicate.pk],
            "keep": keep.pk,
            "confirm": "yes",
        },
    )
    assert list(Person.objects.all()) == [keep]


# Record an agreement ----------------------------------------------------------------


def test_an_editor_records_an_agreement_with_a_note_as_source(editor_client, db):
    scc, chrdi = make_organization(name="State Customs Committee"), make_organization(name="CHRDI")
    note = "Signed copy seen at the SCC on 28 November 2021."
    url = reverse("admin:cooperation_agreement_record")
    assert "Record an agreement" in editor_client.get(url).text
    response = editor_client.post(
        url,
        {
            "kind": "mou",
            "title": "Memorandum of understanding between the SCC and CHRDI",
            "organizations": [scc.pk, chrdi.pk],
            "countries": ["KR"],
            "date_signed": "2021-11-28",
            "status": "signed",
            "note": note,
        },
    )
    agreement = Agreement.objects.get()
    assert response.url == reverse("admin:cooperation_agreement_change", args=[agreement.pk])
    assert agreement.parties.count() == 3
    citation = agreement.citations.get()
    assert citation.quote == note and citation.source.kind == Source.Kind.EDITOR_NOTE


def test_an_agreement_with_one_party_is_explained(editor_client, db):
    response = editor_client.post(
        reverse("admin:cooperation_agreement_record"),
        {
            "kind": "mou",
            "title": "MoU",
            "countries": ["AZ"],
            "date_signed": "2021-02-29",
            "status": "signed",
            "note": "x",
        },
    )
    assert "February 2021 has no day 29" in response.text
    response = editor_client.post(
        reverse("admin:cooperation_agreement_record"),
        {"kind": "mou", "title": "MoU", "countries": ["AZ"], "status": "signed", "note": "x"},
    )
    assert "An agreement needs at least two parties" in response.text
    assert not Agreement.objects.exists()
