import pytest

from helpers.corpus import load_document
from helpers.paths import DEFAULT_DOC_ID


@pytest.fixture(scope="session")
def statement():
    return load_document(DEFAULT_DOC_ID)
