"""python manage.py ingest FILE... — store articles and the proposals found in them."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cooperation.ingest.services import source_ingest
from cooperation.ingest.text import IngestError
from cooperation.partial_dates import PartialDate


class Command(BaseCommand):
    help = (
        "Ingest articles (text or HTML files): store each as a source and propose the "
        "organizations, people, countries, events, agreements and programmes it names, "
        "for an editor to review in the admin. An article already stored (same URL or "
        "same text) is skipped, so it is safe to rerun. With --dry-run nothing is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--date",
            help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) when the text has none.",
        )
        parser.add_argument("--title", default="", help="Title, instead of the one in the text.")
        parser.add_argument("--publisher", default="", help="Publisher, if the text does not say.")
        parser.add_argument("--url", default="", help="Address the article was published at.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Store nothing; print what would be proposed."
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="With --dry-run: json prints one JSON list of proposals for all files.",
        )

    def handle(self, *args, files, date, title, publisher, url, dry_run, format, **options):
        if date:
            try:
                PartialDate.parse(date)
            except ValueError as error:
                raise CommandError(f"--date: {error}") from error
        if len(files) > 1 and (title or url):
            raise CommandError("--title and --url name one article: give one FILE with them.")
        contents = [(path, self._read(path)) for path in files]
        # One bad file stops the run and nothing of it is stored, not even the good files before it.
        with transaction.atomic():
            everything = self._ingest(contents, date, title, publisher, url, dry_run, format)
        if dry_run and format == "json":
            self.stdout.write(json.dumps(everything, ensure_ascii=False, indent=2))

    def _ingest(self, contents, date, title, publisher, url, dry_run, format):
        everything = []
        for path, data in contents:
            try:
                result = source_ingest(
                    data=data,
                    name=path,
                    url=url,
                    published=date,
                    title=title,
                    publisher=publisher,
                    dry_run=dry_run,
                )
            except IngestError as error:
                raise CommandError(str(error)) from error
            for note in result.notes:
                self.stderr.write(f"{path}: {note}")
            if not result.is_new:
                self.stdout.write(
                    f"{path}: already stored ({result.duplicate_reason}); nothing changed."
                )
                continue
            if dry_run:
                everything.extend(finding.as_json() for finding in result.findings)
                if format == "text":
                    self._print_findings(path, result.findings)
                continue
            counts = {}
            for proposal in result.proposals:
                counts[proposal.kind] = counts.get(proposal.kind, 0) + 1
            summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "nothing"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{path}: stored “{result.source.title}” ({result.source.published}); "
                    f"{len(result.proposals)} proposals to review ({summary})."
                )
            )
        return everything

    def _read(self, path):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            return file.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot be read ({error.strerror}).") from error

    def _print_findings(self, path, findings):
        self.stdout.write(f"{path}: {len(findings)} proposals (dry run, nothing stored)")
        for finding in findings:
            period = "–".join(str(d) for d in (finding.start, finding.end) if d)
            match = f" = {finding.match}" if finding.match else ""
            self.stdout.write(f"  {finding.kind:<12} {finding.name}{match} {period}".rstrip())
