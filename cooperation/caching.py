"""Caching what is costly to count, until the data changes.

Some parts of pages summarize whole tables: the filters' counted choices, the
home page's figures, the countries and the partnership pairs. At a million
events each takes from a tenth of a second to several seconds, so they are
computed once and kept in Django's cache until the knowledge base changes.

How a change is noticed: every table of the knowledge base has a database
trigger (created after each ``migrate`` by :func:`install_triggers`) that
writes a new random token into the one row of ``DataVersion`` whenever a
statement inserts, updates or deletes rows. The token is part of every cache
key, so a write, whoever makes it (a form, the admin, a merge, a bulk load, a
restore or plain SQL), makes every cached summary stale at once, in every
process, with any cache backend. A page reads the token once (one primary-key
query); the summaries themselves cost nothing until the next write.

``tests/cooperation/test_caching.py`` checks that every table of the three
apps has its trigger and that writes of each kind renew the token.
"""

import hashlib

from django.core.cache import cache
from django.db import connections

# Kept a day at most; a write makes them stale long before.
TIMEOUT = 24 * 60 * 60
APPS = ("cooperation", "events", "people")


def data_version():
    """The current token of the knowledge base's data (one query)."""
    from cooperation.models import DataVersion

    token = DataVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    return token or "none"


def cached(key, compute):
    """``compute()``, from the cache while the data has not changed since.
    ``key`` names what is computed (any text: it is hashed)."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    full_key = f"cckb:{digest}:{data_version()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    return value


def cached_chunk(key, compute, index, size, keep=1):
    """``(len(items), items[index * size:(index + 1) * size])`` of the list
    ``compute()`` returns. The first ``keep`` chunks of ``size`` are kept in
    the cache, so a page of a long list costs one chunk to read, not the whole
    list; a chunk past them is computed each time."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    base = f"cckb:{digest}:{data_version()}:{size}"
    chunk = cache.get(f"{base}:{index}") if index < keep else None
    if chunk is None:
        items = compute()
        chunks = {
            f"{base}:{n}": (len(items), items[n * size : (n + 1) * size])
            for n in range(max(1, min(keep, -(-len(items) // size))))
        }
        cache.set_many(chunks, TIMEOUT)
        chunk = (len(items), items[index * size : (index + 1) * size])
    return chunk


def tracked_tables():
    """The tables whose writes change what pages show: every table of the
    knowledge base's apps but ``DataVersion`` itself."""
    from django.apps import apps

    return sorted(
        model._meta.db_table
        for app in APPS
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
        if model._meta.db_table != "cooperation_dataversion"
    )


def trigger_sql(table, vendor):
    """SQL creating the trigger that renews the token on writes to ``table``.
    The row is written with an upsert, so it comes back after a flush."""
    if vendor == "postgresql":
        return [
            "CREATE TRIGGER cckb_data_version "
            f'AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            "FOR EACH STATEMENT EXECUTE FUNCTION cckb_renew_data_version()",
        ]
    return [
        f'CREATE TRIGGER "cckb_data_version_{table}_{operation.lower()}" '
        f'AFTER {operation} ON "{table}" BEGIN '
        "INSERT OR REPLACE INTO cooperation_dataversion (id, token) "
        "VALUES (1, lower(hex(randomblob(16)))); END"
        for operation in ("INSERT", "UPDATE", "DELETE")
    ]


POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION cckb_renew_data_version() RETURNS trigger AS $$
BEGIN
    INSERT INTO cooperation_dataversion (id, token) VALUES (1, md5(random()::text))
    ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def install_triggers(using="default"):
    """Give every tracked table that lacks one its trigger. Run after each
    ``migrate`` (``CooperationConfig.ready`` connects it), so tables added by
    later migrations get theirs too."""
    conn = connections[using]
    with conn.cursor() as cursor:
        existing = set(conn.introspection.table_names(cursor))
        if "cooperation_dataversion" not in existing:
            return
        if conn.vendor == "postgresql":
            cursor.execute(POSTGRES_FUNCTION)
        done = triggered_tables(using)
        for table in tracked_tables():
            if table in existing and table not in done:
                for sql in trigger_sql(table, conn.vendor):
                    cursor.execute(sql)


def triggered_tables(using="default"):
    """The tables that have the trigger, as the database lists them."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT c.relname FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'cckb_data_version'"
            )
            return {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT DISTINCT tbl_name FROM sqlite_master "
            "WHERE type = 'trigger' AND name LIKE 'cckb_data_version_%'"
        )
        return {row[0] for row in cursor.fetchall()}
