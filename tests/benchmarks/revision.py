"""A revision's ``helpers`` (code and data files), for benchmarks that measure it beside this
checkout's in one run: taken with ``git archive`` into a temporary folder, never checked out."""

from __future__ import annotations

import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def helpers_of(rev: str) -> Iterator[str]:
    """A folder holding ``rev``'s ``helpers``: put it first on a child process's PYTHONPATH."""
    archive = subprocess.run(
        ["git", "archive", rev, "helpers"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        yield folder
