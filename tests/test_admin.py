"""Every model has an admin an editor can reach, and only an editor."""

import pytest
from django.contrib import admin
from django.urls import reverse

from cooperation.models import Ingestion, Partnership, Proposal
from tests.factories import (
    make_agreement,
    make_citation,
    make_event,
    make_organization,
    make_person_participation,
    make_position,
    make_programme,
)

MODELS = list(admin.site._registry)
PROJECT_MODELS = [m for m in MODELS if m._meta.app_label in {"cooperation", "people", "events"}]


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.fixture
def records(db):
    """One row of every model, related and cited, so change pages render inlines."""
    host, visitor = make_organization(), make_organization(country="KR")
    event = make_event(host=host, visitors=[visitor])
    programme = make_programme()
    event.programmes.add(programme)
    programme.roles.create(organization=host, role="funder")
    programme.countries.create(country="UZ")
    make_position(organization=host)
    make_person_participation(event=event)
    make_agreement(parties=[host, "UZ"], event=event)
    Partnership.objects.create(organization_a=host, organization_b=visitor, start="2020")
    make_citation(host)
    host.aliases.create(name="The Committee")
    make_person_participation(event=event).person.aliases.create(name="I. Huseynov")
    source = make_citation(visitor).source
    Ingestion.objects.create(source=source, content_hash="0" * 64, filename="article.txt")
    Proposal.objects.create(source=source, kind="organization", name="CARICC", passage="A")


def test_every_project_model_is_registered():
    from django.apps import apps

    for app in ("cooperation", "people", "events"):
        for model in apps.get_app_config(app).get_models():
            # The caches' data version is written by database triggers only.
            if not model.__name__.startswith("Historical") and model.__name__ != "DataVersion":
                assert model in admin.site._registry, model


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=lambda m: m.__name__)
def test_changelist_and_add_pages_answer_for_a_superuser(admin_client, records, model):
    response = admin_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    obj = model._default_manager.first()
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200
    assert admin_client.get(admin_url(model, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=lambda m: m.__name__)
def test_changelist_search_answers_for_a_superuser(admin_client, records, model):
    if admin.site._registry[model].search_fields:
        response = admin_client.get(admin_url(model, "changelist"), {"q": "Çengel <b>"})
        assert response.status_code == 200


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=lambda m: m.__name__)
def test_anonymous_visitors_are_sent_to_the_login(client, db, model):
    for action in ("changelist", "add"):
        response = client.get(admin_url(model, action))
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_admin_search_finds_an_organization_by_alias(admin_client, db):
    org = make_organization(name="Regional Office for Capacity Building", acronym="ROCB Europe")
    org.aliases.create(name="Regional Office for Capacity Building for the Europe Region")
    other = make_organization(name="Federal Customs Service")
    response = admin_client.get(admin_url(type(org), "changelist"), {"q": "Europe Region"})
    shown = list(response.context["cl"].result_list)
    assert org in shown
    assert other not in shown
