"""extraction_report: precision and recall per kind, on the tuning and held-out sets."""

import io
import json

import pytest
from django.core.management import call_command

from cooperation.ingest.evaluation import labelled_articles

# Recall the issue asks for on articles the extractor was not tuned on, and what
# the held-out set (corpus/evaluation/held_out/, the eighteenth one: eighteen
# ordinary news items written by three writers who had not seen the rules)
# measured, run once after the rules were changed for the tuning set:
# organizations 167/190, people 63/76, countries 70/70, dates 124/147.
TARGETS = {"organizations": 0.9, "people": 0.9, "countries": 0.9, "dates": 0.8}
MEASURED = {
    "organizations": 167 / 190,
    "people": 63 / 76,
    "countries": 70 / 70,
    "dates": 124 / 147,
}
UNMET = sorted(kind for kind in TARGETS if MEASURED[kind] < TARGETS[kind])


@pytest.fixture(scope="module")
def report():
    out = io.StringIO()
    call_command("extraction_report", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_the_report_covers_both_sets_and_every_kind(report):
    # Tuning: the five corpus articles and the 179 of corpus/evaluation/tuning/.
    assert report["tuning"]["articles"] == 184
    assert report["held-out"]["articles"] == 18
    for name in ("tuning", "held-out"):
        for kind in ("organizations", "people", "countries", "dates", "events", "agreements"):
            assert report[name][kind]["labelled"] > 0


def test_the_text_report_prints_a_row_per_kind():
    out = io.StringIO()
    call_command("extraction_report", stdout=out)
    lines = out.getvalue().splitlines()
    assert "tuning (184 articles)" in lines[0]
    assert "held-out (18 articles)" in lines[0]
    assert any(line.startswith("organizations") for line in lines)
    assert any(line.startswith("dates") for line in lines)


def test_tuning_recall_does_not_regress(report):
    # Measured 0.94 (2377/2540), 0.98 (967/982), 0.99 (856/866) and 0.85 (1805/2134)
    # on the 184 tuning articles.
    floors = {"organizations": 0.93, "people": 0.98, "countries": 0.98, "dates": 0.84}
    for kind, floor in floors.items():
        assert report["tuning"][kind]["recall"] >= floor, kind


def test_one_set_can_be_measured_alone():
    out = io.StringIO()
    call_command("extraction_report", "--set", "tuning", "--format", "json", stdout=out)
    assert list(json.loads(out.getvalue())) == ["tuning"]


@pytest.mark.parametrize("kind", sorted(set(TARGETS) - set(UNMET)))
def test_held_out_recall_meets_the_target(report, kind):
    assert report["held-out"][kind]["recall"] >= TARGETS[kind]


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_held_out_recall_does_not_regress(report, kind):
    assert report["held-out"][kind]["recall"] >= MEASURED[kind] - 1e-9


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(
            kind,
            marks=pytest.mark.xfail(
                strict=True,
                reason=f"held-out {kind} recall is {MEASURED[kind]:.3f}, target {TARGETS[kind]}",
            ),
        )
        for kind in UNMET
    ],
)
def test_held_out_recall_meets_the_target_not_yet_reached(report, kind):
    assert report["held-out"][kind]["recall"] >= TARGETS[kind]


def test_norway_in_a_label_file_is_a_country_not_false(tmp_path):
    (tmp_path / "a.txt").write_text("Norwegian Customs met Swedish Customs.", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "countries: [NO, SE]\norganizations:\n  - {name: Norwegian Customs, country: NO}\n",
        encoding="utf-8",
    )
    (article,) = labelled_articles(tmp_path)
    assert article.labels["countries"] == ["NO", "SE"]
    assert article.labels["organizations"][0]["country"] == "NO"
