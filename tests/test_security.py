"""Security headers, production checks and the admin login lockout."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def test_deploy_check_is_clean_on_production_settings():
    # The browser tests allow async-unsafe calls in this process; production does not.
    unset = {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="cckb.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_response_carries_the_security_headers(client, db):
    response = client.get(reverse("cooperation:home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert client.get("/no-such-page/")["X-Frame-Options"] == "DENY"


@pytest.fixture
def editor(db):
    return User.objects.create_user("editor", password="correct horse battery", is_staff=True)


def attempt(client, password):
    return client.post(
        reverse("admin:login"),
        {"username": "editor", "password": password, "next": "/admin/"},
        REMOTE_ADDR="203.0.113.7",
    )


def test_admin_login_locks_after_five_failures(client, editor):
    for _ in range(5):
        assert attempt(client, "wrong").status_code in (200, 429)
    response = attempt(client, "correct horse battery")
    assert response.status_code == 429
    assert b"Too many failed logins" in response.content
    assert "_auth_user_id" not in client.session


def test_a_correct_password_before_the_limit_logs_in(client, editor):
    for _ in range(4):
        attempt(client, "wrong")
    response = attempt(client, "correct horse battery")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
