"""Figures: resolution, order, legends, fixed theme colours, and labels inside the figure."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from helpers.report import (  # noqa: E402
    bar_chart,
    heatmap,
    keyness_chart,
    network_figure,
    stacked_bars,
)
from helpers.themes import NO_THEME_COLOUR, theme_colours  # noqa: E402


def test_bar_chart_is_sorted_150_dpi_and_leaves_punctuation_out_of_words():
    pos = pd.DataFrame(
        {
            "tag": ["N", "CH", "V", "A"],
            "label": ["noun", "punctuation", "verb", "adjective"],
            "count": [30, 50, 40, 5],
        }
    )
    fig = bar_chart(pos, "label", "count", "Parts of speech")
    assert fig.dpi == 150
    ax = fig.axes[0]
    # barh draws bottom-up: the largest bar is the last one, at the top
    assert [t.get_text() for t in ax.get_yticklabels()] == ["adjective", "noun", "verb"]
    assert [round(b.get_width()) for b in ax.patches] == [5, 30, 40]
    assert {t.get_text() for t in ax.texts} == {"5", "30", "40"}  # values, inside the axes


def test_keyness_chart_is_ordered_by_what_it_draws():
    table = pd.DataFrame(
        {
            "word": ["a", "b", "c"],
            "log_likelihood": [30.0, 20.0, 10.0],
            "log_ratio": [1.0, 3.0, 2.0],
        }
    )
    ax = keyness_chart(table, "Keywords").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "c", "b"]
    assert "log-likelihood" in ax.get_xlabel() and "log ratio" in ax.get_xlabel()


def test_stacked_bars_use_the_fixed_theme_colours_and_have_a_legend():
    counts = pd.DataFrame(
        {"trade": [1, 4], "security": [2, 0], "other": [1, 1]}, index=["Japan", "both"]
    )
    fig = stacked_bars(counts, "Commitments", legend=["Trade", "Security", "no theme cue"])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["both", "Japan"]  # most first
    legend = {
        t.get_text(): to_hex(h.get_facecolor())
        for t, h in zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles, strict=True)
    }
    assert legend == {
        "Trade": theme_colours()["trade"],
        "Security": theme_colours()["security"],
        "no theme cue": NO_THEME_COLOUR,
    }


def test_heatmap_has_a_colour_scale():
    fig = heatmap(pd.DataFrame({"security": [1, 0], "trade": [0, 2]}), "Theme cues")
    assert len(fig.axes) == 2  # the cells and the colour bar


def _inside_the_figure(fig) -> bool:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    for text in fig.axes[0].texts:
        box = text.get_window_extent(renderer)
        if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height:
            return False
    return True


def test_network_names_stay_inside_the_figure_and_colours_are_explained():
    long_names = [
        "Đối thoại Ngoại trưởng Ba bên Pakistan-Trung Quốc-Afghanistan",
        "Tổ chức Hợp tác Thượng Hải",
        "Hành lang Kinh tế Trung Quốc-Pakistan",
        "Vương Nghị",
    ]
    counts = pd.DataFrame(
        {"entity": long_names, "label": ["MISC", "ORG", "MISC", "PER"], "count": [3, 2, 2, 1]}
    )
    pairs = pd.DataFrame(
        {
            "source": long_names[:3],
            "target": long_names[1:],
            "sentences": [1, 2, 1],
        }
    )
    fig = network_figure(pairs, counts, "Entities")
    assert _inside_the_figure(fig)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert {"MISC", "ORG", "PER"} <= set(labels)
