"""Synthetic knowledge bases for the benchmarks: the shape of the real one, at
any size.

``fill(events)`` writes, for ``events`` events:

- organizations (one per 50 events, at least 500), a tenth with an alias and a
  tenth inside a parent body, a twentieth of them international;
- people (one per 20 events) with one or two positions;
- programmes with funders, implementers and beneficiary countries;
- agreements (one per 50 events) between two organizations, some with a country;
- sources (one per 10 events), each a news article with one sentence per event
  it reports;
- events with one to five participating organizations and up to two people, a
  fifth of them under a programme;
- a citation for every event, participation, position, party and role, quoting
  the sentence of its source.

Who takes part follows a power law (weights ``1 / (rank + 10) ** 1.1``): at a
million events the busiest organization attends about 40,000 of them, as the
WCO would, while most attend a handful.

Rows are written as raw column values: ``COPY`` on PostgreSQL (with the
secondary indexes dropped during the load and built again after it) and
``executemany`` on SQLite. That is about twenty times faster than
``bulk_create`` and keeps a million events within minutes.
"""

import csv
import io
import itertools
import random
from bisect import bisect
from datetime import UTC, datetime

CHUNK = 50_000

FIRST = (
    "Eser Mirhasan Gulu Elvin Ismayil Djavad Haji Antonio Kim Yungmoon Rustam Aziz Ali "
    "Leyla Aysel Nigar Farid Orhan Murat Mehmet Ahmet Olga Irina Sergey Dmitry Bakhtiyor "
    "Dilnoza Timur Aigerim Nurlan Gulnara Anna Maria Jean Pierre Hans Peter Lars Ingrid "
    "Jae Min Soo Hyun Sung Ji Yoon Seo Elena Marco Luca Giulia Sofia Ivan Petr Jan Ewa"
).split()
LAST = (
    "Çengel Seyidzade Novruzov Mejidov Huseynov Gasymov Hajiyev Aliyev Kim Lee Park Choi "
    "Jung Kang Rustamov Karimov Tashkentov Nazarov Yusupov Abdullayev Mammadov Ismayilov "
    "Öztürk Yılmaz Şahin Demir Çelik Petrov Ivanov Smirnov Kuznetsov Müller Schmidt Dupont "
    "Martin Rossi Bianchi Kowalski Nowak Novák Svoboda Jensen Hansen Larsen Nieminen "
    "Korhonen Popescu Ionescu Horváth Nagy Kovačević Babić Jovanović Đorđević Lo Parco"
).split()
# Countries by activity, busiest first.
COUNTRIES = (
    "AZ UZ KZ KG TJ TM TR RU KR GE AM UA BY DE FR IT PL RO HU FI NL BE MD OM JP CN IN "
    "PK AF IR MN EG MA NG KE TZ ZA BR AR MX US CA GB ES PT GR BG RS HR SI SK CZ AT CH SE "
    "NO DK EE LV LT"
).split()
CITIES = {
    "AZ": "Baku",
    "UZ": "Tashkent",
    "KZ": "Almaty",
    "KG": "Bishkek",
    "TJ": "Dushanbe",
    "TM": "Ashgabat",
    "TR": "Ankara",
    "RU": "Moscow",
    "KR": "Seoul",
    "GE": "Tbilisi",
    "BE": "Brussels",
}
UNITS = [
    ("Customs Service", "customs"),
    ("State Customs Committee", "customs"),
    ("Customs Academy", "training"),
    ("Customs Training Centre", "training"),
    ("Border Guard Service", "law-enforcement"),
    ("Drug Control Agency", "law-enforcement"),
    ("Ministry of Finance", "government"),
    ("Port Control Unit", "unit"),
    ("Risk Management Department", "unit"),
    ("Customs Laboratory", "unit"),
    ("Revenue Service", "customs"),
    ("State University", "university"),
]
INTERNATIONAL = [
    ("World Customs Organization", "WCO"),
    ("United Nations Office on Drugs and Crime", "UNODC"),
    ("Korea International Cooperation Agency", "KOICA"),
    ("Regional Office for Capacity Building for Europe", "ROCB Europe"),
    ("Central Asian Regional Information and Coordination Centre", "CARICC"),
    ("Organization for Security and Co-operation in Europe", "OSCE"),
]
TOPICS = [
    "risk management",
    "container control",
    "strategic planning",
    "e-commerce",
    "drug trafficking",
    "customs valuation",
    "HS classification",
    "post-clearance audit",
    "authorized economic operators",
    "pre-arrival information",
    "integrity",
    "human resource development",
]
EVENT_KINDS = [
    "visit",
    "exchange-visit",
    "study-visit",
    "meeting",
    "workshop",
    "training",
    "conference",
    "seminar",
    "ceremony",
]
TITLES = ["Chairman", "Deputy Chairman", "Head of Department", "Director", "Expert", "Rector"]
AGREEMENT_KINDS = ["mou", "agreement", "protocol", "action-plan"]
ORG_ROLES = ["participant", "participant", "visiting-delegation", "organizer", "observer"]
PERSON_ROLES = ["head-of-delegation", "speaker", "participant", "participant"]
PROGRAMME_ROLES = ["funder", "implementer", "partner"]


class PowerLaw:
    """Picks items, the first far more often than the last."""

    def __init__(self, items, offset=10, exponent=1.1):
        self.items = items
        weights = [1 / (rank + offset) ** exponent for rank in range(1, len(items) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def pick(self, rng):
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def fill(events, seed=7, progress=print, vacuum=True):
    """Fill the default database with a knowledge base of ``events`` events;
    return the number of rows written per table. ``vacuum=False`` leaves out
    PostgreSQL's VACUUM, which cannot run inside a transaction (a test's)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django_countries import countries

    from cooperation import models as co
    from cooperation.search import _lines
    from events import models as ev
    from people import models as pe

    rng = random.Random(seed)
    now = datetime.now(UTC).isoformat()
    ct = {m: ContentType.objects.get_for_model(m).pk for m in _cited_models()}
    writer = _Writer(connection, now, progress)
    n_orgs = max(500, events // 50)
    n_people = max(100, events // 20)
    n_programmes = max(30, events // 2000)
    n_agreements = max(50, events // 50)
    n_sources = max(10, events // 10)

    def year():
        return rng.randint(2000, 2025)

    def partial_date():
        y, shape = year(), rng.random()
        if shape < 0.2:
            return str(y)
        if shape < 0.4:
            return f"{y}-{rng.randint(1, 12):02d}"
        return f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def search(names, text):
        return "\n".join(_lines(names)), "\n".join(_lines(text))

    country_law = PowerLaw(COUNTRIES, offset=2, exponent=1.0)
    with transaction.atomic(), writer:
        # Organizations: a few international bodies, then national ones.
        orgs = []
        for i in range(n_orgs):
            if i < len(INTERNATIONAL):
                name, acronym = INTERNATIONAL[i]
                country, kind = "", "international"
            elif rng.random() < 0.05:
                name, acronym = f"International Customs Forum {i}", f"ICF{i}"
                country, kind = "", "international"
            else:
                country = country_law.pick(rng)
                unit, kind = rng.choice(UNITS)
                name = f"{unit} of {countries.name(country)} {i}"
                acronym = "".join(w[0] for w in unit.split() if w[0].isupper()) + str(i)
            description = f"Works on {rng.choice(TOPICS)} and {rng.choice(TOPICS)}."
            names, text = search([name, acronym], [description, countries.name(country or "")])
            orgs.append(
                {
                    "id": i + 1,
                    "name": name,
                    "acronym": acronym,
                    "kind": kind,
                    "country": country,
                    "city": CITIES.get(country, ""),
                    "parent_id": rng.randint(1, i) if i > 100 and rng.random() < 0.1 else None,
                    "slug": f"organization-{i + 1}",
                    "description": description,
                    "search_names": names,
                    "search_text": text,
                }
            )
        writer.write(co.Organization, orgs)
        writer.write(
            co.OrganizationAlias,
            (
                {"organization_id": org["id"], "name": f"{org['acronym']} alias"}
                for org in orgs[::10]
            ),
        )
        org_law = PowerLaw([org["id"] for org in orgs])
        org_name = {org["id"]: org["acronym"] or org["name"] for org in orgs}

        # Sources: written last, once their sentences are known.
        sentences = [[] for _ in range(n_sources)]
        citations = []

        def cite(model, object_id, source, sentence):
            citations.append(
                {
                    "source_id": source + 1,
                    "quote": sentence,
                    "content_type_id": ct[model],
                    "object_id": object_id,
                }
            )

        # People and their positions.
        people, positions = [], []
        for i in range(n_people):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
            held = []
            for org in {org_law.pick(rng) for _ in range(1 if rng.random() < 0.8 else 2)}:
                title = rng.choice(TITLES)
                held.append(f"{title}, {org_name[org]}")
                source = rng.randrange(n_sources)
                sentence = f"{name}, {title} of the {org_name[org]}, spoke."
                sentences[source].append(sentence)
                positions.append(
                    {
                        "id": len(positions) + 1,
                        "person_id": i + 1,
                        "organization_id": org,
                        "title": title,
                        "as_of": str(year()),
                    }
                )
                cite(pe.Position, len(positions), source, sentence)
            names, text = search([name], held)
            people.append(
                {
                    "id": i + 1,
                    "name": name,
                    "slug": f"person-{i + 1}",
                    "search_names": names,
                    "search_text": text,
                }
            )
        writer.write(pe.Person, people)
        writer.write(pe.Position, positions)
        person_law = PowerLaw([person["id"] for person in people], offset=20)

        # Programmes with funders, implementers and countries.
        programmes, roles, programme_countries = [], [], []
        for i in range(n_programmes):
            topic = rng.choice(TOPICS)
            name = f"{topic.title()} Programme {i + 1}"
            start = year()
            names, text = search([name, f"P{i + 1}"], [f"A programme on {topic}."])
            programmes.append(
                {
                    "id": i + 1,
                    "name": name,
                    "acronym": f"P{i + 1}",
                    "kind": "programme",
                    "parent_id": rng.randint(1, i) if i > 10 and rng.random() < 0.1 else None,
                    "start": str(start),
                    "end": str(start + rng.randint(1, 6)) if rng.random() < 0.5 else "",
                    "slug": f"programme-{i + 1}",
                    "description": f"A programme on {topic}.",
                    "search_names": names,
                    "search_text": text,
                }
            )
            for role, org in zip(
                PROGRAMME_ROLES, {org_law.pick(rng) for _ in range(3)}, strict=False
            ):
                source = rng.randrange(n_sources)
                sentence = f"The {org_name[org]} is {role} of the {name}."
                sentences[source].append(sentence)
                roles.append(
                    {
                        "id": len(roles) + 1,
                        "programme_id": i + 1,
                        "organization_id": org,
                        "role": role,
                    }
                )
                cite(co.ProgrammeRole, len(roles), source, sentence)
            for country in {country_law.pick(rng) for _ in range(2)}:
                programme_countries.append(
                    {
                        "id": len(programme_countries) + 1,
                        "programme_id": i + 1,
                        "country": country,
                        "role": "beneficiary",
                    }
                )
        writer.write(co.Programme, programmes)
        writer.write(co.ProgrammeRole, roles)
        writer.write(co.ProgrammeCountry, programme_countries)

        # Events, with participants and programmes, a chunk at a time.
        event_rows, org_parts, person_parts, links = [], [], [], []
        ids = {"org_part": 0, "person_part": 0, "link": 0}
        for i in range(events):
            event_id = i + 1
            country = country_law.pick(rng)
            kind = rng.choice(EVENT_KINDS)
            topic = rng.choice(TOPICS)
            city = CITIES.get(country, f"City {country}")
            title = f"{kind.replace('-', ' ').capitalize()} on {topic} in {city}"
            start = partial_date()
            source = i * n_sources // events
            participants = list(dict.fromkeys(org_law.pick(rng) for _ in range(rng.randint(1, 5))))
            people_there = list(
                dict.fromkeys(person_law.pick(rng) for _ in range(rng.randint(0, 2)))
            )
            sentence = (
                f"On {start}, the {org_name[participants[0]]} hosted a {kind} on {topic} "
                f"in {city} (event {event_id})."
            )
            sentences[source].append(sentence)
            names, text = search([title, city], [f"Participants discussed {topic}.", kind])
            event_rows.append(
                {
                    "id": event_id,
                    "kind": kind,
                    "title": title,
                    "start": start,
                    "city": city,
                    "country": country,
                    "slug": f"event-{event_id}",
                    "description": f"Participants discussed {topic}.",
                    "search_names": names,
                    "search_text": text,
                }
            )
            cite(ev.Event, event_id, source, sentence)
            for n, org in enumerate(participants):
                ids["org_part"] += 1
                org_parts.append(
                    {
                        "id": ids["org_part"],
                        "event_id": event_id,
                        "organization_id": org,
                        "role": "host" if n == 0 else rng.choice(ORG_ROLES),
                    }
                )
                cite(ev.OrganizationParticipation, ids["org_part"], source, sentence)
            for person in people_there:
                ids["person_part"] += 1
                person_parts.append(
                    {
                        "id": ids["person_part"],
                        "event_id": event_id,
                        "person_id": person,
                        "role": rng.choice(PERSON_ROLES),
                    }
                )
                cite(ev.PersonParticipation, ids["person_part"], source, sentence)
            if rng.random() < 0.2:
                ids["link"] += 1
                links.append(
                    {
                        "id": ids["link"],
                        "event_id": event_id,
                        "programme_id": rng.randint(1, n_programmes),
                    }
                )
            if len(event_rows) == CHUNK or i == events - 1:
                writer.write(ev.Event, event_rows)
                writer.write(ev.OrganizationParticipation, org_parts)
                writer.write(ev.PersonParticipation, person_parts)
                writer.write(ev.EventProgramme, links)
                event_rows, org_parts, person_parts, links = [], [], [], []

        # Agreements between two organizations, some signed by a country too.
        agreements, parties = [], []
        for i in range(n_agreements):
            kind = rng.choice(AGREEMENT_KINDS)
            a, b = org_law.pick(rng), rng.choice(orgs)["id"]
            while b == a:
                b = rng.choice(orgs)["id"]
            topic = rng.choice(TOPICS)
            title = f"{kind.upper()} between {org_name[a]} and {org_name[b]} on {topic}"
            signed = partial_date()
            source = rng.randrange(n_sources)
            sentence = f"On {signed}, the {org_name[a]} and the {org_name[b]} signed a {kind}."
            sentences[source].append(sentence)
            names, text = search([title], [f"Cooperation in {topic}.", kind])
            agreements.append(
                {
                    "id": i + 1,
                    "kind": kind,
                    "title": title,
                    "date_signed": signed,
                    "subject": f"Cooperation in {topic}.",
                    "status": "signed",
                    "slug": f"agreement-{i + 1}",
                    "search_names": names,
                    "search_text": text,
                }
            )
            cite(co.Agreement, i + 1, source, sentence)
            for org in (a, b):
                parties.append(
                    {"id": len(parties) + 1, "agreement_id": i + 1, "organization_id": org}
                )
                cite(co.AgreementParty, len(parties), source, sentence)
            if rng.random() < 0.1:
                parties.append(
                    {
                        "id": len(parties) + 1,
                        "agreement_id": i + 1,
                        "country": rng.choice(COUNTRIES),
                    }
                )
        writer.write(co.Agreement, agreements)
        writer.write(co.AgreementParty, parties)

        # Sources, then the citations of their sentences.
        source_rows = []
        for i, lines in enumerate(sentences):
            title = f"Customs news {i + 1}: {rng.choice(TOPICS)}"
            body = "\n\n".join(lines) or f"An article about {rng.choice(TOPICS)}."
            names, text = search([title], ["Customs Gazette", *body.splitlines()])
            source_rows.append(
                {
                    "id": i + 1,
                    "kind": "article",
                    "title": title,
                    "publisher": "Customs Gazette",
                    "url": f"https://news.example.org/{i + 1}",
                    "published": partial_date(),
                    "text": body,
                    "slug": f"source-{i + 1}",
                    "search_names": names,
                    "search_text": text,
                }
            )
            if len(source_rows) == CHUNK:
                writer.write(co.Source, source_rows)
                source_rows = []
        writer.write(co.Source, source_rows)
        for start in range(0, len(citations), CHUNK):
            writer.write(co.Citation, citations[start : start + CHUNK])
    writer.finish(vacuum)
    return writer.counts


def _cited_models():
    from cooperation import models as co
    from events import models as ev
    from people import models as pe

    return [
        co.Agreement,
        co.AgreementParty,
        co.ProgrammeRole,
        pe.Position,
        ev.Event,
        ev.OrganizationParticipation,
        ev.PersonParticipation,
    ]


def connection_quote(connection, name):
    return connection.ops.quote_name(name)


class _Writer:
    """Writes rows of raw column values, filling every other column with its
    default; on PostgreSQL, drops the tables' secondary indexes while it loads."""

    def __init__(self, connection, now, progress):
        self.connection = connection
        self.now = now
        self.progress = progress
        self.counts = {}
        self.models = []
        self.dropped = []

    def __enter__(self):
        from django.apps import apps

        self.connection.ensure_connection()
        if self.connection.vendor == "postgresql":
            tables = [m._meta.db_table for m in apps.get_models()]
            with self.connection.cursor() as cursor:
                cursor.execute(
                    "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                    "WHERE i.schemaname = 'public' AND i.tablename = ANY(%s) AND NOT EXISTS "
                    "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
                    [tables],
                )
                self.dropped = cursor.fetchall()
                for name, _ in self.dropped:
                    cursor.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, *exc):
        from cooperation.search_backends import vector_update

        if exc[0] is not None or self.connection.vendor != "postgresql":
            return False
        for model in self.models:
            if any(f.attname == "search_vector" for f in model._meta.concrete_fields):
                self.progress(f"{model._meta.db_table}: search vectors")
                vector_update(model.objects.all())
        if self.dropped:
            self.progress(f"building {len(self.dropped)} indexes")
            with self.connection.cursor() as cursor:
                # Check the deferred foreign keys now: an index cannot be built
                # on a table with checks pending.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET maintenance_work_mem = '512MB'")
                for _, definition in self.dropped:
                    cursor.execute(definition)
        return False

    def write(self, model, rows):
        from django.db.models import DateTimeField

        rows = list(rows)
        if not rows:
            return
        if model not in self.models:
            self.models.append(model)
        fields = [
            f
            for f in model._meta.concrete_fields
            if not (f.primary_key and "id" not in rows[0])
            and not (f.attname == "search_vector" and self.connection.vendor != "postgresql")
        ]
        defaults = {}
        for f in fields:
            if isinstance(f, DateTimeField) and (f.auto_now or f.auto_now_add):
                defaults[f.attname] = self.now
            elif f.has_default():
                defaults[f.attname] = f.get_db_prep_save(f.get_default(), self.connection)
            elif f.null:
                defaults[f.attname] = None
            else:
                defaults[f.attname] = ""
        columns = [connection_quote(self.connection, f.column) for f in fields]
        values = [[row.get(f.attname, defaults[f.attname]) for f in fields] for row in rows]
        table = model._meta.db_table
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                buffer = io.StringIO()
                out = csv.writer(buffer)
                for row in values:
                    out.writerow(["\\N" if v is None else v for v in row])
                buffer.seek(0)
                cursor.cursor.copy_expert(
                    f'COPY "{table}" ({", ".join(columns)}) FROM STDIN '
                    "WITH (FORMAT csv, NULL '\\N')",
                    buffer,
                )
            else:
                marks = ", ".join("?" for _ in columns)
                cursor.executemany(
                    f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({marks})', values
                )
        self.counts[table] = self.counts.get(table, 0) + len(rows)
        self.progress(f"{table}: {self.counts[table]:,} rows")

    def finish(self, vacuum=True):
        """Point the id sequences past the ids written and refresh the
        planner's statistics."""
        from django.core.management.color import no_style

        if self.connection.vendor != "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            return
        with self.connection.cursor() as cursor:
            for sql in self.connection.ops.sequence_reset_sql(no_style(), self.models):
                cursor.execute(sql)
            if not vacuum:
                cursor.execute("ANALYZE")
                return
        self.connection.set_autocommit(True)
        with self.connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
