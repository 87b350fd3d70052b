from django.core.management.base import BaseCommand, CommandError

from cooperation.backups import BackupError, database_restore


class Command(BaseCommand):
    help = (
        "Restore a backup written by backup_db into the database in DATABASE_URL, "
        "which must be empty (create it first); a non-empty database is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The backup file to restore.")

    def handle(self, *args, file, **options):
        try:
            database_restore(path=file)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {file}"))
