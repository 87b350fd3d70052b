# Fill the search columns of the rows that existed before them; from now on the
# signals in cooperation/signals.py keep them up to date.

from django.db import migrations

SEARCHABLE = [
    ("cooperation", "Organization"),
    ("cooperation", "Programme"),
    ("cooperation", "Agreement"),
    ("cooperation", "Source"),
    ("people", "Person"),
    ("events", "Event"),
]


def fill(apps, schema_editor):
    from cooperation.search import search_document
    from cooperation.search_backends import vector_update

    for app_label, model_name in SEARCHABLE:
        model = apps.get_model(app_label, model_name)
        rows = list(model._default_manager.all())
        for row in rows:
            row.search_names, row.search_text = search_document(row)
        model._default_manager.bulk_update(rows, ["search_names", "search_text"], batch_size=500)
        vector_update(model._default_manager.all())


class Migration(migrations.Migration):

    dependencies = [
        ("cooperation", "0006_add_search_columns"),
        ("people", "0002_add_search_columns"),
        ("events", "0002_add_search_columns"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
