"""Step 5: several corpus documents side by side.

Counts are normalised per 1,000 words of each document's running text (title and body), so that
a short statement and a long background article can be compared. Every function takes the
documents' analyses (:func:`documents` reads or computes and stores them); loaded Documents are
analysed first.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .analysis import Analysis, as_analysis, load_or_analyse
from .corpus import Document
from .entities import entity_counts
from .themes import dominant_theme, theme_hits, theme_labels

PER_WORDS = 1000


def documents(doc_ids: Sequence[str]) -> list[Analysis]:
    """The analyses of the corpus documents to compare (stored ones are reused); two or more
    distinct ids are needed."""
    ids = list(dict.fromkeys(doc_ids))
    if len(ids) < 2:
        raise ValueError(f"a comparison needs two or more document ids, got {ids}")
    return [load_or_analyse(doc_id) for doc_id in ids]


def _words(analysis: Analysis) -> int:
    return len(analysis.words())


def overview(docs: Sequence[Analysis | Document]) -> pd.DataFrame:
    """One row per document: title, date, body paragraphs, words of the analysed text (title and
    body, as every rate here is per 1,000 of them), entity mentions and distinct entities, the
    most mentioned entity and the theme with most cues."""
    rows = []
    for analysis in map(as_analysis, docs):
        doc = analysis.document
        counts = entity_counts(analysis.mention_table())
        top_theme = dominant_theme(theme_hits(analysis))
        rows.append(
            {
                "document": doc.id,
                "title": doc.title,
                "date": doc.metadata.get("date", ""),
                "body paragraphs": len(doc.body),
                "words (title and body)": _words(analysis),
                "entity mentions": int(counts["count"].sum()) if len(counts) else 0,
                "distinct entities": len(counts),
                "top entity": counts["entity"].iloc[0] if len(counts) else "",
                "top theme": theme_labels().get(top_theme, "") if top_theme else "",
            }
        )
    return pd.DataFrame(rows).set_index("document")


def entity_comparison(docs: Sequence[Analysis | Document], top: int = 8) -> pd.DataFrame:
    """Mentions per 1,000 words of each document's ``top`` entities (their union), one column
    per document; rows sorted by the total rate, then name."""
    docs = [as_analysis(d) for d in docs]
    rates: dict[str, dict[str, float]] = {}
    for doc in docs:
        counts = entity_counts(doc.mention_table())
        words = _words(doc) or 1
        # One name can carry several labels ("Pakistan" as a place and, rarely, as MISC).
        totals = counts.groupby("entity", sort=False)["count"].sum()
        totals = totals.sort_values(ascending=False, kind="stable")
        rates[doc.id] = {e: n * PER_WORDS / words for e, n in totals.items()}
    chosen = sorted({e for doc in docs for e in list(rates[doc.id])[:top]})
    table = pd.DataFrame(
        {doc.id: [rates[doc.id].get(e, 0.0) for e in chosen] for doc in docs}, index=chosen
    )
    table.index.name = "entity"
    order = sorted(chosen, key=lambda e: (-table.loc[e].sum(), e))
    return table.loc[order]


def theme_profile(docs: Sequence[Analysis | Document]) -> pd.DataFrame:
    """Theme cues per 1,000 words: one row per document, one column per theme (lexicon order)."""
    rows = {}
    for doc in map(as_analysis, docs):
        hits = theme_hits(doc)["theme"].value_counts()
        words = _words(doc) or 1
        rows[doc.id] = {t: hits.get(t, 0) * PER_WORDS / words for t in theme_labels()}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(theme_labels()))
    table.index.name = "document"
    table.columns.name = "theme"
    return table
