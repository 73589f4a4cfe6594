"""The rendered site: every analysis rerun for any document, as standalone HTML under ``reports/``.

``render_site(["doc-id", ...])`` executes each per-document notebook for each document into
``reports/<doc-id>/`` (HTML and the executed ``.ipynb``), writes ``reports/<doc-id>/index.html``
summarising the document, renders the project-wide notebooks once into ``reports/collection/``,
and rewrites ``reports/index.html`` listing every document rendered so far.

A notebook's kind is read from its parameters cell (the cell tagged ``parameters``, papermill's
convention): one that defines ``DOC_ID`` is run once per document; every other notebook is
project-wide, and one that defines ``DOC_IDS`` is given the ids of every document in the site.
Pages need no network: images are embedded as data URIs and no script or style is fetched.
"""

from __future__ import annotations

import html
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import fonts
from .corpus import (
    ID_PATTERN,
    RESERVED_IDS,
    CorpusError,
    Document,
    list_documents,
    load_document,
)
from .paths import DEFAULT_DOC_ID, NOTEBOOKS_DIR, PACKAGE_DIR, REPORTS_DIR, display_path
from .report import atomic_write_text, notebooks

COLLECTION = "collection"  # reports/collection/: project-wide notebooks (a reserved id)
SUMMARY = "summary.json"  # marks a document folder under reports/ and feeds reports/index.html
TEMPLATES_DIR = PACKAGE_DIR / "templates"
TOP = 10  # entities and themes listed on a document's index page
FONT_STACK = '"DejaVu Sans", "Noto Sans", "Liberation Sans", sans-serif'


class RenderError(Exception):
    """A notebook failed: the message names the notebook, the cell and the error."""


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
    failing cell raises :class:`RenderError` naming the notebook and the cell.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        return papermill.execute_notebook(
            str(path),
            None,  # nothing written by papermill: we write the result atomically
            parameters=parameters or None,
            kernel_name="python3",
            cwd=str(NOTEBOOKS_DIR),
            progress_bar=False,
            execution_timeout=timeout,
            # The kernel's own log (a TCP notice at start, an interrupt at shutdown) is noise on
            # the terminal; cell errors still come back through the notebook.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as err:
        first_line = next((line for line in err.source.splitlines() if line.strip()), "")
        given = ", ".join(f"{k}={v!r}" for k, v in (parameters or {}).items())
        raise RenderError(
            f"{display_path(path)}{f' ({given})' if given else ''}: cell In [{err.exec_count}] "
            f"(cell {err.cell_index + 1} of the executed notebook, starting "
            f"{first_line.strip()!r}) failed: {err.ename}: {err.evalue}"
        ) from None


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


def notebook_html(nb, title: str, nav: str = "") -> str:
    """Standalone HTML of an executed notebook: images embedded, nothing fetched from a network."""
    from nbconvert import HTMLExporter

    describe_figures(nb)

    exporter = HTMLExporter(
        template_name="site", extra_template_basedirs=[str(TEMPLATES_DIR)], embed_images=True
    )
    body, _ = exporter.from_notebook_node(
        nb,
        resources={
            "metadata": {"name": title},
            "site_nav": nav,
            "mono_font_face": fonts.font_face_css(),
            "mono_font_stack": fonts.MONO_STACK,
        },
    )
    return body


def write_notebook(nb, out_dir: Path, stem: str, title: str, nav: str) -> Path:
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


def rendered_summaries(out_dir: Path = REPORTS_DIR) -> list[DocumentSummary]:
    """Summaries of every document rendered into ``out_dir`` so far, sorted by id."""
    fields = set(DocumentSummary.__dataclass_fields__)
    found = []
    for path in sorted(out_dir.glob(f"*/{SUMMARY}")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if fields <= set(data):  # a summary from an older version lacks fields: rerender it
            found.append(DocumentSummary(**{k: data[k] for k in fields}))
        else:
            print(f"skipped {display_path(path)}: written by an older version; rerender it")
    return found


# ---------------------------------------------------------------------------- pages

_STYLE = f"""
body {{ font-family: {FONT_STACK}; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem;
       line-height: 1.5; color: #222; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 0.3rem 0.8rem; text-align: left;
         vertical-align: top; }}
td.n, th.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
nav {{ font-size: 0.9rem; margin-bottom: 1rem; }}
.muted {{ color: #666; }}
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _vi(text: str) -> str:
    return f'<span lang="vi">{html.escape(text)}</span>'


def _notebook_title(stem: str) -> str:
    return stem.split("-", 1)[1].replace("-", " ") if "-" in stem else stem


def document_index(summary: DocumentSummary) -> str:
    """``reports/<doc-id>/index.html``: the document in numbers and links to its notebooks."""
    s = summary
    facts = [("id", html.escape(s.id)), ("title", _vi(s.title))]
    if s.title_en:
        facts.append(("title in English", html.escape(s.title_en)))
    facts.append(
        ("date", html.escape(s.date) if s.date else '<span class="muted">not given</span>')
    )
    if s.source:
        facts.append(("source", html.escape(s.source)))
    facts += [
        ("paragraphs", f"{s.paragraphs:,}"),
        ("sentences", f"{s.sentences:,}"),
        ("words", f"{s.words:,}"),
    ]
    fact_rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in facts)
    links = "".join(
        f'<li><a href="{stem}.html">{html.escape(stem)}</a> · {html.escape(_notebook_title(stem))}'
        f' <span class="muted">(<a href="{stem}.ipynb">notebook</a>)</span></li>'
        for stem in s.notebooks
    )
    entity_rows = "".join(
        f"<tr><td>{html.escape(e['entity'])}</td><td>{e['label']}</td>"
        f'<td class="n">{e["count"]}</td><td>{_vi(e["vietnamese forms"])}</td></tr>'
        for e in s.entities
    )
    theme_rows = "".join(
        f'<tr><td>{html.escape(t["label"])}</td><td class="n">{t["cues"]}</td>'
        f'<td class="n">{t["paragraphs"]}</td></tr>'
        for t in s.themes
    )
    body = f"""<nav><a href="../index.html">← all documents</a></nav>
<h1>{_vi(s.title)}</h1>
<table>{fact_rows}</table>
<p class="muted">Counts from <code>helpers.analysis.size_counts</code> (whole document, words as
segmented, punctuation not counted).</p>
<h2>Notebooks</h2>
<ol>{links}</ol>
<h2>Most mentioned entities</h2>
<table><tr><th>entity</th><th>label</th><th class="n">mentions</th><th>Vietnamese forms</th></tr>
{entity_rows or '<tr><td colspan="4" class="muted">no entity found</td></tr>'}</table>
<p class="muted">From <code>helpers.entities.entity_counts</code>; canonical English names where
known, VLSP labels (PER person, LOC place, ORG organisation, MISC other names).</p>
<h2>Themes</h2>
<table><tr><th>theme</th><th class="n">cue words</th><th class="n">paragraphs</th></tr>
{theme_rows or '<tr><td colspan="3" class="muted">no theme cue found</td></tr>'}</table>
<p class="muted">From <code>helpers.themes.theme_scores</code>: cue words of each theme in the
lexicon, and the number of paragraphs where they occur.</p>"""
    return _page(f"{s.title} · report", body)


def collection_index(summaries: Sequence[DocumentSummary], collection: Sequence[str]) -> str:
    """``reports/index.html``: every rendered document and the project-wide notebooks."""
    rows = "".join(
        f'<tr><td><a href="{s.id}/index.html">{_vi(s.title)}</a><br>'
        f'<span class="muted">{html.escape(s.id)}</span></td>'
        f"<td>{html.escape(s.date or '')}</td>"
        f'<td class="n">{s.paragraphs:,}</td><td class="n">{s.sentences:,}</td>'
        f'<td class="n">{s.words:,}</td></tr>'
        for s in summaries
    )
    links = "".join(
        f'<li><a href="{COLLECTION}/{stem}.html">{html.escape(stem)}</a> · '
        f"{html.escape(_notebook_title(stem))}</li>"
        for stem in collection
    )
    body = f"""<h1>Vietnamese diplomacy news: rendered notebooks</h1>
<h2>Documents</h2>
<table><tr><th>document</th><th>date</th><th class="n">paragraphs</th><th class="n">sentences</th>
<th class="n">words</th></tr>
{rows}</table>
<h2>Across the collection</h2>
<ul>{links or '<li class="muted">not rendered yet</li>'}</ul>"""
    return _page("Vietnamese diplomacy news: reports", body)


# ---------------------------------------------------------------------------- the run


def _nav(*links: tuple[str, str]) -> str:
    return "".join(f'<a href="{href}">{html.escape(text)}</a>' for href, text in links)


def _run(path: Path, parameters: dict, label: str):
    print(f"{label} ...", end=" ", flush=True)
    started = time.perf_counter()
    try:
        nb = execute_notebook(path, parameters)
    except RenderError:
        print("FAILED", flush=True)
        raise
    print(f"done ({time.perf_counter() - started:.1f} s)", flush=True)
    return nb


def render_document(doc: Document, out_dir: Path = REPORTS_DIR) -> DocumentSummary:
    """Every per-document notebook for ``doc`` into ``out_dir/<doc-id>/``, and its index page."""
    folder = out_dir / doc.id
    stems = []
    for path in document_notebooks():
        nb = _run(path, {"DOC_ID": doc.id}, f"{doc.id}: {path.name}")
        nav = _nav(("../index.html", "all documents"), ("index.html", doc.title))
        if doc.id != DEFAULT_DOC_ID:
            # The notebooks' prose is written about the statement; only the outputs are rerun.
            nav += (
                f"<p>Tables and figures: <b>{html.escape(doc.id)}</b>. The prose between them "
                f"was written for the statement ({DEFAULT_DOC_ID}) and describes its results.</p>"
            )
        write_notebook(nb, folder, path.stem, f"{path.stem} · {doc.title}", nav)
        stems.append(path.stem)
    summary = summarise(doc, stems)
    atomic_write_text(
        folder / SUMMARY, json.dumps(summary.__dict__, ensure_ascii=False, indent=1) + "\n"
    )
    atomic_write_text(folder / "index.html", document_index(summary))
    return summary


def collection_parameters(path: Path, doc_ids: Sequence[str]) -> dict:
    """What a project-wide notebook is given: ``DOC_IDS`` if its parameters cell sets it and at
    least two documents are rendered (a comparison needs two; with fewer, the notebook keeps its
    own default documents)."""
    if "DOC_IDS" not in notebook_parameters(path) or len(doc_ids) < 2:
        return {}
    return {"DOC_IDS": list(doc_ids)}


def render_collection(doc_ids: Sequence[str], out_dir: Path = REPORTS_DIR) -> list[str]:
    """Project-wide notebooks into ``out_dir/collection/``; ``DOC_IDS`` gets ``doc_ids``."""
    stems = []
    for path in collection_notebooks():
        params = collection_parameters(path, doc_ids)
        nb = _run(path, params, f"{COLLECTION}: {path.name}")
        nav = _nav(("../index.html", "all documents"))
        write_notebook(nb, out_dir / COLLECTION, path.stem, f"{path.stem} · collection", nav)
        stems.append(path.stem)
    return stems


def render_site(
    doc_ids: Sequence[str] = (DEFAULT_DOC_ID,), out_dir: Path = REPORTS_DIR, collection: bool = True
) -> Path:
    """Render the documents, then the project-wide notebooks, then ``out_dir/index.html``.

    Every id is loaded before anything runs, so an unknown id fails at once. Documents rendered
    earlier stay listed. Returns the path of the collection index.
    """
    for doc_id in doc_ids:
        # Ids become folder names and links; a path would bypass the corpus the notebooks read.
        if not ID_PATTERN.fullmatch(doc_id) or doc_id in RESERVED_IDS:
            raise CorpusError(
                f"'{doc_id}' is not a corpus id: the site renders documents in corpus/ "
                "(add a file with: python -m helpers add PATH)"
            )
    docs = [load_document(doc_id) for doc_id in dict.fromkeys(doc_ids)]
    for doc in docs:
        render_document(doc, out_dir)
    summaries = rendered_summaries(out_dir)
    if collection:
        # a document rendered earlier but since removed from corpus/ cannot be compared
        in_corpus = set(list_documents())
        render_collection([s.id for s in summaries if s.id in in_corpus], out_dir)
    stems = [
        p.stem for p in collection_notebooks() if (out_dir / COLLECTION / f"{p.stem}.html").exists()
    ]
    index = atomic_write_text(out_dir / "index.html", collection_index(summaries, stems))
    print(
        f"wrote {display_path(index)} (documents: {len(summaries)}, "
        f"collection notebooks: {len(stems)})"
    )
    return index
