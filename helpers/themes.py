"""Step 4b: a transparent theme lexicon scored through the document.

The lexicon (``data/themes.tsv``) maps Vietnamese cue words to six themes of diplomatic
reporting, each cue with an English gloss. A cue matches whole words only: its start and end
must fall on word boundaries of the segmentation, so ``bố`` (father) never matches inside
``khủng bố`` (terrorism). Where cues overlap, the longest wins (``an ninh mạng``, cybersecurity,
counts once, not also as ``an ninh``, security).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from .matching import term_pattern, whole_word_matches
from .paths import read_data_lines
from .tokens import Token

if TYPE_CHECKING:
    from .analysis import Analysis
    from .corpus import Document


@cache
def lexicon() -> pd.DataFrame:
    """The theme lexicon: columns ``theme``, ``label``, ``cue``, ``gloss``."""
    rows = [line.split("\t") for line in read_data_lines("themes.tsv")]
    return pd.DataFrame(rows[1:], columns=rows[0])


@cache
def theme_labels() -> dict[str, str]:
    """Theme id → English label, in lexicon order."""
    lex = lexicon()
    return dict(zip(lex["theme"], lex["label"], strict=True))


@cache
def _cue_pattern() -> re.Pattern[str]:
    return term_pattern(lexicon()["cue"])


@cache
def _cue_themes() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for theme, cue in zip(lexicon()["theme"], lexicon()["cue"], strict=True):
        out.setdefault(cue.lower(), []).append(theme)
    return out


def find_cues(text: str, words: Sequence[Token]) -> list[tuple[int, int, str, str]]:
    """Cue occurrences in ``text`` (whose tokens are ``words``): ``(start, end, cue as written,
    theme)``, a cue listed under two themes once for each. :func:`helpers.analysis.analyse`
    calls this for every paragraph."""
    return [
        (m.start(), m.end(), m.group(), theme)
        for m in whole_word_matches(text, _cue_pattern(), words)
        for theme in _cue_themes()[" ".join(m.group().lower().split())]
    ]


def theme_hits(source: str | Document | Analysis) -> pd.DataFrame:
    """Every cue occurrence in the title and body: columns ``paragraph``, ``sentence``,
    ``start``, ``end``, ``cue``, ``theme``.

    ``start``/``end`` index the document text (or the string given); ``paragraph`` and
    ``sentence`` are the analysis's ids (the index in ``Document.paragraphs``, the sentence
    counted through the whole document).
    """
    # deferred, the one upward import (README, layers): analysis runs find_cues above
    from .analysis import as_analysis

    analysis = as_analysis(source)
    hits = analysis.table("theme_hits")
    return hits[hits["paragraph"].isin([p.index for p in analysis.text_paragraphs])].reset_index(
        drop=True
    )


def dominant_theme(hits: pd.DataFrame) -> str | None:
    """The theme with most cue hits in ``hits`` (rows of ``theme_hits``); ties go to the theme
    listed first in the lexicon; None when there are no hits."""
    if not len(hits):
        return None
    counts = hits["theme"].value_counts()
    order = list(theme_labels())
    return min(counts.index, key=lambda t: (-counts[t], order.index(t)))


def theme_scores(source: str | Document | Analysis, by: str = "paragraph") -> pd.DataFrame:
    """Cue counts per theme (columns, in lexicon order) for each title and body paragraph or
    each of their sentences (rows, labelled with the analysis's ids).

    Every such paragraph or sentence appears, with zeros where no cue occurs.
    """
    from .analysis import as_analysis

    if by not in ("paragraph", "sentence"):
        raise ValueError("by must be 'paragraph' or 'sentence'")
    analysis = as_analysis(source)
    hits = theme_hits(analysis)
    paragraphs = analysis.text_paragraphs
    rows = (
        [p.index for p in paragraphs]
        if by == "paragraph"
        else [s.index for p in paragraphs for s in analysis.paragraph_sentences(p.index)]
    )
    table = pd.crosstab(hits[by], hits["theme"]) if len(hits) else pd.DataFrame()
    table = table.reindex(index=rows, columns=list(theme_labels()), fill_value=0)
    table.index.name = by
    table.columns.name = "theme"
    return table.fillna(0).astype(int)
