"""python manage.py ingest: store articles and proposals; refuse bad input."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from cooperation.models import Citation, Ingestion, Organization, Proposal, Source
from people.models import Person
from tests.cooperation.ingest.conftest import corpus_file

KEYS = {"kind", "name", "aliases", "country", "start", "end", "match", "passage"}


def ingest(*args):
    out = io.StringIO()
    call_command("ingest", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def dry_run_json(*args):
    return json.loads(ingest("--dry-run", "--format", "json", *args))


def knowledge_base_counts():
    return (
        Source.objects.count(),
        Proposal.objects.count(),
        Ingestion.objects.count(),
        Organization.objects.count(),
        Person.objects.count(),
        Citation.objects.count(),
    )


def test_dry_run_prints_one_json_list_of_proposals_and_stores_nothing(db, rocb_article):
    Person.objects.create(name="Eser Çengel")
    before = knowledge_base_counts()

    proposals = dry_run_json("--date", "2021-12", rocb_article)

    assert knowledge_base_counts() == before
    assert isinstance(proposals, list) and proposals
    for proposal in proposals:
        assert KEYS <= set(proposal)
        assert proposal["kind"] in {
            "organization", "person", "country", "event", "agreement", "programme"
        }  # fmt: skip
        assert isinstance(proposal["aliases"], list)
        assert proposal["passage"] in rocb_article.read_text()
    by_name = {(p["kind"], p["name"]): p for p in proposals}
    caricc = by_name["organization", "Central Asian Regional Information and Coordination Centre"]
    assert caricc["aliases"] == ["CARICC"]
    assert caricc["match"] is None
    cengel = next(p for p in proposals if p["kind"] == "person" and "ÇENGEL" in p["passage"])
    assert cengel["match"] == "eser-cengel"
    assert "Eser ÇENGEL" in cengel["aliases"] or cengel["name"] == "Eser Çengel"
    kazakhstan = by_name["country", "Kazakhstan"]
    assert kazakhstan["country"] == "KZ"
    assert "Almaty, Kazakhstan" in kazakhstan["passage"]
    visit = next(p for p in proposals if p["kind"] == "event")
    assert visit["start"] == "2021-11-28"
    protocol = next(p for p in proposals if p["kind"] == "agreement")
    assert protocol["start"] == "2021-11-28"
    assert "bilateral protocol" in protocol["passage"]


def test_dry_run_reads_ranks_titles_and_project_years(db):
    proposals = dry_run_json("--date", "2025", corpus_file("000"))
    novruzov = next(p for p in proposals if p["name"] == "Gulu Novruzov")
    assert novruzov["details"]["rank"] == "Major General"
    assert novruzov["details"]["title"] == "Head of the Academy"
    assert "G.Novruzov" in novruzov["aliases"]
    kim = next(p for p in proposals if p["name"] == "Kim Kyoungo")
    assert kim["details"]["title"] == "Head of the Human Resources Development Department"
    project = next(p for p in proposals if p["name"].startswith("Enhancing ICT Capacity"))
    assert (project["kind"], project["start"], project["end"]) == ("programme", "2022", "2024")
    assert project["details"]["funders"] == ["KOICA"]
    chrdi = next(p for p in proposals if "CHRDI" in p["aliases"])
    assert chrdi["name"] == "Korea Customs Human Resources Development Institute"
    assert chrdi["country"] == "KR"


@pytest.mark.parametrize(
    ("prefix", "start", "end", "country"),
    [("001", "2019-12-03", "2019-12-05", "KR"), ("002", "2011-11-14", "2011-11-18", "AZ")],
    ids=["year-from-publication", "dateline"],
)
def test_event_ranges_are_read_with_their_place(db, prefix, start, end, country):
    events = [p for p in dry_run_json(corpus_file(prefix)) if p["kind"] == "event"]
    assert any((e["start"], e["end"], e["country"]) == (start, end, country) for e in events)


def test_ingest_stores_the_source_and_its_proposals_for_review(db, unodc_article):
    output = ingest(unodc_article)

    source = Source.objects.get()
    assert source.published.isoformat() == "2023-11-08"
    assert source.publisher == "UNODC Central Asia"
    assert source.text == unodc_article.read_text()
    assert source.ingestion.filename == str(unodc_article)
    assert "proposals to review" in output
    assert source.proposals.filter(status=Proposal.Status.PENDING).count() > 10
    # Nothing entered the knowledge base itself.
    assert not Organization.objects.exists()
    assert not Citation.objects.exists()


def test_ingesting_the_same_article_again_changes_nothing(db, unodc_article, tmp_path):
    ingest(unodc_article)
    before = knowledge_base_counts()

    output = ingest(unodc_article)
    respaced = tmp_path / "copy.txt"
    respaced.write_text("  " + unodc_article.read_text().replace(" ", "  ") + "\n\n")
    output_respaced = ingest(respaced)

    assert knowledge_base_counts() == before
    assert "already stored (same text as" in output
    assert "already stored (same text as" in output_respaced


def test_the_same_url_is_the_same_article(db, unodc_article, rocb_article):
    url = "https://www.unodc.org/centralasia/en/news/iren.html"
    ingest("--url", url, unodc_article)
    before = knowledge_base_counts()

    output = ingest("--url", url, "--date", "2021-12-01", rocb_article)

    assert knowledge_base_counts() == before
    assert "already stored (same URL as" in output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 8, "is a binary file"),
        (
            "The Customs Service of Moldova and the State Customs Service of Ukraine "
            "signed a memorandum on joint control at the border, 16 February 2024. "
            "\x81\x8d\x90".encode("latin-1"),
            "is not text in UTF-8",
        ),
        (b"customs " * 300_000, "articles over 2 MB are refused"),
        (
            b"The delegation of the Customs Committee visited the Academy and discussed "
            b"training of customs officers and the exchange of experience.",
            "gives no publication date; give it with --date",
        ),
    ],
    ids=["empty", "binary", "not-utf8", "too-large", "no-date"],
)
def test_bad_input_gives_its_message_and_writes_nothing(db, tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    before = knowledge_base_counts()

    with pytest.raises(CommandError, match=message):
        ingest(path)

    assert knowledge_base_counts() == before


def test_a_bad_file_among_good_ones_stores_none_of_them(db, unodc_article, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    with pytest.raises(CommandError, match="empty.txt is empty"):
        ingest(unodc_article, empty)

    assert not Source.objects.exists()


def test_a_missing_file_and_a_bad_date_are_named(db, tmp_path, unodc_article):
    with pytest.raises(CommandError, match="nope.txt: no such file"):
        ingest(tmp_path / "nope.txt")
    with pytest.raises(CommandError, match="--date: '2023-13' is not a date|13 is not a month"):
        ingest("--date", "2023-13", unodc_article)


def test_the_date_option_dates_an_undated_article(db, rocb_article):
    ingest("--date", "2021-12", rocb_article)
    assert Source.objects.get().published.isoformat() == "2021-12"


def test_an_article_loaded_from_the_corpus_is_not_ingested_again(db, unodc_article):
    call_command("load_corpus", stdout=io.StringIO())
    before = knowledge_base_counts()

    output = ingest(unodc_article)

    assert knowledge_base_counts() == before
    assert "already stored (same text as" in output


def test_dry_run_shows_a_dated_partnership_in_the_same_shape(db):
    # Corpus article 000: "five years of partnership between the Academy ... (ASCCA)
    # and the Korea Customs Human Resources Development Institute (CHRDI)", 2020-2024.
    proposals = dry_run_json("--date", "2025", corpus_file("000"))
    (partnership,) = [p for p in proposals if p["kind"] == "partnership"]
    assert set(partnership) == {
        "kind", "name", "aliases", "country", "start", "end", "match", "passage", "details",
    }  # fmt: skip
    assert (partnership["start"], partnership["end"]) == ("2020", "2024")
    assert len(partnership["details"]["organizations"]) == 2
    assert "five years of partnership" in partnership["passage"]
