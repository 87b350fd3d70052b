"""Database backups that restore.

PostgreSQL is dumped with ``pg_dump`` in its custom format and restored with
``pg_restore``; SQLite is copied with SQLite's online backup API, which gives a
consistent copy while the site runs. A restore only goes into an empty
database, so it never mixes with or overwrites data.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections


class BackupError(Exception):
    pass


def _pg_env_and_args(settings_dict):
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    return env, args


def _run(command, env):
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed; install PostgreSQL's client tools.")
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def table_names(alias="default"):
    with connections[alias].cursor() as cursor:
        return connections[alias].introspection.table_names(cursor)


def database_backup(*, path, alias="default"):
    """Write a backup of the database ``alias`` to ``path``."""
    connection = connections[alias]
    path = Path(path)
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args(connection.settings_dict)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                *args,
                "--file",
                str(path),
                connection.settings_dict["NAME"],
            ],
            env,
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    return path


def database_restore(*, path, alias="default"):
    """Restore the backup at ``path`` into the database ``alias``, which must be empty."""
    connection = connections[alias]
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file.")
    existing = table_names(alias)
    if existing:
        raise BackupError(
            f"The database is not empty ({len(existing)} tables); restore only into an "
            "empty database, so nothing in it is overwritten."
        )
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args(connection.settings_dict)
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                *args,
                "--dbname",
                connection.settings_dict["NAME"],
                str(path),
            ],
            env,
        )
    elif connection.vendor == "sqlite":
        try:
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            source.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path}: not a SQLite backup ({error}).") from error
        connection.ensure_connection()
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
