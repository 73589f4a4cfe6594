"""The rendered site: every analysis rerun for any document, as standalone HTML under ``reports/``.

``render_site(["doc-id", ...])`` executes each per-document notebook for each document into
``reports/<doc-id>/`` (HTML and the executed ``.ipynb``), writes ``reports/<doc-id>/index.html``
summarising the document, renders the project-wide notebooks once into ``reports/collection/``,
and rewrites ``reports/index.html`` listing every document rendered so far.

A notebook's kind is read from its parameters cell (the cell tagged ``parameters``, papermill's
convention): one that defines ``DOC_ID`` is run once per document; every other notebook is
project-wide, and one that defines ``DOC_IDS`` is given the ids of every document in the site.
Pages need no network: images are embedded as data URIs and no script or style is fetched.
Every page carries a Content-Security-Policy (:data:`CSP`) that forbids scripts and fetches, and
every page this module writes itself comes from a Jinja2 template with autoescaping.

Notebooks run at once, one per core, in threads (the work is in their kernels) once each
document's analysis is stored; a project-wide notebook whose key (:func:`collection_key`) matches
the one stored beside its page keeps that page instead of running again.

Crash-safe: a document's folder (and ``collection/``) is built in a hidden staging folder and
swapped in whole under a lock on ``reports/``; ``reports/index.html`` is rebuilt under the same
lock from every document's ``summary.json``, so concurrent runs list every document. Staging
folders left by a killed run are removed by the next run.
"""

from __future__ import annotations

import ast
import json
import logging
import os
import re
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import fonts
from .corpus import (
    CorpusError,
    Document,
    check_id,
    list_documents,
    load_document,
)
from .files import (
    atomic_write_bytes,
    folder_lock,
    remove_stale_staging,
    restore_swapped_out,
    staging_folder,
    swap_in,
)
from .paths import DEFAULT_DOC_ID, NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_DIR, display_path
from .report import TEMPLATES_DIR, atomic_write_text, notebooks, templates

COLLECTION = "collection"  # reports/collection/: project-wide notebooks (a reserved id)
SUMMARY = "summary.json"  # marks a document folder under reports/ and feeds reports/index.html
TOP = 10  # entities and themes listed on a document's index page
FONT_STACK = '"DejaVu Sans", "Noto Sans", "Liberation Sans", sans-serif'
# What a page may load: nothing but inline styles (nbconvert's and pandas' tables, entity
# highlighting) and data: images and fonts (figures are embedded). No script runs, nothing is
# fetched, no form is sent, and a <base> cannot redirect the relative links.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)
STAGING = ".stage-"  # reports/.stage-XXXX/: a document's folder being built
SWAPPED_OUT = ".old-"  # reports/.old-<id>/: the previous folder, for the moment of the swap
KEY_SUFFIX = ".key"  # reports/collection/NN-name.key: what a project-wide page was made from
EVALUATION_DATA_DIR = PROJECT_ROOT / "tests" / "data"  # the annotated sets 05 scores


# papermill hands nbclient its "papermill" logger, and importing underthesea configures the root
# logger to print on stderr (its classification module calls logging.basicConfig), so nbclient's
# "Kernel died while waiting for execute reply." would appear beside the one line a failed run
# prints. What these messages say reaches the user as a RenderError.
_PAPERMILL_LOG = logging.getLogger("papermill")
_PAPERMILL_LOG.addHandler(logging.NullHandler())
_PAPERMILL_LOG.propagate = False


class RenderError(Exception):
    """A notebook failed: the message names the notebook, the cell and the error."""


# The stop event of the run a worker thread executes for: set when the run fails or is
# interrupted, so notebooks still running stop before their next cell and the process does not
# wait for work nobody will publish. A notebook executed outside a run has none.
_RUN = threading.local()


class _Stopped(Exception):
    """Raised before a cell once the run has stopped."""


def _stop_if_asked(**_) -> None:
    stop = getattr(_RUN, "stop", None)
    if stop is not None and stop.is_set():
        raise _Stopped


def _kernel_manager(log):
    """A kernel manager whose kernel writes its own stderr to ``log``, not to the terminal.

    What a cell prints comes back through the notebook either way; outside cells a kernel writes
    start-up notices and, now and then, a libzmq assertion as it shuts down: noise after the one
    line a run prints. The file is kept to say why a kernel died.
    """
    from jupyter_client.manager import AsyncKernelManager

    class KernelManager(AsyncKernelManager):
        async def _async_pre_start_kernel(self, **kw):
            kw["stderr"] = log
            return await super()._async_pre_start_kernel(**kw)

    return KernelManager


def _last_words(log) -> str:
    """The last line the kernel wrote to its stderr, if any (shortened)."""
    log.seek(0)
    lines = [line.strip() for line in log.read().decode("utf-8", "replace").splitlines()]
    last = next((line for line in reversed(lines) if line), "")
    return last if len(last) <= 200 else last[:197] + "..."


def notebook_parameters(path: Path) -> dict[str, str]:
    """Parameter name → default (as written) in the notebook's ``parameters`` cell."""
    import papermill

    found = papermill.inspect_notebook(str(path))
    return {name: info["default"] for name, info in found.items()}


def document_notebooks() -> list[Path]:
    """Notebooks whose parameters cell defines ``DOC_ID``: run once per document."""
    return [p for p in notebooks() if "DOC_ID" in notebook_parameters(p)]


def collection_notebooks() -> list[Path]:
    """Every other notebook: project-wide, run once for the whole site."""
    return [p for p in notebooks() if "DOC_ID" not in notebook_parameters(p)]


def execute_notebook(path: Path, parameters: dict | None = None, timeout: int = 1800):
    """Run a notebook (working directory ``notebooks/``) with its parameters replaced.

    papermill injects a cell tagged ``injected-parameters`` after the ``parameters`` cell, so the
    rendered page shows both the default and the value used. Returns the executed notebook; a
    failing cell, a cell running longer than ``timeout`` seconds or a kernel that dies raises
    :class:`RenderError` naming the notebook and the cell.
    """
    import tempfile

    import papermill
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    given = ", ".join(f"{k}={v!r}" for k, v in (parameters or {}).items())
    where = f"{display_path(path)}{f' ({given})' if given else ''}"
    running = {}  # the cell being run, to name it if the kernel dies or the cell times out

    def cell_starts(cell, cell_index, **_):
        _stop_if_asked()
        first_line = next((line for line in cell.source.splitlines() if line.strip()), "")
        running.update(index=cell_index, first_line=first_line.strip())

    def in_cell() -> str:
        if not running:
            return "before its first cell"
        return (
            f"in cell {running['index'] + 1} of the executed notebook "
            f"(starting {running['first_line']!r})"
        )

    with tempfile.TemporaryFile() as log:
        try:
            nb = papermill.execute_notebook(
                str(path),
                None,  # nothing written by papermill: we write the result atomically
                parameters=parameters or None,
                kernel_name="python3",
                # The kernel starts in notebooks/ (nbclient's resources path). Not papermill's
                # cwd=, which changes the whole process's directory: notebooks run in threads.
                resources={"metadata": {"path": str(NOTEBOOKS_DIR)}},
                progress_bar=False,
                execution_timeout=timeout,
                # The kernel's own log (a TCP notice at start, an interrupt at shutdown) is
                # noise; cell errors still come back through the notebook.
                extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
                kernel_manager_class=_kernel_manager(log),
                on_cell_start=cell_starts,
            )
        except PapermillExecutionError as err:
            first_line = next((line for line in err.source.splitlines() if line.strip()), "")
            raise RenderError(
                f"{where}: cell In [{err.exec_count}] "
                f"(cell {err.cell_index + 1} of the executed notebook, starting "
                f"{first_line.strip()!r}) failed: {err.ename}: {err.evalue}"
            ) from None
        except CellTimeoutError:
            raise RenderError(
                f"{where}: stopped {in_cell()}, which ran longer than {timeout} s"
            ) from None
        except (DeadKernelError, RuntimeError) as err:
            # nbclient says "Kernel died", "Kernel didn't respond ...", "Kernel died before ..."
            if not str(err).startswith("Kernel"):
                raise
            said = _last_words(log)
            raise RenderError(
                f"{where}: the notebook's kernel (the Python process running its cells) died "
                f"{in_cell()}, for instance out of memory or killed"
                + (f"; it last wrote: {said}" if said else "")
            ) from None
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill's is random: the same page every run
    return nb


def describe_figures(nb) -> None:
    """Give each figure an alternative text: the first sentence of the markdown cell after it,
    which in these notebooks says what the output shows."""
    for i, cell in enumerate(nb.cells):
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if not images:
            continue
        following = next((c for c in nb.cells[i + 1 :] if c.cell_type == "markdown"), None)
        text = " ".join(following.source.split()) if following else ""
        sentence = re.split(r"(?<=[.!?])\s", re.sub(r"[*_`#]", "", text), maxsplit=1)[0]
        for output in images:
            output.setdefault("metadata", {})["alt"] = sentence or "Figure"


def notebook_html(nb, title: str, nav: dict | None = None) -> str:
    """Standalone HTML of an executed notebook: images embedded, nothing fetched from a network.

    ``nav`` is the navigation bar as data: ``links`` (``href``, ``text``) and, for a document
    other than the statement, ``doc_id`` and ``default_id`` for the note on the prose."""
    from nbconvert import HTMLExporter

    describe_figures(nb)

    exporter = HTMLExporter(
        template_name="site", extra_template_basedirs=[str(TEMPLATES_DIR)], embed_images=True
    )
    body, _ = exporter.from_notebook_node(
        nb,
        resources={
            "metadata": {"name": title},
            "site_nav": nav or {},
            "site_csp": CSP,
            "mono_font_face": fonts.font_face_css(),
            "mono_font_stack": fonts.MONO_STACK,
        },
    )
    return body


def write_notebook(nb, out_dir: Path, stem: str, title: str, nav: dict) -> Path:
    """``<stem>.html`` and the executed ``<stem>.ipynb`` in ``out_dir``, both written atomically."""
    import nbformat

    atomic_write_text(out_dir / f"{stem}.ipynb", nbformat.writes(nb) + "\n")
    return atomic_write_text(out_dir / f"{stem}.html", notebook_html(nb, title, nav))


# ---------------------------------------------------------------------------- summaries


@dataclass(frozen=True)
class DocumentSummary:
    """What a document's index page and the collection index say about it (all from helpers)."""

    id: str
    title: str
    title_en: str | None
    date: str | None
    source: str | None
    paragraphs: int
    sentences: int
    words: int
    entities: list[dict]  # entity, label, count, vietnamese forms
    themes: list[dict]  # theme, label, cues, paragraphs
    notebooks: list[str]  # stems of the rendered notebooks, in reading order


def summarise(doc: Document, rendered: Sequence[str]) -> DocumentSummary:
    """Counts from ``size_counts``, top entities from ``entity_counts``, themes from ``theme_scores``,
    all read from the document's stored analysis (the notebooks have just written it)."""
    from .analysis import load_or_analyse, size_counts
    from .entities import entity_counts, mentions
    from .themes import theme_labels, theme_scores

    analysis = load_or_analyse(doc)
    sizes = size_counts(analysis)["whole document"]
    entities = entity_counts(mentions(analysis)).head(TOP)
    scores = theme_scores(analysis)
    labels = theme_labels()
    themes = [
        {
            "theme": theme,
            "label": labels[theme],
            "cues": int(scores[theme].sum()),
            "paragraphs": int((scores[theme] > 0).sum()),
        }
        for theme in scores.columns
        if scores[theme].sum() > 0
    ]
    # Most cues first; ties in lexicon order (sorted is stable).
    themes = sorted(themes, key=lambda t: -t["cues"])[:TOP]
    meta = doc.metadata
    return DocumentSummary(
        id=doc.id,
        title=doc.title,
        title_en=meta.get("title_en"),
        date=meta.get("date"),
        source=meta.get("source"),
        paragraphs=int(sizes["paragraphs"]),
        sentences=int(sizes["sentences"]),
        words=int(sizes["words"]),
        entities=[
            {k: (int(v) if k == "count" else str(v)) for k, v in row.items()}
            for row in entities[["entity", "label", "count", "vietnamese forms"]].to_dict("records")
        ],
        themes=themes,
        notebooks=list(rendered),
    )


_SUMMARY_TYPES = {
    "id": str,
    "title": str,
    "title_en": (str, type(None)),
    "date": (str, type(None)),
    "source": (str, type(None)),
    "paragraphs": int,
    "sentences": int,
    "words": int,
    "entities": list,
    "themes": list,
    "notebooks": list,
}


def read_summary(path: Path, say_why: bool = True) -> DocumentSummary | None:
    """The summary in ``reports/<id>/summary.json``, or None (with a note unless ``say_why`` is
    false) if it is unusable: unreadable, from an older version, of the wrong types, or for
    another folder's id."""
    from .files import UnreadableFile, read_bounded

    folder = path.parent.name
    try:
        data = json.loads(read_bounded(path, 10 * 1024 * 1024).decode("utf-8"))
    except (UnreadableFile, UnicodeDecodeError, ValueError, RecursionError):
        data = None
    usable = (
        isinstance(data, dict)
        and set(_SUMMARY_TYPES) <= set(data)
        and all(isinstance(data[k], t) for k, t in _SUMMARY_TYPES.items())
        and data["id"] == folder
        and not check_id(folder)
        and all(
            isinstance(n, str) and re.fullmatch(r"[0-9]{2}-[a-z0-9-]+", n)
            for n in data["notebooks"]
        )
    )
    if not usable:
        if say_why:
            print(
                f"skipped {display_path(path.parent)}/{SUMMARY}: not a summary this version wrote"
            )
        return None
    return DocumentSummary(**{k: data[k] for k in _SUMMARY_TYPES})


def rendered_summaries(out_dir: Path = REPORTS_DIR, say_why: bool = True) -> list[DocumentSummary]:
    """Summaries of every document rendered into ``out_dir`` so far, sorted by id."""
    paths = sorted(out_dir.glob(f"[!.]*/{SUMMARY}"))
    found = (read_summary(path, say_why) for path in paths)
    return [summary for summary in found if summary is not None]


# ---------------------------------------------------------------------------- pages


def _templates():
    env = templates().overlay()
    env.globals.update(csp=CSP, font_stack=FONT_STACK, notebook_title=_notebook_title)
    return env


def _notebook_title(stem: str) -> str:
    return stem.split("-", 1)[1].replace("-", " ") if "-" in stem else stem


def document_index(summary: DocumentSummary) -> str:
    """``reports/<doc-id>/index.html``: the document in numbers and links to its notebooks."""
    page = _templates().get_template("document.html.j2")
    return page.render(s=summary, title=f"{summary.title} · report")


def collection_index(summaries: Sequence[DocumentSummary], collection: Sequence[str]) -> str:
    """``reports/index.html``: every rendered document and the project-wide notebooks."""
    page = _templates().get_template("collection.html.j2")
    return page.render(
        summaries=summaries,
        collection=collection,
        collection_dir=COLLECTION,
        title="Vietnamese diplomacy news: reports",
    )


# ---------------------------------------------------------------------------- the run


def _nav(*links: tuple[str, str], doc_id: str | None = None) -> dict:
    """The navigation bar of a notebook page, as data for the template (which escapes it)."""
    nav: dict = {"links": [{"href": href, "text": text} for href, text in links]}
    if doc_id is not None and doc_id != DEFAULT_DOC_ID:
        # The notebooks' prose is written about the statement; only the outputs are rerun.
        nav |= {"doc_id": doc_id, "default_id": DEFAULT_DOC_ID}
    return nav


def workers(jobs: int) -> int:
    """Notebooks run at once: one per core this process may use, never more than notebooks."""
    return max(1, min(len(os.sched_getaffinity(0)), jobs))


def _execute(path: Path, parameters: dict, stop: threading.Event) -> tuple:
    """Run in a worker thread: the executed notebook and the seconds it took. The work happens
    in the notebook's kernel, a process of its own, so threads run notebooks in parallel."""
    _RUN.stop = stop
    try:
        started = time.perf_counter()
        nb = execute_notebook(path, parameters)
        return nb, time.perf_counter() - started
    finally:
        _RUN.stop = None


def _collect(future: Future, label: str):
    """The executed notebook of ``future``, with its progress line."""
    try:
        nb, seconds = future.result()
    except RenderError:
        print(f"{label} ... FAILED", flush=True)
        raise
    print(f"{label} ... done ({seconds:.1f} s)", flush=True)
    return nb


def prepare_analysis(doc: Document) -> None:
    """Compute and store the document's analysis before its notebooks start, so that notebooks
    running at once all read it and none of them computes or writes it."""
    from .analysis import load_or_analyse

    load_or_analyse(doc)


def clean_up(out_dir: Path = REPORTS_DIR) -> None:
    """What a killed run left in ``out_dir``: staging folders no live run holds and a half-written
    index are removed, and a folder swapped out but never replaced goes back in place. Call
    under ``folder_lock``."""
    restore_swapped_out(out_dir, SWAPPED_OUT)
    remove_stale_staging(out_dir, STAGING)
    for partial in out_dir.glob(".index.html.*.tmp"):  # atomic_write_text's, written under lock
        partial.unlink(missing_ok=True)


def _publish(staged: Path, out_dir: Path, name: str) -> None:
    """Swap the finished folder ``staged`` in as ``out_dir/<name>``, whole, under the lock."""
    with folder_lock(out_dir):
        clean_up(out_dir)
        swap_in(staged, out_dir / name, SWAPPED_OUT)


def _write_document(
    doc: Document, executed: dict[Path, Future], out_dir: Path = REPORTS_DIR
) -> DocumentSummary:
    """The document's executed notebooks (``executed``: notebook → future, in reading order)
    written into ``out_dir/<doc-id>/`` with its index page.

    The folder is built in a staging folder and swapped in whole at the end: a run that fails or
    is killed leaves the previous folder (or none) as it was."""
    with staging_folder(out_dir, STAGING) as folder:
        stems = []
        for path, future in executed.items():
            nb = _collect(future, f"{doc.id}: {path.name}")
            nav = _nav(("../index.html", "all documents"), ("index.html", doc.title), doc_id=doc.id)
            write_notebook(nb, folder, path.stem, f"{path.stem} · {doc.title}", nav)
            stems.append(path.stem)
        summary = summarise(doc, stems)
        atomic_write_text(
            folder / SUMMARY, json.dumps(summary.__dict__, ensure_ascii=False, indent=1) + "\n"
        )
        atomic_write_text(folder / "index.html", document_index(summary))
        _publish(folder, out_dir, doc.id)
    return summary


def collection_parameters(path: Path, doc_ids: Sequence[str]) -> dict:
    """What a project-wide notebook is given: ``DOC_IDS`` if its parameters cell sets it and at
    least two documents are rendered (a comparison needs two; with fewer, the notebook keeps its
    own default documents)."""
    if "DOC_IDS" not in notebook_parameters(path) or len(doc_ids) < 2:
        return {}
    return {"DOC_IDS": list(doc_ids)}


def _environment() -> str:
    """Python's version and every installed distribution with its version, one per line."""
    from importlib.metadata import distributions

    installed = sorted({f"{d.metadata['Name']}=={d.version}" for d in distributions()})
    return "\n".join([sys.version, *installed])


def collection_key(path: Path, parameters: dict) -> str:
    """What a project-wide notebook's page depends on, hashed: the notebook file, the parameters
    it is given, the helpers' code and data (:func:`helpers.analysis.helpers_digest`, the same
    as an analysis key), the annotated sets under ``tests/data`` (05 scores them), the analysis
    key of every document it reads (``DOC_IDS``, given or its default) and the environment."""
    import hashlib

    from .analysis import analysis_key, helpers_digest, tree_digest
    from .corpus import resolve

    digest = hashlib.sha256()
    digest.update(path.read_bytes() + b"\0")
    digest.update(json.dumps(parameters, sort_keys=True).encode() + b"\0")
    helpers_digest(digest)
    tree_digest(digest, EVALUATION_DATA_DIR, "*")
    doc_ids = parameters.get("DOC_IDS")
    if doc_ids is None and "DOC_IDS" in notebook_parameters(path):
        try:
            doc_ids = ast.literal_eval(notebook_parameters(path)["DOC_IDS"])
        except (ValueError, SyntaxError):
            doc_ids = []  # not a literal: the notebook's bytes above stand for it
    for doc_id in doc_ids or []:
        try:
            files = resolve(doc_id)
        except CorpusError:
            digest.update(b"(no such document)")  # the notebook will say so when it runs
            continue
        digest.update(f"{doc_id} {analysis_key(files)}\0".encode())
    digest.update(_environment().encode())
    return digest.hexdigest()


def _key_file(folder: Path, stem: str) -> Path:
    return folder / f"{stem}{KEY_SUFFIX}"


def _reusable(stem: str, key: str, out_dir: Path) -> bool:
    """The rendered page of ``stem`` in ``out_dir/collection/`` was made under ``key``."""
    folder = out_dir / COLLECTION
    try:
        stored = _key_file(folder, stem).read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return False
    pages = (folder / f"{stem}.html", folder / f"{stem}.ipynb")
    return stored == key and all(page.is_file() for page in pages)


def plan_collection(doc_ids: Sequence[str], out_dir: Path = REPORTS_DIR) -> list[tuple]:
    """Each project-wide notebook with its parameters, its key and whether its rendered page in
    ``out_dir/collection/`` can be kept (the key matches: nothing it depends on changed)."""
    plan = []
    for path in collection_notebooks():
        params = collection_parameters(path, doc_ids)
        key = collection_key(path, params)
        plan.append((path, params, key, _reusable(path.stem, key, out_dir)))
    return plan


def _write_collection(plan: list[tuple], executed: dict[Path, Future], out_dir: Path) -> list[str]:
    """Project-wide pages into ``out_dir/collection/`` (staged, swapped in whole): executed
    notebooks from ``executed``, the others kept from the previous folder."""
    stems = []
    if all(reuse for *_, reuse in plan):
        for path, *_ in plan:
            print(f"{COLLECTION}: {path.name} ... reused (its inputs did not change)", flush=True)
        return [path.stem for path, *_ in plan]
    with staging_folder(out_dir, STAGING) as folder:
        for path, _, key, reuse in plan:
            label = f"{COLLECTION}: {path.name}"
            if reuse:
                for suffix in (".html", ".ipynb", KEY_SUFFIX):
                    kept = out_dir / COLLECTION / f"{path.stem}{suffix}"
                    atomic_write_bytes(folder / kept.name, kept.read_bytes())
                print(f"{label} ... reused (its inputs did not change)", flush=True)
            else:
                nb = _collect(executed[path], label)
                nav = _nav(("../index.html", "all documents"))
                write_notebook(nb, folder, path.stem, f"{path.stem} · collection", nav)
                atomic_write_text(_key_file(folder, path.stem), key + "\n")
            stems.append(path.stem)
        _publish(folder, out_dir, COLLECTION)
    return stems


def write_site_index(out_dir: Path = REPORTS_DIR) -> tuple[Path, int, int]:
    """Rebuild ``out_dir/index.html`` from every document's summary, under the lock on
    ``out_dir``, so that of two concurrent runs the later index lists both documents.
    Returns the path and the numbers of documents and collection notebooks listed."""
    with folder_lock(out_dir):
        clean_up(out_dir)
        summaries = rendered_summaries(out_dir)
        stems = [
            p.stem
            for p in collection_notebooks()
            if (out_dir / COLLECTION / f"{p.stem}.html").exists()
        ]
        index = atomic_write_text(out_dir / "index.html", collection_index(summaries, stems))
    return index, len(summaries), len(stems)


def render_site(
    doc_ids: Sequence[str] = (DEFAULT_DOC_ID,), out_dir: Path = REPORTS_DIR, collection: bool = True
) -> Path:
    """Render the documents, then the project-wide notebooks, then ``out_dir/index.html``.

    Every id is loaded before anything runs, so an unknown id fails at once. Documents rendered
    earlier stay listed. Returns the path of the collection index.
    """
    for doc_id in doc_ids:
        # Ids become folder names and links; a path would bypass the corpus the notebooks read.
        if check_id(doc_id):
            shown = doc_id if len(doc_id) <= 60 else doc_id[:57] + "..."
            raise CorpusError(
                f"{shown!r} is not a corpus id: the site renders documents in corpus/ "
                "(add a file with: python -m helpers add PATH)"
            )
    docs = [load_document(doc_id) for doc_id in dict.fromkeys(doc_ids)]
    with folder_lock(out_dir):
        clean_up(out_dir)
    plan = []
    if collection:
        # every document in the site once this run is done; one rendered earlier but since
        # removed from corpus/ cannot be compared
        in_corpus = set(list_documents())
        earlier = {s.id for s in rendered_summaries(out_dir, False)}
        rendered = sorted((earlier | {doc.id for doc in docs}) & in_corpus)
        plan = plan_collection(rendered, out_dir)
    per_document = document_notebooks()
    jobs = len(docs) * len(per_document) + sum(not reuse for *_, reuse in plan)
    # All notebooks share one pool, the project-wide ones first: 05-evaluation is the longest
    # and reads no document, so it runs while the documents' analyses are computed.
    stop = threading.Event()
    pool = ThreadPoolExecutor(workers(jobs))
    try:
        executed = {
            path: pool.submit(_execute, path, params, stop)
            for path, params, _, reuse in plan
            if not reuse
        }
        by_document = {}
        for doc in docs:
            prepare_analysis(doc)
            by_document[doc.id] = {
                p: pool.submit(_execute, p, {"DOC_ID": doc.id}, stop) for p in per_document
            }
        for doc in docs:
            _write_document(doc, by_document[doc.id], out_dir)
        if collection:
            _write_collection(plan, executed, out_dir)
    except BaseException:
        stop.set()  # a failure or Ctrl-C: notebooks still running stop before their next cell
        raise
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    index, documents, notebooks_listed = write_site_index(out_dir)
    print(
        f"wrote {display_path(index)} (documents: {documents}, "
        f"collection notebooks: {notebooks_listed})"
    )
    return index
