"""Recording a visit: one transaction, every record cited, every rule explained."""

import pytest
from django.core.exceptions import ValidationError

from cooperation.models import Agreement, AgreementParty, Citation, Source
from cooperation.partial_dates import PartialDate
from cooperation.services import Evidence
from events.models import Event, OrganizationParticipation, PersonParticipation
from events.services import NO_HOST, PersonRole, visit_record
from tests.factories import make_citation, make_organization, make_person, make_programme

PASSAGE = (
    "From October 4-6, 2023, the PCBT organized the exchange visit for members of the "
    "Port Control Units (PCUs) and other mid-level officials from Customs services of "
    "Turkmenistan and Uzbekistan"
)
ARTICLE = Evidence(
    url="https://www.unodc.org/centralasia/en/news/exchange-visit-azerbaijan.html",
    title="Exchange visit of Port Control Unit officers to Azerbaijan",
    published=PartialDate(2023, 11, 7),
    passage=PASSAGE,
)


@pytest.fixture
def scc(db):
    org = make_organization(name="State Customs Committee", acronym="SCC", country="AZ")
    make_citation(org)
    return org


@pytest.fixture
def uzbek_customs(db):
    return make_organization(name="Customs Committee of Uzbekistan", acronym="", country="UZ")


def record(**kwargs):
    defaults = {
        "kind": Event.Kind.EXCHANGE_VISIT,
        "title": "Exchange visit of Port Control Unit officers to Azerbaijan",
        "start": PartialDate(2023, 10, 4),
        "end": PartialDate(2023, 10, 6),
        "city": "Baku",
        "country": "AZ",
        "evidence": ARTICLE,
    }
    return visit_record(**{**defaults, **kwargs})


def test_a_visit_is_recorded_with_everything_cited(scc, uzbek_customs):
    head = make_person(name="Timur Karimov")
    iren = make_programme(name="Inter-Regional Network", acronym="IREN")

    event = record(
        host=scc,
        visitors=[uzbek_customs],
        people=[PersonRole(head, PersonParticipation.Role.HEAD_OF_DELEGATION, uzbek_customs)],
        programmes=[iren],
    )

    assert event.period == "4–6 October 2023"
    roles = {(p.organization, p.role) for p in event.organization_participations.all()}
    assert roles == {
        (scc, OrganizationParticipation.Role.HOST),
        (uzbek_customs, OrganizationParticipation.Role.VISITING_DELEGATION),
    }
    head_role = event.person_participations.get()
    assert (head_role.person, head_role.organization) == (head, uzbek_customs)
    assert list(event.programmes.all()) == [iren]
    source = Source.objects.get(url=ARTICLE.url)
    assert source.kind == Source.Kind.ARTICLE and PASSAGE in source.text
    cited = [event, *event.organization_participations.all(), head_role]
    cited += [*event.programme_links.all(), uzbek_customs, head, iren]
    for obj in cited:
        assert [c.quote for c in obj.citations.all()] == [PASSAGE], obj
    # SCC was cited already and is not cited again.
    assert scc.citations.count() == 1
    for citation in Citation.objects.all():
        citation.full_clean()  # the quote occurs in the source text


def test_a_visit_with_an_agreement_signed_during_it(scc, uzbek_customs):
    event = record(
        host=scc,
        visitors=[uzbek_customs],
        agreement={
            "kind": Agreement.Kind.PROTOCOL,
            "title": "Protocol on pre-arrival information",
            "organizations": [scc, uzbek_customs],
            "countries": ["TM"],
            "date_signed": PartialDate(2023, 10, 5),
        },
    )
    agreement = event.agreements.get()
    assert agreement.status == Agreement.Status.SIGNED
    assert {str(p.organization or p.country.code) for p in agreement.parties.all()} == {
        "State Customs Committee",
        "Customs Committee of Uzbekistan",
        "TM",
    }
    assert all(p.citations.exists() for p in agreement.parties.all())
    assert agreement.citations.get().quote == PASSAGE


def test_an_editors_note_becomes_a_source_and_its_quote(scc):
    note = "Told by the SCC press office on 5 October 2023: the PCU officers visited Alyat."
    event = record(host=scc, evidence=Evidence(note=note, author="aylin"))
    citation = event.citations.get()
    assert citation.quote == note
    assert citation.source.kind == Source.Kind.EDITOR_NOTE
    assert citation.source.text == note and citation.source.author == "aylin"


def test_a_stored_article_is_reused_and_the_passage_must_occur_in_it(scc):
    stored = Source.objects.create(
        title="Stored", url=ARTICLE.url, published="2023-11-07", text=f"Intro. {PASSAGE}. End."
    )
    event = record(host=scc)
    assert event.citations.get().source == stored

    with pytest.raises(ValidationError) as error:
        record(host=scc, evidence=Evidence(url=ARTICLE.url, passage="Not in the article."))
    assert error.value.message_dict["passage"] == ["This passage does not occur in “Stored”."]


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"host": None}, "host", NO_HOST),
        (
            {"start": PartialDate(2023, 10, 6), "end": PartialDate(2023, 10, 4)},
            "__all__",
            "The end date is before the start date.",
        ),
        ({"title": ""}, "title", "This field cannot be blank."),
        ({"kind": Event.Kind.WORKSHOP}, "kind", "Choose visit, exchange visit or study visit."),
        (
            {"agreement": {"kind": "mou", "title": "MoU", "countries": ["AZ"]}},
            "agreement_parties",
            "An agreement needs at least two parties (organizations or countries).",
        ),
    ],
    ids=["no-host", "end-before-start", "no-title", "not-a-visit", "one-party"],
)
def test_each_rule_is_explained_and_nothing_is_written(scc, kwargs, field, message):
    kwargs = {"host": scc, **kwargs}
    with pytest.raises(ValidationError) as error:
        record(**kwargs)
    assert message in error.value.message_dict[field]
    assert not Event.objects.exists()
    assert not Source.objects.filter(url=ARTICLE.url).exists()


def test_no_source_is_refused(scc):
    with pytest.raises(ValidationError, match="Give the source"):
        record(host=scc, evidence=Evidence())
    with pytest.raises(ValidationError, match="not both"):
        record(host=scc, evidence=Evidence(url=ARTICLE.url, passage="x", note="y"))
    assert not Event.objects.exists()


def test_a_failure_half_way_rolls_back_everything(scc, uzbek_customs):
    # The agreement's title is blank: agreement_record fails after the event,
    # participations and source were written, and all of it must go.
    with pytest.raises(ValidationError):
        record(
            host=scc,
            visitors=[uzbek_customs],
            agreement={"kind": "mou", "title": "", "organizations": [scc, uzbek_customs]},
        )
    assert not Event.objects.exists()
    assert not OrganizationParticipation.objects.exists()
    assert not Agreement.objects.exists() and not AgreementParty.objects.exists()
    assert not Source.objects.filter(url=ARTICLE.url).exists()
    assert Citation.objects.count() == 1  # SCC's own, from before
