"""Load test of the production server: gunicorn + whitenoise, DEBUG off.

Starts gunicorn on 127.0.0.1 against the database in DATABASE_URL (load it
first: ``manage.py load_corpus`` or ``bench/run.py``), then drives it from a
second process with wrk over a mix of list, detail, filter and search pages,
for a bounded time. Prints requests per second, latency and errors as Markdown.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cckb_bench \\
        .venv/bin/python bench/loadtest.py --duration 30 --connections 16
"""

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_paths(limit):
    """A mix of pages a reader opens, taken from the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cooperation.settings")
    import django

    django.setup()
    from cooperation.models import Organization, Programme
    from events.models import Event
    from people.models import Person

    paths = [
        "/",
        "/organizations/",
        "/events/",
        "/people/",
        "/agreements/",
        "/programmes/",
        "/countries/",
        "/sources/",
        "/events/?country=AZ",
        "/organizations/?kind=customs",
        "/events/?year_from=2019&year_to=2023",
        "/search/?q=customs",
        "/search/?q=cengel",
        "/search/?q=uzbekistan",
    ]
    for model in (Organization, Event, Person, Programme):
        paths += [o.get_absolute_url() for o in model.objects.order_by("?")[:limit]]
    countries = Organization.objects.exclude(country="").values_list("country", flat=True)
    paths += [f"/countries/{c.lower()}/" for c in sorted(set(countries))[:limit]]
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds of load")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--details", type=int, default=20, help="detail pages per kind")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to the PostgreSQL database to test against.")
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk).")

    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on loopback: no TLS in front of this test server.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "CONN_MAX_AGE": "60",
    }
    os.environ.update(env)
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    paths = sample_paths(args.details)
    paths_file = Path(tempfile.mkstemp(suffix=".txt")[1])
    paths_file.write_text("\n".join(paths) + "\n")

    server = subprocess.Popen(
        [
            str(Path(python).with_name("gunicorn")),
            "cooperation.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        # Every page of the mix must answer 200 before the load starts.
        for path in paths:
            status = urllib.request.urlopen(base + path, timeout=30).status
            if status != 200:
                sys.exit(f"{path} answered {status}")
        result = subprocess.run(
            [
                "wrk",
                "-t",
                str(args.threads),
                "-c",
                str(args.connections),
                "-d",
                f"{args.duration}s",
                "--latency",
                "-s",
                str(ROOT / "bench/urls.lua"),
                base,
            ],
            env={**env, "CCKB_PATHS_FILE": str(paths_file)},
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        paths_file.unlink(missing_ok=True)

    out = result.stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    total = re.search(r"(\d+) requests in", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    latency = dict(re.findall(r"\s+(50|90|99)%\s+([\d.]+\w+)", out))
    print(f"| pages in the mix | {len(paths)} |")
    print(
        f"| duration | {args.duration} s, {args.connections} connections, "
        f"{args.workers} gunicorn workers |"
    )
    print(f"| requests | {total} |")
    print(f"| requests per second | {rps} |")
    print(
        f"| latency p50 / p90 / p99 | {latency.get('50')} / {latency.get('90')} / "
        f"{latency.get('99')} |"
    )
    print(f"| non-2xx responses | {errors.group(1) if errors else 0} |")
    print(f"| socket errors | {socket_errors.group(1) if socket_errors else 'none'} |")


if __name__ == "__main__":
    main()
