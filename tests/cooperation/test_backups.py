"""A backup restores into an empty database with every row as it was."""

import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from cooperation.backups import table_names
from tests.factories import make_agreement, make_citation, make_event, make_organization

ROOT = Path(__file__).resolve().parents[2]


def rows(cursor, table):
    cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
    return [tuple(str(value) for value in row) for row in cursor.fetchall()]


def restore_in_subprocess(database_url, backup):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    return subprocess.run(
        [sys.executable, "manage.py", "restore_db", str(backup)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def knowledge(transactional_db):
    """Committed rows (pg_dump only sees what is committed), history included."""
    host, visitor = (
        make_organization(name="State Customs Committee"),
        make_organization(name="Çengel Institute", country="KR"),
    )
    event = make_event(host=host, visitors=[visitor])
    make_citation(event)
    make_agreement(parties=[host, visitor], event=event)
    host.aliases.create(name="SCC")


@pytest.fixture
def empty_database():
    """A new, empty database of the same kind as the test database, dropped afterwards."""
    if connection.vendor == "sqlite":
        path = Path(f"/tmp/cckb-restore-{uuid.uuid4().hex}.sqlite3")
        yield f"sqlite:///{path}", lambda: sqlite3.connect(path)
        path.unlink(missing_ok=True)
        return
    settings = connection.settings_dict
    name = f"cckb_restore_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(
        host=settings["HOST"],
        port=settings["PORT"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname="postgres",
    )
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{name}"
    yield url, lambda: psycopg2.connect(**_psycopg_args(url))
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def _psycopg_args(url):
    cfg = dj_database_url.parse(url)
    return {
        "host": cfg["HOST"],
        "port": cfg["PORT"],
        "user": cfg["USER"],
        "password": cfg["PASSWORD"],
        "dbname": cfg["NAME"],
    }


def test_backup_and_restore_round_trip_keeps_every_row(knowledge, empty_database, tmp_path):
    url, connect = empty_database
    backup = tmp_path / "cckb.backup"
    call_command("backup_db", str(backup))
    assert backup.stat().st_size > 0

    result = restore_in_subprocess(url, backup)
    assert result.returncode == 0, result.stderr

    restored = connect()
    try:
        tables = table_names()
        assert "cooperation_organization" in tables
        with connection.cursor() as original:
            for table in tables:
                assert rows(restored.cursor(), table) == rows(original, table), table
        with connection.cursor() as original:
            assert rows(original, "cooperation_organization")  # the comparison saw data
    finally:
        restored.close()


def test_restore_refuses_a_database_that_is_not_empty(knowledge, tmp_path):
    backup = tmp_path / "cckb.backup"
    call_command("backup_db", str(backup))
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_db", str(backup))


def test_restore_of_a_missing_file_says_so(db):
    with pytest.raises(CommandError, match="no such backup file"):
        call_command("restore_db", "/nonexistent/cckb.backup")
