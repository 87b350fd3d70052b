from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cooperation.corpus import CorpusError, corpus_load


class Command(BaseCommand):
    help = (
        "Load the source articles in corpus/ and the facts in their data files. "
        "Safe to rerun: records are matched on their slugs and file names, only what "
        "changed is written, and an error in any file leaves the database as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus-dir",
            default=settings.CORPUS_DIR,
            help="Folder of articles (*.txt) and data files (*.yaml). Default: %(default)s",
        )

    def handle(self, *args, corpus_dir, **options):
        self.stdout.write(f"Loading the corpus in {corpus_dir}")
        try:
            result = corpus_load(corpus_dir=corpus_dir, progress=self.stdout.write)
        except CorpusError as error:
            raise CommandError(str(error)) from error
        for group in sorted(result.created | result.changed | result.removed):
            self.stdout.write(
                f"  {group}: {result.created[group]} created, {result.changed[group]} changed, "
                f"{result.removed[group]} removed"
            )
        self.stdout.write(self.style.SUCCESS(result.summary()))
