"""User-entered text is always escaped.

Every text field an editor can fill, in every model of the three apps, gets a
payload of markup; then every public page that shows those records is read,
and none may carry the markup as markup, nor link to a ``javascript:`` address.
Fields are found by introspection, so a new field is covered without a change
here; a new model makes ``test_every_model_and_text_field_holds_a_payload``
fail until the knowledge base below creates one.
"""

import itertools
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import models
from simple_history.models import HistoricalChanges

from cooperation.models import (
    Agreement,
    AgreementParty,
    Citation,
    Organization,
    OrganizationAlias,
    Partnership,
    Programme,
    ProgrammeCountry,
    ProgrammeRole,
    Source,
)
from cooperation.partial_dates import PartialDateField
from events.models import Event, EventProgramme, OrganizationParticipation, PersonParticipation
from people.models import Person, PersonAlias, Position
from tests.html import Page

APPS = ("cooperation", "events", "people")

# Written by ingestion and reviewed in the admin (which escapes); no public page.
# Not edited by anyone: the review queue, and the token database triggers renew.
NOT_PUBLIC = {"cooperation.ingestion", "cooperation.proposal", "cooperation.dataversion"}

# Editable fields no public page shows (yet): where a source was loaded from, and
# editors' notes on some relations. Listed so that every other field is proved shown.
NOT_SHOWN = {"source.corpus_file", "partnership.note", "personparticipation.note", "position.note"}


def public_models():
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if (
                not issubclass(model, HistoricalChanges)
                and model._meta.label_lower not in NOT_PUBLIC
            ):
                yield model


def text_fields(model):
    """The fields of ``model`` where an editor types free text. Slugs are derived,
    dates parsed and choices (kinds, roles, countries) picked from a list."""
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and field.editable
            and not field.choices
            and not isinstance(field, models.SlugField | PartialDateField)
        ):
            yield field


_codes = itertools.count(1)
PAYLOADS = {}  # "model.field" -> payload


def payload(field):
    label = f"{field.model._meta.model_name}.{field.name}"
    if label not in PAYLOADS:
        code = f"X{next(_codes)}"
        if isinstance(field, models.URLField):
            # Stored without validation, as ingestion stores the address a page gives.
            value = f'javascript:alert("{code}")//"><script>alert("{code}")</script>'
        else:
            value = f'<script>alert("{code}")</script>"><img src=x onerror=alert("{code}")>'
        if field.max_length and len(value) > field.max_length:
            value = f'<script>alert("{code}")</script>'
        PAYLOADS[label] = value
    return PAYLOADS[label]


def texts(model):
    return {field.name: payload(field) for field in text_fields(model)}


def create(model, **kwargs):
    """A row of ``model`` with a payload in every text field; save() without
    full_clean(), so nothing is refused before it reaches a page."""
    return model.objects.create(**{**texts(model), **kwargs})


@pytest.fixture
def hostile_knowledge_base(db):
    """One of every public record, related as in the real data and cited,
    every text field holding markup."""
    quote = texts(Citation)["quote"]
    source = create(Source, published="2023-11-08")
    source.text = f"{source.text} {quote}"
    source.save()

    def cite(obj):
        create(Citation, source=source, cited=obj, quote=quote)
        return obj

    wco = cite(create(Organization, kind=Organization.Kind.INTERNATIONAL, country=""))
    host = cite(create(Organization, country="AZ", parent=wco))
    visitor = cite(create(Organization, country="UZ", kind=Organization.Kind.TRAINING))
    create(OrganizationAlias, organization=host)
    ccp = cite(create(Programme, start="2020", end="2024"))
    cite(create(ProgrammeRole, programme=ccp, organization=host, role="funder"))
    cite(create(ProgrammeCountry, programme=ccp, country="AZ"))
    event = cite(create(Event, country="AZ", start="2023-10-04", end="2023-10-06"))
    cite(create(EventProgramme, event=event, programme=ccp))
    for organization, role in ((host, "host"), (visitor, "visiting-delegation")):
        cite(create(OrganizationParticipation, event=event, organization=organization, role=role))
    person = cite(create(Person))
    create(PersonAlias, person=person)
    cite(create(Position, person=person, organization=host, as_of="2023"))
    cite(create(PersonParticipation, event=event, person=person, organization=host))
    agreement = cite(create(Agreement, date_signed="2023-10-05", event=event))
    agreement.programmes.add(ccp)
    cite(create(AgreementParty, agreement=agreement, organization=host))
    cite(create(AgreementParty, agreement=agreement, organization=visitor))
    cite(create(AgreementParty, agreement=agreement, country="KR"))
    cite(create(Partnership, organization_a=host, organization_b=visitor, start="2020"))
    return {"records": [wco, host, visitor, ccp, event, person, agreement, source]}


def test_every_model_and_text_field_holds_a_payload(hostile_knowledge_base):
    for model in public_models():
        rows = list(model.objects.all())
        assert rows, f"{model._meta.label}: add one to hostile_knowledge_base"
        for field in text_fields(model):
            for row in rows:
                assert 'alert("X' in getattr(row, field.attname), f"{model.__name__}.{field.name}"


class Markup(HTMLParser):
    """What a browser would run or follow in a page, and the text it shows."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.injected, self.text = [], []
        self._in_script = False
        self.feed(html)
        self.text = " ".join("".join(self.text).split())

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.injected.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action", "formaction"} and value:
                if urlsplit(value.strip()).scheme.lower() not in {"", "http", "https"}:
                    self.injected.append(f"<{tag} {name}={value[:40]!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.injected.append("<img src=x>")
        self._in_script = tag == "script"
        if tag == "script" and "src" not in dict(attrs):
            self.injected.append("<script> without src")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.injected.append(f"script code {data.strip()[:40]!r}")
        else:
            self.text.append(data)


ATOM = "{http://www.w3.org/2005/Atom}"


def atom_html(content):
    """The HTML inside an Atom document: the text of its ``type="html"`` elements.
    Parsing the document at all proves it is well-formed XML."""
    feed = ET.fromstring(content)
    assert feed.tag == f"{ATOM}feed"
    for element in feed.iter():
        assert element.tag.startswith(ATOM), f"a stray element {element.tag} in the feed"
    return [el.text or "" for el in feed.iter() if el.get("type") == "html"]


def start_pages(records):
    addresses = [
        "/",
        "/organizations/",
        "/people/",
        "/events/",
        "/agreements/",
        "/programmes/",
        "/sources/",
        "/countries/",
        "/countries/az/",
        "/partnerships/",
        "/search/?q=alert",
        "/search/?q=onerror+script",
        "/feeds/events/",
        "/feeds/agreements/",
        "/countries/az/feed/",
    ]
    for record in records:
        addresses.append(record.get_absolute_url())
    for record in records:
        if isinstance(record, Organization | Programme):
            addresses.append(f"{record.get_absolute_url()}feed/")
    return addresses


def is_public(href):
    path = urlsplit(href).path
    return href.startswith("/") and not path.startswith(("/static/", "/admin/", "/api/"))


def test_user_entered_text_is_escaped_on_every_public_page(client, hostile_knowledge_base):
    shown, seen, to_visit = [], set(), start_pages(hostile_knowledge_base["records"])
    while to_visit:
        url = to_visit.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        content_type = response["Content-Type"]
        if content_type.startswith("text/html"):
            fragments = [response.content.decode()]
            to_visit += [
                href.partition("#")[0] for href in Page(fragments[0]).hrefs() if is_public(href)
            ]
        elif content_type.startswith("application/atom+xml"):
            fragments = atom_html(response.content)
        else:
            continue  # CSV and JSON downloads: data, not markup
        for html in fragments:
            assert "<script>alert(" not in html, f"{url}: a payload is in the page as markup"
            assert "<img src=x" not in html, f"{url}: a payload is in the page as markup"
            markup = Markup(html)
            assert not markup.injected, f"{url}: {markup.injected}"
            shown.append(markup.text)
    everything = "\n".join(shown)
    never_shown = {
        label for label, value in PAYLOADS.items() if value not in everything
    } - NOT_SHOWN
    assert not never_shown, f"shown nowhere, so not tested: {sorted(never_shown)}"
    assert len(seen) > 30
    print(f"read {len(seen)} pages and feeds, {len(PAYLOADS)} text fields")
