"""The database a benchmark runs in: a new one of its own, dropped afterwards,
or an existing one given by address."""

import os
import tempfile
from contextlib import contextmanager


@contextmanager
def benchmark_database(database, server, *, reuse=None, keep=False):
    """Set Django up on a new SQLite file in a temporary folder, or a new
    PostgreSQL database ``cckb_bench_<pid>`` on ``server`` (or on ``reuse``, an
    existing database's address), migrated; drop the new PostgreSQL database
    on leaving unless ``keep``."""
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    created, admin = None, None
    if reuse:
        os.environ["DATABASE_URL"] = reuse
    elif database == "sqlite":
        folder = tempfile.mkdtemp(prefix="cckb-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    else:
        import dj_database_url
        import psycopg2

        cfg = dj_database_url.parse(server)
        created = f"cckb_bench_{os.getpid()}"
        admin = psycopg2.connect(
            host=cfg["HOST"],
            port=cfg["PORT"] or 5432,
            user=cfg["USER"],
            password=cfg["PASSWORD"] or None,
            dbname=cfg["NAME"] or "postgres",
        )
        admin.autocommit = True
        admin.cursor().execute(f'CREATE DATABASE "{created}"')
        os.environ["DATABASE_URL"] = server.rsplit("/", 1)[0] + f"/{created}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cooperation.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        call_command("migrate", verbosity=0)
        yield
    finally:
        connection.close()
        if created and keep:
            print(f"kept: {os.environ['DATABASE_URL']}")
        elif created:
            admin.cursor().execute(f'DROP DATABASE "{created}"')
        if admin:
            admin.close()
