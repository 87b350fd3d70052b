import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperation.interchange import InterchangeError, knowledge_import


class Command(BaseCommand):
    help = (
        "Load a file written by export_kb into an EMPTY, migrated database, in one "
        "transaction: everything is loaded or nothing. Refuses a database that already "
        "holds knowledge, so a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A JSON file written by export_kb.")

    def handle(self, *args, file, **options):
        path = Path(file)
        try:
            with path.open(encoding="utf-8") as stream:
                data = json.load(stream)
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"{path}: not a JSON file ({error})") from None
        try:
            counts = knowledge_import(data=data)
        except InterchangeError as error:
            raise CommandError(f"{path}: {error}") from None
        summary = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {path}: {summary}"))
