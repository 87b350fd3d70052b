"""The source page's article text with each cited passage marked.

The text is escaped piece by piece and only our own ``<mark>`` tags are put
between the pieces, so no article text is ever trusted as HTML. Passages that
overlap or repeat are nested properly: where one passage ends inside another,
the outer mark is closed and reopened (without its id), so each citation has
exactly one element ``<mark id="citation-<pk>">`` and the HTML stays valid.
"""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django_countries.fields import Country, CountryField

from cooperation.models import SluggedModel


def mark_passages(text, citations):
    """``(html, unplaced)``: the escaped ``text`` with each citation's quote (its first
    occurrence) in a ``<mark>``, and the citations whose quote is not in the text."""
    spans, unplaced = [], []
    for citation in citations:
        start = text.find(citation.quote) if citation.quote else -1
        if start < 0:
            unplaced.append(citation)
        else:
            spans.append((start, start + len(citation.quote), citation.pk))
    starts = {}
    for start, end, pk in spans:
        starts.setdefault(start, []).append((end, pk))
    boundaries = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})

    parts, stack = [], []  # stack of (end, pk) for the marks open now, innermost last
    for position, following in zip(boundaries, [*boundaries[1:], None], strict=True):
        if any(end == position for end, _ in stack):
            reopen = []
            while any(end == position for end, _ in stack):
                end, pk = stack.pop()
                parts.append("</mark>")
                if end != position:
                    reopen.append((end, pk))
            for end, pk in reversed(reopen):
                parts.append(f'<mark class="passage" data-citation="{pk}">')
                stack.append((end, pk))
        # Longest first, so a passage that starts with another one contains it.
        for end, pk in sorted(starts.get(position, []), key=lambda span: (-span[0], span[1])):
            parts.append(f'<mark class="passage" id="citation-{pk}">')
            stack.append((end, pk))
        if following is not None:
            parts.append(escape(text[position:following]))
    parts.extend("</mark>" for _ in stack)
    return mark_safe("".join(parts)), unplaced


def linked_entities(obj):
    """The public entities a cited object stands for: the object itself when it
    has a page, else (for a relation such as a position) the entities it links,
    and the countries it names. Uses only rows already selected."""
    if isinstance(obj, SluggedModel):
        return [obj]
    entities = []
    for model_field in obj._meta.concrete_fields:
        if model_field.is_relation and issubclass(model_field.related_model, SluggedModel):
            if getattr(obj, model_field.attname) is not None:
                entities.append(getattr(obj, model_field.name))
        elif isinstance(model_field, CountryField):
            country = getattr(obj, model_field.name)
            if country:
                entities.append(country)
    return entities


@dataclass
class Fact:
    """A fact a passage supports, as its model names it, and the entities in it."""

    text: str
    entities: list

    @property
    def countries(self):
        return [e for e in self.entities if isinstance(e, Country)]

    @property
    def pages(self):
        return [e for e in self.entities if not isinstance(e, Country)]


@dataclass
class Passage:
    """A quote of the source and every fact it supports; ``anchor`` is the id of
    the mark of its first citation."""

    quote: str
    anchor: str
    facts: list = field(default_factory=list)


def passages(text, citations):
    """The cited passages of ``text`` in reading order, one per distinct quote,
    each with the facts its citations support (``cited`` prefetched)."""
    by_quote = {}
    for citation in citations:
        cited = citation.cited
        if cited is None:
            continue
        passage = by_quote.setdefault(
            citation.quote, Passage(citation.quote, f"citation-{citation.pk}")
        )
        kind = capfirst(cited._meta.verbose_name)
        # An entity is named by its link; a relation says what it relates.
        described = kind if isinstance(cited, SluggedModel) else f"{kind}: {cited}"
        passage.facts.append(Fact(described, linked_entities(cited)))
    return sorted(by_quote.values(), key=lambda p: (text.find(p.quote), p.anchor))
