"""Rendering only what changed, and notebooks run at once (issue 11's report target, issue 14's
"rerun only what changed"): a project-wide notebook keeps its page while its inputs are the same,
and notebooks executed concurrently give the same pages as one after another."""

import os
import shutil
from contextlib import redirect_stdout
from io import StringIO

import nbformat
from test_site import _notebook

import helpers.analysis
import helpers.site as site
from helpers import paths
from helpers.paths import DEFAULT_DOC_ID
from helpers.site import COLLECTION, DocumentSummary, collection_key, render_site

DOC = "wiki-karakoram"


def _render(out) -> str:
    printed = StringIO()
    with redirect_stdout(printed):
        render_site([DOC], out_dir=out)
    return printed.getvalue()


def test_a_collection_notebook_reruns_only_when_its_inputs_change(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    monkeypatch.setattr(paths, "DATA_DIR", data)
    notebook = _notebook(tmp_path / "05-stub.ipynb", "N = 1", "print(N)")
    monkeypatch.setattr(site, "collection_notebooks", lambda: [notebook])
    monkeypatch.setattr(site, "document_notebooks", lambda: [])
    monkeypatch.setattr(site, "prepare_analysis", lambda doc: None)
    monkeypatch.setattr(
        site,
        "summarise",
        lambda doc, stems: DocumentSummary(
            doc.id, doc.title, None, None, None, 1, 1, 1, [], [], []
        ),
    )
    runs = []

    def counted(path, parameters=None):
        runs.append(path.name)
        return nbformat.read(path, as_version=4)

    monkeypatch.setattr(site, "execute_notebook", counted)
    out = tmp_path / "reports"
    page = out / COLLECTION / "05-stub.html"

    _render(out)
    assert runs == ["05-stub.ipynb"]
    first = page.read_bytes()
    printed = _render(out)
    assert runs == ["05-stub.ipynb"], "nothing changed, yet it ran again"
    assert f"{COLLECTION}: 05-stub.ipynb ... reused" in printed
    assert page.read_bytes() == first

    with (data / "themes.tsv").open("a", encoding="utf-8") as f:
        f.write("# a curator's note\n")
    assert f"{COLLECTION}: 05-stub.ipynb ... done" in _render(out)
    assert len(runs) == 2  # a data file changed: run again
    _render(out)
    assert len(runs) == 2

    nb = nbformat.read(notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("print(N + 1)"))
    nbformat.write(nb, notebook)
    _render(out)
    assert len(runs) == 3  # the notebook changed: run again
    assert "N + 1" in (out / COLLECTION / "05-stub.ipynb").read_text("utf-8")

    (out / COLLECTION / "05-stub.key").write_text("not the key\n", "utf-8")
    _render(out)
    assert len(runs) == 4  # a key that does not match is never trusted


def test_the_collection_key_follows_the_documents_it_compares(tmp_path, monkeypatch):
    notebook = _notebook(tmp_path / "07-stub.ipynb", 'DOC_IDS = ["wiki-karakoram"]', "1")
    given = {"DOC_IDS": ["wiki-karakoram", "wiki-pakistan"]}
    default, compared = collection_key(notebook, {}), collection_key(notebook, given)
    assert default != compared and collection_key(notebook, given) == compared
    real = helpers.analysis.analysis_key

    def changed(files):  # as if wiki-pakistan's text had been edited
        key = real(files)
        return key + "-edited" if files[0].stem == "wiki-pakistan" else key

    monkeypatch.setattr(helpers.analysis, "analysis_key", changed)
    assert collection_key(notebook, given) != compared
    assert collection_key(notebook, {}) == default  # its default reads only wiki-karakoram


def test_notebooks_run_at_once_give_the_pages_they_give_one_after_another(tmp_path, monkeypatch):
    """The statement's per-document notebooks, run concurrently and then one at a time."""
    pages = {}
    for name, workers in (("concurrent", 2), ("sequential", 1)):
        monkeypatch.setattr(site, "workers", lambda jobs, n=workers: n)
        out = tmp_path / name
        before = os.getcwd()
        with redirect_stdout(StringIO()):
            render_site([DEFAULT_DOC_ID], out_dir=out, collection=False)
        assert os.getcwd() == before  # no notebook moved the process to another folder
        pages[name] = {
            p.name: p.read_bytes() for p in sorted((out / DEFAULT_DOC_ID).glob("*.html"))
        }
        pages[name]["outputs"] = [
            [c.get("outputs") for c in nbformat.read(p, as_version=4).cells]
            for p in sorted((out / DEFAULT_DOC_ID).glob("*.ipynb"))
        ]
    assert len(pages["concurrent"]) == len(site.document_notebooks()) + 2
    assert pages["concurrent"].keys() == pages["sequential"].keys()
    for name in pages["concurrent"]:
        assert pages["concurrent"][name] == pages["sequential"][name], name
