"""Step 4a: word frequencies and bigram collocations, on words rather than syllables.

Every function accepts a text string or a :class:`~helpers.corpus.Document` (whose title and body
paragraphs are analysed; photo captions and headings are not) and returns a pandas DataFrame.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache

import pandas as pd

from .corpus import Document
from .paths import read_data_lines
from .tokens import Token, analysed_paragraphs, document_tokens, syllables


@cache
def stopwords() -> frozenset[str]:
    """Vietnamese stopwords: stopwords-iso's list plus the project's additions."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("vi")) | frozenset(
        read_data_lines("stopwords_extra.txt")
    )


def normalise_word(token: Token) -> str:
    """Counting key: lower case, except names and acronyms, which keep their capitals."""
    name_like = token.text[:1].isupper() and (
        token.pos in ("Np", "Ny", "Nb") or token.text.isupper()
    )
    return token.text if name_like else token.text.lower()


def is_content_word(token: Token) -> bool:
    """A word that is not punctuation, a number or a stopword."""
    word = token.text.lower()
    return token.is_word and token.pos != "M" and not word.isdigit() and word not in stopwords()


def word_frequencies(source: str | Document, stopwords: bool = True) -> pd.DataFrame:
    """Word counts: columns ``word``, ``count``, ``relative`` (share of all words), ``pos``.

    With ``stopwords=True`` stopwords, numbers and punctuation are left out of the table (the
    relative frequency is still a share of all words). Sorted by count, then word.
    """
    toks = [t for t in document_tokens(source) if t.is_word]
    kept = [t for t in toks if is_content_word(t)] if stopwords else toks
    counts = Counter(normalise_word(t) for t in kept)
    pos_counts: dict[str, Counter] = {}
    for t in kept:
        pos_counts.setdefault(normalise_word(t), Counter())[t.pos] += 1
    rows = [
        {
            "word": w,
            "count": n,
            "relative": n / len(toks),
            "pos": sorted(pos_counts[w].items(), key=lambda kv: (-kv[1], kv[0]))[0][0],
        }
        for w, n in counts.items()
    ]
    frame = pd.DataFrame(rows, columns=["word", "count", "relative", "pos"])
    return frame.sort_values(["count", "word"], ascending=[False, True], ignore_index=True)


def syllable_frequencies(source: str | Document) -> pd.DataFrame:
    """What a syllable-based tool counts: columns ``syllable``, ``count``, ``relative``."""
    sylls = [s.lower() for _, text in analysed_paragraphs(source) for s in syllables(text)]
    sylls = [s for s in sylls if not s.isdigit()]
    counts = Counter(sylls)
    frame = pd.DataFrame(
        [{"syllable": s, "count": n, "relative": n / len(sylls)} for s, n in counts.items()],
        columns=["syllable", "count", "relative"],
    )
    return frame.sort_values(["count", "syllable"], ascending=[False, True], ignore_index=True)


def collocations(source: str | Document, min_count: int = 2) -> pd.DataFrame:
    """Adjacent content-word pairs within a sentence, with PMI and log-likelihood (G²).

    Columns ``first``, ``second``, ``count``, ``pmi``, ``log_likelihood``; pairs seen fewer than
    ``min_count`` times are dropped. Sorted by log-likelihood, then the pair.
    """
    toks = [t for t in document_tokens(source) if t.is_word]
    words = [normalise_word(t) for t in toks]
    unigrams = Counter(words)
    total = len(words)
    pairs = Counter(
        (words[i], words[i + 1])
        for i in range(len(toks) - 1)
        if toks[i].sentence == toks[i + 1].sentence
        and is_content_word(toks[i])
        and is_content_word(toks[i + 1])
        # adjacent in the text: no punctuation between them
        and toks[i + 1].start - toks[i].end <= 1
    )
    n_pairs = max(total - 1, 1)
    rows = []
    for (a, b), n in pairs.items():
        if n < min_count:
            continue
        rows.append(
            {
                "first": a,
                "second": b,
                "count": n,
                "pmi": math.log2(n * n_pairs / (unigrams[a] * unigrams[b])),
                "log_likelihood": _log_likelihood(n, unigrams[a], unigrams[b], n_pairs),
            }
        )
    frame = pd.DataFrame(rows, columns=["first", "second", "count", "pmi", "log_likelihood"])
    return frame.sort_values(
        ["log_likelihood", "first", "second"], ascending=[False, True, True], ignore_index=True
    )


def _log_likelihood(n_ab: int, n_a: int, n_b: int, n: int) -> float:
    """Dunning's G² for a 2×2 contingency table of bigram counts."""
    observed = [n_ab, n_a - n_ab, n_b - n_ab, n - n_a - n_b + n_ab]
    rows = [n_a, n - n_a]
    cols = [n_b, n - n_b]
    expected = [
        rows[0] * cols[0] / n,
        rows[0] * cols[1] / n,
        rows[1] * cols[0] / n,
        rows[1] * cols[1] / n,
    ]
    return 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected, strict=True) if o > 0)


@cache
def glossary() -> dict[str, str]:
    """Vietnamese word (lower case, or a name as written) → English gloss.

    From ``data/glossary.tsv`` and the theme cues of ``data/themes.tsv``.
    """
    entries: dict[str, str] = {}
    for line in read_data_lines("themes.tsv")[1:]:
        _, _, cue, gloss = line.split("\t")
        entries[cue] = gloss
    for line in read_data_lines("glossary.tsv")[1:]:
        word, gloss = line.split("\t")
        entries[word] = gloss
    return entries


def gloss(word: str) -> str:
    """The English gloss of a word, or an empty string where the glossary has none."""
    entries = glossary()
    found = entries.get(word) or entries.get(word.lower())
    if found:
        return found
    from .entities import gazetteer  # a name's gloss is its canonical English name

    entry = gazetteer().get(word)
    return entry.canonical or "" if entry else ""


def with_glosses(frame: pd.DataFrame, column: str = "word") -> pd.DataFrame:
    """``frame`` with a ``gloss`` column next to ``column``."""
    glossed = frame.copy()
    glossed.insert(frame.columns.get_loc(column) + 1, "gloss", [gloss(w) for w in frame[column]])
    return glossed


def syllable_vs_word_counts(source: str | Document, terms: list[str]) -> pd.DataFrame:
    """How often each term occurs as a whole word and as a syllable sequence, and inside which words.

    Columns ``term``, ``gloss``, ``as word``, ``as syllables``, ``inside words``. ``bố`` (father)
    occurs as a syllable inside every ``khủng bố`` (terrorism) but never as a word there.
    """
    import re

    word_list = [t.text.lower() for t in document_tokens(source) if t.is_word]
    words = Counter(word_list)
    rows = []
    for term in terms:
        pattern = re.compile(rf"(?<!\w){re.escape(term.lower())}(?!\w)")
        containing = Counter(w for w in word_list if pattern.search(w))
        inside = sorted(
            ((w, n) for w, n in containing.items() if w != term.lower()),
            key=lambda x: (-x[1], x[0]),
        )
        rows.append(
            {
                "term": term,
                "gloss": gloss(term),
                "as word": words[term.lower()],
                "as syllables": sum(containing.values()),
                "inside words": ", ".join(f"{w} ×{n}" for w, n in inside),
            }
        )
    return pd.DataFrame(rows, columns=["term", "gloss", "as word", "as syllables", "inside words"])
