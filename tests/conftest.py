import pytest

from tests.factories import make_citation, make_event, make_organization, make_source


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


@pytest.fixture(autouse=True)
def fresh_cache():
    """The API's throttle counts requests in the cache: each test starts at zero."""
    from django.core.cache import cache

    cache.clear()
