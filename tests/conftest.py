import pytest

from tests.factories import (
    make_citation,
    make_event,
    make_knowledge_base,
    make_organization,
    make_source,
)


@pytest.fixture
def source(db):
    return make_source()


@pytest.fixture
def organization(db):
    return make_organization(name="Academy of the State Customs Committee", acronym="ASCCA")


@pytest.fixture
def partner(db):
    return make_organization(
        name="Korea Customs Human Resources Development Institute", acronym="CHRDI", country="KR"
    )


@pytest.fixture
def event(organization, partner):
    return make_event(title="CHRDI delegation visits Baku", host=organization, visitors=[partner])


@pytest.fixture
def citation(event, source):
    return make_citation(event, source=source)


@pytest.fixture
def knowledge_base(db):
    """Three of everything, related and cited, in Azerbaijan, Korea and Uzbekistan."""
    return make_knowledge_base(3)


@pytest.fixture
def large_knowledge_base(db):
    """Thirty of everything: enough rows that a query per row would show."""
    return make_knowledge_base(30)


@pytest.fixture(autouse=True)
def fresh_cache():
    """The API's throttle counts requests in the cache: each test starts at zero."""
    from django.core.cache import cache

    cache.clear()
