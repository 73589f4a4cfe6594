"""Step 5: tables, figures and HTML for the notebooks (the rendered site is ``helpers.site``).

Tables are written as CSV under ``results/<doc-id>/`` and reports as HTML under ``reports/``,
always through a temporary file and a rename, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from .paths import NOTEBOOKS_DIR, PACKAGE_DIR, RESULTS_DIR, display_path

# DejaVu Sans ships with matplotlib and has every precomposed Vietnamese letter (ắ, ệ, ữ, ...).
FONT_FAMILY = "DejaVu Sans"
TEMPLATES_DIR = PACKAGE_DIR / "templates"  # Jinja2: site/ holds the site's and nbconvert's
LABEL_COLOURS = {"PER": "#f4a261", "LOC": "#8ecae6", "ORG": "#b5e48c", "MISC": "#e0aaff"}


def atomic_write_text(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; results are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_table(frame: pd.DataFrame, doc_id: str, name: str, index: bool = False) -> str:
    """Save a table as ``results/<doc-id>/<name>.csv``; returns the project-relative path."""
    path = RESULTS_DIR / doc_id / f"{name}.csv"
    atomic_write_text(path, frame.to_csv(index=index, lineterminator="\n"))
    return display_path(path)


FIGURE_STYLE = {
    "font.family": FONT_FAMILY,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.figsize": (8, 4.5),
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def apply_figure_style() -> None:
    """Settings shared by every figure: a Vietnamese-capable font and a fixed size.

    Set globally rather than in ``plt.rc_context``: leaving that context resets the backend and
    Jupyter's inline backend then drops later figures.
    """
    plt.rcParams.update(FIGURE_STYLE)


def bar_chart(frame: pd.DataFrame, label: str, value: str, title: str, ax=None, color="#457b9d"):
    """Horizontal bars, largest at the top; returns the figure."""
    apply_figure_style()
    if ax is None:
        _, ax = plt.subplots()
    ax.barh(frame[label][::-1], frame[value][::-1], color=color)
    ax.set_title(title)
    ax.set_xlabel(value)
    return ax.figure


def side_by_side_bars(
    left: pd.DataFrame, right: pd.DataFrame, titles: Sequence[str], top: int = 15
):
    """Two bar charts next to each other (e.g. words vs syllables); columns 0 and ``count``."""
    apply_figure_style()
    fig, axes = plt.subplots(1, 2, figsize=(11, 5))
    for ax, frame, title in zip(axes, (left, right), titles, strict=True):
        head = frame.head(top)
        bar_chart(head, head.columns[0], "count", title, ax=ax)
    fig.tight_layout()
    return fig


def heatmap(table: pd.DataFrame, title: str, xlabels: Sequence[str] | None = None, cmap="Blues"):
    """A rows × columns heatmap with the counts written in each cell.

    Long tables (a Wikipedia article has over a hundred paragraphs) keep a readable height: the
    figure stops growing at 40 rows, and cell labels and every row's tick are dropped beyond
    that."""
    apply_figure_style()
    rows = len(table)
    fig, ax = plt.subplots(figsize=(8, 0.45 * min(rows, 40) + 1.5))
    ax.imshow(table.to_numpy(), aspect="auto", cmap=cmap, interpolation="nearest")
    ax.set_xticks(
        range(table.shape[1]),
        xlabels or [str(c) for c in table.columns],
        rotation=30,
        ha="right",
    )
    step = 1 if rows <= 40 else -(-rows // 20)
    ax.set_yticks(range(0, rows, step), [str(i) for i in table.index[::step]])
    ax.set_ylabel(table.index.name or "")
    if rows <= 40:
        high = table.to_numpy().max() or 1
        for (r, c), v in pd.DataFrame(table.to_numpy()).stack().items():
            colour = "white" if v > high / 2 else "black"
            ax.text(c, r, str(v), ha="center", va="center", color=colour)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def network_figure(
    pairs: pd.DataFrame, counts: pd.DataFrame, title: str, seed: int = 7, top: int = 30
):
    """Entity co-occurrence network: node size by mentions, edge width by shared sentences.

    ``pairs`` has ``source``, ``target``, ``sentences``; ``counts`` has ``entity``, ``label``,
    ``count``. Only the ``top`` most mentioned entities are drawn, so that a long document's
    network stays legible. The spring layout is seeded, so the figure is the same on every run.
    """
    import networkx as nx

    apply_figure_style()
    counts = counts.head(top)
    kept = set(counts["entity"])
    pairs = pairs[pairs["source"].isin(kept) & pairs["target"].isin(kept)]
    graph = nx.Graph()
    for row in counts.itertuples():
        graph.add_node(row.entity, label=row.label, count=row.count)
    for row in pairs.itertuples():
        graph.add_edge(row.source, row.target, weight=row.sentences)
    graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    fig, ax = plt.subplots(figsize=(10, 7))
    if graph.number_of_nodes():
        nodes = sorted(graph)
        pos = nx.spring_layout(graph.subgraph(nodes), seed=seed, weight="weight", k=1.2)
        widths = [1 + 1.5 * graph.edges[e]["weight"] for e in graph.edges]
        nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#999999", alpha=0.6)
        colours = [LABEL_COLOURS.get(graph.nodes[n].get("label"), "#dddddd") for n in nodes]
        sizes = [250 + 180 * graph.nodes[n].get("count", 1) for n in nodes]
        nx.draw_networkx_nodes(
            graph, pos, nodelist=nodes, node_color=colours, node_size=sizes, ax=ax
        )
        nx.draw_networkx_labels(graph, pos, ax=ax, font_size=9, font_family=FONT_FAMILY)
    ax.set_title(title)
    ax.axis("off")
    fig.tight_layout()
    return fig


def dispersion_plot(found: pd.DataFrame, terms: Sequence[str], title: str, breaks=()):
    """A dispersion plot: one row per term, a tick at each occurrence's position (0 to 1 of the
    running words); ``found`` comes from ``helpers.frequency.dispersion``. ``breaks`` are
    positions of paragraph starts, drawn as faint vertical lines."""
    apply_figure_style()
    fig, ax = plt.subplots(figsize=(10, 0.45 * max(len(terms), 1) + 1.2))
    if not terms:  # a short text may have no key terms: an empty plot that says so
        _say_no_data(ax, "no terms to plot")
    for x in breaks:
        ax.axvline(x, color="#dddddd", linewidth=0.8, zorder=0)
    for row, term in enumerate(terms):
        xs = found.loc[found["term"] == term, "position"]
        ax.plot(xs, [row] * len(xs), "|", markersize=16, markeredgewidth=2, color="#1d3557")
    ax.set_yticks(range(len(terms)), list(terms))
    ax.set_ylim(max(len(terms), 1) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the document (share of running words)")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def _say_no_data(ax, message: str) -> None:
    """Write ``message`` in the middle of an empty plot, without ticks on the empty axis."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666")
    ax.set_yticks([])


def keyness_chart(table: pd.DataFrame, title: str, top: int = 15):
    """The ``top`` key words by log-likelihood, bar length = log ratio (the effect size).

    ``table`` comes from ``helpers.frequency.keyness``; with a ``gloss`` column (from
    ``with_glosses``) each word is labelled "word (gloss)"."""
    head = table.head(top).copy()
    if "gloss" in head.columns:
        head["word"] = [
            f"{w} ({g})" if g and g != w else w
            for w, g in zip(head["word"], head["gloss"], strict=True)
        ]
    fig = bar_chart(head, "word", "log_ratio", title, color="#e76f51")
    if head.empty:
        _say_no_data(fig.axes[0], "no key words: none is frequent enough in this text")
    fig.axes[0].set_xlabel("log ratio (log₂ of relative frequency against the reference)")
    fig.tight_layout()
    return fig


def stacked_bars(table: pd.DataFrame, title: str, legend: Sequence[str] | None = None):
    """Horizontal stacked bars: one bar per row of ``table``, one colour per column."""
    apply_figure_style()
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(table) + 1.8))
    left = [0] * len(table)
    colours = plt.get_cmap("tab10").colors
    names = list(legend) if legend else [str(c) for c in table.columns]
    for i, column in enumerate(table.columns):
        values = list(table[column])
        ax.barh(
            [str(r) for r in table.index], values, left=left, color=colours[i % 10], label=names[i]
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("count")
    ax.set_title(title)
    if table.empty:  # e.g. no commitment in a one-sentence text
        _say_no_data(ax, "nothing to count")
    else:
        ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def highlight_entities(text: str, entities: Iterable, glosses: dict[str, str] | None = None) -> str:
    """HTML of ``text`` with each entity marked in its label's colour, canonical name on hover."""
    pieces = []
    pos = 0
    for e in sorted(entities, key=lambda e: e.start):
        pieces.append({"text": text[pos : e.start], "label": None})
        tip = f"{e.label}: {e.canonical}" if getattr(e, "canonical", None) else e.label
        colour = LABEL_COLOURS.get(e.label, "#ddd")
        pieces.append(
            {"text": text[e.start : e.end], "label": e.label, "tip": tip, "colour": colour}
        )
        pos = e.end
    pieces.append({"text": text[pos:], "label": None})
    template = templates().get_template("highlight.html.j2")
    return template.render(pieces=pieces, colours=LABEL_COLOURS, font=FONT_FAMILY)


@cache
def templates():
    """The Jinja2 templates of ``helpers/templates/site/``, autoescaping every value; the
    ``br`` filter escapes a value and shows its line breaks."""
    import jinja2
    from markupsafe import Markup, escape

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "site"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["br"] = lambda value: escape(value).replace("\n", Markup("<br>\n"))
    return env


# ---------------------------------------------------------------------------- rendering


def notebooks() -> list[Path]:
    """The collection's notebooks, in reading order (rendered by ``helpers.site``)."""
    return sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
