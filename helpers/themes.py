"""Step 4b: a transparent theme taxonomy for diplomatic news, scored through the document.

The themes (``data/themes.tsv``: id, English label, a fixed colour, what counts) are those of
diplomatic reporting in general (security, trade and investment, development aid, maritime and
territorial issues, climate, people-to-people ties, multilateral forums, sovereignty, party
ties, ...), not of one document. Each theme has Vietnamese cue words with English glosses
(``data/theme_cues.tsv``); names of particular countries, organisations or projects are never
cues, they are the entity layer's. A cue matches whole words only: its start and end must fall
on word boundaries of the segmentation, so ``bố`` (father) never matches inside ``khủng bố``
(terrorism), and a lower-case cue capitalised inside a sentence is part of a name and does not
count (``Bộ Ngoại giao``, the Ministry of Foreign Affairs). Where cues overlap, the longest wins (``an ninh mạng``, cybersecurity, counts once,
not also as ``an ninh``, security).

Coverage on real news and a hand-checked precision sample are in the README
(``tests/benchmarks/bench_themes.py``, ``tests/data/themes-precision.tsv``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from .matching import term_pattern, whole_word_matches
from .paths import DATA_DIR
from .tokens import Token

if TYPE_CHECKING:
    from .analysis import Analysis
    from .corpus import Document


# Paragraphs or commitments with no theme cue are drawn in this colour in every figure.
NO_THEME_COLOUR = "#dddddd"


def _table(name: str) -> pd.DataFrame:
    # Whole-line comments only: a colour such as #d62728 is data, not a comment.
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return pd.DataFrame(rows[1:], columns=rows[0])


@cache
def themes() -> pd.DataFrame:
    """The taxonomy: columns ``theme``, ``label``, ``colour``, ``description``, in order."""
    return _table("themes.tsv")


@cache
def lexicon() -> pd.DataFrame:
    """The cue words: columns ``theme``, ``label``, ``cue``, ``gloss``, in taxonomy order."""
    cues = _table("theme_cues.tsv")
    unknown = sorted(set(cues["theme"]) - set(themes()["theme"]))
    if unknown:
        raise ValueError(f"theme_cues.tsv: themes not in themes.tsv: {unknown}")
    merged = cues.merge(themes()[["theme", "label"]], on="theme", how="left")
    return merged[["theme", "label", "cue", "gloss"]]


@cache
def theme_labels() -> dict[str, str]:
    """Theme id → English label, in taxonomy order."""
    return dict(zip(themes()["theme"], themes()["label"], strict=True))


@cache
def theme_colours() -> dict[str, str]:
    """Theme id → its fixed colour (``data/themes.tsv``), the same in every figure."""
    return dict(zip(themes()["theme"], themes()["colour"], strict=True))


@cache
def _cue_pattern() -> re.Pattern[str]:
    return term_pattern(lexicon()["cue"])


@cache
def _capitalised_cues() -> frozenset[str]:
    """Cues written capitalised in the lexicon (titles and bodies: ``Đại sứ``, ``Quốc hội``)."""
    return frozenset(c.lower() for c in lexicon()["cue"] if c[:1].isupper())


def _part_of_a_name(text: str, match: re.Match[str], sentence_start: int) -> bool:
    """A lower-case cue capitalised inside a sentence belongs to a name (``Bộ Ngoại giao``)."""
    found = match.group()
    if not found[:1].isupper() or found.isupper():
        return False
    if " ".join(found.lower().split()) in _capitalised_cues():
        return False
    return bool(text[sentence_start : match.start()].strip(" \t\"'“‘([-–—"))


@cache
def _cue_themes() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for theme, cue in zip(lexicon()["theme"], lexicon()["cue"], strict=True):
        out.setdefault(cue.lower(), []).append(theme)
    return out


def find_cues(
    text: str, words: Sequence[Token], sentence_starts: Sequence[int] = (0,)
) -> list[tuple[int, int, str, str]]:
    """Cue occurrences in ``text`` (whose tokens are ``words`` and whose sentences start at
    ``sentence_starts``): ``(start, end, cue as written, theme)``, a cue listed under two themes
    once for each; a cue capitalised inside a sentence is part of a name and left out.
    :func:`helpers.analysis.analyse` calls this for every paragraph."""
    found = []
    for m in whole_word_matches(text, _cue_pattern(), words):
        # bisect, not a scan: one huge paragraph can hold thousands of sentences and cues
        sentence_start = sentence_starts[max(0, bisect_right(sentence_starts, m.start()) - 1)]
        if _part_of_a_name(text, m, sentence_start):
            continue
        found.extend(
            (m.start(), m.end(), m.group(), theme)
            for theme in _cue_themes()[" ".join(m.group().lower().split())]
        )
    return found


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
