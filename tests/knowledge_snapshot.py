"""Every row of the knowledge base as plain data, ids replaced by what they point
at, so two databases can be compared model by model and field by field.

Run as a script (``python -m tests.knowledge_snapshot``) it prints the snapshot
of the database in DATABASE_URL as JSON: the round-trip test reads a second
database that way.
"""

import datetime
import json

from django.apps import apps

APPS = ("cooperation", "people", "events")


def knowledge_models():
    """The models of the knowledge base, without the history kept for the admin,
    the ingestion review queue (proposals are not knowledge until accepted) and
    the caches' data version (a token the database renews on writes)."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in APPS
        and not model.__name__.startswith("Historical")
        and model.__name__ not in {"Ingestion", "Proposal", "DataVersion"}
    ]


def _value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def identity(obj):
    """A slugged record by its slug; any other row by its whole content."""
    if obj is None:
        return None
    if hasattr(obj, "slug"):
        return f"{obj._meta.label}:{obj.slug}"
    return row(obj)


def row(obj):
    data = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.name == "content_type":
            data[field.name] = obj.content_type.model_class()._meta.label
        elif field.name == "object_id":
            data[field.name] = identity(obj.cited)
        elif field.is_relation:
            data[field.name] = identity(getattr(obj, field.name))
        else:
            data[field.name] = _value(getattr(obj, field.attname))
    for field in obj._meta.many_to_many:
        data[field.name] = sorted(identity(target) for target in getattr(obj, field.name).all())
    if hasattr(type(obj), "history"):
        first = obj.history.filter(history_type="+").order_by("history_date").first()
        data["recorded"] = _value(first.history_date) if first else None
    return data


def knowledge_snapshot():
    return {
        model._meta.label: sorted(
            (row(obj) for obj in model._default_manager.all()),
            key=lambda data: json.dumps(data, sort_keys=True),
        )
        for model in knowledge_models()
    }


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(knowledge_snapshot(), sort_keys=True))
