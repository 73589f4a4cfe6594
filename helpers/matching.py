"""Whole-word search: a term matches only where the word segmentation has word boundaries.

``bố`` (father) never matches inside ``khủng bố`` (terrorism), and a term of several words
(``Hành lang Kinh tế``) matches a run of whole words. Used by keyword in context, dispersion,
the theme lexicon and the stance verbs of commitments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from .tokens import Token, tokens


def term_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive pattern for any of ``terms``, longest first, any whitespace between
    syllables, never starting or ending inside a run of letters."""
    alternatives = [
        r"\s+".join(map(re.escape, term.split()))
        for term in sorted(set(terms), key=lambda t: (-len(t), t))
        if term.strip()
    ]
    if not alternatives:
        raise ValueError("no search term given")
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def whole_word_matches(
    text: str,
    pattern: re.Pattern[str],
    words: Sequence[Token] | None = None,
    start: int = 0,
    end: int | None = None,
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in ``text[start:end]`` that begin and end on word boundaries.

    ``words`` are the tokens of that stretch with offsets into ``text`` (an analysis already has
    them); without them ``text`` is tokenized here.
    """
    toks = tokens(text) if words is None else words
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        if m.start() in starts and m.end() in ends:
            yield m
