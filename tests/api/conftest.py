import pytest


@pytest.fixture(autouse=True)
def page_urls(settings):
    settings.ROOT_URLCONF = "tests.stub_page_urls"
