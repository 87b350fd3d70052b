# PostgreSQL extensions search uses: unaccent (accent folding) and pg_trgm
# (trigram similarity for misspelt names). CreateExtension does nothing on other
# databases, so SQLite migrates through this too.

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("cooperation", "0004_editor_group"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
    ]
