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
from functools import cache

import pandas as pd

from .corpus import Document
from .frequency import term_pattern, whole_word_matches
from .paths import DATA_DIR
from .tokens import analysed_paragraphs, sentences

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
            if _part_of_a_name(text, m, starts[sentence] if starts else 0):
                continue
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
    listed first in the taxonomy; None when there are no hits."""
    if not len(hits):
        return None
    counts = hits["theme"].value_counts()
    order = list(theme_labels())
    return min(counts.index, key=lambda t: (-counts[t], order.index(t)))


def theme_scores(source: str | Document, by: str = "paragraph") -> pd.DataFrame:
    """Cue counts per theme (columns, in taxonomy order) for each paragraph or sentence (rows).

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
