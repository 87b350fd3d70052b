"""What the knowledge base already holds, for matching what an article names.

Loaded once per ingestion (a handful of queries), then matched in memory:
organizations and programmes by name, acronym or alias; people by name or
alias, tolerant of case, accents and small spelling differences.
"""

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from cooperation.ingest.places import fold


@dataclass
class Record:
    kind: str
    slug: str
    name: str
    acronym: str = ""
    aliases: list = field(default_factory=list)
    country: str = ""
    start: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def spellings(self):
        return [s for s in [self.name, self.acronym, *self.aliases] if s]


# Below these scores two names are different entities. Names of people tolerate
# a letter or two ("Kyoungo"/"Kyungo"); names of organizations less, as
# "Customs Service of Ukraine" and "Customs Service of Uzbekistan" differ by one word.
PERSON_SCORE = 88
ORGANIZATION_SCORE = 93


class KnownRecords:
    """The records an article's mentions can be matched to."""

    def __init__(self, records=()):
        self.records = list(records)
        self._by_spelling = {}
        for record in self.records:
            for spelling in record.spellings:
                self._by_spelling.setdefault((record.kind, fold(spelling)), record)

    @classmethod
    def empty(cls):
        return cls()

    @classmethod
    def from_database(cls):
        """Every organization, person, programme, event and agreement (five
        queries for the records, three for aliases and participants)."""
        from cooperation.models import Agreement, Organization, Programme
        from events.models import Event
        from people.models import Person

        records = []
        for org in Organization.objects.prefetch_related("aliases"):
            records.append(
                Record(
                    "organization",
                    org.slug,
                    org.name,
                    org.acronym,
                    [a.name for a in org.aliases.all()],
                    str(org.country or ""),
                )
            )
        for person in Person.objects.prefetch_related("aliases"):
            records.append(
                Record(
                    "person", person.slug, person.name, "", [a.name for a in person.aliases.all()]
                )
            )
        for programme in Programme.objects.all():
            records.append(Record("programme", programme.slug, programme.name, programme.acronym))
        for event in Event.objects.prefetch_related("organization_participations__organization"):
            records.append(
                Record(
                    "event",
                    event.slug,
                    event.title,
                    start=event.start.isoformat() if event.start else "",
                    country=str(event.country or ""),
                    extra={
                        "organizations": {
                            p.organization.slug for p in event.organization_participations.all()
                        }
                    },
                )
            )
        for agreement in Agreement.objects.all():
            records.append(
                Record(
                    "agreement",
                    agreement.slug,
                    agreement.title,
                    start=agreement.date_signed.isoformat() if agreement.date_signed else "",
                    extra={"kind": agreement.kind},
                )
            )
        return cls(records)

    def of_kind(self, kind):
        return [r for r in self.records if r.kind == kind]

    def exact(self, kind, spelling):
        return self._by_spelling.get((kind, fold(spelling)))

    def match_organization(self, names):
        """The organization any of ``names`` (name, acronym, aliases) names."""
        for name in names:
            record = self.exact("organization", name)
            if record:
                return record
        best, best_score = None, 0
        for record in self.of_kind("organization"):
            for spelling in [record.name, *record.aliases]:
                for name in names:
                    if len(name) < 8:
                        continue
                    score = fuzz.ratio(fold(name), fold(spelling))
                    if score > best_score:
                        best, best_score = record, score
        return best if best_score >= ORGANIZATION_SCORE else None

    def match_person(self, names):
        """The person any of ``names`` names, in any case, accents or word order,
        with a letter or two spelled differently."""
        for name in names:
            record = self.exact("person", name)
            if record:
                return record
        best, best_score = None, 0
        for record in self.of_kind("person"):
            for spelling in [record.name, *record.aliases]:
                for name in names:
                    if " " not in name.strip():
                        continue
                    score = fuzz.token_sort_ratio(fold(name), fold(spelling))
                    if score > best_score:
                        best, best_score = record, score
        return best if best_score >= PERSON_SCORE else None

    def match_programme(self, names):
        for name in names:
            record = self.exact("programme", name)
            if record:
                return record
        for record in self.of_kind("programme"):
            for name in names:
                if len(name) >= 8 and fuzz.ratio(fold(name), fold(record.name)) >= 90:
                    return record
        return None

    def match_event(self, *, start, organizations):
        """An event on the same start date with an organization in common."""
        if not start:
            return None
        for record in self.of_kind("event"):
            if record.start == start and (record.extra["organizations"] & set(organizations)):
                return record
        return None

    def match_agreement(self, *, kind, date):
        if not date:
            return None
        for record in self.of_kind("agreement"):
            if record.start == date and record.extra["kind"] == kind:
                return record
        return None
