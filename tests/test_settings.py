"""Production settings refuse to start unsafely."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean["DJANGO_SETTINGS_MODULE"] = "cooperation.settings"
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_debug_and_without_secret_key_the_site_refuses_to_start():
    result = run_check()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_with_a_secret_key_the_site_starts():
    result = run_check(SECRET_KEY="a-long-random-production-key")
    assert result.returncode == 0, result.stderr


def test_debug_alone_is_enough_for_local_development():
    assert run_check(DEBUG="1").returncode == 0


def test_an_unreadable_debug_value_is_refused_loudly():
    result = run_check(DEBUG="maybe", SECRET_KEY="x")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_an_api_rate_that_means_nothing_stops_the_site_from_starting():
    result = run_check(SECRET_KEY="x" * 50, API_ANON_RATE="lots")
    assert result.returncode != 0
    assert "API_ANON_RATE must look like 1000/hour" in result.stderr


def test_a_log_level_that_means_nothing_stops_the_site_from_starting():
    result = run_check(SECRET_KEY="x" * 50, REQUEST_LOG_LEVEL="chatty")
    assert result.returncode != 0
    assert "REQUEST_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL" in result.stderr
