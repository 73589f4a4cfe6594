"""Entities, candidate spans and the text scanning that proposes them.

A text is read as chunks (words, hyphen-joined names kept together, with the punctuation around
them); a name is a run of capitalised chunks, with connectors and listed lower-case names inside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..orthography import is_native_syllable
from ..tokens import Token
from .archive import is_common_word
from .gazetteers import (
    cues,
    gazetteer,
    gazetteer_matches,
    is_religion,
    vietnamese_family_names,
)

LABELS = ("PER", "LOC", "ORG", "MISC")

# Layer priorities: a higher one wins an overlap.
RULE, GAZETTEER, NAME_PATTERN, CRF = 3, 2, 1.5, 1


@dataclass(frozen=True)
class Entity:
    """A named-entity mention with offsets into the text it was found in."""

    start: int
    end: int
    label: str
    text: str
    canonical: str | None = None
    source: str = ""
    composed: bool = False  # canonical composed from a head and the names inside (canonical.py)


@dataclass
class Candidate:
    start: int
    end: int
    label: str
    priority: int
    source: str
    canonical: str | None = None


@dataclass(frozen=True)
class Chunk:
    """A word (hyphen-joined names kept together), and whether punctuation surrounds it."""

    start: int
    end: int
    text: str
    closes: bool  # punctuation right after it ends any name (comma, bracket, full stop)
    opens: bool  # punctuation right before it


def split_chunks(text: str, toks: list[Token]) -> list[Chunk]:
    """Words of the text; ``Trung Quốc-Pakistan`` (no spaces round the hyphen) is one chunk."""
    words: list[list[int]] = []  # [start, end, opens]
    punct_after: set[int] = set()
    for k, t in enumerate(toks):
        glued_hyphen = (
            t.text == "-"
            and words
            and words[-1][1] == t.start
            and k + 1 < len(toks)
            and toks[k + 1].start == t.end
            and toks[k + 1].is_word
        )
        if glued_hyphen:
            continue
        if t.is_word:
            if words and words[-1][1] + 1 == t.start and text[t.start - 1] == "-":
                words[-1][1] = t.end
            else:
                opens = k > 0 and not toks[k - 1].is_word
                words.append([t.start, t.end, opens])
                # the segmenter may join a lower-case word to the name after it ("dự Diễn đàn",
                # "ủy Phước Long"): the name starts a word of its own
                cut = _case_change(t.text)
                if cut:
                    words[-1][1] = t.start + cut - 1
                    words.append([t.start + cut, t.end, False])
        elif words:
            punct_after.add(len(words) - 1)
    return [
        Chunk(a, b, text[a:b], n in punct_after or "\n" in text[b : b + 1], bool(o))
        for n, (a, b, o) in enumerate(words)
    ]


def _case_change(word: str) -> int:
    """Offset of the first capitalised syllable after a lower-case one in ``word`` (0 if none)."""
    pos = 0
    syllables = word.split(" ")
    for previous, syllable in zip(syllables, syllables[1:], strict=False):
        pos += len(previous) + 1
        if previous[:1].islower() and syllable[:1].isupper():
            return pos
    return 0


def capitalised(chunk: Chunk) -> bool:
    return chunk.text[:1].isupper() or (chunk.text[:1].isdigit() and chunk.text.isupper())


@cache
def name_starters() -> list[str]:
    """Cues that begin a new name: a name running into one of them has ended."""
    kinds = ("state_head", "geo_head", "org_head", "misc_head", "title")
    return [c for k in kinds for c in cues().get(k, [])]


def phrase_at(chunks: list[Chunk], i: int, phrases: Iterable[str], text: str) -> int:
    """Number of chunks the longest phrase from ``phrases`` covers starting at chunk i (0 if none)."""
    wanted = set(phrases)
    best = 0
    for k in range(1, 6):
        if i + k > len(chunks) or (k > 1 and chunks[i + k - 2].closes):
            break
        if text[chunks[i].start : chunks[i + k - 1].end] in wanted:
            best = k
    return best


def name_run(
    chunks: list[Chunk],
    i: int,
    text: str,
    stop_after_place: bool,
    limit: int = 8,
    inside_name: bool = False,
) -> int:
    """Length in chunks of the capitalised name starting at chunk i.

    With ``inside_name`` (the rest of an organisation's or initiative's name after its head),
    lower-case connectors such as ``và`` or ``tự do`` may stand between capitalised words, and a
    pair of places joined by a spaced hyphen stays inside (``Đối thoại Chiến lược Việt Nam - Đức``).
    """
    connectors = set(cues().get("connector", []))
    inner = set(cues().get("inner_word", [])) if inside_name else set()
    coordinators = set(cues().get("coordinator", []))
    stoppers = name_starters()
    n = 0
    while i + n < len(chunks) and n < limit:
        chunk = chunks[i + n]
        if not inside_name and is_religion(chunk.text):
            break  # "người Ả Rập Hồi giáo": the religion is not part of the people's name
        if inside_name and n and vietnamese_name_end(text, chunk.start) > chunk.start:
            break  # "Quốc hội Lưu Bình Nhưỡng": a person's name ends an organisation's
        if n and (chunks[i + n - 1].closes or chunk.opens):
            gap = text[chunks[i + n - 1].end : chunk.start].strip()
            paired_places = (
                inside_name
                and gap in ("-", "–")
                and place_ends_at(chunks, i, n, text)
                and starts_listed_name(text, chunk)
            )
            if not paired_places:
                break
            n += 1
            continue
        if (
            n
            and chunk.text[:1].isupper()
            and not continues_name(chunks[i + n - 1].text, chunk.text)
        ):
            break  # "... Phạm Vũ Luận BIẾT!": a word in capitals for emphasis ends the name
        if capitalised(chunk) or starts_listed_name(text, chunk):
            n += 1
            if inside_name:
                # a listed name inside the name is taken whole, its lower-case syllables too
                # ("Diễn đàn Vành đai và Con đường vì ...", the Belt and Road Forum)
                listed = gazetteer_matches(text, chunk.start, min(len(text), chunk.start + 60))
                if listed and listed[0][0] == chunk.start:
                    while i + n < len(chunks) and chunks[i + n].end <= listed[0][1]:
                        n += 1
        elif n and not chunk.closes and (chunk.text in connectors or chunk.text in inner):
            # a connector counts only when the name goes on after it (at most two in a row)
            ahead = next(
                (k for k in (1, 2) if i + n + k < len(chunks) and capitalised(chunks[i + n + k])),
                None,
            )
            between = chunks[i + n : i + n + (ahead or 0)]
            if (
                ahead is None
                or any(c.closes for c in between)
                # "Bộ Y tế và BHXH": an acronym after "và" is another body's own name
                or (
                    chunk.text in coordinators
                    and _is_acronym(chunks[i + n + ahead].text)
                    and chunks[i + n + ahead].text not in _abbreviated_halves()
                )
                or not all(c.text in connectors or c.text in inner for c in between)
                or phrase_at(chunks, i + n + ahead, stoppers, text)
            ):
                break
            n += ahead
        else:
            break
        if stop_after_place and place_ends_at(chunks, i, n, text):
            nxt = chunks[i + n] if i + n < len(chunks) else None
            gap = text[chunks[i + n - 1].end : nxt.start].strip() if nxt else ""
            if not (inside_name and gap in ("-", "–") and nxt and starts_listed_name(text, nxt)):
                break
    return n


@cache
def _abbreviated_halves() -> frozenset[str]:
    """Acronyms of the second half of a portfolio joined by "và" (``Giáo dục và Đào tạo``:
    ``ĐT``, as in "Bộ Giáo dục và ĐT"), which stay inside the ministry's name."""
    out = set()
    for cue in cues().get("portfolio", []):
        if " và " in cue:
            second = cue.split(" và ", 1)[1]
            out.add("".join(w[0] for w in second.split(" ")).upper())
    return frozenset(out)


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and " " not in word


def place_ends_at(chunks: list[Chunk], i: int, n: int, text: str) -> bool:
    """True when chunks[i:i+n] ends in a known place (a name's country qualifier)."""
    for k in range(1, min(n, 3) + 1):
        entry = gazetteer().get(text[chunks[i + n - k].start : chunks[i + n - 1].end])
        if entry and entry.label == "LOC":
            return True
    return False


def starts_listed_name(text: str, chunk: Chunk) -> bool:
    """A chunk that begins a listed name, even a lower-case one (``châu Phi``, Africa)."""
    matches = gazetteer_matches(text, chunk.start, min(len(text), chunk.start + 40))
    return bool(matches) and matches[0][0] == chunk.start


def starts_phrase(text: str, pos: int, phrases: list[str]) -> bool:
    return any(
        text.startswith(p, pos) and not text[pos + len(p) : pos + len(p) + 1].isalnum()
        for p in phrases
    )


def continues_name(previous: str, word: str) -> bool:
    """A capitalised ``word`` after ``previous`` that can continue its name: not a common word
    written in capitals for emphasis after a name in ordinary case (``Phạm Vũ Luận BIẾT``, knows)."""
    if not word[:1].isupper():
        return False
    shouted = len(word) > 1 and word.isupper() and not previous.isupper()
    return not (shouted and is_common_word(word.split(" ")[0]))


# The initial that ends an anonymised person's name in crime and court reports ("Nguyễn Văn S.",
# "Trần Thị Ph.", "Phạm Thái D (SN 1987)"): a capital, or a capital and the h or g of a
# Vietnamese initial consonant (Ph, Th, Ch, Kh, Nh, Ng); in the 2017 archive a family name and
# one or two given names end so about 1,200 times in 650 articles
# (tests/tools/vietnamese_given_names.py).
FINAL_INITIAL = re.compile(r"[A-ZĐ][hg]?")
# A capital and a dot before a number is a ward's or district's number, no initial ("Lý Thường
# Kiệt P.7 Q.10", ward 7, district 10; about 100 times in the 2017 archive after a capitalised
# name).
_NUMBERED_UNIT_AFTER = re.compile(r"\.?\d")


def final_initial_at(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is an initial that ends an anonymised person's name."""
    return bool(FINAL_INITIAL.fullmatch(text[start:end])) and not _NUMBERED_UNIT_AFTER.match(
        text, end
    )


# Its dot stays outside the name (shared/eval/CONVENTIONS.md: "bà Phạm Thị Thanh H.").
FINAL_INITIAL_DOT = re.compile(r"(?:^|(?<=[ .]))[A-ZĐ][hg]?\.$")


def without_final_dot(c: Candidate, text: str) -> Candidate:
    """A person's candidate without the dot after a final initial (``anh H.``, ``N.S. T.``)."""
    if c.label == "PER" and FINAL_INITIAL_DOT.search(text[c.start : c.end]):
        return Candidate(c.start, c.end - 1, c.label, c.priority, c.source, c.canonical)
    return c


def vietnamese_name_end(text: str, start: int) -> int:
    """End of a Vietnamese personal name at ``start`` (a family name, then one to three
    capitalised Vietnamese syllables or one or two and a final initial, then no capital), or
    ``start`` if there is none."""
    sylls = []
    for m in SYLLABLE_AT.finditer(text, start, min(len(text), start + 40)):
        if m.start() != (sylls[-1].end() + 1 if sylls else start):
            break
        sylls.append(m)
        if text[m.end() : m.end() + 1] != " ":
            break
    if not sylls or sylls[0].group() not in vietnamese_family_names():
        return start
    k = 1
    while k < min(len(sylls), 4) and continues_name(sylls[k - 1].group(), sylls[k].group()):
        if not is_native_syllable(sylls[k].group()):
            if k < 2 or not final_initial_at(text, sylls[k].start(), sylls[k].end()):
                return start
            k += 1  # "Nguyễn Văn S": an anonymised name ends at its initial
            break
        k += 1
    if k < 2 or (k < len(sylls) and continues_name(sylls[k - 1].group(), sylls[k].group())):
        return start
    listed = gazetteer().get(text[start : sylls[k - 1].end()])
    if listed and listed.label != "PER":  # "Hà Nội" is the city; a listed leader stays a name
        return start
    return sylls[k - 1].end()


SYLLABLE_AT = re.compile(r"[^\W\d_]+")
