"""One JSON log line per request, with its request id (cooperation/middleware.py)."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import include, path, reverse

from cooperation.logs import JsonFormatter, RequestIdFilter

ROOT = Path(__file__).resolve().parent.parent


def fail(request):
    raise RuntimeError("a bug in a view")


# A URL that fails, beside the site's own: no page of the site fails on purpose.
urlpatterns = [path("fail/", fail), path("", include("cooperation.urls"))]


def request_records(caplog):
    return [r for r in caplog.records if r.name == "cooperation.requests"]


def test_a_request_gives_one_line_with_its_status_and_duration(client, db, caplog):
    caplog.set_level(logging.DEBUG, logger="cooperation.requests")
    response = client.get(reverse("cooperation:organization-list"), {"country": "AZ"})
    [record] = request_records(caplog)
    assert record.levelno == logging.INFO
    assert (record.method, record.path, record.status) == ("GET", "/organizations/", 200)
    assert isinstance(record.duration_ms, float) and record.duration_ms > 0
    assert record.request_id == response["X-Request-ID"]
    assert len(record.request_id) == 32


def test_the_status_is_the_one_the_client_gets(client, db, caplog, settings):
    caplog.set_level(logging.INFO, logger="cooperation.requests")
    client.get("/no-such-page/")
    settings.SECURE_SSL_REDIRECT = True
    Client().get(reverse("cooperation:home"))  # a new client: middleware reads settings once
    assert [(r.path, r.status) for r in request_records(caplog)] == [
        ("/no-such-page/", 404),
        ("/", 301),
    ]


def test_a_sane_incoming_request_id_is_kept(client, db, caplog):
    caplog.set_level(logging.INFO, logger="cooperation.requests")
    incoming = "3f2a9c1e-7b4d-4e8a-9f00-1c2d3e4f5a6b"
    response = client.get(reverse("cooperation:home"), headers={"X-Request-ID": incoming})
    assert response["X-Request-ID"] == incoming
    [record] = request_records(caplog)
    assert record.request_id == incoming


@pytest.mark.parametrize(
    "incoming",
    ["x" * 65, "a b", "id\nforged log line", '{"status": 200}', "<script>", ""],
)
def test_an_unfit_incoming_request_id_is_replaced(client, db, caplog, incoming):
    caplog.set_level(logging.INFO, logger="cooperation.requests")
    response = client.get(reverse("cooperation:home"), headers={"X-Request-ID": incoming})
    [record] = request_records(caplog)
    assert record.request_id == response["X-Request-ID"]
    assert record.request_id != incoming
    assert len(record.request_id) == 32 and record.request_id.isalnum()


def test_every_request_gets_its_own_id(client, db):
    ids = {client.get(reverse("healthz"))["X-Request-ID"] for _ in range(3)}
    assert len(ids) == 3


def test_health_checks_are_logged_at_debug(client, db, caplog):
    caplog.set_level(logging.DEBUG, logger="cooperation.requests")
    client.get(reverse("healthz"))
    [record] = request_records(caplog)
    assert (record.levelno, record.path, record.status) == (logging.DEBUG, "/healthz", 200)


@pytest.mark.urls("tests.test_request_log")
def test_a_failing_view_gives_one_error_line_with_status_500(db, caplog):
    caplog.set_level(logging.INFO, logger="cooperation.requests")
    response = Client(raise_request_exception=False).get("/fail/")
    assert response.status_code == 500
    [record] = request_records(caplog)
    assert (record.levelno, record.path, record.status) == (logging.ERROR, "/fail/", 500)
    # Django's own line about the error carries the traceback.
    [error] = [r for r in caplog.records if r.name == "django.request"]
    assert error.exc_info[0] is RuntimeError


@pytest.mark.urls("tests.test_request_log")
def test_an_exception_that_propagates_is_still_logged_as_500(db, caplog, settings):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = True
    caplog.set_level(logging.INFO, logger="cooperation.requests")
    with pytest.raises(RuntimeError):
        Client().get("/fail/")
    [record] = request_records(caplog)
    assert (record.levelno, record.status) == (logging.ERROR, 500)


@pytest.fixture
def json_log():
    """The root logger also writes, as settings.LOGGING's console handler does,
    to a list: each record formatted as JSON, with the request id filter."""
    lines = []

    class ListHandler(logging.Handler):
        def emit(self, record):
            lines.append(json.loads(self.format(record)))

    handler = ListHandler()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logging.getLogger().addHandler(handler)
    yield lines
    logging.getLogger().removeHandler(handler)


def test_the_console_handler_writes_json_with_the_request_id():
    [console] = [h for h in logging.getLogger().handlers if h.name == "console"]
    assert isinstance(console.formatter, JsonFormatter)
    assert any(isinstance(f, RequestIdFilter) for f in console.filters)


@pytest.mark.urls("tests.test_request_log")
def test_a_server_error_traceback_carries_the_request_id_of_its_request_line(db, json_log):
    response = Client(raise_request_exception=False).get("/fail/")
    request_line = next(line for line in json_log if line["logger"] == "cooperation.requests")
    error_line = next(line for line in json_log if line["logger"] == "django.request")
    assert request_line["request_id"] == error_line["request_id"] == response["X-Request-ID"]
    assert "RuntimeError: a bug in a view" in error_line["exc_info"]
    assert error_line["level"] == "ERROR"


def test_a_log_line_is_one_json_object_with_the_request_fields(client, db, json_log):
    client.get(reverse("cooperation:source-list"), headers={"X-Request-ID": "req-42"})
    [line] = [line for line in json_log if line["logger"] == "cooperation.requests"]
    assert line["message"] == "GET /sources/ 200"
    assert {k: line[k] for k in ("level", "method", "path", "status", "request_id")} == {
        "level": "INFO",
        "method": "GET",
        "path": "/sources/",
        "status": 200,
        "request_id": "req-42",
    }
    assert line["duration_ms"] > 0
    assert line["time"].endswith("+00:00")


def test_the_site_started_from_its_settings_logs_requests_as_json_on_the_console():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DJANGO_SETTINGS_MODULE="tests.settings", ALLOWED_HOSTS="testserver")
    script = (
        "import django; django.setup(); from django.test import Client; "
        "Client().get('/no-such-page/', headers={'X-Request-ID': 'from-proxy-1'})"
    )
    result = subprocess.run(
        [sys.executable, "-W", "ignore::UserWarning", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(line["logger"], line["status"], line["request_id"]) for line in lines] == [
        ("cooperation.requests", 404, "from-proxy-1")
    ]
