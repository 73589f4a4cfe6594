"""Executing a notebook twice gives identical outputs (no timings, addresses or unsorted ties)."""

import nbformat
from nbclient import NotebookClient

from helpers.paths import NOTEBOOKS_DIR

NOTEBOOK = NOTEBOOKS_DIR / "01-load.ipynb"  # cheap, and it shows every loading table


def _outputs(nb) -> list:
    return [
        [{k: v for k, v in out.items() if k != "execution_count"} for out in cell.outputs]
        for cell in nb.cells
        if cell.cell_type == "code"
    ]


def _execute():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS_DIR)}}
    ).execute()
    return _outputs(nb)


def test_notebook_outputs_are_identical_across_runs():
    first, second = _execute(), _execute()
    assert first == second
    # ... and equal to what is committed, so the stored notebook is one of those runs
    assert first == _outputs(nbformat.read(NOTEBOOK, as_version=4))
