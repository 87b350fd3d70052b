import pytest


@pytest.fixture(autouse=True)
def stub_pages(settings):
    settings.ROOT_URLCONF = "tests.stub_urls"
