"""Reading what an editor hands in: bytes to article text, title and date."""

import pytest

from cooperation.ingest.text import MAX_BYTES, IngestError, content_hash, read_article
from cooperation.partial_dates import PartialDate
from tests.cooperation.ingest.conftest import corpus_file

BODY = (
    "Baku, 12 May 2024\n\nThe State Customs Committee hosted a delegation of the Korea "
    "Customs Service. Mr. Eser Çengel, Director of the ROCB Europe, opened the meeting on "
    "customs training and exchange of information between the two administrations."
)


def test_title_and_date_come_from_the_text_after_the_sites_own_date():
    article = read_article(corpus_file("001").read_bytes())
    # "Monday July 15 2024" above the headline is the day the page was saved.
    assert article.published == PartialDate(2019, 12, 9)
    assert article.title.startswith("Azerbaijani, Russian customs officials discuss")


def test_an_iso_date_label_and_a_signature_give_date_and_publisher():
    article = read_article(corpus_file("004").read_bytes())
    assert article.published == PartialDate(2023, 11, 8)
    assert article.publisher == "UNODC Central Asia"


def test_navigation_lines_are_not_the_title():
    article = read_article(corpus_file("000").read_bytes())
    assert article.title == (
        "ASCCA, Korea CHRDI Discuss Five Years of Partnership, Future Cooperation"
    )
    assert article.published is None


def test_windows_1252_text_is_read_with_its_accents():
    article = read_article(BODY.encode("cp1252"))
    assert "Çengel" in article.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n  ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
        (BODY.encode() + b" \x81\x8d\x8f\x90\x9d", "not text in UTF-8"),
        (b"A" * (MAX_BYTES + 1), "are refused"),
        (b"Short note: customs met.", "fewer than 20 words"),
    ],
    ids=["empty", "blank", "binary", "undecodable", "too-large", "too-short"],
)
def test_bad_input_is_refused_with_its_reason(data, message):
    with pytest.raises(IngestError, match=message):
        read_article(data, name="upload.txt")


def test_html_is_reduced_to_its_article_text_title_and_date():
    html = f"""<!doctype html><html><head><title>Customs news</title>
    <meta property="article:published_time" content="2024-05-12">
    <meta property="og:site_name" content="Customs Gazette"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Korea Customs visits Baku</h1><p>{BODY}</p></article>
    <footer>Copyright 2024, all rights reserved</footer></body></html>"""
    article = read_article(html.encode(), name="page.html")
    assert article.format == "html"
    assert "Mr. Eser Çengel, Director of the ROCB Europe" in article.text
    assert "Copyright" not in article.text
    assert article.published == PartialDate(2024, 5, 12)
    assert article.publisher == "Customs Gazette"


def test_the_fingerprint_ignores_spacing_and_case():
    assert content_hash("The  Academy\r\nhosted") == content_hash("the academy hosted ")
    assert content_hash("The Academy hosted") != content_hash("The Academy visited")


@pytest.mark.parametrize(
    ("dateline", "publisher", "published"),
    [
        (
            "Botswana Unified Revenue Service | Media Release | Gaborone, 6 March 2026",
            "Botswana Unified Revenue Service",
            PartialDate(2026, 3, 6),
        ),
        (
            "SIECA | Press releases | Guatemala City, 8 August 2025",
            "SIECA",
            PartialDate(2025, 8, 8),
        ),
    ],
)
def test_a_piped_dateline_gives_the_publisher_and_the_date(dateline, publisher, published):
    text = f"BURS and ZIMRA agree joint verification\n\n{dateline}\n\nThe two authorities met."
    article = read_article(text.encode())
    assert (article.publisher, article.published) == (publisher, published)
