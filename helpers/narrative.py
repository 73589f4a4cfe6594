"""Sentences that state a finding, computed from the tables, so they read right for any document.

Each function takes the table (or analysis) a notebook cell has just shown and returns
``IPython.display.Markdown``: counts, the most named entities, dominant themes, who commits most.
Vietnamese words are glossed from the project's glossary. Commentary that fits one document only
(the statement's backstory) goes through :func:`about_statement`, which shows it for that document
and nothing for any other.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from IPython.display import Markdown

from .analysis import Analysis
from .display import markdown_text
from .frequency import gloss
from .paths import DEFAULT_DOC_ID
from .themes import theme_labels

STATEMENT = DEFAULT_DOC_ID
# The committed comparison in notebook 07, whose commentary fits these two documents only.
DEFAULT_PAIR = (STATEMENT, "wiki-pakistan")
ACTOR_NAMES = {"both": "both parties together", "all": "all parties", "unknown": "an unnamed actor"}


def document_name(source: Analysis | str) -> str:
    """How a chart title or a sentence names the document: its id."""
    return source if isinstance(source, str) else source.id


def about_statement(doc_ids: str | Sequence[str], text: str) -> Markdown | None:
    """Commentary true of the statement only: shown when ``doc_ids`` is the statement's id (or, for
    a comparison, the committed pair of the statement and ``wiki-pakistan``), else nothing."""
    shown = doc_ids == STATEMENT if isinstance(doc_ids, str) else tuple(doc_ids) == DEFAULT_PAIR
    return Markdown(" ".join(text.split())) if shown else None


def _vi(word: str) -> str:
    """A Vietnamese word in italics with its gloss, when the glossary has one."""
    english = gloss(word)
    if not english or english == word:
        return f"*{markdown_text(word)}*"
    return f'*{markdown_text(word)}* ("{markdown_text(english.split(",")[0].strip())}")'


def _series(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n:,} times"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def sizes(counts: pd.DataFrame) -> Markdown:
    """The size of the document from ``size_counts``: words against syllables."""
    whole = counts["whole document"]
    words, syll = int(whole["words"]), int(whole["syllables"])
    ratio = f"{syll / words:.2f}" if words else "–"
    return Markdown(
        f"The document has {_plural(int(whole['paragraphs']), 'paragraph')}, "
        f"{_plural(int(whole['sentences']), 'sentence')}, {words:,} words and {syll:,} syllables "
        f"({ratio} syllables a word); its body paragraphs hold {int(counts['body paragraphs']['words']):,} "
        "of the words."
    )


def load_changes(changes: pd.DataFrame) -> Markdown:
    """What loading changed, from ``doc.changes.table()``."""
    changed = changes[changes["count"] > 0] if "count" in changes else changes.iloc[0:0]
    if changed.empty:
        return Markdown("Loading changed nothing: the file's text is `doc.text`.")
    parts = [
        f"{markdown_text(row['what loading did'])} ({int(row['count'])})"
        for _, row in changed.iterrows()
    ]
    return Markdown(f"Loading changed the text in these ways: {_series(parts)}.")


def sentence_lengths(sentences: pd.DataFrame) -> Markdown:
    """How many sentences and how long the longest is, from ``sentence_table``."""
    if sentences.empty:
        return Markdown("The document has no sentence.")
    lengths = sentences["words"]
    return Markdown(
        f"{_plural(len(sentences), 'sentence')} in {_plural(sentences['paragraph'].nunique(), 'paragraph')}; "
        f"the longest has {int(lengths.max())} words, the median {lengths.median():g}."
    )


def pos_shares(pos: pd.DataFrame) -> Markdown:
    """The most frequent parts of speech, from ``pos_distribution``."""
    words = pos[pos["tag"] != "CH"]
    if words.empty:
        return Markdown("The document has no words to tag.")
    top = [f"{row['label']}s ({row['share']:.0%})" for _, row in words.head(3).iterrows()]
    return Markdown(f"The most frequent parts of speech are {_series(top)} of all tokens.")


def word_vs_syllable(terms: pd.DataFrame) -> Markdown:
    """Where a syllable count and a word count disagree, from ``syllable_vs_word_counts``."""
    differ = terms[terms["as word"] != terms["as syllables"]]
    if differ.empty:
        return Markdown("For these terms a syllable count and a word count agree in this document.")
    parts = [
        f"{_vi(row['term'])} occurs {_times(int(row['as word']))} as a word "
        f"but {_times(int(row['as syllables']))} as a syllable"
        + (f" (inside {markdown_text(row['inside words'])})" if row["inside words"] else "")
        for _, row in differ.iterrows()
    ]
    return Markdown("In this document " + "; ".join(parts) + ".")


def top_entities(counts: pd.DataFrame, n: int = 3) -> Markdown:
    """The most named entities, from ``entity_counts``."""
    if counts.empty:
        return Markdown("The extractor finds no named entity in this document.")
    top = [
        f"{markdown_text(row['entity'])} ({row['count']}, {row['label']})"
        for _, row in counts.head(n).iterrows()
    ]
    labels = counts.groupby("label")["count"].sum().sort_values(ascending=False, kind="stable")
    mix = _series([f"{n} {label}" for label, n in labels.items()])
    return Markdown(
        f"The most named entities are {_series(top)}; "
        f"{_plural(int(counts['count'].sum()), 'mention')} in all ({mix})."
    )


def entity_spread(per_paragraph: pd.DataFrame) -> Markdown:
    """Where people and places are named, from ``mentions_per_paragraph``."""
    parts = []
    for label, name in (("PER", "people"), ("LOC", "places"), ("ORG", "organisations")):
        if label in per_paragraph and per_paragraph[label].sum():
            where = [str(p) for p, n in per_paragraph[label].items() if n]
            parts.append(f"{name} in paragraph{'s' if len(where) > 1 else ''} {_series(where)}")
    if not parts:
        return Markdown("No paragraph names a person, place or organisation.")
    return Markdown(f"The document names {'; '.join(parts)}.")


def strongest_pair(pairs: pd.DataFrame) -> Markdown:
    """The entities most often named together, from ``cooccurrences``."""
    if pairs.empty:
        return Markdown("No sentence names two entities.")
    row = pairs.iloc[0]
    return Markdown(
        f"{markdown_text(row['source'])} and {markdown_text(row['target'])} are named together most often "
        f"({_plural(int(row['sentences']), 'sentence')}); {_plural(len(pairs), 'pair')} share a sentence."
    )


def top_words(words: pd.DataFrame, n: int = 5) -> Markdown:
    """The most frequent content words, from ``word_frequencies``."""
    if words.empty:
        return Markdown("No content word remains once stopwords are removed.")
    top = [f"{_vi(row['word'])} ({row['count']})" for _, row in words.head(n).iterrows()]
    return Markdown(f"The most frequent content words are {_series(top)}.")


def concordance(lines: pd.DataFrame, word: str) -> Markdown:
    """How often a term occurs as a whole word, from ``kwic``."""
    if lines.empty:
        return Markdown(f"{_vi(word)} never occurs as a whole word in this document.")
    return Markdown(f"{_vi(word)} occurs {_times(len(lines))} as a whole word in this document.")


def spread(measures: pd.DataFrame) -> Markdown:
    """The most even and the most concentrated key terms, from ``dispersion_measures``."""
    if measures.empty:
        return Markdown("No key term to place.")
    ordered = measures.sort_values(["dp", "term"], kind="stable")
    even, packed = ordered.iloc[0], ordered.iloc[-1]
    return Markdown(
        f"{_vi(even['term'])} is spread most evenly (dp {even['dp']:.2f}, in {even['paragraphs']} of "
        f"{even['of']} paragraphs); {_vi(packed['term'])} is the most concentrated "
        f"(dp {packed['dp']:.2f}, in {packed['paragraphs']})."
    )


def top_collocations(pairs: pd.DataFrame, n: int = 3) -> Markdown:
    """The strongest recurring pairs, from ``collocations``."""
    if pairs.empty:
        return Markdown("No pair of content words recurs in this document.")
    top = [
        f"{_vi(r['first'])} + {_vi(r['second'])} ({r['count']})"
        for _, r in pairs.head(n).iterrows()
    ]
    return Markdown(f"The strongest collocations are {_series(top)}.")


def top_keywords(key: pd.DataFrame, n: int = 5, of: str = "", against: str = "") -> Markdown:
    """The strongest keywords, from ``keyness`` (of one document ``against`` another, if named)."""
    pair = f" of `{of}` against `{against}`" if of and against else ""
    if key.empty:
        return Markdown(f"No word{pair} is significantly more frequent than in the reference.")
    top = [_vi(w) for w in key["word"].head(n)]
    return Markdown(f"The strongest keywords{pair} are {_series(top)}.")


def themes_by_paragraph(scores: pd.DataFrame) -> Markdown:
    """The dominant theme of the document and of each paragraph, from ``theme_scores``."""
    labels = theme_labels()
    totals = scores.sum().sort_values(ascending=False, kind="stable")
    if scores.empty or not totals.iloc[0]:
        return Markdown("No paragraph holds a theme cue.")
    lead = [f"{labels[t]} ({n} cues)" for t, n in totals.head(2).items() if n]
    empty = [str(p) for p, row in scores.iterrows() if not row.sum()]
    text = f"Across the document the themes with most cues are {_series(lead)}."
    per = [f"{p}: {labels[row.idxmax()]}" for p, row in scores.iterrows() if row.sum()]
    text += f" The strongest theme of each paragraph: {'; '.join(per)}."
    if empty:
        text += f" Paragraph{'s' if len(empty) > 1 else ''} {_series(empty)} hold{'s' if len(empty) == 1 else ''} no cue."
    return Markdown(text)


def readable_subjects(table: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    """The commitments with their ``subject`` as a reader counts it: a common word capitalised only
    because it opens a sentence (*Hai bên*, "the two sides") is written in lower case, as
    elsewhere; names (``names``: the document's entity mentions) keep their capitals."""
    known = set(names)

    def one(part: str) -> str:
        return part if part in known or not part else part[0].lower() + part[1:]

    out = table.copy()
    out["subject"] = [" + ".join(one(p) for p in s.split(" + ")) for s in out["subject"]]
    return out


def commitments_summary(table: pd.DataFrame) -> Markdown:
    """Who commits most and on what, from ``commitments``."""
    if table.empty:
        return Markdown("The document records no commitment or stated position.")
    actors = table["actor"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    parts = [f"{markdown_text(ACTOR_NAMES.get(a, a))} ({n})" for a, n in actors.items()]
    themes = table["theme"].replace("", "other").value_counts().sort_index()
    themes = themes.drop("other", errors="ignore").sort_values(ascending=False, kind="stable")
    what = "commitment or stated position" if len(table) == 1 else "commitments or stated positions"
    text = f"{len(table):,} {what}, by {_series(parts)}."
    if len(themes):
        label = theme_labels().get(themes.index[0], themes.index[0])
        text += f" The most common theme is {label} ({themes.iloc[0]})."
    return Markdown(text)


def compare_sizes(overview: pd.DataFrame) -> Markdown:
    """Which document is longer and by how much, from ``compare.overview`` (indexed by document)."""
    words = (
        overview["words (title and body)"].astype(int).sort_values(ascending=False, kind="stable")
    )
    longest, shortest = words.index[0], words.index[-1]
    ratio = words.iloc[0] / max(words.iloc[-1], 1)
    return Markdown(
        f"`{longest}` is the longest ({words.iloc[0]:,} words), `{shortest}` the shortest "
        f"({words.iloc[-1]:,} words): {ratio:.1f} times as long."
    )


def compare_columns(table: pd.DataFrame, what: str) -> Markdown:
    """For each document (a column of a rate table), its highest row: ``entity_comparison``."""
    parts = [
        f"`{doc}` names {markdown_text(table[doc].idxmax())} most ({table[doc].max():.1f} per 1,000 words)"
        for doc in table.columns
        if table[doc].max() > 0
    ]
    return Markdown(f"{'; '.join(parts) or 'No document names any ' + what}.")


def compare_themes(profile: pd.DataFrame) -> Markdown:
    """For each document (a row of ``theme_profile``), its leading theme."""
    labels = theme_labels()
    parts = [
        f"`{doc}` is led by {labels[row.idxmax()]} ({row.max():.1f} cues per 1,000 words)"
        for doc, row in profile.iterrows()
        if row.max() > 0
    ]
    return Markdown(f"{'; '.join(parts) or 'No document holds a theme cue'}.")
