"""Measuring extraction against hand-labelled articles.

Two sets. The *tuning* set is what the rules were written looking at: the corpus
articles, labelled by their curated data files, and the invented articles of
``corpus/evaluation/tuning/`` (earlier held-out sets, whose errors have been
seen). The *held-out* set, ``corpus/evaluation/held_out/``, is invented articles
labelled before the rules were last changed, and never tuned on. Each article is
extracted into an empty knowledge base, as a new article would be, and its
proposals are compared with the labels, kind by kind, one proposal to one label
at most.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from rapidfuzz import fuzz

from cooperation.ingest.extract import extract
from cooperation.ingest.places import fold
from cooperation.ingest.text import read_article
from cooperation.partial_dates import PartialDate

KINDS = ["organizations", "people", "countries", "dates", "events", "agreements", "programmes"]
CORPUS = Path(settings.BASE_DIR) / "corpus"
INVENTED_TUNING = CORPUS / "evaluation" / "tuning"
HELD_OUT = CORPUS / "evaluation" / "held_out"


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    labelled: int = 0

    def add(self, other):
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.labelled += other.labelled

    @property
    def precision(self):
        return self.true_positives / self.predicted if self.predicted else None

    @property
    def recall(self):
        return self.true_positives / self.labelled if self.labelled else None


@dataclass
class ArticleResult:
    name: str
    scores: dict
    misses: dict = field(default_factory=dict)
    extras: dict = field(default_factory=dict)


@dataclass
class LabelledArticle:
    name: str
    path: Path
    labels: dict


def labelled_articles(directory):
    """The articles of ``directory`` with their labels (``NAME.txt`` and ``NAME.yaml``)."""
    articles = []
    for labels_path in sorted(Path(directory).glob("*.yaml")):
        text_path = labels_path.with_suffix(".txt")
        if text_path.exists():
            labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
            articles.append(LabelledArticle(text_path.name, text_path, _country_codes(labels)))
    return articles


def _country_codes(labels):
    """Labels with Norway's code read back: YAML 1.1 reads a bare ``NO`` as false."""

    def code(value):
        return "NO" if value is False else value

    labels["countries"] = [code(c) for c in labels.get("countries") or []]
    for organization in labels.get("organizations") or []:
        organization["country"] = code(organization.get("country"))
    return labels


def _names(label):
    return [n for n in [label.get("name"), label.get("acronym"), *label.get("aliases", [])] if n]


def _same_name(predicted_names, label_names, *, threshold):
    for p in predicted_names:
        for label in label_names:
            a, b = fold(p), fold(label)
            if a == b:
                return True
            if len(a) > 6 and len(b) > 6 and fuzz.ratio(a, b) >= threshold:
                return True
    return False


def _pair(predicted, labelled, same):
    """Greedy one-to-one matching: (matched pairs, unmatched predicted, unmatched labels)."""
    free = list(labelled)
    pairs, extra = [], []
    for p in predicted:
        hit = next((label for label in free if same(p, label)), None)
        if hit is None:
            extra.append(p)
        else:
            free.remove(hit)
            pairs.append((p, hit))
    return pairs, extra, free


def _iso(value):
    if value in (None, ""):
        return None
    return PartialDate.parse(str(value)).isoformat()


def compare(findings, labels):
    """{kind: (Score, misses, extras)} for one article."""
    by_kind = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(finding)
    result = {}

    def record(kind, predicted, labelled, same, show_p, show_l):
        pairs, extra, missed = _pair(predicted, labelled, same)
        result[kind] = (
            Score(len(pairs), len(predicted), len(labelled)),
            [show_l(m) for m in missed],
            [show_p(e) for e in extra],
        )

    record(
        "organizations",
        by_kind.get("organization", []),
        labels.get("organizations") or [],
        lambda p, lab: _same_name([p.name, *p.aliases], _names(lab), threshold=90),
        lambda p: p.name,
        lambda lab: lab["name"],
    )
    record(
        "people",
        by_kind.get("person", []),
        labels.get("people") or [],
        lambda p, lab: any(
            fuzz.token_sort_ratio(fold(n), fold(m)) >= 85
            for n in [p.name, *p.aliases]
            for m in _names(lab)
        ),
        lambda p: p.name,
        lambda lab: lab["name"],
    )
    record(
        "countries",
        sorted({f.country for f in by_kind.get("country", []) if f.country}),
        sorted(set(labels.get("countries") or [])),
        lambda p, lab: p == lab,
        str,
        str,
    )
    predicted_dates = sorted(
        {d.isoformat() for f in findings for d in (f.start, f.end) if d is not None}
    )
    record(
        "dates",
        predicted_dates,
        sorted({_iso(d) for d in labels.get("dates") or []}),
        lambda p, lab: p == lab,
        str,
        str,
    )
    record(
        "events",
        by_kind.get("event", []),
        labels.get("events") or [],
        lambda p, lab: (
            (p.start.isoformat() if p.start else None) == _iso(lab.get("start"))
            and (lab.get("start") or p.details.get("kind") == lab.get("kind"))
        ),
        lambda p: f"{p.name}",
        lambda lab: f"{lab.get('kind')} {lab.get('start')}",
    )
    record(
        "agreements",
        by_kind.get("agreement", []),
        labels.get("agreements") or [],
        lambda p, lab: (
            p.details.get("kind") == lab.get("kind")
            and (p.start.isoformat() if p.start else None) == _iso(lab.get("date"))
        ),
        lambda p: f"{p.name} {p.start}",
        lambda lab: f"{lab.get('kind')} {lab.get('date')}",
    )
    record(
        "programmes",
        by_kind.get("programme", []),
        labels.get("programmes") or [],
        lambda p, lab: _same_name([p.name, *p.aliases], _names(lab), threshold=85),
        lambda p: p.name,
        lambda lab: lab["name"],
    )
    return result


def evaluate_article(article):
    """Extract one labelled article into an empty knowledge base and score it."""
    text = read_article(article.path.read_bytes(), name=article.name)
    published = text.published
    if published is None and article.labels.get("published"):
        published = PartialDate.parse(str(article.labels["published"]))
    findings = extract(text.text, published=published)
    compared = compare(findings, article.labels)
    return ArticleResult(
        article.name,
        {kind: compared[kind][0] for kind in KINDS},
        misses={kind: compared[kind][1] for kind in KINDS},
        extras={kind: compared[kind][2] for kind in KINDS},
    )


def evaluate(articles):
    """({kind: Score} over all ``articles``, [ArticleResult])."""
    totals = {kind: Score() for kind in KINDS}
    results = []
    for article in articles:
        result = evaluate_article(article)
        results.append(result)
        for kind in KINDS:
            totals[kind].add(result.scores[kind])
    return totals, results


def held_out_articles(directory=HELD_OUT):
    """The held-out set: invented articles the rules were not tuned on."""
    return labelled_articles(directory)


def tuning_articles(directory=CORPUS, invented=INVENTED_TUNING):
    """The tuning set: the corpus articles, labelled by their curated data files
    (``corpus/*.yaml``), then the invented articles of ``invented``."""
    from cooperation.ingest.curated import labels_from_curated

    articles = []
    for data_path in sorted(Path(directory).glob("*.yaml")):
        labelled = labels_from_curated(data_path)
        if labelled is not None:
            articles.append(LabelledArticle(labelled[0].name, labelled[0], labelled[1]))
    return articles + labelled_articles(invented)
