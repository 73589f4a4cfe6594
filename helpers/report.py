"""Step 5: tables, figures and HTML for the notebooks (the rendered site is ``helpers.site``).

Tables are written as CSV under ``results/<doc-id>/`` and reports as HTML under ``reports/``,
always through a temporary file and a rename, so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from .files import atomic_write_text as atomic_write_text  # re-exported: site.py writes with it
from .paths import NOTEBOOKS_DIR, PACKAGE_DIR, RESULTS_DIR, display_path

# DejaVu Sans ships with matplotlib and has every precomposed Vietnamese letter (ắ, ệ, ữ, ...).
FONT_FAMILY = "DejaVu Sans"
TEMPLATES_DIR = PACKAGE_DIR / "templates"  # Jinja2: site/ holds the site's and nbconvert's
LABEL_COLOURS = {"PER": "#f4a261", "LOC": "#8ecae6", "ORG": "#b5e48c", "MISC": "#e0aaff"}


def write_table(frame: pd.DataFrame, doc_id: str, name: str, index: bool = False) -> str:
    """Save a table as ``results/<doc-id>/<name>.csv``; returns the project-relative path."""
    path = RESULTS_DIR / doc_id / f"{name}.csv"
    atomic_write_text(path, frame.to_csv(index=index, lineterminator="\n"))
    return display_path(path)


FIGURE_STYLE = {
    "font.family": FONT_FAMILY,
    "figure.dpi": 150,
    "savefig.dpi": 150,
    "figure.figsize": (8, 4.5),
    "axes.spines.top": False,
    "axes.spines.right": False,
}
BAR_COLOUR = "#457b9d"
# POS tags of punctuation and symbols: a chart of words leaves them out.
PUNCTUATION_TAGS = frozenset({"CH"})


def apply_figure_style() -> None:
    """Settings shared by every figure: a Vietnamese-capable font, 150 dpi and a fixed size.

    Set globally rather than in ``plt.rc_context``: leaving that context resets the backend and
    Jupyter's inline backend then drops later figures.
    """
    plt.rcParams.update(FIGURE_STYLE)


def _label_bars(ax, bars, values, fmt: str = "{:,}") -> None:
    """Write each bar's value at its end, inside the axes (the x range grows to make room)."""
    values = list(values)
    if not values:
        return
    low = min(0, *values)
    high = max(0, *values)
    span = (high - low) or 1
    ax.set_xlim(low - (0.12 * span if low < 0 else 0), high + 0.12 * span)
    for bar, value in zip(bars, values, strict=True):
        text = fmt.format(value)
        x = bar.get_x() + bar.get_width()
        ax.annotate(
            text,
            (x, bar.get_y() + bar.get_height() / 2),
            xytext=(3 if value >= 0 else -3, 0),
            textcoords="offset points",
            ha="left" if value >= 0 else "right",
            va="center",
            fontsize=8,
            annotation_clip=False,
        )


def bar_chart(frame: pd.DataFrame, label: str, value: str, title: str, ax=None, color=BAR_COLOUR):
    """Horizontal bars sorted by value, largest at the top, each labelled with its value.

    A part-of-speech table (a ``tag`` column, from ``helpers.tokens.pos_distribution``) is a
    chart of words: its punctuation row is left out. Returns the figure.
    """
    apply_figure_style()
    if ax is None:
        _, ax = plt.subplots()
    if "tag" in frame.columns:
        frame = frame[~frame["tag"].isin(PUNCTUATION_TAGS)]
    frame = frame.sort_values(value, ascending=False, kind="stable")
    bars = ax.barh([str(x) for x in frame[label]][::-1], list(frame[value])[::-1], color=color)
    _label_bars(
        ax, bars, list(frame[value])[::-1], "{:,}" if frame[value].dtype.kind in "iu" else "{:.2f}"
    )
    ax.set_title(title)
    ax.set_xlabel(value)
    ax.figure.tight_layout()
    return ax.figure


def side_by_side_bars(
    left: pd.DataFrame, right: pd.DataFrame, titles: Sequence[str], top: int = 15
):
    """Two bar charts next to each other (e.g. words vs syllables); columns 0 and ``count``."""
    apply_figure_style()
    fig, axes = plt.subplots(1, 2, figsize=(11, 5))
    for ax, frame, title in zip(axes, (left, right), titles, strict=True):
        head = frame.sort_values("count", ascending=False, kind="stable").head(top)
        bar_chart(head, head.columns[0], "count", title, ax=ax)
    fig.tight_layout()
    return fig


def heatmap(table: pd.DataFrame, title: str, xlabels: Sequence[str] | None = None, cmap="Blues"):
    """A rows × columns heatmap with the counts written in each cell and a colour scale.

    Long tables (a Wikipedia article has over a hundred paragraphs) keep a readable height: the
    figure stops growing at 40 rows, and cell labels and every row's tick are dropped beyond
    that. When the columns are themes, each theme's column label is underlined in its colour.
    """
    from .themes import theme_colours

    apply_figure_style()
    rows = len(table)
    fig, ax = plt.subplots(figsize=(8, 0.45 * min(rows, 40) + 1.8))
    image = ax.imshow(table.to_numpy(), aspect="auto", cmap=cmap, interpolation="nearest")
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.set_label(title, fontsize=8)
    ax.set_xticks(
        range(table.shape[1]),
        xlabels or [str(c) for c in table.columns],
        rotation=30,
        ha="right",
    )
    colours = theme_colours()
    if all(str(c) in colours for c in table.columns):
        # a strip above the cells in each theme's fixed colour, as in every other figure
        from matplotlib.patches import Rectangle

        for j, column in enumerate(table.columns):
            ax.add_patch(
                Rectangle(
                    (j - 0.5, 1.0),
                    1,
                    0.12 / fig.get_figheight(),  # about 0.12 inch, whatever the height
                    transform=ax.get_xaxis_transform(),  # x in columns, y in axes height
                    color=colours[str(column)],
                    clip_on=False,
                )
            )
        ax.set_title(title, pad=16)
    step = 1 if rows <= 40 else -(-rows // 20)
    ax.set_yticks(range(0, rows, step), [str(i) for i in table.index[::step]])
    ax.set_ylabel(table.index.name or "")
    if rows <= 40:
        high = table.to_numpy().max() or 1
        for (r, c), v in pd.DataFrame(table.to_numpy()).stack().items():
            colour = "white" if v > high / 2 else "black"
            ax.text(c, r, f"{v:g}", ha="center", va="center", color=colour, fontsize=8)
    if not ax.get_title():
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
    Names are written beside their node, on the side away from the centre, on a white backing;
    the axes leave room for them at the edge, and a legend explains colours, sizes and widths.
    """
    import networkx as nx
    from matplotlib.lines import Line2D

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
        heaviest = max(graph.edges[e]["weight"] for e in graph.edges)
        widths = [1 + 5 * graph.edges[e]["weight"] / heaviest for e in graph.edges]
        nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color="#999999", alpha=0.6)
        colours = [LABEL_COLOURS.get(graph.nodes[n].get("label"), "#dddddd") for n in nodes]
        # area grows with mentions up to a fixed largest node, so one dominant entity (the
        # country an article is about) cannot cover the others
        most = max(graph.nodes[n].get("count", 1) for n in nodes)
        sizes = [200 + 1800 * graph.nodes[n].get("count", 1) / most for n in nodes]
        nx.draw_networkx_nodes(
            graph, pos, nodelist=nodes, node_color=colours, node_size=sizes, ax=ax
        )
        xs = [x for x, _ in pos.values()]
        ys = [y for _, y in pos.values()]
        # room for names beside the outermost nodes
        ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
        ax.set_ylim(min(ys) - 0.25, max(ys) + 0.25)
        # Each name sits on the far side of its node from the centre of the drawing, so names
        # point outwards, away from the crowded middle, rather than over a neighbouring node.
        cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
        for node, size in zip(nodes, sizes, strict=True):
            x, y = pos[node]
            dx, dy = x - cx, y - cy
            norm = (dx * dx + dy * dy) ** 0.5 or 1.0
            dx, dy = dx / norm, dy / norm
            gap = 0.5 * size**0.5 + 3  # points: the node's radius and a little air
            ax.annotate(
                textwrap.fill(node, 22),
                (x, y),
                xytext=(dx * gap, dy * gap),
                textcoords="offset points",
                ha="left" if dx > 0.3 else "right" if dx < -0.3 else "center",
                va="bottom" if dy > 0.3 else "top" if dy < -0.3 else "center",
                fontsize=8,
                family=FONT_FAMILY,
                zorder=5,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            )
        shown = sorted({graph.nodes[n].get("label") for n in nodes} & set(LABEL_COLOURS))
        handles = [
            Line2D([], [], marker="o", ls="", markersize=9, color=LABEL_COLOURS[label], label=label)
            for label in shown
        ]
        handles.append(Line2D([], [], ls="", label="node size: mentions"))
        handles.append(Line2D([], [], color="#999999", lw=3, label="line width: shared sentences"))
        ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    ax.set_title(title)
    ax.axis("off")
    fig.tight_layout()
    return fig


def dispersion_plot(found: pd.DataFrame, terms: Sequence[str], title: str, breaks=()):
    """A dispersion plot: one row per term, a tick at each occurrence's position (0 to 1 of the
    running words); ``found`` comes from ``helpers.frequency.dispersion``. ``breaks`` are
    positions of paragraph starts, drawn as faint vertical lines."""
    from matplotlib.lines import Line2D

    apply_figure_style()
    fig, ax = plt.subplots(figsize=(10, 0.45 * max(len(terms), 1) + 1.6))
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
    handles = [
        Line2D(
            [], [], marker="|", ls="", markersize=10, mew=2, color="#1d3557", label="an occurrence"
        )
    ]
    if len(breaks):
        handles.append(Line2D([], [], color="#dddddd", lw=1.5, label="a paragraph starts"))
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.18),
        ncol=2,
        fontsize=8,
        frameon=False,
    )
    ax.set_title(title)
    fig.tight_layout()
    return fig


def _say_no_data(ax, message: str) -> None:
    """Write ``message`` in the middle of an empty plot, without ticks on the empty axis."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#666")
    ax.set_yticks([])


def keyness_chart(table: pd.DataFrame, title: str, top: int = 15):
    """The ``top`` key words by log-likelihood, drawn and sorted by their log ratio.

    Which words are shown is decided by log-likelihood (how sure the difference is); the bars
    show, and are ordered by, the log ratio (how large it is), as the axis label says.
    ``table`` comes from ``helpers.frequency.keyness``; with a ``gloss`` column (from
    ``with_glosses``) each word is labelled "word (gloss)"."""
    head = table.head(top).copy()
    if "gloss" in head.columns:
        head["word"] = [
            f"{w} ({g})" if g and g != w else w
            for w, g in zip(head["word"], head["gloss"], strict=True)
        ]
    head["log_ratio"] = head["log_ratio"].round(2)
    fig = bar_chart(head, "word", "log_ratio", title, color="#e76f51")
    if head.empty:
        _say_no_data(fig.axes[0], "no key words: none is frequent enough in this text")
    fig.axes[0].set_xlabel(
        f"log ratio (log₂ of relative frequency against the reference); "
        f"the {len(head)} words with the highest log-likelihood"
    )
    fig.tight_layout()
    return fig


def stacked_bars(table: pd.DataFrame, title: str, legend: Sequence[str] | None = None):
    """Horizontal stacked bars: one bar per row of ``table`` (most in total at the top), one
    colour per column, with a legend. Columns that are themes get their fixed colour
    (``helpers/data/themes.tsv``); any other column (no theme) is light grey."""
    from .themes import NO_THEME_COLOUR, theme_colours

    apply_figure_style()
    totals = table.sum(axis=1)
    order = sorted(table.index, key=lambda r: (-totals[r], str(r)))
    table = table.loc[order]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(table) + 1.8))
    left = [0] * len(table)
    themes = theme_colours()
    palette = plt.get_cmap("tab10").colors
    all_themes = all(str(c) in themes or c == table.columns[-1] for c in table.columns)
    names = list(legend) if legend else [str(c) for c in table.columns]
    for i, column in enumerate(table.columns):
        if str(column) in themes:
            colour = themes[str(column)]
        elif all_themes:
            colour = NO_THEME_COLOUR
        else:
            colour = palette[i % 10]
        values = list(table[column])
        ax.barh([str(r) for r in table.index], values, left=left, color=colour, label=names[i])
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("count")
    ax.set_title(title)
    if table.empty:  # e.g. no commitment in a one-sentence text
        _say_no_data(ax, "nothing to count")
    else:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
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
