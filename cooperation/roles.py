"""Who may do what. Anonymous visitors read the public site; the Editor group adds
and changes records in the admin; superusers manage users.

The Editor group's permissions are spelt out here, once: the data migration that
creates the group and ``create_editor`` both call ``editor_group_sync``.
"""

EDITOR_GROUP = "Editor"

# Every knowledge-base model an editor adds, changes and views.
EDITOR_MODELS = {
    "cooperation": [
        "source",
        "citation",
        "organization",
        "organizationalias",
        "programme",
        "programmerole",
        "programmecountry",
        "agreement",
        "agreementparty",
        "partnership",
        # The review queue: an editor uploads articles and decides on proposals.
        "ingestion",
        "proposal",
    ],
    "people": ["person", "personalias", "position"],
    "events": ["event", "eventprogramme", "organizationparticipation", "personparticipation"],
}

# Deleting is for links and records an editor entered by mistake. Sources,
# organizations, people and programmes are not deleted but merged ("Merge into…"),
# so what cites or refers to them moves to the record kept.
EDITOR_DELETABLE = {
    "cooperation": [
        "citation",
        "organizationalias",
        "programmerole",
        "programmecountry",
        "agreement",
        "agreementparty",
        "partnership",
    ],
    "people": ["personalias", "position"],
    "events": ["event", "eventprogramme", "organizationparticipation", "personparticipation"],
}


def editor_codenames():
    """(app_label, codename) of every permission the Editor group holds."""
    for app_label, models in EDITOR_MODELS.items():
        for model in models:
            for action in ("add", "change", "view"):
                yield app_label, f"{action}_{model}"
        for model in EDITOR_DELETABLE.get(app_label, []):
            yield app_label, f"delete_{model}"


def editor_group_sync(*, apps=None):
    """Create the Editor group if missing and give it exactly the permissions above.

    Safe to rerun. ``apps`` is a migration's app registry, or the live one. Creates
    missing permissions first, as on a fresh database they only appear after
    ``migrate`` has finished."""
    from django.contrib.auth.management import create_permissions

    if apps is None:
        from django.apps import apps
    for app_config in apps.get_app_configs():
        # create_permissions skips apps without a models module in a migration's registry.
        app_config.models_module = getattr(app_config, "models_module", None) or True
        create_permissions(app_config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    wanted = set(editor_codenames())
    permissions = [
        permission
        for permission in Permission.objects.filter(
            content_type__app_label__in=EDITOR_MODELS
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    group.permissions.set(permissions)
    return group
