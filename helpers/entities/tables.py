"""Document-level tables of entity mentions: mentions, counts, per paragraph, co-occurrences."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from ..tokens import sentences
from .candidates import LABELS

if TYPE_CHECKING:
    import pandas as pd

    from ..corpus import Document


def mentions(doc: Document) -> pd.DataFrame:
    """Every entity mention in a document (all paragraphs, captions included).

    Columns ``paragraph``, ``sentence`` (numbered through the document), ``start``/``end`` (offsets
    into ``doc.text``), ``text``, ``label``, ``canonical``, ``source``, ``composed`` (the
    canonical name was composed from a head and the names inside, see ``helpers.canonical``).
    Given an :class:`~helpers.analysis.Analysis`, its mentions (the same rows, already extracted).
    """
    if hasattr(doc, "mention_table"):  # an Analysis (a higher layer, so not imported here)
        return doc.mention_table()
    import pandas as pd

    from . import extract

    rows = []
    sentence_base = 0
    for p in doc.paragraphs:
        sents = sentences(p.text)
        starts = [s.start for s in sents]
        for e in extract(p.text):
            # bisect, not a scan: a paragraph may hold thousands of sentences and mentions
            sentence = max(0, bisect_right(starts, e.start) - 1)
            rows.append(
                {
                    "paragraph": p.index,
                    "sentence": sentence_base + sentence,
                    "start": p.start + e.start,
                    "end": p.start + e.end,
                    "text": e.text,
                    "label": e.label,
                    "canonical": e.canonical,
                    "source": e.source,
                    "composed": e.composed,
                }
            )
        sentence_base += len(sents)
    columns = ["paragraph", "sentence", "start", "end", "text", "label", "canonical", "source"]
    columns.append("composed")
    return pd.DataFrame(rows, columns=columns)


def entity_counts(mention_table: pd.DataFrame) -> pd.DataFrame:
    """Entities grouped by canonical English name (or surface form): label, count, Vietnamese
    forms, how the English name was found (``english``: listed, composed, or none when the name
    stands as written) and first mention."""
    import pandas as pd

    table = mention_table.assign(entity=mention_table["canonical"].fillna(mention_table["text"]))
    rows = []
    for (entity, label), group in table.groupby(["entity", "label"], sort=False):
        first = group.iloc[0]
        named = "composed" if first["composed"] else "listed" if first["canonical"] else "none"
        rows.append(
            {
                "entity": entity,
                "label": label,
                "count": len(group),
                "vietnamese forms": ", ".join(sorted(set(group["text"]))),
                "english": named,
                "first mention": int(group["start"].min()),
            }
        )
    columns = ["entity", "label", "count", "vietnamese forms", "english", "first mention"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["count", "first mention"], ascending=[False, True], ignore_index=True)


def mentions_per_paragraph(mention_table: pd.DataFrame, paragraphs: int) -> pd.DataFrame:
    """Mention counts per paragraph (rows) and label (columns), zeros included."""
    import pandas as pd

    table = (
        pd.crosstab(mention_table["paragraph"], mention_table["label"])
        if len(mention_table)
        else pd.DataFrame()
    )
    table = (
        table.reindex(index=range(paragraphs), columns=list(LABELS), fill_value=0)
        .fillna(0)
        .astype(int)
    )
    table.index.name = "paragraph"
    table.columns.name = "label"
    return table


def cooccurrences(mention_table: pd.DataFrame) -> pd.DataFrame:
    """Pairs of distinct entities named in the same sentence, with the number of such sentences.

    Entities are identified by canonical name (or surface form). Columns ``source``, ``target``,
    ``sentences``; each pair once, names in sorted order, sorted by count then names.
    """
    import itertools

    import pandas as pd

    table = mention_table.assign(entity=mention_table["canonical"].fillna(mention_table["text"]))
    pairs: dict[tuple[str, str], int] = {}
    for _, group in table.groupby("sentence"):
        for a, b in itertools.combinations(sorted(set(group["entity"])), 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    rows = [{"source": a, "target": b, "sentences": n} for (a, b), n in pairs.items()]
    frame = pd.DataFrame(rows, columns=["source", "target", "sentences"])
    return frame.sort_values(
        ["sentences", "source", "target"], ascending=[False, True, True], ignore_index=True
    )
