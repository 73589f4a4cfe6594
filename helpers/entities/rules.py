"""Typing rules: titles before people, heads of organisation, event and place names, acronyms,
Vietnamese personal names, and the gazetteer's own matches."""

from __future__ import annotations

import re

from ..tokens import Token, is_native_syllable
from .candidates import (
    GAZETTEER,
    NAME_PATTERN,
    RULE,
    Candidate,
    Chunk,
    capitalised,
    cues,
    name_run,
    name_starters,
    phrase_at,
    split_chunks,
    starts_phrase,
)
from .gazetteers import (
    covered_by_gazetteer,
    gazetteer,
    gazetteer_matches,
    is_religion,
    lookup,
    place_starts_at,
    title_countries,
    vietnamese_family_names,
)


def gazetteer_layer(text: str) -> list[Candidate]:
    out = []
    for a, b in gazetteer_matches(text):
        entry = gazetteer()[text[a:b]]
        out.append(Candidate(a, b, entry.label, GAZETTEER, "gazetteer", entry.canonical))
    return out


def _title_end(chunks: list[Chunk], i: int, text: str) -> int:
    """Index after a title phrase at chunk i with its portfolios, "kiêm" and chained titles (i if none)."""
    kinds = cues()
    n = phrase_at(chunks, i, kinds.get("title", []), text)
    if not n:
        return i
    j = i + n
    while j < len(chunks) and not chunks[j - 1].closes:
        previous = chunks[j - 1].text
        if previous in ("Bộ trưởng", "Thứ trưởng") and (
            k := phrase_at(chunks, j, kinds.get("portfolio", []), text)
        ):
            j += k
        elif chunks[j].text == "kiêm":
            j += 1
        elif capitalised(chunks[j]) and (k := phrase_at(chunks, j, kinds.get("title", []), text)):
            j += k
        elif k := phrase_at(chunks, j, ["chủ nhà"], text):
            j += k
        else:
            break
    return j


def _qualifier_at(chunks: list[Chunk], text: str, pos: int) -> Candidate | None:
    """A country or organisation between a title and a name, starting at ``pos``.

    ``Bộ trưởng Ngoại giao [Trung Quốc] Vương Nghị``, ``Người phát ngôn [Điện Kremlin] ...``,
    ``Tổng thống [Cộng hòa Pháp] ...``, ``Thủ tướng [Anh] Keir Starmer``.
    """
    options: list[Candidate] = []
    matches = gazetteer_matches(text, pos, min(len(text), pos + 80))
    if matches and matches[0][0] == pos:
        a, b = matches[0]
        entry = gazetteer()[text[a:b]]
        if entry.label in ("LOC", "ORG"):
            options.append(
                Candidate(a, b, entry.label, RULE, "rule:title-qualifier", entry.canonical)
            )
    index = next((k for k, c in enumerate(chunks) if c.start == pos), None)
    if index is not None:
        options += _headed_name(chunks, index, text, heads_only=True)[0]
    m = NAME_SYLLABLE.match(text, pos)
    if m and m.group() in title_countries():
        canonical = title_countries()[m.group()]
        options.append(
            Candidate(m.start(), m.end(), "LOC", RULE, "rule:title-qualifier", canonical)
        )

    def name_follows(c: Candidate) -> bool:
        following = NAME_SYLLABLE.match(text, c.end + 1)
        return text[c.end : c.end + 1] == " " and bool(following) and following.group()[0].isupper()

    # the longest qualifier after which a name still follows
    valid = [c for c in options if name_follows(c)]
    return max(valid, key=lambda c: c.end) if valid else None


def _person_after_title(chunks: list[Chunk], i: int, text: str) -> tuple[list[Candidate], int]:
    """Candidates for "title [country or organisation] Name" at chunk i, and the index after."""
    j = _title_end(chunks, i, text)
    if j == i:
        return [], i
    out: list[Candidate] = []
    if j >= len(chunks) or chunks[j - 1].closes:
        return out, j
    pos = chunks[j].start
    for _ in range(2):
        qualifier = _qualifier_at(chunks, text, pos)
        if not qualifier:
            break
        out.append(qualifier)
        pos = qualifier.end + 1
    end = _person_name_end(text, pos)
    if end > pos:
        entry = lookup(text, pos, end)
        if not entry or entry.label == "PER":
            canonical = entry.canonical if entry else None
            out.append(Candidate(pos, end, "PER", RULE, "rule:title", canonical))
    last = max([end] + [c.end for c in out])
    while j < len(chunks) and chunks[j].start < last:
        j += 1
    return out, j


NAME_SYLLABLE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _person_name_end(text: str, start: int, limit: int = 6) -> int:
    """End of the person name at ``start``: capitalised syllables (``bin``, ``de``... inside).

    The name stops before a lower-case word, punctuation, another title, or a known place.
    """
    connectors = set(cues().get("connector", []))
    titles = cues().get("title", [])
    pos, end, count = start, start, 0
    while count < limit:
        m = NAME_SYLLABLE.match(text, pos)
        if not m:
            break
        syllable = m.group()
        if count and (starts_phrase(text, pos, titles) or place_starts_at(text, pos)):
            break
        if syllable[0].isupper() or (count and re.match(r"(?:al|el|ad|ar|as)-[A-Z]", syllable)):
            end = m.end()  # "Abdel Fattah al-Sisi": the Arabic article keeps the name going
        elif not (count and syllable in connectors):
            break
        count += 1
        if text[m.end() : m.end() + 1] != " ":
            break
        pos = m.end() + 1
    return end


def _headed_name(
    chunks: list[Chunk], i: int, text: str, heads_only: bool = False
) -> tuple[list[Candidate], int]:
    """ORG/MISC names that include their capitalised head; places and names after a lower-case head."""
    kinds = cues()
    for kind, label in (
        ("state_head", "LOC"),
        ("geo_head", "LOC"),
        ("org_head", "ORG"),
        ("misc_head", "MISC"),
    ):
        n = phrase_at(chunks, i, kinds.get(kind, []), text)
        if (
            n
            and not chunks[i + n - 1].closes
            and i + n < len(chunks)
            and capitalised(chunks[i + n])
        ):
            m = name_run(chunks, i + n, text, stop_after_place=True, inside_name=True)
            a, b = chunks[i].start, chunks[i + n + m - 1].end
            listed = gazetteer_matches(text, a, min(len(text), b + 60))
            if listed and listed[0][0] == a and listed[0][1] > b:  # a listed name runs on
                b = listed[0][1]
                while i + n + m < len(chunks) and chunks[i + n + m].start < b:
                    m += 1
            entry = lookup(text, a, b)
            canonical = entry.canonical if entry else None
            return [
                Candidate(a, b, entry.label if entry else label, RULE, f"rule:{kind}", canonical)
            ], i + n + m
    if heads_only:
        return [], i
    heads = name_starters()
    intros = ("loc_head", "loc_preposition", "org_intro", "misc_intro", "nationality_intro")
    for kind in intros:
        n = phrase_at(chunks, i, kinds.get(kind, []), text)
        if (
            not n
            or chunks[i + n - 1].closes
            or i + n >= len(chunks)
            or not capitalised(chunks[i + n])
        ):
            continue
        if phrase_at(chunks, i + n, heads, text):
            return [], i + n  # "dự án Hành lang Kinh tế ...": the head or title rule decides
        m = name_run(chunks, i + n, text, stop_after_place=True, limit=5)
        if not m:
            return [], i + n + 1  # a religion after "người" (not tagged)
        a, b = chunks[i + n].start, chunks[i + n + m - 1].end
        entry = lookup(text, a, b)
        canonical = entry.canonical if entry else None
        source = f"rule:{kind}"
        if kind == "loc_head":  # "thành phố Hồ Chí Minh" is the city, whoever else bears the name
            found = (
                Candidate(a, b, "LOC", RULE, source, canonical if entry.label == "LOC" else None)
                if entry
                else Candidate(a, b, "LOC", RULE, source)
            )
        elif kind == "nationality_intro":
            if is_religion(text[a:b]):
                return [], i + n + m  # "tín đồ Hồi giáo": religions are not tagged
            if phrase_at(chunks, i, kinds.get("nationality_head", []), text):
                a = chunks[i].start  # "người Pakistan", "tiếng Anh": the head is inside
            found = Candidate(a, b, "MISC", RULE, source, canonical)
        elif kind == "loc_preposition" and text[a:b] in kinds.get("seat_of_power", []):
            found = Candidate(a, b, "LOC", RULE, source, canonical)  # "tại Nhà Trắng": the place
        elif entry:
            found = Candidate(a, b, entry.label, RULE, source, canonical)
        elif kind in ("loc_preposition", "org_intro") or not covered_by_gazetteer(text, a, b):
            label = {"loc_preposition": "LOC", "org_intro": "ORG"}.get(kind, "MISC")
            found = Candidate(a, b, label, RULE, source)
        else:
            return [], i + n  # a list of known places after "chính sách": the gazetteer has them
        return [found], i + n + m
    return [], i


def rule_layer(text: str, toks: list[Token]) -> list[Candidate]:
    chunks = split_chunks(text, toks)
    out: list[Candidate] = []
    i = 0
    while i < len(chunks):
        found, after = _person_after_title(chunks, i, text)
        if after == i:
            found, after = _headed_name(chunks, i, text)
        out.extend(found)
        i = max(after, i + 1)
    return out


_ACRONYM_WORD = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&]{1,7}(?![\w$-])")


def acronym_layer(text: str) -> list[Candidate]:
    """An unlisted upper-case acronym (two or more capitals) is most often an organisation."""
    out = []
    not_entities = set(cues().get("acronym_not_entity", []))
    for m in _ACRONYM_WORD.finditer(text):
        word = m.group()
        if (
            sum(c.isupper() for c in word) >= 2
            and word not in not_entities
            and word not in gazetteer()
        ):
            out.append(Candidate(m.start(), m.end(), "ORG", GAZETTEER, "rule:acronym-default"))
    return out


def vietnamese_name_layer(text: str) -> list[Candidate]:
    """A family name plus one to three capitalised Vietnamese syllables is a person."""
    out = []
    for m in re.finditer(r"[^\W\d_]+(?: [^\W\d_]+)*", text):
        sylls = [(s.start(), s.group()) for s in re.finditer(r"[^\W\d_]+", m.group())]
        i = 0
        while i < len(sylls):
            _, first = sylls[i]
            previous_capitalised = i > 0 and sylls[i - 1][1][:1].isupper()
            if first in vietnamese_family_names() and not previous_capitalised:
                j = i + 1
                while (
                    j < len(sylls)
                    and j - i <= 3
                    and sylls[j][1][:1].isupper()
                    and is_native_syllable(sylls[j][1])
                ):
                    j += 1
                if j - i >= 2 and (j == len(sylls) or not sylls[j][1][:1].isupper()):
                    a = m.start() + sylls[i][0]
                    b = m.start() + sylls[j - 1][0] + len(sylls[j - 1][1])
                    out.append(Candidate(a, b, "PER", NAME_PATTERN, "rule:vietnamese-name"))
                    i = j
                    continue
            i += 1
    return out
