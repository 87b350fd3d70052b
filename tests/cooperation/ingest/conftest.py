from pathlib import Path

import pytest
from django.conf import settings

CORPUS = Path(settings.BASE_DIR) / "corpus"


def corpus_file(prefix):
    """The corpus article whose file name starts with ``prefix`` ("003")."""
    return next(CORPUS.glob(f"{prefix}_*.txt"))


@pytest.fixture
def rocb_article():
    """003: the CARICC delegation visits ROCB Europe (the text gives no date)."""
    return corpus_file("003")


@pytest.fixture
def unodc_article():
    """004: the IREN exchange visit to Azerbaijan, dated 2023-11-08 in its text."""
    return corpus_file("004")
