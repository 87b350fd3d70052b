from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = "Cooperation"

    def ready(self):
        from cooperation import signals  # noqa: F401  (connects the search signals)
