"""Step 4a: frequencies, keyword in context, dispersion, collocations and keyness, on words.

Every function accepts an :class:`~helpers.analysis.Analysis` (a text string or a
:class:`~helpers.corpus.Document` is analysed first) and counts its title and body paragraphs
(photo captions and headings are not running text). It returns a pandas DataFrame whose
``paragraph`` is the analysis's id (the index in ``Document.paragraphs``); offsets (``start``)
point into ``Document.text``, or into the string given.

A search term matches whole words only: its first and last characters must fall on word
boundaries of the segmentation, so ``bố`` (father) never matches inside ``khủng bố``
(terrorism), and a multi-word term such as ``Hành lang Kinh tế`` matches a run of words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from .analysis import Analysis, as_analysis
from .corpus import Document
from .matching import term_pattern, whole_word_matches
from .orthography import syllables
from .paths import read_data_lines
from .tokens import Token, whole_token_kind

Source = str | Document | Analysis


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
    """A word that is not punctuation, a number, a URL or e-mail address, or a stopword."""
    word = token.text.lower()
    has_letter = any(ch.isalpha() for ch in word)  # not a number, date or figure such as 4/1
    return (
        token.is_word
        and token.pos != "M"
        and has_letter
        and word not in stopwords()
        and whole_token_kind(token.text) is None
    )


def word_frequencies(source: Source, stopwords: bool = True) -> pd.DataFrame:
    """Word counts: columns ``word``, ``count``, ``relative`` (share of all words), ``pos``.

    With ``stopwords=True`` stopwords, numbers and punctuation are left out of the table (the
    relative frequency is still a share of all words). URLs, e-mail addresses and numbers written
    with separators (``1.000.000``, ``12/3/2026``) are single tokens but not words: they are never
    in the table. Sorted by count, then word.
    """
    toks = as_analysis(source).words()
    kept = (
        [t for t in toks if is_content_word(t)]
        if stopwords
        else [t for t in toks if whole_token_kind(t.text) is None]
    )
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


def _syllables(analysis: Analysis) -> list[str]:
    """Syllables of the title and body, lower case, numbers left out."""
    sylls = [s.lower() for p in analysis.text_paragraphs for s in syllables(p.text)]
    return [s for s in sylls if not s.isdigit()]


def syllable_frequencies(source: Source) -> pd.DataFrame:
    """What a syllable-based tool counts: columns ``syllable``, ``count``, ``relative``."""
    sylls = _syllables(as_analysis(source))
    counts = Counter(sylls)
    frame = pd.DataFrame(
        [{"syllable": s, "count": n, "relative": n / len(sylls)} for s, n in counts.items()],
        columns=["syllable", "count", "relative"],
    )
    return frame.sort_values(["count", "syllable"], ascending=[False, True], ignore_index=True)


@dataclass(frozen=True)
class Occurrence:
    """One whole-word occurrence of a search term."""

    term: str
    paragraph: int  # index in Document.paragraphs
    start: int  # into the document text
    end: int
    text: str  # as written


def occurrences(source: Source, terms: Iterable[str]) -> list[Occurrence]:
    """Every whole-word occurrence of any of ``terms`` in the title and body, in text order.

    Each occurrence is attributed to the term it matches case-insensitively (a term given twice
    in different cases is searched once).
    """
    analysis = as_analysis(source)
    terms = list(dict.fromkeys(terms))
    by_key = {" ".join(t.lower().split()): t for t in reversed(terms)}
    pattern = term_pattern(terms)
    found = []
    for p in analysis.text_paragraphs:
        words = analysis.paragraph_tokens(p.index)
        for m in whole_word_matches(analysis.text, pattern, words, p.start, p.end):
            term = by_key[" ".join(m.group().lower().split())]
            found.append(Occurrence(term, p.index, m.start(), m.end(), m.group()))
    return found


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    """Up to ``width`` characters either side of text[start:end], cut at syllable boundaries."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    left, right = text[lo:start], text[end:hi]
    if lo > 0 and not text[lo - 1].isspace() and not text[lo].isspace():
        left = left.split(maxsplit=1)[1] if len(left.split(maxsplit=1)) > 1 else ""
    if hi < len(text) and not text[hi].isspace() and not text[hi - 1].isspace():
        right = right.rsplit(maxsplit=1)[0] if len(right.rsplit(maxsplit=1)) > 1 else ""
    return " ".join(left.split()), " ".join(right.split())


def kwic(source: Source, word: str, width: int = 40) -> pd.DataFrame:
    """Keyword in context: one row per whole-word occurrence of ``word`` (case-insensitive).

    Columns ``left``, ``keyword`` (as written), ``right`` (up to ``width`` characters each, within
    the paragraph, cut at syllable boundaries), ``start`` (offset of the keyword) and
    ``paragraph``. ``bố`` (father) has no row inside ``khủng bố`` (terrorism).
    """
    analysis = as_analysis(source)
    rows = []
    for occ in occurrences(analysis, [word]):
        p = analysis.paragraphs[occ.paragraph]
        left, right = _context(p.text, occ.start - p.start, occ.end - p.start, width)
        rows.append(
            {
                "left": left,
                "keyword": occ.text,
                "right": right,
                "start": occ.start,
                "paragraph": occ.paragraph,
            }
        )
    frame = pd.DataFrame(rows, columns=["left", "keyword", "right", "start", "paragraph"])
    # what a notebook shows instead of an empty table (helpers.display)
    frame.attrs["empty"] = f"No occurrence of “{word}” as a whole word of the segmentation."
    return frame


def dispersion(source: Source, terms: list[str]) -> pd.DataFrame:
    """Where each term occurs: one row per occurrence with its position in running words.

    Columns ``term``, ``start``, ``paragraph``, ``word_index`` (number of words before it) and
    ``position`` (``word_index`` as a share of the document's words, 0 to 1), in text order.
    """
    columns = ["term", "start", "paragraph", "word_index", "position"]
    if not any(term.strip() for term in terms):  # no terms (a short text has no key words)
        return pd.DataFrame(columns=columns)
    analysis = as_analysis(source)
    word_starts = [t.start for t in analysis.words()]
    total = max(len(word_starts), 1)
    rows = []
    for occ in occurrences(analysis, terms):
        index = bisect_left(word_starts, occ.start)
        rows.append(
            {
                "term": occ.term,
                "start": occ.start,
                "paragraph": occ.paragraph,
                "word_index": index,
                "position": index / total,
            }
        )
    return pd.DataFrame(rows, columns=columns)


def _paragraph_sizes(analysis: Analysis) -> dict[int, int]:
    """Words in each title and body paragraph, by paragraph id."""
    return {p.index: len(analysis.words((p,))) for p in analysis.text_paragraphs}


def paragraph_breaks(source: Source) -> list[float]:
    """Where each title or body paragraph after the first begins, as a share of the running
    words (the scale of ``dispersion``'s ``position``)."""
    sizes = list(_paragraph_sizes(as_analysis(source)).values())
    total = max(sum(sizes), 1)
    return [sum(sizes[:i]) / total for i in range(1, len(sizes))]


def dispersion_measures(source: Source, terms: list[str]) -> pd.DataFrame:
    """How evenly each term is spread over the title and body paragraphs.

    Columns ``term``, ``count``, ``paragraphs`` (how many contain it, of ``of``) and ``dp``:
    Gries's deviation of proportions (2008), 0 when occurrences follow the paragraphs' sizes in
    words exactly, approaching 1 when they are concentrated in one small part. Terms in the
    order given.
    """
    analysis = as_analysis(source)
    sizes = _paragraph_sizes(analysis)
    total = sum(sizes.values()) or 1
    # one row per term, however many case variants were asked for ("Pakistan", "pakistan")
    terms = list({t.lower(): t for t in reversed(terms)}.values())[::-1]
    found = dispersion(analysis, terms)
    rows = []
    for term in terms:
        per_part = Counter(found.loc[found["term"] == term, "paragraph"])
        count = sum(per_part.values())
        dp = (
            0.5 * sum(abs(per_part[i] / count - size / total) for i, size in sizes.items())
            if count
            else float("nan")
        )
        rows.append(
            {"term": term, "count": count, "paragraphs": len(per_part), "of": len(sizes), "dp": dp}
        )
    return pd.DataFrame(rows, columns=["term", "count", "paragraphs", "of", "dp"])


def collocations(source: Source, min_count: int = 2) -> pd.DataFrame:
    """Adjacent content-word pairs within a sentence, with PMI and log-likelihood (G²).

    Columns ``first``, ``second``, ``count``, ``pmi``, ``log_likelihood``; pairs seen fewer than
    ``min_count`` times are dropped. Sorted by log-likelihood, then the pair.
    """
    toks = as_analysis(source).words()
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
    frame.attrs["empty"] = f"No pair of adjacent content words occurs {min_count} times or more."
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


# ---------------------------------------------------------------------------- keyness

WORDFREQ = "wordfreq"


@cache
def _wordfreq_floor() -> float:
    """The smallest frequency in wordfreq's Vietnamese list: a word missing from the list is
    rarer than this, so using it for unlisted words understates, never overstates, keyness."""
    from wordfreq import get_frequency_dict

    return min(get_frequency_dict("vi").values())


def reference_frequency(word: str) -> float:
    """A word's frequency per running syllable in general Vietnamese (wordfreq's ``vi`` list).

    wordfreq counts space-separated syllables, so a word of several syllables gets the smallest
    of its syllables' frequencies: every occurrence of ``hợp tác`` (cooperation) is also one of
    ``hợp`` and one of ``tác``, so that is an upper bound on the word's own rate, and the keyness
    of compounds is understated, never inflated. A syllable wordfreq does not list gets the
    list's smallest frequency.
    """
    from wordfreq import word_frequency

    floor = _wordfreq_floor()
    return min(max(word_frequency(s, "vi"), floor) for s in word.lower().split())


def _two_sample_ll(a: int, b: int, c: int, d: int) -> float:
    """Rayson & Garside's log-likelihood for a word seen ``a`` times in ``c`` words and ``b``
    times in ``d`` words."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    ll = 2 * sum(o * math.log(o / e) for o, e in ((a, e1), (b, e2)) if o > 0)
    return max(ll, 0.0)  # rounding can leave -1e-15 where the rates are equal


def _one_sample_ll(a: int, n: int, p: float) -> float:
    """Log-likelihood of ``a`` occurrences in ``n`` against a known population rate ``p``: the
    limit of the two-sample statistic when the reference corpus is very large."""
    expected = p * n
    ll = a * math.log(a / expected) if a else 0.0
    if n - a > 0:
        ll += (n - a) * math.log((n - a) / (n - expected))
    return max(2 * ll, 0.0)  # rounding can leave -1e-15 where the rates are equal


def keyness(
    source: Source,
    reference: Source | pd.DataFrame = WORDFREQ,
    min_count: int = 2,
) -> pd.DataFrame:
    """Log-likelihood keyness of the content words of ``source`` against a reference.

    ``reference`` is ``"wordfreq"`` (general Vietnamese: wordfreq's ``vi`` list, built from
    Wikipedia, subtitles, news and web text; see :func:`reference_frequency` for how words of
    several syllables are looked up; rates are then per running syllable on both sides), another
    text or Document (rates per running word on both sides), or a complete frequency list with
    columns ``word`` and ``count`` (stopwords included, so its total is the reference size).

    Columns ``word``, ``count``, ``per_million`` (in the source), ``reference_per_million``,
    ``log_likelihood`` (G², 1 d.f.; 3.84 is p < 0.05, 15.13 is p < 0.0001), ``p``, and
    ``log_ratio`` (Hardie's effect size: log₂ of the ratio of rates; +1 means twice as frequent as
    in the reference). Words used more than in the reference come first, by log-likelihood, then
    words used less; ties by word. Only words seen at least ``min_count`` times are listed.
    """
    analysis = as_analysis(source)
    focus = word_frequencies(analysis, stopwords=True)
    focus = focus[focus["count"] >= min_count]
    rows = []
    if isinstance(reference, str) and reference == WORDFREQ:
        n = len(_syllables(analysis))
        for word, a in zip(focus["word"], focus["count"], strict=True):
            p = reference_frequency(word)
            rows.append((word, a, a / n, p, _one_sample_ll(a, n, p), math.log2((a / n) / p)))
    else:
        ref_counts = _reference_counts(reference)
        d = sum(ref_counts.values())
        # running words as word_frequencies counts them (URLs and numbers are not words)
        c = sum(1 for t in analysis.words() if not whole_token_kind(t.text))
        for word, a in zip(focus["word"], focus["count"], strict=True):
            b = ref_counts.get(word, 0)
            ratio = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
            rows.append((word, a, a / c, b / d, _two_sample_ll(a, b, c, d), ratio))
    frame = pd.DataFrame(
        [
            {
                "word": w,
                "count": a,
                "per_million": rate * 1e6,
                "reference_per_million": ref * 1e6,
                "log_likelihood": ll,
                "p": math.erfc(math.sqrt(ll / 2)),
                "log_ratio": ratio,
            }
            for w, a, rate, ref, ll, ratio in rows
        ],
        columns=[
            "word",
            "count",
            "per_million",
            "reference_per_million",
            "log_likelihood",
            "p",
            "log_ratio",
        ],
    )
    frame["_under"] = frame["log_ratio"] < 0
    frame = frame.sort_values(
        ["_under", "log_likelihood", "word"], ascending=[True, False, True], ignore_index=True
    )
    return frame.drop(columns="_under")


def _reference_counts(reference: Source | pd.DataFrame) -> dict[str, int]:
    if isinstance(reference, pd.DataFrame):
        missing = {"word", "count"} - set(reference.columns)
        if missing:
            raise ValueError(f"a reference frequency list needs the columns {sorted(missing)}")
        return dict(zip(reference["word"], reference["count"], strict=True))
    table = word_frequencies(reference, stopwords=False)
    return dict(zip(table["word"], table["count"], strict=True))


@cache
def glossary() -> dict[str, str]:
    """Vietnamese word (lower case, or a name as written) → English gloss.

    From ``data/glossary.tsv`` and the theme cues of ``data/theme_cues.tsv``.
    """
    entries: dict[str, str] = {}
    for line in read_data_lines("theme_cues.tsv")[1:]:
        _, cue, gloss = line.split("\t")
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


def syllable_vs_word_counts(source: Source, terms: list[str]) -> pd.DataFrame:
    """How often each term occurs as a whole word and as a syllable sequence, and inside which words.

    Columns ``term``, ``gloss``, ``as word``, ``as syllables``, ``inside words``. ``bố`` (father)
    occurs as a syllable inside every ``khủng bố`` (terrorism) but never as a word there.
    """
    word_list = [t.text.lower() for t in as_analysis(source).words()]
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
