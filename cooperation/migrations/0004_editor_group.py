"""Create the Editor group with the permissions cooperation/roles.py lists."""

from django.db import migrations


def create_editor_group(apps, schema_editor):
    from cooperation.roles import editor_group_sync

    editor_group_sync(apps=apps)


def delete_editor_group(apps, schema_editor):
    from cooperation.roles import EDITOR_GROUP

    apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0003_add_proposals"),
        ("events", "0001_initial"),
        ("people", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editor_group, delete_editor_group)]
