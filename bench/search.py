"""Search benchmark: fill a throwaway database with synthetic but realistic data
and time a fixed set of searches. Not a test: it prints figures for README.md.

    .venv/bin/python bench/search.py sqlite
    .venv/bin/python bench/search.py postgresql --server postgres://postgres@127.0.0.1:5432/postgres
    .venv/bin/python bench/search.py both --scale 110000

It makes its own database (a new SQLite file in a temporary folder, or a new
PostgreSQL database ``cckb_bench_<pid>``), migrates it, fills it with
``bulk_create`` in batches, and drops it at the end. Activity follows a power
law: a few organizations take part in most events, as the WCO does.
"""

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, the project is not on the path; bench/ is.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.data import FIRST, LAST, TOPICS  # noqa: E402
from bench.database import benchmark_database  # noqa: E402

QUERIES = [
    "rocb",  # acronym
    "cengel",  # accent-free surname
    "seyidzadeh",  # misspelt surname
    "novruzof",  # misspelt surname
    "container control",  # programme by name
    "uzbekistan",  # country
    "koica",  # acronym of a donor
    "customs training academy",  # words in names
    "risk management workshop",  # words in text
    "exchange visit baku",  # event words and a city
]

COUNTRIES = "AZ UZ KZ KG TJ TM TR RU KR GE AM UA BY DE FR IT PL RO HU FI NL BE".split()
CITIES = (
    "Baku Tashkent Almaty Bishkek Dushanbe Ashgabat Ankara Moscow Seoul Tbilisi Brussels".split()
)
UNITS = [
    "Customs Service",
    "State Customs Committee",
    "Customs Academy",
    "Customs Training Centre",
    "Border Guard Service",
    "Drug Control Agency",
    "Ministry of Finance",
    "Port Control Unit",
    "Risk Management Department",
    "Customs Laboratory",
    "Investigation Department",
    "Revenue Service",
]
EVENT_KINDS = ["workshop", "exchange-visit", "meeting", "training", "seminar", "conference"]
PARAGRAPH = (
    "The delegation of the {org} visited {city} to discuss {topic} and the exchange of "
    "experience between the customs administrations. During the {kind}, {person}, head of "
    "the delegation, presented the results of cooperation and the plans for the next years. "
    "The parties agreed to strengthen practical cooperation in {topic2} and to hold a joint "
    "{kind2} within the framework of the {programme}."
)


def zipf_choice(rng, items, alpha=1.2):
    """An item, the first ones far more often than the last (power law)."""
    n = len(items)
    while True:
        k = int(rng.paretovariate(alpha))
        if k <= n:
            return items[k - 1]


def fill(scale, seed=7):
    """Create about ``scale`` organizations, people and events together, plus
    programmes, agreements, sources and participations; return the counts."""
    from django.db import connection, transaction

    from cooperation.models import Agreement, Organization, OrganizationAlias, Programme, Source
    from cooperation.search import _lines
    from events.models import Event, EventProgramme, OrganizationParticipation
    from people.models import Person

    rng = random.Random(seed)
    n_orgs, n_people = int(scale * 0.35), int(scale * 0.35)
    n_events = scale - n_orgs - n_people
    batch = 2000

    def doc(names, text):
        return "\n".join(_lines(names)), "\n".join(_lines(text))

    def bulk(model, objs):
        for start in range(0, len(objs), batch):
            model.objects.bulk_create(objs[start : start + batch], batch_size=batch)

    from django_countries import countries

    with transaction.atomic():
        # Programmes, with the real ones among them.
        programmes = []
        for name, acronym in [
            ("UNODC-WCO Global Container Control Programme", "CCP"),
            ("Columbus Programme", ""),
            ("Erasmus+ Excellent MA ITCLSC", ""),
        ]:
            programmes.append((name, acronym))
        for i in range(max(50, scale // 500)):
            topic = rng.choice(TOPICS)
            programmes.append((f"{topic.title()} Programme {i}", f"P{i}"))
        objs = []
        for i, (name, acronym) in enumerate(programmes):
            names, text = doc([name, acronym], [f"A programme on {rng.choice(TOPICS)}."])
            objs.append(
                Programme(
                    name=name,
                    acronym=acronym,
                    slug=f"programme-{i}",
                    description=text,
                    search_names=names,
                    search_text=text,
                )
            )
        bulk(Programme, objs)
        programme_ids = list(Programme.objects.values_list("pk", flat=True))

        # Organizations; a tenth with an alias.
        objs, aliases = [], []
        specials = [
            ("Regional Office for Capacity Building for the WCO Europe Region", "ROCB Europe", ""),
            ("Korea International Cooperation Agency", "KOICA", "KR"),
            ("Central Asian Regional Information and Coordination Centre", "CARICC", "KZ"),
        ]
        for i in range(n_orgs):
            if i < len(specials):
                name, acronym, country = specials[i]
            else:
                country = rng.choice(COUNTRIES)
                unit = rng.choice(UNITS)
                name = f"{unit} of {countries.name(country)} {i}"
                acronym = "".join(w[0] for w in unit.split() if w[0].isupper()) + str(i)
            description = f"Works on {rng.choice(TOPICS)} and {rng.choice(TOPICS)}."
            names, text = doc([name, acronym], [description, country and countries.name(country)])
            objs.append(
                Organization(
                    name=name,
                    acronym=acronym,
                    country=country,
                    slug=f"organization-{i}",
                    description=description,
                    search_names=names,
                    search_text=text,
                )
            )
        bulk(Organization, objs)
        org_ids = list(Organization.objects.order_by("pk").values_list("pk", flat=True))
        for pk in org_ids[::10]:
            aliases.append(OrganizationAlias(organization_id=pk, name=f"Alias {pk}"))
        bulk(OrganizationAlias, aliases)

        # People.
        objs = []
        for i in range(n_people):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            title = rng.choice(["Director", "Deputy Chairman", "Head of Department", "Expert"])
            names, text = doc([name], [title, f"{title} of {rng.choice(UNITS)}"])
            objs.append(Person(name=name, slug=f"person-{i}", search_names=names, search_text=text))
        bulk(Person, objs)

        # Events, their participants (power law) and programmes.
        objs = []
        for i in range(n_events):
            topic, city = rng.choice(TOPICS), rng.choice(CITIES)
            kind = rng.choice(EVENT_KINDS)
            title = f"{kind.replace('-', ' ').capitalize()} on {topic} in {city}"
            description = f"Participants discussed {topic} and {rng.choice(TOPICS)}."
            country = rng.choice(COUNTRIES)
            names, text = doc([title, city], [description, kind, countries.name(country)])
            objs.append(
                Event(
                    title=title,
                    kind=kind,
                    city=city,
                    country=country,
                    slug=f"event-{i}",
                    description=description,
                    start=f"{rng.randint(2005, 2025)}",
                    search_names=names,
                    search_text=text,
                )
            )
        bulk(Event, objs)
        event_ids = list(Event.objects.values_list("pk", flat=True))
        participations, links = [], []
        for event_id in event_ids:
            chosen = {zipf_choice(rng, org_ids) for _ in range(rng.randint(1, 3))}
            for n, org_id in enumerate(chosen):
                participations.append(
                    OrganizationParticipation(
                        event_id=event_id,
                        organization_id=org_id,
                        role="host" if n == 0 else "participant",
                    )
                )
            if rng.random() < 0.2:
                links.append(
                    EventProgramme(event_id=event_id, programme_id=zipf_choice(rng, programme_ids))
                )
        bulk(OrganizationParticipation, participations)
        bulk(EventProgramme, links)

        # Agreements and sources (articles of a few paragraphs).
        objs = []
        for i in range(scale // 20):
            title = f"Memorandum on {rng.choice(TOPICS)} {i}"
            names, text = doc([title], [f"Cooperation in {rng.choice(TOPICS)}."])
            objs.append(
                Agreement(
                    title=title,
                    slug=f"agreement-{i}",
                    subject=text,
                    search_names=names,
                    search_text=text,
                )
            )
        bulk(Agreement, objs)
        objs = []
        for i in range(scale // 30):
            paragraphs = [
                PARAGRAPH.format(
                    org=f"{rng.choice(UNITS)} of {countries.name(rng.choice(COUNTRIES))}",
                    city=rng.choice(CITIES),
                    topic=rng.choice(TOPICS),
                    topic2=rng.choice(TOPICS),
                    kind=rng.choice(EVENT_KINDS),
                    kind2=rng.choice(EVENT_KINDS),
                    person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    programme=rng.choice(programmes)[0],
                )
                for _ in range(rng.randint(3, 8))
            ]
            title = f"Customs news {i}: {rng.choice(TOPICS)}"
            body = "\n\n".join(paragraphs)
            names, text = doc([title], ["Customs Gazette", *body.splitlines()])
            objs.append(
                Source(
                    title=title,
                    slug=f"source-{i}",
                    url=f"https://news.example.org/{i}",
                    published=f"{rng.randint(2005, 2025)}",
                    text=body,
                    search_names=names,
                    search_text=text,
                )
            )
        bulk(Source, objs)
    from cooperation.search_backends import vector_update

    # bulk_create sends no signals: store the PostgreSQL vectors in one pass each.
    for model in (Organization, Programme, Person, Event, Agreement, Source):
        vector_update(model.objects.all())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "organizations": n_orgs,
        "people": n_people,
        "events": n_events,
        "programmes": len(programmes),
        "agreements": scale // 20,
        "sources": scale // 30,
        "participations": len(participations),
    }


def measure(runs):
    from cooperation.search import search

    figures = {}
    for q in QUERIES:
        search(q)  # warm caches
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            search(q)
            times.append((time.perf_counter() - start) * 1000)
        figures[q] = times
    return figures


def p95(values):
    return statistics.quantiles(values, n=20)[-1]


def run_one(database, scale, runs, server):
    with benchmark_database(database, server):
        start = time.perf_counter()
        counts = fill(scale)
        print(f"{database}: filled in {time.perf_counter() - start:.0f} s: {counts}", flush=True)
        figures = measure(runs)
        everything = [t for times in figures.values() for t in times]
        print(f"{database}: {runs} runs of each query, milliseconds")
        print(f"  {'query':<28} {'median':>8} {'p95':>8}")
        for q, times in figures.items():
            print(f"  {q:<28} {statistics.median(times):8.1f} {p95(times):8.1f}")
        print(f"  {'all queries':<28} {statistics.median(everything):8.1f} {p95(everything):8.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", choices=["sqlite", "postgresql", "both"])
    parser.add_argument(
        "--scale", type=int, default=110_000, help="organizations, people and events together"
    )
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each query")
    parser.add_argument(
        "--server",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="a PostgreSQL server URL; the benchmark creates and drops its own database there",
    )
    args = parser.parse_args()
    if args.database == "both":
        # One process per database: Django is set up for one database at a time.
        for database in ("sqlite", "postgresql"):
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    database,
                    "--scale",
                    str(args.scale),
                    "--runs",
                    str(args.runs),
                    "--server",
                    args.server,
                ],
                check=True,
            )
        return
    run_one(args.database, args.scale, args.runs, args.server)


if __name__ == "__main__":
    main()
