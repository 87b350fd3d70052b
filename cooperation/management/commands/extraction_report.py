"""python manage.py extraction_report — how well extraction does on labelled articles."""

import json

from django.core.management.base import BaseCommand

from cooperation.ingest.evaluation import KINDS, evaluate, held_out_articles, tuning_articles


def _figure(value):
    return "  –  " if value is None else f"{value:.2f}"


class Command(BaseCommand):
    help = (
        "Print precision and recall of extraction per kind (organizations, people, "
        "countries, dates, events, agreements, programmes) on the tuning set (the corpus "
        "articles, labelled by their curated data files, and corpus/evaluation/tuning/) "
        "and the held-out set (corpus/evaluation/held_out/). Reads only; safe to rerun."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--set",
            dest="only",
            choices=["tuning", "held-out"],
            help="Measure one set only. While rules are being changed, measure the tuning "
            "set alone: even the held-out totals are a hint of what to change.",
        )
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="List what each article of the tuning set missed or added. The held-out "
            "set is not listed: looking at its errors would be tuning on it.",
        )

    def handle(self, *args, format, verbose, only, **options):
        sets = {"tuning": tuning_articles, "held-out": held_out_articles}
        sets = {name: find() for name, find in sets.items() if only in (None, name)}
        report = {}
        details = {}
        for name, articles in sets.items():
            totals, results = evaluate(articles)
            details[name] = results
            report[name] = {
                "articles": len(articles),
                **{
                    kind: {
                        "precision": totals[kind].precision,
                        "recall": totals[kind].recall,
                        "true_positives": totals[kind].true_positives,
                        "predicted": totals[kind].predicted,
                        "labelled": totals[kind].labelled,
                    }
                    for kind in KINDS
                },
            }
        if format == "json":
            self.stdout.write(json.dumps(report, indent=2))
            return
        self._print_table(report)
        if verbose:
            self._print_details(details)

    def _print_table(self, report):
        header = f"{'':<14}"
        for name in report:
            header += f"  {name + ' (' + str(report[name]['articles']) + ' articles)':<30}"
        self.stdout.write(header)
        self.stdout.write(f"{'':<14}" + "  precision recall  (hit/found/labelled)" * len(report))
        for kind in KINDS:
            line = f"{kind:<14}"
            for name in report:
                s = report[name][kind]
                counts = f"({s['true_positives']}/{s['predicted']}/{s['labelled']})"
                line += f"  {_figure(s['precision']):>9} {_figure(s['recall']):>6}  {counts:<14}"
            self.stdout.write(line)
        if "tuning" in report and not report["tuning"]["articles"]:
            self.stdout.write("The tuning set is empty: corpus/ has no curated data files yet.")

    def _print_details(self, details):
        for name, results in details.items():
            if name != "tuning":
                continue
            for result in results:
                self.stdout.write(f"\n{name}: {result.name}")
                for kind in KINDS:
                    if result.misses[kind]:
                        self.stdout.write(f"  missed {kind}: {result.misses[kind]}")
                    if result.extras[kind]:
                        self.stdout.write(f"  not labelled {kind}: {result.extras[kind]}")
