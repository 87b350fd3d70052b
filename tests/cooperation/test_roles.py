"""The Editor group: what an editor can reach in the admin, and what not."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.urls import reverse

from cooperation.models import Organization
from cooperation.roles import EDITOR_GROUP
from events.models import Event
from people.models import Person
from tests.factories import make_organization


@pytest.fixture
def editor(db, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "a long editor passphrase")
    call_command(
        "create_editor",
        "aylin",
        "--email",
        "aylin@example.org",
        "--password-from-env",
        "EDITOR_PASSWORD",
        stdout=None,
    )
    return User.objects.get(username="aylin")


def test_the_migration_creates_the_editor_group_without_user_management(db):
    group = Group.objects.get(name=EDITOR_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_event", "change_organization", "view_person", "add_citation"} <= codenames
    assert not {c for c in codenames if c.endswith(("_user", "_group", "_permission"))}
    # Organizations and people are merged, not deleted.
    assert "delete_organization" not in codenames
    assert "delete_position" in codenames


def test_create_editor_makes_a_staff_user_in_the_group(editor):
    assert editor.is_staff and not editor.is_superuser
    assert editor.email == "aylin@example.org"
    assert list(editor.groups.values_list("name", flat=True)) == [EDITOR_GROUP]
    assert editor.check_password("a long editor passphrase")


def test_create_editor_twice_changes_nothing_and_keeps_the_password(editor, capsys):
    call_command("create_editor", "aylin")
    editor.refresh_from_db()
    assert editor.check_password("a long editor passphrase")
    assert editor.groups.count() == 1
    assert "Updated editor aylin" in capsys.readouterr().out


def test_create_editor_explains_a_missing_password_variable(db):
    with pytest.raises(CommandError, match="NOPE is not set"):
        call_command("create_editor", "bea", "--password-from-env", "NOPE")
    assert not User.objects.filter(username="bea").exists()


def test_create_editor_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("PW", "123")
    with pytest.raises(CommandError, match="The password is refused"):
        call_command("create_editor", "bea", "--password-from-env", "PW")


def test_create_editor_refuses_a_bad_email(db):
    with pytest.raises(CommandError, match="not an e-mail address"):
        call_command("create_editor", "bea", "--email", "bea-at-example", "--no-password")


@pytest.mark.parametrize("model", [Organization, Person, Event], ids=lambda m: m.__name__)
def test_an_editor_reaches_the_add_pages(client, editor, model):
    client.force_login(editor)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    response = client.get(url)
    assert response.status_code == 200
    assert f"Add {model._meta.verbose_name}" in response.text


def test_an_editor_cannot_reach_user_management(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    index = client.get(reverse("admin:index")).text
    assert "Users" not in index and "Organizations" in index


def test_a_staff_user_outside_the_editor_group_cannot_change_anything(client, db):
    org = make_organization()
    user = User.objects.create_user("visitor", password="x", is_staff=True)
    client.force_login(user)
    change_url = reverse("admin:cooperation_organization_change", args=[org.pk])
    assert client.get(change_url).status_code == 403
    response = client.post(change_url, {"name": "Renamed"})
    assert response.status_code == 403
    org.refresh_from_db()
    assert org.name != "Renamed"
