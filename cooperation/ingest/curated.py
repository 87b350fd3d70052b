"""Labels for the evaluation, read from the curated data files of the corpus
(format: corpus/README.md). Entities declared in ``entities.yaml`` and referred
to by slug are looked up there, so each article is labelled with every record
its data file cites."""

import functools
from pathlib import Path

import yaml


@functools.cache
def _shared(path):
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) if Path(path).exists() else {}
    return {
        section: {entry["slug"]: entry for entry in data.get(section) or []}
        for section in ("organizations", "people", "programmes", "events", "agreements")
    }


def _iso(value):
    return None if value in (None, "") else str(value)


def labels_from_curated(data_path):
    """(path of the article text, labels in the format of corpus/evaluation/README.md)
    for one curated data file, or None when it is not an article's (entities.yaml)."""
    data_path = Path(data_path)
    data = yaml.safe_load(data_path.read_text(encoding="utf-8"))
    text = data_path.with_suffix(".txt")
    if not isinstance(data, dict) or "source" not in data or not text.is_file():
        return None
    directory = data_path.parent
    shared = _shared(str(directory / "entities.yaml"))

    def entries(section):
        for entry in data.get(section) or []:
            declared = shared[section].get(entry.get("slug"), {})
            yield {**declared, **entry}

    labels = {
        "published": _iso(data["source"].get("published")),
        "organizations": [],
        "people": [],
        "countries": set(),
        "dates": set(),
        "events": [],
        "agreements": [],
        "programmes": [],
    }

    def add_dates(*values):
        labels["dates"].update(_iso(v) for v in values if _iso(v))

    for org in entries("organizations"):
        labels["organizations"].append(
            {
                "name": org.get("name", org["slug"]),
                "acronym": org.get("acronym") or "",
                "aliases": org.get("aliases") or [],
                "country": org.get("country"),
            }
        )
        if org.get("country"):
            labels["countries"].add(org["country"])
    for person in entries("people"):
        labels["people"].append(
            {"name": person.get("name", person["slug"]), "aliases": person.get("aliases") or []}
        )
        for position in person.get("positions") or []:
            add_dates(position.get("start"), position.get("end"))
    for programme in entries("programmes"):
        labels["programmes"].append(
            {
                "name": programme.get("name", programme["slug"]),
                "acronym": programme.get("acronym") or "",
                "aliases": programme.get("aliases") or [],
                "start": _iso(programme.get("start")),
                "end": _iso(programme.get("end")),
            }
        )
        add_dates(programme.get("start"), programme.get("end"))
        labels["countries"].update(c["country"] for c in programme.get("countries") or [])
    for event in entries("events"):
        labels["events"].append(
            {
                "kind": event.get("kind"),
                "start": _iso(event.get("start")),
                "end": _iso(event.get("end")),
            }
        )
        add_dates(event.get("start"), event.get("end"))
        if event.get("country"):
            labels["countries"].add(event["country"])
    for agreement in entries("agreements"):
        labels["agreements"].append(
            {"kind": agreement.get("kind"), "date": _iso(agreement.get("date_signed"))}
        )
        add_dates(agreement.get("date_signed"))
        labels["countries"].update(
            p["country"] for p in agreement.get("parties") or [] if p.get("country")
        )
    for partnership in data.get("partnerships") or []:
        add_dates(partnership.get("start"), partnership.get("end"))
    labels["countries"] = sorted(labels["countries"])
    labels["dates"] = sorted(labels["dates"])
    return text, labels
