"""Reviewing proposals: accept, edit then accept, merge, reject; in the admin too."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cooperation.ingest.services import (
    ReviewError,
    proposal_accept,
    proposal_merge,
    proposal_reject,
    source_ingest,
)
from cooperation.models import (
    Agreement,
    Citation,
    Organization,
    Partnership,
    Proposal,
    Source,
)
from cooperation.partial_dates import PartialDate
from events.models import Event
from people.models import Person, Position
from tests.cooperation.ingest.conftest import corpus_file
from tests.factories import make_organization


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("editor", password="x", is_staff=True)


@pytest.fixture
def rocb_source(db, rocb_article):
    """003 ingested, its proposals pending."""
    return source_ingest(data=rocb_article.read_bytes(), name="003.txt", published="2021-12").source


def proposal(source, kind, name_part):
    return source.proposals.get(kind=kind, name__contains=name_part)


def test_accept_creates_the_organization_with_a_citation_of_its_passage(rocb_source, editor):
    caricc = proposal(rocb_source, "organization", "Central Asian Regional")

    record = proposal_accept(proposal=caricc, editor=editor)

    assert isinstance(record, Organization)
    assert record.name == "Central Asian Regional Information and Coordination Centre"
    assert record.acronym == "CARICC"
    citation = record.citations.get()
    assert citation.source == rocb_source
    assert citation.quote in rocb_source.text
    assert "(CARICC) which is based in Almaty, Kazakhstan" in citation.quote
    caricc.refresh_from_db()
    assert caricc.status == Proposal.Status.ACCEPTED
    assert caricc.record == record
    assert caricc.reviewed_by == editor


def test_accepting_every_proposal_builds_linked_cited_records(rocb_source, editor):
    pending = rocb_source.proposals.all()
    for kind in ["organization", "programme", "country", "person", "event", "agreement"]:
        for item in pending.filter(kind=kind):
            proposal_accept(proposal=item, editor=editor)

    cengel = Person.objects.get(name="Eser Çengel")
    assert cengel.aliases.filter(name="Eser ÇENGEL").exists()
    position = Position.objects.get(person=cengel)
    assert position.title == "Director of the ROCB Europe"
    assert position.organization.acronym == "ROCB Europe"
    assert position.as_of.isoformat() == "2021-12"
    visit = Event.objects.get()
    assert visit.start.isoformat() == "2021-11-28"
    assert {p.organization.acronym for p in visit.organization_participations.all()} == {
        "CARICC",
        "ROCB Europe",
    }
    protocol = Agreement.objects.get()
    assert protocol.kind == Agreement.Kind.PROTOCOL
    assert {p.organization.acronym for p in protocol.parties.all()} == {"CARICC", "ROCB Europe"}
    # Every fact is cited to a passage that is in the source, as the design asks.
    assert Citation.objects.count() > 10
    for citation in Citation.objects.all():
        assert citation.quote in citation.source.text
    assert not rocb_source.proposals.filter(status=Proposal.Status.PENDING).exists()


def test_accepted_records_show_on_public_pages_like_corpus_facts(rocb_source, editor, client):
    caricc = proposal_accept(
        proposal=proposal(rocb_source, "organization", "Central Asian Regional"), editor=editor
    )
    response = client.get(caricc.get_absolute_url())
    assert response.status_code == 200
    assert "CARICC" in response.content.decode()


def test_a_matched_proposal_links_the_existing_record_and_adds_its_spelling(db, editor):
    existing = Person.objects.create(name="Eser Cengel")
    source = source_ingest(
        data=corpus_file("003").read_bytes(), name="003.txt", published="2021-12"
    ).source
    item = proposal(source, "person", "engel")
    assert item.match == existing.slug

    record = proposal_accept(proposal=item, editor=editor)

    assert record == existing
    assert Person.objects.count() == 1
    assert existing.aliases.filter(name="Eser ÇENGEL").exists()
    assert existing.citations.get().quote in source.text
    item.refresh_from_db()
    assert item.status == Proposal.Status.MERGED


def test_edit_then_accept_uses_the_editors_version(rocb_source, editor):
    item = proposal(rocb_source, "organization", "Cargo and Container")
    item.name = "Cargo and Container Training Centre"
    item.country = "AZ"
    item.save()

    record = proposal_accept(proposal=item, editor=editor)

    assert (record.name, str(record.country)) == ("Cargo and Container Training Centre", "AZ")


def test_merge_links_the_chosen_record_with_an_alias_and_a_citation(rocb_source, editor):
    rocb = make_organization(name="ROCB Europe (Baku)", acronym="ROCB")
    item = proposal(rocb_source, "organization", "Regional Office for Capacity Building")

    proposal_merge(proposal=item, editor=editor, record=rocb)

    assert rocb.aliases.filter(name=item.name).exists()
    assert rocb.aliases.filter(name="ROCB Europe").exists()
    assert rocb.citations.get().quote in rocb_source.text
    assert Organization.objects.count() == 1
    with pytest.raises(ReviewError, match="already reviewed"):
        proposal_accept(proposal=item, editor=editor)


def test_a_proposal_cannot_be_merged_into_a_record_of_another_kind(rocb_source, editor):
    person = Person.objects.create(name="Haji Hajiyev")
    item = proposal(rocb_source, "organization", "Cargo and Container")
    with pytest.raises(ReviewError, match="cannot be merged"):
        proposal_merge(proposal=item, editor=editor, record=person)


def test_reject_leaves_the_knowledge_base_unchanged(rocb_source, editor):
    item = proposal(rocb_source, "organization", "Central Asian Regional")
    counts = [m.objects.count() for m in (Organization, Person, Event, Citation)]

    proposal_reject(proposal=item, editor=editor, note="Already known under another name")

    assert [m.objects.count() for m in (Organization, Person, Event, Citation)] == counts
    item.refresh_from_db()
    assert item.status == Proposal.Status.REJECTED
    assert item.note == "Already known under another name"


# ---------------------------------------------------------------------------
# The admin


def test_admin_upload_stores_the_article_and_shows_its_proposals(admin_client, db):
    upload = SimpleUploadedFile("004.txt", corpus_file("004").read_bytes())
    response = admin_client.post(
        reverse("admin:cooperation_ingestion_add"), {"file": upload}, follow=True
    )
    source = Source.objects.get()
    assert response.redirect_chain[-1][0].endswith(f"?source__id__exact={source.pk}")
    page = response.content.decode()
    assert "proposals to review" in page
    assert "Inter-Regional Network of Customs Authorities and Port Control Units" in page


def test_admin_upload_of_an_undated_article_asks_for_the_date(admin_client, db):
    url = reverse("admin:cooperation_ingestion_add")
    upload = SimpleUploadedFile("003.txt", corpus_file("003").read_bytes())

    response = admin_client.post(url, {"file": upload})

    assert response.status_code == 200
    assert "gives no publication date" in response.content.decode()
    assert not Source.objects.exists()

    upload = SimpleUploadedFile("003.txt", corpus_file("003").read_bytes())
    admin_client.post(url, {"file": upload, "published": "2021-12"})
    assert Source.objects.get().published.isoformat() == "2021-12"


def test_admin_upload_of_a_binary_file_shows_the_error(admin_client, db):
    upload = SimpleUploadedFile("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    response = admin_client.post(reverse("admin:cooperation_ingestion_add"), {"file": upload})
    assert "is a binary file" in response.content.decode()
    assert not Source.objects.exists()


def _change_url(item):
    return reverse("admin:cooperation_proposal_change", args=[item.pk])


def _form_data(item, **changes):
    data = {
        "name": item.name,
        "aliases": '["CARICC"]',
        "country": item.country or "",
        "start": "",
        "end": "",
        "details": '{"acronym": "CARICC", "kind": "law-enforcement"}',
        "note": "",
        "merge_into": "",
    }
    return {**data, **changes}


def test_admin_edit_then_accept_button(admin_client, rocb_source):
    item = proposal(rocb_source, "organization", "Central Asian Regional")
    page = admin_client.get(_change_url(item)).content.decode()
    assert "Save and accept" in page and "Reject" in page
    assert "based in Almaty, Kazakhstan" in page  # the passage is shown

    admin_client.post(_change_url(item), _form_data(item, country="KZ", _accept="1"))

    record = Organization.objects.get(acronym="CARICC")
    assert str(record.country) == "KZ"
    assert record.citations.get().quote == item.passage


def test_admin_merge_and_reject_buttons(admin_client, rocb_source):
    target = make_organization(name="CARICC Almaty", acronym="CARICC-A")
    item = proposal(rocb_source, "organization", "Central Asian Regional")
    admin_client.post(_change_url(item), _form_data(item, merge_into=target.slug, _merge="1"))
    assert target.aliases.filter(name=item.name).exists()

    other = proposal(rocb_source, "organization", "Cargo and Container")
    admin_client.post(_change_url(other), _form_data(other, aliases="[]", _reject="1"))
    other.refresh_from_db()
    assert other.status == Proposal.Status.REJECTED
    assert Organization.objects.count() == 1


def test_admin_accept_action_accepts_bodies_before_the_people_who_work_there(
    admin_client, rocb_source
):
    ids = list(rocb_source.proposals.values_list("pk", flat=True))
    admin_client.post(
        reverse("admin:cooperation_proposal_changelist"),
        {"action": "accept_selected", "_selected_action": ids},
    )
    assert not rocb_source.proposals.filter(status="pending").exists()
    assert Position.objects.filter(person__name="Eser Çengel").exists()


PARTNERS_ARTICLE = (
    b"Lithuania and Poland extend customs cooperation\n\n"
    b"Vilnius, 6 February 2025\n\n"
    b"The Lithuanian Customs has worked closely with the Polish National Revenue "
    b"Administration since 2009. The two services agreed to exchange liaison officers.\n"
)


@pytest.fixture
def partners_source(db):
    return source_ingest(data=PARTNERS_ARTICLE, name="partners.txt").source


def test_accepting_a_partnership_links_the_two_accepted_organizations_since_its_year(
    partners_source, editor, client
):
    for item in partners_source.proposals.filter(kind="organization"):
        proposal_accept(proposal=item, editor=editor)
    item = partners_source.proposals.get(kind="partnership")
    assert item.start.isoformat() == "2009"

    partnership = proposal_accept(proposal=item, editor=editor)

    assert {partnership.organization_a.name, partnership.organization_b.name} == {
        "Lithuanian Customs",
        "Polish National Revenue Administration",
    }
    assert partnership.start.isoformat() == "2009"
    assert partnership.citations.get().quote.startswith("The Lithuanian Customs has worked")
    page = client.get(partnership.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "<dt>Years</dt><dd>2009" in html
    assert "has worked closely with the Polish National Revenue Administration since 2009" in html


def test_a_partnership_waits_for_its_organizations_and_changes_nothing_meanwhile(
    partners_source, editor
):
    item = partners_source.proposals.get(kind="partnership")

    with pytest.raises(ReviewError, match="accept or merge “Lithuanian Customs”"):
        proposal_accept(proposal=item, editor=editor)

    item.refresh_from_db()
    assert item.status == Proposal.Status.PENDING
    assert not Partnership.objects.exists()
    assert not Citation.objects.exists()


def test_a_partnership_already_known_takes_the_earlier_start(partners_source, editor):
    for item in partners_source.proposals.filter(kind="organization"):
        proposal_accept(proposal=item, editor=editor)
    a, b = Organization.objects.order_by("pk")
    existing = Partnership.objects.create(
        organization_a=a, organization_b=b, start=PartialDate(2015)
    )

    record = proposal_accept(
        proposal=partners_source.proposals.get(kind="partnership"), editor=editor
    )

    assert record == existing
    existing.refresh_from_db()
    assert existing.start == PartialDate(2009)
    assert Partnership.objects.count() == 1


def _as_proposed(item, **changes):
    """The change form's data for a proposal left as extraction proposed it."""
    data = {
        "name": item.name,
        "aliases": json.dumps(item.aliases),
        "country": item.country or "",
        "start": item.start.isoformat() if item.start else "",
        "end": item.end.isoformat() if item.end else "",
        "details": json.dumps(item.details),
        "note": "",
        "merge_into": "",
    }
    return {**data, **changes}


def test_admin_shows_a_partnership_waiting_for_its_organizations_then_accepts_it(
    admin_client, partners_source
):
    item = partners_source.proposals.get(kind="partnership")
    page = admin_client.get(_change_url(item)).content.decode()
    assert "Save and accept" in page
    # A partnership is found by its pair, not chosen: no merge box, no merge button.
    assert "Or merge" not in page
    assert 'name="_merge"' not in page

    response = admin_client.post(_change_url(item), _as_proposed(item, _accept="1"), follow=True)
    assert "accept or merge “Lithuanian Customs”" in response.content.decode()
    assert not Partnership.objects.exists()

    for organization in partners_source.proposals.filter(kind="organization"):
        admin_client.post(_change_url(organization), _as_proposed(organization, _accept="1"))
    admin_client.post(_change_url(item), _as_proposed(item, _accept="1"))
    assert Partnership.objects.get().start == PartialDate(2009)


APPOINTED_ARTICLE = (
    b"New head for the customs academy\n\n"
    b"Baku, 6 February 2025\n\n"
    b"The State Customs Committee welcomed its partners. Mr. Farid Aliyev, Head of the "
    b"Customs Academy of the State Customs Committee, spoke first.\n"
    b"Farid Aliyev was appointed to the post in March 2019.\n"
)


def test_an_accepted_person_holds_the_post_from_when_the_text_says(db, editor):
    source = source_ingest(data=APPOINTED_ARTICLE, name="academy.txt").source
    person = source.proposals.get(kind="person")
    assert person.start == PartialDate(2019, 3)
    for item in source.proposals.filter(kind="organization"):
        proposal_accept(proposal=item, editor=editor)

    record = proposal_accept(proposal=person, editor=editor)

    position = Position.objects.get(person=record)
    assert position.start == PartialDate(2019, 3)
    quotes = set(position.citations.values_list("quote", flat=True))
    assert "Farid Aliyev was appointed to the post in March 2019." in quotes
    assert any(q.startswith("Mr. Farid Aliyev, Head of the Customs Academy") for q in quotes)


def test_admin_offers_merge_only_for_kinds_with_records_to_choose(admin_client, rocb_source):
    organization = proposal(rocb_source, "organization", "Central Asian Regional")
    country = rocb_source.proposals.filter(kind="country").first()
    assert 'name="_merge"' in admin_client.get(_change_url(organization)).content.decode()
    assert 'name="_merge"' not in admin_client.get(_change_url(country)).content.decode()
