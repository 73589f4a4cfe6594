"""Step 4b: a transparent theme lexicon scored through the document.

The lexicon (``data/themes.tsv``) maps Vietnamese cue words to six themes of diplomatic
reporting, each cue with an English gloss. A cue matches whole words only: its start and end
must fall on word boundaries of the segmentation, so ``bố`` (father) never matches inside
``khủng bố`` (terrorism). Where cues overlap, the longest wins (``an ninh mạng``, cybersecurity,
counts once, not also as ``an ninh``, security).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import pandas as pd

from .corpus import Document
from .frequency import term_pattern, whole_word_matches
from .paths import read_data_lines
from .tokens import analysed_paragraphs, sentences


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


def theme_hits(source: str | Document) -> pd.DataFrame:
    """Every cue occurrence: columns ``paragraph``, ``sentence``, ``start``, ``end``, ``cue``, ``theme``.

    ``start``/``end`` index the document text (or the string given); ``paragraph`` and
    ``sentence`` count analysed paragraphs and sentences from 0.
    """
    rows = []
    sentence_base = 0
    for paragraph, (offset, text) in enumerate(analysed_paragraphs(source)):
        sents = sentences(text)
        starts = [s.start for s in sents]
        for m in whole_word_matches(text, _cue_pattern()):
            # bisect, not a scan: one huge paragraph can hold thousands of sentences and cues
            sentence = max(0, bisect_right(starts, m.start()) - 1)
            for theme in _cue_themes()[" ".join(m.group().lower().split())]:
                rows.append(
                    {
                        "paragraph": paragraph,
                        "sentence": sentence_base + sentence,
                        "start": offset + m.start(),
                        "end": offset + m.end(),
                        "cue": m.group(),
                        "theme": theme,
                    }
                )
        sentence_base += len(sents)
    return pd.DataFrame(rows, columns=["paragraph", "sentence", "start", "end", "cue", "theme"])


def dominant_theme(hits: pd.DataFrame) -> str | None:
    """The theme with most cue hits in ``hits`` (rows of ``theme_hits``); ties go to the theme
    listed first in the lexicon; None when there are no hits."""
    if not len(hits):
        return None
    counts = hits["theme"].value_counts()
    order = list(theme_labels())
    return min(counts.index, key=lambda t: (-counts[t], order.index(t)))


def theme_scores(source: str | Document, by: str = "paragraph") -> pd.DataFrame:
    """Cue counts per theme (columns, in lexicon order) for each paragraph or sentence (rows).

    Every paragraph or sentence appears, with zeros where no cue occurs.
    """
    if by not in ("paragraph", "sentence"):
        raise ValueError("by must be 'paragraph' or 'sentence'")
    hits = theme_hits(source)
    paragraphs = analysed_paragraphs(source)
    n = len(paragraphs) if by == "paragraph" else sum(len(sentences(t)) for _, t in paragraphs)
    table = pd.crosstab(hits[by], hits["theme"]) if len(hits) else pd.DataFrame()
    table = table.reindex(index=range(n), columns=list(theme_labels()), fill_value=0)
    table.index.name = by
    table.columns.name = "theme"
    return table.fillna(0).astype(int)
