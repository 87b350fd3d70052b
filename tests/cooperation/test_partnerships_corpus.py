"""The partnerships of the real corpus: the declared ones are there, and every
partnership shown leads to the sentences that support it."""

import re

import pytest
from django.core.management import call_command

from cooperation import partnerships
from cooperation.models import Organization, Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(db):
    call_command("load_corpus", verbosity=0)


def text(response):
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def organization(acronym):
    return Organization.objects.get(acronym=acronym)


def test_asccas_page_shows_chrdi_as_a_partner_since_2020_with_the_evidence(client, corpus):
    ascca, chrdi = organization("ASCCA"), organization("CHRDI")
    page = client.get(ascca.get_absolute_url())
    assert re.search(rf"{re.escape(chrdi.name)} since 2020\b", text(page))

    # The partner row links to the pair page, whichever way round it names the pair.
    link = re.search(
        rf'href="(/partnerships/(?:{ascca.slug}/{chrdi.slug}|{chrdi.slug}/{ascca.slug})/)"',
        page.content.decode(),
    )
    assert link
    pair = link.group(1)
    evidence = text(client.get(pair))
    assert "Declared partnership" in evidence
    assert "five years of partnership" in evidence.lower()


def test_the_corpus_declared_partnerships_are_among_the_pairs(corpus):
    declared = {
        frozenset((p.organization_a_id, p.organization_b_id)) for p in Partnership.objects.all()
    }
    assert declared
    found = {
        frozenset((pair.a.organization.pk, pair.b.organization.pk))
        for pair in partnerships.partnership_pairs()
        if pair.counts.get("declared")
    }
    assert declared == found


def test_every_partnership_shown_leads_to_its_supporting_sentences(client, corpus):
    pairs = partnerships.partnership_pairs() + partnerships.partnership_pairs("country")
    assert pairs
    for pair in pairs:
        items = partnerships.pair_evidence(pair.a, pair.b)
        assert len(items) == pair.strength, pair
        for item in items:
            assert item.citations, f"{pair}: {item.title} has no citation"
            for citation in item.citations:
                assert citation.quote in citation.source.text
