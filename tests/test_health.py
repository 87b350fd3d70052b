"""/healthz: what a load balancer or a monitor asks before sending traffic."""

import socket

import pytest
from django.db import connections
from django.urls import reverse


def test_health_check_answers_ok_when_the_database_answers(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_check_is_never_cached_and_opens_no_session(client, db):
    response = client.get(reverse("healthz"))
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_health_check_answers_head_and_refuses_other_methods(client, db):
    head = client.head(reverse("healthz"))
    assert head.status_code == 200
    assert head.content == b""
    for method in (client.post, client.put, client.delete):
        response = method(reverse("healthz"))
        assert response.status_code == 405
        assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}


def test_health_check_is_not_throttled(client, db, settings):
    # The API allows two anonymous reads a minute here; the health check is not the API.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
    }
    api = reverse("api:source-list")
    assert [client.get(api).status_code for _ in range(3)] == [200, 200, 429]
    statuses = {client.get(reverse("healthz")).status_code for _ in range(10)}
    assert statuses == {200}


def test_health_check_is_not_redirected_to_https(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("cooperation:home")).status_code == 301
    assert client.get(reverse("healthz")).status_code == 200


def closed_port():
    """A local port nothing listens on: bound, then released."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unreachable_postgresql():
    return {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "127.0.0.1",
        "PORT": closed_port(),
        "NAME": "cckb",
        "USER": "postgres",
    }


def unreachable_sqlite(tmp_path):
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": tmp_path / "missing" / "db.sqlite3"}


@pytest.fixture(params=["postgresql", "sqlite"])
def unreachable_database(request, django_db_setup, django_db_blocker, tmp_path):
    """A second database the site is configured with, whose server is not there:
    PostgreSQL on a closed port, or SQLite in a folder that does not exist.

    Outside the ``db`` fixture on purpose: Django's test case refuses connections
    to aliases it was not told of before it started, and this one is added late.
    The health check only reads, so the test database needs no transaction."""
    alias = "unreachable"
    if request.param == "postgresql":
        config = unreachable_postgresql()
    else:
        config = unreachable_sqlite(tmp_path)
    # Filled in with Django's defaults, as settings.DATABASES is at start-up.
    configured = connections.configure_settings({**connections.settings, alias: config})
    with django_db_blocker.unblock():
        connections.settings[alias] = configured[alias]
        yield alias
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def test_health_check_answers_503_when_a_database_is_unreachable(client, unreachable_database):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": f"{unreachable_database}: OperationalError",
    }
    assert "no-store" in response["Cache-Control"]
