"""The API answers as its own OpenAPI schema says, for every endpoint, and no
generated request makes it fail."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import reverse
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from tests.api.test_queries import make_knowledge

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def test_schema_is_a_valid_openapi_3_document(client, db):
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    validate_schema(document)  # raises on an invalid document
    assert "/api/organizations/{slug}/" in document["paths"]


def test_schema_documents_the_list_filters_and_pagination(client, db):
    document = client.get(reverse("api:schema"), {"format": "json"}).json()
    parameters = {p["name"] for p in document["paths"]["/api/organizations/"]["get"]["parameters"]}
    assert {"page", "page_size"} <= parameters


@pytest.fixture
def api_schema(db, settings):
    """The schema, with requests sent to the site's own WSGI application."""
    from cooperation.wsgi import application

    settings.ALLOWED_HOSTS = ["*"]
    # As Django's test client does: a request must not close the connection that
    # holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def knowledge(db):
    return make_knowledge(2)


def test_every_list_and_detail_answers_200_in_the_shape_the_schema_says(api_schema, knowledge):
    from django.apps import apps

    slugs = {
        "organizations": "cooperation.Organization",
        "people": "people.Person",
        "events": "events.Event",
        "agreements": "cooperation.Agreement",
        "programmes": "cooperation.Programme",
        "sources": "cooperation.Source",
    }
    checked = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() != "GET" or operation.path in {"/api/schema/"}:
            continue
        kind = operation.path.split("/")[2]  # "organizations", or "popolo.json"
        parameters = {}
        if "{slug}" in operation.path:
            parameters = {"slug": apps.get_model(slugs[kind]).objects.first().slug}
        case = operation.Case(path_parameters=parameters)
        response = case.call()
        assert response.status_code == 200, (operation.path, response.text[:500])
        case.validate_response(response, checks=CHECKS)
        checked.append(operation.path)
    assert len(checked) == 2 * len(slugs) + 1  # and /api/popolo.json


ENDPOINTS = [
    f"/api/{kind}/{detail}"
    for kind in ("organizations", "people", "events", "agreements", "programmes", "sources")
    for detail in ("", "{slug}/")
]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_generated_requests_never_make_the_api_fail(api_schema, knowledge, path):
    """Schemathesis generates requests from the schema (valid and invalid filters,
    pages, slugs); none may give a server error or a response the schema does not
    describe. (Its pytest plugin does not run under pytest 9, so the strategy is
    driven with Hypothesis directly.)"""
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def check(case):
        response = case.call()
        case.validate_response(response, checks=CHECKS)

    check()
