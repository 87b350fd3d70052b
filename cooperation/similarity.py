"""Finding records an editor may be about to enter twice.

Names are compared accent- and case-insensitively ("Cengel" is "Çengel"), word
order aside ("Novruzov Gulu" is "Gulu Novruzov"), against each record's name,
acronym and aliases, with RapidFuzz's token-sort ratio.
"""

import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

# 85 catches spellings ("ROCB-Europe", "G. Novruzov") and leaves unrelated names out.
THRESHOLD = 85


def normalize(text):
    """Lower case, no accents, no punctuation: "Çengel-Köy" -> "cengel koy"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return default_process(plain)


@dataclass(frozen=True)
class Similar:
    record: object
    score: float
    reason: str


def similar_records(records, *, names, labels, limit=5):
    """The ``records`` whose labels (``labels(record)`` gives (text, kind) pairs) come
    close to one of ``names``, best first."""
    wanted = [n for n in map(normalize, names) if n]
    found = []
    for record in records:
        best = None
        for text, kind in labels(record):
            label = normalize(text)
            if not label:
                continue
            for name in wanted:
                score = 100.0 if name == label else fuzz.token_sort_ratio(name, label)
                if score >= THRESHOLD and (best is None or score > best.score):
                    reason = f"same {kind}" if score == 100 else f"similar {kind}"
                    best = Similar(record, score, f"{reason}: {text}")
        if best is not None:
            found.append(best)
    found.sort(key=lambda s: -s.score)
    return found[:limit]


def similar_organizations(*, name, acronym="", exclude=None):
    """Organizations whose name, acronym or alias is like ``name`` or ``acronym``.
    Quietly reads every organization with its aliases."""
    from cooperation.models import Organization

    records = Organization.objects.prefetch_related("aliases")
    if exclude is not None:
        records = records.exclude(pk=exclude.pk)

    def labels(org):
        yield org.name, "name"
        yield org.acronym, "acronym"
        for alias in org.aliases.all():
            yield alias.name, "alias"

    return similar_records(records, names=[name, acronym], labels=labels)


def similar_people(*, name, exclude=None):
    """People whose name or alias is like ``name``. Quietly reads every person."""
    from people.models import Person

    records = Person.objects.prefetch_related("aliases")
    if exclude is not None:
        records = records.exclude(pk=exclude.pk)

    def labels(person):
        yield person.name, "name"
        for alias in person.aliases.all():
            yield alias.name, "alias"

    return similar_records(records, names=[name], labels=labels)
