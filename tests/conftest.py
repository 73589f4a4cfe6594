import hashlib
from pathlib import Path

import pytest

from helpers.corpus import load_document
from helpers.paths import CORPUS_DIR, DEFAULT_DOC_ID


def corpus_digest(folder: Path = CORPUS_DIR) -> str:
    """SHA-256 over every file name and content under ``folder`` (the corpus is raw data)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


# Taken when pytest imports this file, before any test or notebook runs.
_CORPUS_BEFORE = corpus_digest()


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if anything under corpus/ was created, changed or removed during it."""
    if corpus_digest() != _CORPUS_BEFORE:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line("FAILED: corpus/ changed during the test run", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(scope="session")
def statement():
    return load_document(DEFAULT_DOC_ID)


@pytest.fixture(scope="session")
def statement_analysis(statement):
    """The statement analysed once for every test that reads its tables."""
    from helpers.analysis import analyse

    return analyse(statement)
