from django.core.management.base import BaseCommand, CommandError

from cooperation.backups import BackupError, database_backup


class Command(BaseCommand):
    help = (
        "Write a backup of the whole database to FILE: pg_dump's custom format on "
        "PostgreSQL, a database file on SQLite. Restore it with restore_db."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the backup.")

    def handle(self, *args, file, **options):
        try:
            path = database_backup(path=file)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Backup written to {path} ({path.stat().st_size} bytes)")
        )
