"""Page benchmark: how long each kind of page takes to build, at a given size.

    .venv/bin/python bench/pages.py postgresql --events 1000000
    .venv/bin/python bench/pages.py sqlite --events 100000
    .venv/bin/python bench/pages.py postgresql --events 10000 1000000 --markdown out.md

For each size it makes a database of its own (a new SQLite file in a temporary
folder, or a new PostgreSQL database ``cckb_bench_<pid>``), migrates it, fills
it with ``bench/data.py``, then requests each page of ``PAGES`` through Django's
test client with the production settings (DEBUG off), several times, each time
for another object where the page is about one (the busiest among them). It
reports for each page kind:

- the median and 95th percentile server time (the whole request: middleware,
  queries, templates);
- the number of queries;
- the floor: the page's slowest query run again as bare SQL through the
  database driver (median of three), and the page's median as a multiple of it;
- the first request's time, with the cache empty, as after any write: the
  summaries kept in the cache (``cooperation/caching.py``) are computed then.

``--keep`` leaves the database in place and prints its address; ``--reuse URL``
measures an existing one instead of filling a new one.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, the project is not on the path; bench/ is.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.database import benchmark_database  # noqa: E402

SEARCHES = ["rocb", "cengel", "novruzof", "container control", "uzbekistan", "koica"]


def targets():
    """``[(page kind, [address, ...])]``: the addresses each page kind is timed on."""
    from django.db.models import Count

    from cooperation.models import Agreement, Organization, Programme, Source
    from events.models import Event
    from people.models import Person

    def busiest(queryset, related, n=3):
        return list(
            queryset.annotate(n=Count(related)).order_by("-n").values_list("slug", flat=True)[:n]
        )

    def spread(model, n=7):
        """Slugs of ``n`` rows spread across the table."""
        total = model.objects.count()
        step = max(1, total // n)
        return list(
            model.objects.order_by("pk").values_list("slug", flat=True)[: step * n : step][:n]
        )

    orgs = list(
        dict.fromkeys(busiest(Organization.objects, "participations") + spread(Organization))
    )
    hot, second, third = orgs[0], orgs[1], orgs[3]
    events = spread(Event, 10)
    people = busiest(Person.objects, "participations") + spread(Person)
    programmes = busiest(Programme.objects, "event_links") + spread(Programme)
    agreements = spread(Agreement, 10)
    sources = busiest(Source.objects, "citations") + spread(Source)
    countries = ["az", "uz", "kz", "tr", "de", "om", "no", "lt"]
    return [
        ("home", ["/"]),
        ("search", [f"/search/?q={q}" for q in SEARCHES]),
        ("organization list", ["/organizations/"]),
        ("organization list, filtered", ["/organizations/?country=AZ&kind=customs"]),
        ("organization list, page 50", ["/organizations/?page=50"]),
        ("organization", [f"/organizations/{slug}/" for slug in orgs]),
        ("event list", ["/events/"]),
        ("event list, filtered", [f"/events/?country=UZ&year_from=2015&organization={hot}"]),
        ("event list, page 50", ["/events/?page=50"]),
        ("event", [f"/events/{slug}/" for slug in events]),
        ("people list", ["/people/"]),
        ("person", [f"/people/{slug}/" for slug in people]),
        ("programme list", ["/programmes/"]),
        ("programme", [f"/programmes/{slug}/" for slug in programmes]),
        ("agreement list", ["/agreements/"]),
        ("agreement", [f"/agreements/{slug}/" for slug in agreements]),
        ("source list", ["/sources/"]),
        ("source", [f"/sources/{slug}/" for slug in sources]),
        ("country list", ["/countries/"]),
        ("country", [f"/countries/{code}/" for code in countries]),
        ("partnership list", ["/partnerships/"]),
        ("partnership list, filtered", [f"/partnerships/?organization={hot}"]),
        ("partnership pair", [f"/partnerships/{hot}/{second}/", f"/partnerships/{third}/{hot}/"]),
        ("partnership network", [f"/partnerships/network.json?organization={hot}"]),
        ("API event list", ["/api/events/"]),
        ("API organization", [f"/api/organizations/{slug}/" for slug in orgs]),
        ("feed", ["/feeds/events/"]),
    ]


class Recorder:
    """Records each query a request runs: SQL, parameters and duration."""

    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, params, many, time.perf_counter() - start))


def bare(sql, params):
    """Milliseconds to run ``sql`` and fetch its rows through the driver."""
    from django.db import connection

    times = []
    for _ in range(3):
        with connection.cursor() as cursor:
            raw = cursor.cursor
            start = time.perf_counter()
            raw.execute(sql, params or ())
            if raw.description:
                raw.fetchall()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(runs, budget, progress=print, only=""):
    """``[{"page", "median", "p95", "queries", "floor"}]`` for every page kind
    (whose name contains ``only``)."""
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="testserver")
    results = []
    for kind, addresses in targets():
        if only and not any(part in kind for part in only.split(",")):
            continue
        times, counts, slowest = [], [], (0, None, None)
        # The first request finds the cache empty (as after any write) and
        # warms templates and the database's buffers: timed apart.
        start = time.perf_counter()
        client.get(addresses[0], secure=True)
        first = (time.perf_counter() - start) * 1000
        started = time.perf_counter()
        for n in range(runs):
            address = addresses[n % len(addresses)]
            recorder = Recorder()
            with connection.execute_wrapper(recorder):
                start = time.perf_counter()
                response = client.get(address, secure=True)
                if getattr(response, "streaming", False):
                    b"".join(response.streaming_content)
                elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{address} answered {response.status_code}")
            times.append(elapsed)
            counts.append(len(recorder.queries))
            for sql, params, many, duration in recorder.queries:
                if not many and duration > slowest[0]:
                    slowest = (duration, sql, params)
            if time.perf_counter() - started > budget and n >= 4:
                break
        floor = bare(slowest[1], slowest[2]) if slowest[1] else 0.0
        row = {
            "page": kind,
            "first": first,
            "runs": len(times),
            "median": statistics.median(times),
            "p95": p95(times),
            "queries": max(counts),
            "floor": floor,
        }
        progress(format_row(row))
        results.append(row)
    return results


def p95(values):
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


HEADER = "| page | median ms | p95 ms | queries | floor ms | median / floor | first ms |"


def format_row(row):
    ratio = row["median"] / row["floor"] if row["floor"] else float("inf")
    return (
        f"| {row['page']} | {row['median']:.0f} | {row['p95']:.0f} | {row['queries']} "
        f"| {row['floor']:.1f} | {ratio:.1f}× | {row['first']:.0f} |"
    )


def markdown(database, events, counts, results):
    lines = [
        f"### {database}, {events:,} events",
        "",
        "Rows: " + ", ".join(f"{table} {n:,}" for table, n in sorted(counts.items())),
        "",
        HEADER,
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(format_row(row) for row in results),
        "",
    ]
    return "\n".join(lines)


def table_counts():
    from django.apps import apps

    return {
        model._meta.db_table: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"cooperation", "events", "people"}
        and not model._meta.db_table.startswith(("cooperation_historical", "events_historical"))
        and "historical" not in model._meta.db_table
    }


def run_one(database, events, runs, budget, server, keep, reuse, out, only=""):
    os.environ["DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["REQUEST_LOG_LEVEL"] = "WARNING"
    with benchmark_database(database, server, reuse=reuse, keep=keep):
        from django.core.management import call_command

        from bench.data import fill

        if not reuse:
            start = time.perf_counter()
            fill(events, progress=lambda line: print(f"  {line}", flush=True))
            print(f"{database}: filled in {time.perf_counter() - start:.0f} s", flush=True)
        call_command("collectstatic", interactive=False, verbosity=0)
        counts = table_counts()
        events = counts.get("events_event", events)
        print(f"{database}, {events:,} events: {runs} runs of each page, milliseconds")
        print(HEADER, flush=True)
        results = measure(runs, budget, progress=lambda line: print(line, flush=True), only=only)
        if out:
            with open(out, "a", encoding="utf-8") as file:
                file.write(markdown(database, events, counts, results) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", choices=["sqlite", "postgresql"])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000])
    parser.add_argument("--runs", type=int, default=20, help="requests of each page kind")
    parser.add_argument(
        "--budget", type=float, default=30, help="seconds per page kind before it stops early"
    )
    parser.add_argument(
        "--server",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server URL; the benchmark creates and drops its own database there",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database it fills")
    parser.add_argument("--reuse", metavar="URL", help="measure this database instead")
    parser.add_argument("--markdown", metavar="FILE", help="append the tables to FILE")
    parser.add_argument(
        "--only", default="", help="only the page kinds whose name has one of these (a,b)"
    )
    args = parser.parse_args()
    if len(args.events) > 1:
        # One process per size: Django is set up for one database at a time.
        for events in args.events:
            command = [sys.executable, __file__, args.database, "--events", str(events)]
            command += ["--runs", str(args.runs), "--budget", str(args.budget)]
            command += ["--server", args.server]
            if args.markdown:
                command += ["--markdown", args.markdown]
            subprocess.run(command, check=True)
        return
    run_one(
        args.database,
        args.events[0],
        args.runs,
        args.budget,
        args.server,
        args.keep,
        args.reuse,
        args.markdown,
        args.only,
    )


if __name__ == "__main__":
    main()
