"""The corpus data files and ``load_corpus``: every quote is in its article, the
load is idempotent and all-or-nothing, and the facts a reader would check are
there."""

import shutil
from io import StringIO

import pytest
import yaml
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from cooperation.models import (
    Agreement,
    Citation,
    Organization,
    Partnership,
    Programme,
    ProgrammeCountry,
    ProgrammeRole,
    Source,
)
from events.models import Event, EventProgramme, OrganizationParticipation, PersonParticipation
from people.models import Person, Position

CORPUS_DIR = settings.CORPUS_DIR
ARTICLE_FILES = sorted(p for p in CORPUS_DIR.glob("*.yaml") if p.name != "entities.yaml")
CITED_MODELS = [
    Organization,
    Person,
    Position,
    Event,
    EventProgramme,
    OrganizationParticipation,
    PersonParticipation,
    Agreement,
    Programme,
    ProgrammeRole,
    ProgrammeCountry,
    Partnership,
]


def load(corpus_dir=CORPUS_DIR):
    out = StringIO()
    call_command("load_corpus", corpus_dir=corpus_dir, stdout=out)
    return out.getvalue()


def snapshot():
    """Every row of the knowledge base, history included, as comparable values."""
    state = {}
    for app_label in ("cooperation", "people", "events"):
        for model in apps.get_app_config(app_label).get_models():
            state[model._meta.label] = sorted(
                tuple(str(value) for value in row) for row in model.objects.values_list()
            )
    return state


def quotes_in(data):
    """Every quote under a ``cite`` key anywhere in a data file."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "cite":
                yield from [value] if isinstance(value, str) else value
            else:
                yield from quotes_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from quotes_in(item)


def copy_corpus(tmp_path):
    corpus_dir = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, corpus_dir)
    return corpus_dir


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def cited(obj):
    return Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )


@pytest.fixture
def loaded(db):
    load()


# -- The data files ---------------------------------------------------------------------
def test_there_is_a_data_file_for_every_article():
    articles = sorted(p.stem for p in CORPUS_DIR.glob("*.txt"))
    assert [p.stem for p in ARTICLE_FILES] == articles
    assert len(articles) == 5


@pytest.mark.parametrize("data_file", ARTICLE_FILES, ids=lambda p: p.name)
def test_every_quote_occurs_verbatim_in_its_article(data_file):
    text = data_file.with_suffix(".txt").read_text(encoding="utf-8")
    quotes = list(quotes_in(yaml.safe_load(data_file.read_text(encoding="utf-8"))))

    assert len(quotes) > 20
    missing = [quote for quote in quotes if quote not in text]
    assert missing == []


def test_shared_entities_file_holds_no_quotes():
    data = yaml.safe_load((CORPUS_DIR / "entities.yaml").read_text(encoding="utf-8"))
    assert list(quotes_in(data)) == []


# -- Loading ----------------------------------------------------------------------------
def test_load_corpus_fills_the_knowledge_base(db):
    output = load()

    assert Source.objects.count() == 5
    assert Organization.objects.count() > 30
    assert "Loaded 5 sources, " in output
    for source in Source.objects.all():
        path = CORPUS_DIR / source.corpus_file
        assert source.text == path.read_text(encoding="utf-8")
        assert source.citations.exists()


def test_second_load_changes_nothing(db):
    load()
    before = snapshot()

    output = load()

    assert snapshot() == before
    assert "0 created, 0 changed, 0 removed" in output


def test_every_record_and_relation_has_a_citation(loaded):
    for model in CITED_MODELS:
        assert model.objects.exists(), model
        for obj in model.objects.all():
            assert cited(obj).exists(), f"{model.__name__} {obj} has no citation"


def test_every_citation_quote_occurs_in_its_source(loaded):
    for citation in Citation.objects.select_related("source"):
        assert citation.quote in citation.source.text


@pytest.mark.parametrize(
    ("model", "slug"),
    [
        (Organization, "wco"),
        (Organization, "rocb-europe"),
        (Organization, "scc"),
        (Organization, "kcs"),
        (Person, "mirhasan-seyidzade"),
    ],
)
def test_shared_entities_are_one_record_cited_by_several_articles(loaded, model, slug):
    obj = model.objects.get(slug=slug)
    sources = set(cited(obj).values_list("source__corpus_file", flat=True))
    assert len(sources) >= 2


def test_wco_is_cited_by_four_articles_and_keeps_its_former_name(loaded):
    wco = Organization.objects.get(acronym="WCO")
    assert cited(wco).values("source").distinct().count() == 4
    assert "Customs Co-operation Council" in wco.aliases.values_list("name", flat=True)
    assert Organization.objects.filter(acronym="WCO").count() == 1


def test_a_person_with_two_titles_has_a_position_at_each_date(loaded):
    positions = Position.objects.filter(person__slug="mirhasan-seyidzade")
    held = {(p.organization.slug, p.title, p.as_of.isoformat()) for p in positions}
    assert held == {
        ("rocb-europe", "Executive Officer", "2021-11-28"),
        ("rocb-europe", "Deputy Director", "2023-10"),
    }


def test_other_spellings_are_kept_as_aliases(loaded):
    commission = Organization.objects.get(slug="wco-policy-commission")
    aliases = set(commission.aliases.values_list("name", flat=True))
    assert {"Policy Commission", "Political Commission", "WcO Political Commission"} <= aliases
    cengel = Person.objects.get(name="Eser Çengel")
    assert list(cengel.aliases.values_list("name", flat=True)) == ["Eser ÇENGEL"]
    aziz = Person.objects.get(slug="mirolizoda-rustam-aziz")
    assert (aziz.rank, aziz.honorific) == ("Major General", "Mr.")


# -- Facts a reader checks, at least one per article ------------------------------------
def participants(event, role):
    return set(
        event.organization_participations.filter(role=role).values_list(
            "organization__slug", flat=True
        )
    )


def test_000_chrdi_delegation_visited_ascca_in_baku_welcomed_by_gulu_novruzov(loaded):
    visit = Event.objects.get(slug="chrdi-delegation-visit-ascca")
    assert (visit.city, visit.country.code, visit.start) == ("Baku", "AZ", None)
    assert participants(visit, "host") == {"ascca"}
    assert participants(visit, "visiting-delegation") == {"chrdi"}
    welcome = visit.person_participations.get(role="host")
    assert welcome.person.full_title == "Major General Gulu Novruzov"
    assert welcome.person.positions.get().title == "Head of the Academy"
    assert welcome.organization.acronym == "ASCCA"
    assert Organization.objects.get(slug="ascca").parent.slug == "scc"


def test_000_koica_funded_ict_project_ran_2022_to_2024(loaded):
    project = Programme.objects.get(name="Enhancing ICT Capacity for Customs in Azerbaijan")
    assert project.period == "2022–2024"
    assert project.roles.get(role="funder").organization.acronym == "KOICA"
    assert project.countries.get().country.code == "AZ"


def test_000_ascca_and_chrdi_are_partners_since_2020(loaded):
    partnership = Partnership.objects.get(
        organization_a__acronym__in=["ASCCA", "CHRDI"],
        organization_b__acronym__in=["ASCCA", "CHRDI"],
    )
    assert partnership.start.isoformat() == "2020"
    assert cited(partnership).filter(quote__contains="five years of partnership").exists()


def test_001_policy_commission_session_in_seoul_opened_by_kcs_commissioner(loaded):
    session = Event.objects.get(slug="wco-policy-commission-82nd-session")
    assert session.period == "3–5 December 2019"
    assert (session.city, session.country.code) == ("Seoul", "KR")
    opened = session.person_participations.get(role="opened")
    assert (opened.person.name, opened.organization.acronym) == ("Yungmoon Kim", "KCS")
    head = session.person_participations.get(role="head-of-delegation")
    assert head.person.name == "Ismayil Huseynov"
    assert head.person.rank == "major-general of customs service"
    assert head.organization.slug == "scc"
    meeting = Event.objects.get(slug="scc-fcs-russia-meeting-seoul-2019")
    assert meeting.part_of == session
    assert participants(meeting, "participant") == {"scc", "fcs-russia"}


def test_001_azerbaijan_elected_in_saint_petersburg_on_28_april_2019(loaded):
    conference = Event.objects.get(slug="europe-region-heads-of-customs-conference-2019")
    assert (conference.start.isoformat(), conference.city) == ("2019-04-28", "Saint Petersburg")
    assert "deputy chairman" in conference.description
    assert "chairmanship" in Organization.objects.get(slug="scc").note


def test_002_strategic_planning_workshop_facilitated_by_wco_funded_via_ccf(loaded):
    workshop = Event.objects.get(slug="strategic-planning-workshop-baku-2011")
    assert workshop.period == "14–18 November 2011"
    assert (workshop.city, workshop.country.code) == ("Baku", "AZ")
    assert participants(workshop, "facilitator") == {"wco-secretariat"}
    assert participants(workshop, "funder") == {"eurocustoms"}
    assert [p.slug for p in workshop.programmes.all()] == ["wco-customs-co-operation-fund"]
    mission = Event.objects.get(slug="wco-diagnostic-mission-azerbaijan-2007")
    assert mission.start.isoformat() == "2007"
    assert mission.programmes.get().parent.name == "Columbus Programme"


def test_003_caricc_and_rocb_europe_signed_a_protocol_on_28_november_2021(loaded):
    protocol = Agreement.objects.get(slug="rocb-europe-caricc-protocol-2021")
    assert protocol.kind == Agreement.Kind.PROTOCOL
    assert protocol.date_signed.isoformat() == "2021-11-28"
    assert protocol.event.slug == "caricc-visit-rocb-europe-2021"
    parties = set(protocol.parties.values_list("organization__acronym", flat=True))
    assert parties == {"ROCB Europe", "CARICC"}
    visit = protocol.event
    assert participants(visit, "visiting-delegation") == {"caricc"}
    head = visit.person_participations.get(role="head-of-delegation")
    assert head.person.aliases.get().name == "Mirolizoda Rustam AZIZ"


def test_004_iren_exchange_visit_hosted_by_scc_with_turkmen_and_uzbek_visitors(loaded):
    visit = Event.objects.get(slug="iren-exchange-visit-azerbaijan-2023")
    assert visit.period == "4–6 October 2023"
    assert visit.kind == Event.Kind.EXCHANGE_VISIT
    assert participants(visit, "host") == {"scc"}
    assert participants(visit, "organizer") == {"pcbt"}
    visitors = Organization.objects.filter(slug__in=participants(visit, "visiting-delegation"))
    assert set(visitors.values_list("country", flat=True)) == {"TM", "UZ"}
    assert [p.acronym for p in visit.programmes.all()] == ["IREN"]
    assert "never expands" in Organization.objects.get(slug="pcbt").note


def test_004_iren_sits_within_ccp_whose_central_asia_segment_has_three_funders(loaded):
    iren = Programme.objects.get(acronym="IREN")
    assert (iren.parent.acronym, iren.start.isoformat()) == ("CCP", "2019")
    segment = Programme.objects.get(slug="ccp-central-asia")
    assert segment.parent == iren.parent
    funders = set(segment.roles.filter(role="funder").values_list("organization__slug", flat=True))
    assert funders == {"inl", "exbs", "government-of-france"}


def test_004_az_uz_pre_arrival_agreement_is_recorded_without_a_date(loaded):
    agreement = Agreement.objects.get(
        slug="azerbaijan-uzbekistan-cargo-pre-arrival-information-agreement"
    )
    assert agreement.date_signed is None
    parties = set(agreement.parties.values_list("organization__country", flat=True))
    assert parties == {"AZ", "UZ"}


# -- Changed and broken data files ------------------------------------------------------
def test_a_changed_data_file_updates_records_and_drops_what_it_no_longer_holds(db, tmp_path):
    corpus_dir = copy_corpus(tmp_path)
    load(corpus_dir)
    visit = Event.objects.get(slug="chrdi-delegation-visit-ascca")
    data_file = corpus_dir / "000_85e4cc5379cc2525.yaml"
    edit(data_file, "title: CHRDI delegation visit to ASCCA in Baku", "title: CHRDI visit")
    edit(data_file, "        role: delegate\n", "        role: speaker\n")
    edit(data_file, "      - the Korea Customs Human Resources Development Institute (CHRDI)\n", "")

    output = load(corpus_dir)

    visit.refresh_from_db()
    assert visit.title == "CHRDI visit"
    kim = visit.person_participations.get(person__slug="kim-kyoungo")
    assert kim.role == "speaker"
    chrdi = Organization.objects.get(slug="chrdi")
    assert not cited(chrdi).filter(quote__startswith="the Korea Customs").exists()
    assert "2 created, 1 changed, 3 removed." in output  # a participation, two citations


@pytest.mark.parametrize(
    ("file_name", "old", "new", "message"),
    [
        (
            "003_310205ff51a2735f.yaml",
            "- a delegation from the CARICC, headed by Director of CARICC",
            "- a delegation from CARICC, headed by its Director",
            'event "caricc-visit-rocb-europe-2021": organization participation (caricc, '
            'visiting-delegation): quote not found in article: "a delegation from CARICC',
        ),
        (
            "004_06e32e3c8a16d34f.yaml",
            "organization: pcbt",
            "organization: pcbt-unknown",
            "unknown organization 'pcbt-unknown'",
        ),
        (
            "001_1e712634b330872f.yaml",
            "start: 2019-12-03",
            "start: 2019-12-32",
            'event "wco-policy-commission-82nd-session": bad date for start: '
            "December 2019 has no day 32",
        ),
        (
            "000_85e4cc5379cc2525.yaml",
            "kind: visit",
            "kind: excursion",
            "unknown kind 'excursion'",
        ),
        ("002_752442b915ae120c.yaml", "source:", "source: [", "not valid YAML"),
        (
            "001_1e712634b330872f.yaml",
            "end: 2019-12-05",
            "end: 2019-12-01",
            'event "wco-policy-commission-82nd-session": The end date is before the start date',
        ),
    ],
    ids=["quote", "reference", "date", "kind", "yaml", "end-before-start"],
)
def test_a_broken_data_file_names_the_fact_and_leaves_the_database_as_it_was(
    db, tmp_path, file_name, old, new, message
):
    corpus_dir = copy_corpus(tmp_path)
    load(corpus_dir)
    before = snapshot()
    edit(corpus_dir / file_name, old, new)

    with pytest.raises(CommandError) as error:
        load(corpus_dir)

    assert str(error.value).startswith(f"corpus/{file_name}: ")
    assert message.lower() in str(error.value).lower()
    assert snapshot() == before


def test_a_broken_data_file_loads_nothing_into_an_empty_database(db, tmp_path):
    corpus_dir = copy_corpus(tmp_path)
    # Fails only when writing the last event, after most records were written.
    edit(corpus_dir / "004_06e32e3c8a16d34f.yaml", "end: 2023-10-06", "end: 2023-10-01")

    with pytest.raises(CommandError, match="iren-exchange-visit-azerbaijan-2023"):
        load(corpus_dir)

    assert all(rows == [] for rows in snapshot().values())
