from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cooperation.interchange import FORMAT_VERSION, knowledge_export


class Command(BaseCommand):
    help = (
        "Write the whole knowledge base (sources, organizations, people, events, "
        "agreements, programmes, their aliases, relations and citations) to one JSON "
        "file, references by slug. The format is described in cooperation/interchange.py. "
        "Safe to rerun: it only reads the database and overwrites FILE."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the JSON file.")

    def handle(self, *args, file, **options):
        path = Path(file)
        if not path.parent.is_dir():
            raise CommandError(f"{path.parent}: no such directory")
        # Written beside the target first, so a failure never leaves half a file.
        partial = path.with_name(path.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8") as stream:
                counts = knowledge_export(stream=stream)
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
        summary = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Exported to {path} (format version {FORMAT_VERSION}): {summary}")
        )
