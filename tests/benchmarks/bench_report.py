"""Cost of the rendered site over executing the notebooks alone, for the statement.

Run: .venv/bin/python tests/benchmarks/bench_report.py [DOC_ID]
Measures, in one process and one after the other:

1. executing every notebook the site runs for the document (per-document notebooks with its
   DOC_ID, project-wide ones as the site runs them) with plain nbclient, results discarded;
2. ``helpers.site.render_site([DOC_ID])`` into a temporary folder: the same executions through
   papermill, HTML export, the document summary (its own segmentation and entity extraction in
   this process) and both index pages.

Prints both wall-clock times and their ratio (the target is at most about 1.5).
"""

import sys
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from helpers.paths import DEFAULT_DOC_ID, NOTEBOOKS_DIR
from helpers.site import (
    collection_notebooks,
    collection_parameters,
    document_notebooks,
    render_site,
)


def execute_alone(doc_id: str) -> float:
    started = time.perf_counter()
    runs = [(p, f"DOC_ID = {doc_id!r}") for p in document_notebooks()]
    for p in collection_notebooks():
        given = collection_parameters(p, [doc_id])
        runs.append((p, f"DOC_IDS = {given['DOC_IDS']!r}" if given else None))
    for path, assignment in runs:
        nb = nbformat.read(path, as_version=4)
        if assignment:  # the same parameter the site passes, as a cell after the parameters cell
            at = next(
                i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])
            )
            nb.cells.insert(at + 1, nbformat.v4.new_code_cell(assignment))
        NotebookClient(
            nb,
            kernel_name="python3",
            resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        ).execute()
    return time.perf_counter() - started


def render(doc_id: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with redirect_stdout(StringIO()):
            render_site([doc_id], out_dir=Path(tmp) / "reports")
        return time.perf_counter() - started


def main() -> None:
    doc_id = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DOC_ID
    alone = execute_alone(doc_id)
    print(f"notebooks executed alone: {alone:.1f} s", flush=True)
    site = render(doc_id)
    print(f"site rendered:            {site:.1f} s")
    print(f"ratio: {site / alone:.2f} (target: at most about 1.5)")


if __name__ == "__main__":
    main()
