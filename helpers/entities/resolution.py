"""Choosing among overlapping candidates, and linking acronyms to the names they abbreviate."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..tokens import is_native_syllable, tokens
from .candidates import CRF, RULE, Candidate
from .gazetteers import gazetteer, vietnamese_family_names


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    # The chosen spans never overlap, so kept sorted by start only the neighbours of a new span
    # can clash with it: a bisection, not a scan of every chosen span (long paragraphs).
    chosen: list[Candidate] = []
    starts: list[int] = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        i = bisect_right(starts, c.start)
        if (i == 0 or chosen[i - 1].end <= c.start) and (i == len(chosen) or c.end <= starts[i]):
            chosen.insert(i, c)
            starts.insert(i, c.start)
    return chosen


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&.-]{1,9})\)")
# Lower-case words between a name and the acronym in brackets that spells it out
# (lower case checked in Python: a character range of capitals would also hold đ, ư, ô, ạ ...)
_LOWER_CASE_TAIL = re.compile(r"(?: [^\W\d_]+){1,4}(?=\s*\([A-Z][A-Z0-9&.-]{1,9}\))")
# Word classes (underthesea's POS tags) that end a name: adverbs, prepositions, pronouns,
# particles, numbers, conjunctions and verbs make the words a clause, not the rest of the name.
_CLAUSE_TAGS = frozenset({"R", "E", "P", "T", "M", "CH", "X", "C", "CC", "V"})


def _through_lower_case_tail(c: Candidate, text: str, pos_at: dict[int, str]) -> Candidate:
    """``Hiệp định Thương mại tự do (EVFTA)``: a name in sentence case that the head rule cut at
    its first lower-case word runs on to the acronym in brackets that abbreviates it; the
    bracket marks where the full name ends. The words between must be nouns or adjectives."""
    m = _LOWER_CASE_TAIL.match(text, c.end)
    if not m or c.label not in ("ORG", "MISC") or not c.source.startswith("rule:"):
        return c
    if not all(word[0].islower() for word in m.group().split()):
        return c
    words = re.finditer(r"[^\W\d_]+", m.group())
    if any(pos_at.get(c.end + w.start(), "N") in _CLAUSE_TAGS for w in words):
        return c
    return Candidate(c.start, m.end(), c.label, c.priority, c.source + "+expansion")


def link_acronyms(chosen: list[Candidate], text: str) -> list[Candidate]:
    """``Long Name (ACR)``: ACR takes Long Name's label and canonical name, here and later on.

    A listed acronym keeps its own entry. A place spells out the acronym only with the lower-case
    head before it (``sân bay Tân Sơn Nhất (TSN)``, the airport): a place alone before brackets
    is a dateline ("Hà Nội (TTXVN)" credits the news agency) or the end of a longer name
    (``Khối Thị trường chung Nam Mỹ (MERCOSUR)``).
    """
    if "(" in text:
        pos_at = {t.start: t.pos for t in tokens(text)}
        chosen = [_through_lower_case_tail(c, text, pos_at) for c in chosen]
        chosen = resolve(chosen)
    aliases: dict[str, Candidate] = {}
    for c in chosen:
        m = _ACRONYM.match(text, c.end)
        if (
            m
            and m.group(1) not in gazetteer()
            and (c.label != "LOC" or c.source == "rule:loc_head")
            and " " in text[c.start : c.end]
        ):
            aliases[m.group(1)] = c
    if not aliases:
        return chosen
    extra = []
    for acronym, source in aliases.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            extra.append(
                Candidate(
                    m.start(), m.end(), source.label, RULE + 1, "rule:acronym", source.canonical
                )
            )
    return resolve(chosen + extra)


# The initial that ends an anonymised person's name ("anh N.S. T", "chị Phạm Thị Thanh H").
_FINAL_INITIAL = re.compile(r"(?:^|[ .])([A-ZĐ][hg]?)$")


def link_initials(chosen: list[Candidate], text: str) -> list[Candidate]:
    """Crime and court reports anonymise a person as ``anh T.`` and go on with ``T. khai báo``:
    once an initial ends a person's name, the same initial alone, with its dot, is that person
    (the dot outside the span, shared/eval/CONVENTIONS.md). In the 2017 archive 1,537 initials
    are introduced after an honorific in 1,256 articles, with at least 302 bare re-mentions."""
    letters = set()
    for c in chosen:
        m = _FINAL_INITIAL.search(text[c.start : c.end]) if c.label == "PER" else None
        if m:
            letters.add(m.group(1))
    if not letters:
        return chosen
    alternatives = "|".join(sorted(letters))
    extra = [
        Candidate(m.start(), m.end(), "PER", CRF, "rule:initial-mention")
        for m in re.finditer(rf"(?<![\w.])(?:{alternatives})(?=\.(?![\w]))", text)
    ]
    return resolve(chosen + extra)


# Sources whose person is a guess from votes (the archive's contexts), not read from a title,
# a family name or a name's shape: "chiến dịch Atlantic Resolve" is no person to propagate.
_WEAK_SOURCES = frozenset({"rule:archive-context"})


def repeatable_names(chosen: list[Candidate], text: str) -> set[str]:
    """The people's names of two or more words a rule read (not the CRF or the archive's
    votes): the names that ``link_mentions`` looks for again."""
    return {
        text[c.start : c.end]
        for c in chosen
        if c.label == "PER"
        and " " in text[c.start : c.end]
        and c.source.startswith("rule:")
        and c.source not in _WEAK_SOURCES
    }


def short_names(names: set[str]) -> set[str]:
    """The shorter forms by which a report names again the people of ``names``: a foreign
    person's surname (``Andy Murray`` ... ``Murray``; the last of two to four words, spelled
    unlike a Vietnamese syllable and no listed name) and a Vietnamese person's two given names
    (``Trương Hồ Phương Nga`` ... ``Phương Nga``; the last two of three or four syllables after
    a family name). A Vietnamese given name of one syllable is left out: many are also places
    (``Anh``, ``Nam``, ``Bình``), which the honorific rule reads where an honorific stands."""
    out = set()
    for name in names:
        words = name.split(" ")
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            continue
        if words[0] in vietnamese_family_names() and all(is_native_syllable(w) for w in words):
            if len(words) >= 3 and " ".join(words[-2:]) not in gazetteer():
                out.add(" ".join(words[-2:]))
        elif (
            len(words[-1]) > 2
            and not is_native_syllable(words[-1])
            and words[-1] not in gazetteer()
            and "-" not in words[-1]
        ):
            out.add(words[-1])
    return out - names


def link_mentions(chosen: list[Candidate], text: str) -> list[Candidate]:
    """A person's name of two or more words found once is the same person wherever else the
    text repeats it (``hoa hậu Phương Nga`` ... ``Phương Nga đã gửi đơn``; ``Ngoại trưởng Choe
    Son Hui`` ... ``Choe Son Hui``): a repeated mention, where no title or context is written
    again, takes the label of the first, if a rule read it (a title, a family name, a foreign
    name's shape; not the CRF or the archive's votes). It wins over shorter spans inside it
    (``Nga`` read as Russia) and never over a span reaching outside it. Its shorter forms
    (``short_names``) are the person too, also over the same words read only by the CRF or the
    archive's votes (``Murray`` a place by the prepositions before it)."""
    names = repeatable_names(chosen, text)
    if not names:
        return chosen
    short = short_names(names)
    names |= short
    # chosen spans never overlap and are sorted by start, so their ends are sorted too: the
    # spans a match overlaps are found by bisection, not by a scan of every span (one long
    # paragraph repeats many names many times)
    starts = [c.start for c in chosen]
    ends = [c.end for c in chosen]
    removed: set[int] = set()
    extra = []
    found = _whole_word_occurrences(names, text)
    for name in sorted(names):
        for m_start, m_end in found[name]:
            first, last = bisect_right(ends, m_start), bisect_left(starts, m_end)
            inside = [i for i in range(first, last) if i not in removed]
            # only shorter spans inside give way ("Nga" in "Phương Nga"); the same words read
            # as a place or a body ("thành phố Hồ Chí Minh", "đường Phạm Văn Đồng") keep that
            # reading, which their own context gave them
            if inside and all(
                m_start <= chosen[i].start
                and chosen[i].end <= m_end
                and chosen[i].label != "PER"
                and (
                    (chosen[i].start, chosen[i].end) != (m_start, m_end)
                    or (name in short and _guessed(chosen[i]))
                )
                for i in inside
            ):
                removed.update(inside)
                extra.append(Candidate(m_start, m_end, "PER", RULE, "rule:repeated-mention"))
            elif not inside:
                extra.append(Candidate(m_start, m_end, "PER", CRF, "rule:repeated-mention"))
    if not extra:
        return chosen
    return resolve([c for i, c in enumerate(chosen) if i not in removed] + extra)


def _guessed(c: Candidate) -> bool:
    """A span only the CRF or the archive's votes read, with no context of its own."""
    return c.source.startswith("crf") or c.source in _WEAK_SOURCES


_WORD = re.compile(r"\w+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _whole_word_occurrences(names: set[str], text: str) -> dict[str, list[tuple[int, int]]]:
    """Each name's occurrences as whole words, where ``re.finditer`` of
    ``(?<![\\w-])name(?![\\w-])`` finds them, in one pass over the text rather than one pass
    per name (a long paragraph names many people)."""
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in names}
    by_first_word: dict[str, list[str]] = {}
    for name in names:
        first = _WORD.match(name)
        if first:
            by_first_word.setdefault(first.group(), []).append(name)
        else:  # a name that does not start with a word character: its own search
            pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
            found[name] = [m.span() for m in re.finditer(pattern, text)]
    if not by_first_word:
        return found
    # one search for every first word (a whole word, not after a hyphen), then the names that
    # begin with it are compared where it stands
    firsts = "|".join(map(re.escape, sorted(by_first_word, key=len, reverse=True)))
    for word in re.finditer(rf"(?<![\w-])(?:{firsts})(?!\w)", text):
        start = word.start()
        for name in by_first_word[word.group()]:
            end = start + len(name)
            if not text.startswith(name, start) or _WORD_OR_HYPHEN.match(text, end):
                continue
            spans = found[name]
            if not spans or spans[-1][1] <= start:  # finditer's matches never overlap
                spans.append((start, end))
    return found
