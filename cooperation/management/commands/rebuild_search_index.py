from django.core.management.base import BaseCommand

from cooperation.search import search_index_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search columns of every organization, person, event, agreement, "
        "programme and source (needed after bulk loads, which send no signals). "
        "Safe to rerun: rows already up to date are left alone."
    )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else None
        changed = search_index_rebuild(log=log)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Rebuilt the search columns of {changed} rows"))
