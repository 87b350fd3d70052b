"""Search on the real corpus: the "done when" of issue 7, and the other
behaviours the issue names, on the five articles as curated in corpus/."""

import pytest
from django.core.management import call_command

from tests.cooperation.test_search import first_result, get_search, result_links


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The corpus, loaded once for this module (loading takes seconds), then
    flushed so the other modules start from an empty database again."""
    with django_db_blocker.unblock():
        call_command("load_corpus", verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def corpus_db(corpus, db):
    pass


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("cengel", "/people/eser-cengel/"),
        ("rocb", "/organizations/rocb-europe/"),
        ("caricc", "/organizations/caricc/"),
        ("container control", "/programmes/ccp/"),
        ("seoul", "/events/wco-policy-commission-82nd-session/"),
        ("uzbekistan", "/countries/uz/"),
        ("erasmus", "/programmes/erasmus-plus/"),
        ("koica", "/organizations/koica/"),
    ],
)
def test_corpus_query_puts_the_expected_record_first(client, corpus_db, q, expected):
    assert first_result(client, q) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("ÇENGEL", "/people/eser-cengel/"),
        ("Seyidzadeh", "/people/mirhasan-seyidzade/"),
        ("Novruzof", "/people/gulu-novruzov/"),
        ("CCP", "/programmes/ccp/"),
        ("Columbus", "/programmes/columbus-programme/"),
        ("Uzbek", "/countries/uz/"),
        ("Azerbaijani", "/countries/az/"),
    ],
)
def test_corpus_names_acronyms_and_demonyms(client, corpus_db, q, expected):
    assert first_result(client, q) == expected


def test_corpus_country_then_what_involves_it(client, corpus_db):
    links = result_links(get_search(client, "uzbekistan"))
    assert links[0] == "/countries/uz/"
    assert "/organizations/customs-uzbekistan/" in links
    assert "/events/iren-exchange-visit-azerbaijan-2023/" in links


def test_corpus_programme_then_its_events(client, corpus_db):
    response = get_search(client, "Container Control Programme")
    links = result_links(response)
    assert links[0] == "/programmes/ccp/"
    assert "/events/iren-exchange-visit-azerbaijan-2023/" in links
    assert "Under CCP" in response.content.decode()


def test_corpus_article_text_snippet(client, corpus_db):
    response = get_search(client, "Alyat", type="source")
    assert "<mark>Alyat</mark>" in response.content.decode()
    assert result_links(response)
