"""Cited passages are marked in the escaped article text, whatever their overlaps."""

from types import SimpleNamespace

from cooperation.marking import mark_passages
from tests.html import Page

TEXT = "The delegation visited the Academy. A protocol was signed in Baku. The end."


def cite(pk, quote):
    return SimpleNamespace(pk=pk, quote=quote)


def marked(citations, text=TEXT):
    html, unplaced = mark_passages(text, citations)
    parsed = Page(f"<div>{html}</div>")
    assert not parsed.unbalanced and parsed.stack == []
    # Marking adds tags only: the text reads as before.
    assert parsed.text == " ".join(text.split())
    return str(html), parsed, unplaced


def test_each_citation_gets_one_mark_with_its_id():
    html, parsed, unplaced = marked([cite(1, "visited the Academy"), cite(2, "in Baku")])
    assert '<mark class="passage" id="citation-1">visited the Academy</mark>' in html
    assert '<mark class="passage" id="citation-2">in Baku</mark>' in html
    assert unplaced == []


def test_overlapping_passages_nest_and_reopen_without_a_second_id():
    html, parsed, _ = marked(
        [cite(1, "visited the Academy. A protocol"), cite(2, "A protocol was")]
    )
    assert html.count('id="citation-1"') == 1 and html.count('id="citation-2"') == 1
    assert 'data-citation="2"> was</mark>' in html
    assert set(parsed.ids) == {"citation-1", "citation-2"}


def test_identical_and_contained_passages_each_have_their_mark():
    html, parsed, _ = marked(
        [cite(1, "A protocol was signed"), cite(2, "A protocol was signed"), cite(3, "protocol")]
    )
    assert set(parsed.ids) == {"citation-1", "citation-2", "citation-3"}


def test_a_quote_that_is_not_in_the_text_is_reported_not_marked():
    html, parsed, unplaced = marked([cite(1, "not in the article")])
    assert "<mark" not in html
    assert [c.pk for c in unplaced] == [1]


def test_text_and_quotes_are_escaped():
    text = 'Say <script>alert("x")</script> & "go" now.'
    html, parsed, _ = marked([cite(1, '<script>alert("x")</script> &')], text=text)
    assert "<script>" not in html
    assert (
        '<mark class="passage" id="citation-1">&lt;script&gt;alert(&quot;x&quot;)'
        "&lt;/script&gt; &amp;</mark>" in html
    )
