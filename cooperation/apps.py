from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = "Cooperation"

    def ready(self):
        from django.db.models.signals import post_migrate

        from cooperation import signals  # noqa: F401  (connects the search signals)

        post_migrate.connect(_install_triggers, sender=self)


def _install_triggers(using, **kwargs):
    """After ``migrate``: the triggers that tell the caches the data changed."""
    from cooperation.caching import install_triggers

    install_triggers(using)
