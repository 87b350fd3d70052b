"""export_kb writes the whole knowledge base; import_kb loads it into an empty
database and loses nothing."""

import io
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from cooperation.interchange import SECTIONS
from cooperation.models import (
    Citation,
    Cited,
    Organization,
    OrganizationAlias,
    Partnership,
    ProgrammeCountry,
    ProgrammeRole,
)
from events.models import EventProgramme
from tests.factories import (
    make_agreement,
    make_citation,
    make_event,
    make_organization,
    make_person,
    make_person_participation,
    make_position,
    make_programme,
    make_source,
)
from tests.knowledge_snapshot import knowledge_models, knowledge_snapshot

ROOT = Path(__file__).resolve().parents[2]


def make_knowledge():
    """At least one row of every model, each cited, with every kind of reference."""
    source = make_source(title="Çengel visits Baku", text="A. B. C. D.", published="2019-12")
    wco = make_organization(name="World Customs Organization", acronym="WCO", country="")
    rocb = make_organization(name="ROCB Europe", parent=wco, country="")
    scc = make_organization(name="State Customs Committee", country="AZ")
    chrdi = make_organization(name="Korea Customs HRD Institute", country="KR")
    OrganizationAlias.objects.create(organization=scc, name="SCC")
    ccp = make_programme(name="Container Control Programme", acronym="CCP", start="2004")
    iren = make_programme(name="IREN", parent=ccp, start="2020", end="2024")
    ProgrammeRole.objects.create(programme=ccp, organization=wco, role=ProgrammeRole.Role.PARTNER)
    ProgrammeCountry.objects.create(programme=ccp, country="UZ")
    person = make_person(name="Gulu Novruzov", rank="Major General")
    person.aliases.create(name="G. Novruzov")
    make_position(person=person, organization=scc, title="Head", as_of="2021-11-28")
    conference = make_event(title="Policy Commission", host=rocb, start="2019")
    event = make_event(title="Visit", host=scc, visitors=[chrdi], part_of=conference)
    EventProgramme.objects.create(event=event, programme=iren)
    make_person_participation(event=event, person=person, organization=scc)
    agreement = make_agreement(parties=[scc, "KR"], event=event, date_signed="2021-11")
    agreement.programmes.add(ccp)
    Partnership.objects.create(organization_a=chrdi, organization_b=scc, start="2018")
    for model in knowledge_models():
        if not issubclass(model, Cited):
            continue
        for obj in model._default_manager.all():
            make_citation(obj, source=source, quote="B.")


def test_every_model_of_the_knowledge_base_has_a_section():
    exported = {section.model for section in SECTIONS} | {Citation}
    assert set(knowledge_models()) == exported


@pytest.fixture
def empty_database():
    """The URL of a new, empty database of the test database's kind, dropped afterwards."""
    if connection.vendor == "sqlite":
        path = Path(f"/tmp/cckb_api_roundtrip_{uuid.uuid4().hex}.sqlite3")
        yield f"sqlite:///{path}"
        path.unlink(missing_ok=True)
        return
    settings = connection.settings_dict
    name = f"cckb_api_roundtrip_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(
        host=settings["HOST"],
        port=settings["PORT"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname="postgres",
    )
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    yield os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{name}"
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def run(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("knowledge", ["factories", "corpus"])
def test_export_then_import_into_an_empty_database_loses_nothing(
    transactional_db, empty_database, tmp_path, knowledge
):
    if knowledge == "corpus":
        call_command("load_corpus", stdout=io.StringIO())
    else:
        make_knowledge()
    export = tmp_path / "kb.json"
    call_command("export_kb", str(export))

    run(empty_database, "manage.py", "migrate", "--no-input")
    out = run(empty_database, "manage.py", "import_kb", str(export))
    assert "Imported" in out
    imported = json.loads(run(empty_database, "-m", "tests.knowledge_snapshot"))

    original = json.loads(json.dumps(knowledge_snapshot(), sort_keys=True))
    if knowledge == "factories":
        assert all(original[label] for label in original), "every model has rows to compare"
    assert original["cooperation.Citation"]
    for label, rows in original.items():
        assert imported[label] == rows, label


def test_export_file_names_records_by_slug_and_keeps_date_precision(db, tmp_path):
    make_knowledge()
    export = tmp_path / "kb.json"
    call_command("export_kb", str(export))
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["format"] == "cckb-knowledge-base"
    assert data["format_version"] == 1
    rocb = next(o for o in data["sections"]["organizations"] if o["name"] == "ROCB Europe")
    assert rocb["parent"] == "world-customs-organization"
    assert rocb["citations"][0]["quote"] == "B."
    source = data["sections"]["sources"][0]
    assert source["published"] == "2019-12"
    assert source["title"] == "Çengel visits Baku"
    party = next(p for p in data["sections"]["agreement_parties"] if p["country"])
    assert party == {**party, "country": "KR", "organization": None}


def test_import_refuses_a_database_that_is_not_empty(db, tmp_path):
    make_knowledge()
    export = tmp_path / "kb.json"
    call_command("export_kb", str(export))
    with pytest.raises(CommandError, match="not empty"):
        call_command("import_kb", str(export))


def test_import_of_a_file_that_is_not_json_says_so(db, tmp_path):
    bad = tmp_path / "kb.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not a JSON file"):
        call_command("import_kb", str(bad))


def test_import_of_another_kind_of_json_says_so(db, tmp_path):
    bad = tmp_path / "kb.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    with pytest.raises(CommandError, match="not a knowledge base export"):
        call_command("import_kb", str(bad))


def test_import_names_the_record_with_an_unknown_reference_and_loads_nothing(db, tmp_path):
    data = {
        "format": "cckb-knowledge-base",
        "format_version": 1,
        "sections": {
            "organizations": [{"slug": "scc", "name": "State Customs Committee"}],
            "people": [{"slug": "gulu-novruzov", "name": "Gulu Novruzov"}],
            "positions": [
                {"person": "gulu-novruzov", "organization": "no-such-body", "title": "Head"}
            ],
        },
    }
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(CommandError, match=r"positions\[1\]: no organization with slug"):
        call_command("import_kb", str(bad))
    assert not Organization.objects.exists()


def test_import_rejects_a_date_that_is_not_a_date(db, tmp_path):
    data = {
        "format": "cckb-knowledge-base",
        "format_version": 1,
        "sections": {"sources": [{"slug": "s", "title": "T", "text": "x", "published": "Dec"}]},
    }
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match=r"sources\[1\]: published"):
        call_command("import_kb", str(bad))
