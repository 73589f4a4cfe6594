"""Typing rules: titles before people, heads of organisation, event and place names, acronyms,
Vietnamese personal names, and the gazetteer's own matches."""

from __future__ import annotations

import re
from functools import cache

from ..orthography import LOWER, UPPER, is_native_syllable
from ..tokens import Token, tokens
from .archive import (
    abbreviates_common_noun,
    context_types,
    introduced_as_name,
    is_common_word,
    is_sentence_capital,
    name_type_in,
    name_types,
    opens_sentences,
    org_descriptions,
    person_contexts,
    positional_capital,
)
from .candidates import (
    GAZETTEER,
    NAME_PATTERN,
    RULE,
    Candidate,
    Chunk,
    capitalised,
    continues_name,
    cues,
    final_initial_at,
    name_run,
    name_starters,
    phrase_at,
    split_chunks,
    starts_listed_name,
    starts_phrase,
    vietnamese_name_end,
)
from .gazetteers import (
    bare_direction,
    covered_by_gazetteer,
    gazetteer,
    gazetteer_matches,
    head_phrases,
    is_religion,
    lookup,
    place_starts_at,
    title_countries,
    vietnamese_family_names,
    vietnamese_given_names,
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
    longer_listed = matches and matches[0][0] == pos and matches[0][1] > (m.end() if m else pos)
    if m and m.group() in title_countries() and not longer_listed:
        canonical = title_countries()[m.group()]
        options.append(
            Candidate(m.start(), m.end(), "LOC", RULE, "rule:title-qualifier", canonical)
        )

    def name_follows(c: Candidate) -> bool:
        following = NAME_SYLLABLE.match(text, c.end + 1)
        return text[c.end : c.end + 1] == " " and bool(following) and following.group()[0].isupper()

    def person_follows(c: Candidate) -> bool:
        end = _person_name_end(text, c.end + 1)
        entry = lookup(text, c.end + 1, end) if end > c.end + 1 else None
        return end > c.end + 1 and (entry is None or entry.label == "PER")

    # the longest qualifier after which a person's name still follows; with no name after any
    # ("người phát ngôn Bộ Ngoại giao Nga cũng ..."), the longest qualifier: the body with its country
    valid = [c for c in options if name_follows(c) and person_follows(c)]
    if valid:
        return max(valid, key=lambda c: c.end)
    return max(options, key=lambda c: c.end) if options else None


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
    if starts_phrase(text, pos, name_starters()):
        end = pos  # "Tổng giám đốc Cơ quan Năng lượng ...": an organisation, not a person
    office = text[chunks[i].start : chunks[j - 1].end]
    if (
        office[:1].isupper()
        and not positional_capital(text, chunks[i].start)
        and " " not in text[pos:end]
        and is_common_word(text[pos:end])
    ):
        # "Tổng Giám đốc Hãng thông tấn ...": after an office (not an honorific such as
        # "ông"), a single word the archive mostly writes in lower case begins a body's name
        end = pos
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
# Initials glued to the name by a dot, or with one space, as the press writes foreign given names
# ("V.Pu-tin", "V. Putin") and anonymises people ("N.S. T.", "P.V."): part of the name.
INITIALS = re.compile(rf"(?:{UPPER}\. ?)+(?={UPPER})")
# An initial and a hyphenated transliteration ("Ê.Ma-crông", "M.Ca-vu-xô-glu"): the Vietnam News
# Agency's style for foreign persons, a person wherever it stands (117 in the 2017 archive).
INITIALLED_TRANSLITERATION = re.compile(
    rf"(?<![\w.])(?:{UPPER}\.)+{UPPER}[^\W\d_]*(?:-[^\W\d_]*{LOWER}[^\W\d_]*)+(?![\w-])"
)


def _person_name_end(text: str, start: int, limit: int = 6) -> int:
    """End of the person name at ``start``: capitalised syllables (``bin``, ``de``... inside).

    The name stops before a lower-case word, punctuation, another title, or a known place.
    Initials before it belong to it; a final dot after an initial does not.
    """
    initials = INITIALS.match(text, start)
    if initials:
        end = _person_name_end(text, initials.end(), limit)
        return end if end > initials.end() else start
    connectors = set(cues().get("connector", []))
    titles = cues().get("title", [])
    vietnamese = vietnamese_name_end(text, start)
    pos, end, count = start, start, 0
    while count < limit:
        m = NAME_SYLLABLE.match(text, pos)
        if not m:
            break
        syllable = m.group()
        if count and starts_phrase(text, pos, titles):
            break
        # a place inside a name ("Lưu Bình Nhưỡng", "Augusto Santos Silva") does not end it
        if count and pos >= vietnamese and _place_ends_name(text, pos):
            break
        previous = text[start:end].split(" ")[-1]
        if count and not continues_name(previous, syllable):
            if syllable[0].isupper():
                break
        if count and not is_native_syllable(previous) and opens_sentences(syllable):
            break  # "Oliver Stone Theo nhận xét": a clause opens after a foreign name
        if syllable[0].isupper() or (count and re.match(r"(?:al|el|ad|ar|as)-[A-Z]", syllable)):
            end = m.end()  # "Abdel Fattah al-Sisi": the Arabic article keeps the name going
        elif not (count and syllable in connectors):
            break
        count += 1
        if text[m.end() : m.end() + 1] != " ":
            break
        pos = m.end() + 1
    return end


def _place_ends_name(text: str, pos: int) -> bool:
    """A listed place at ``pos`` that is not followed by more of the name."""
    matches = gazetteer_matches(text, pos, min(len(text), pos + 60))
    if not (matches and matches[0][0] == pos):
        return False
    if gazetteer()[text[slice(*matches[0])]].label != "LOC":
        return False
    after = NAME_SYLLABLE.match(text, matches[0][1] + 1)
    return not (
        text[matches[0][1] : matches[0][1] + 1] == " "
        and after
        and after.group()[0].isupper()
        and not place_starts_at(text, after.start())
        and not starts_phrase(text, after.start(), cues().get("title", []))
    )


_NUMBER_OR_CODE = re.compile(r"(?:số )?\d[\w./-]*(?<![./-])")


def _numbered_name(chunks: list[Chunk], i: int, text: str) -> tuple[list[Candidate], int] | None:
    """A head whose name is a number: ``Nghị quyết 2334``, ``Nghị định 06/2017/NĐ-CP`` (MISC);
    ``quốc lộ 1A``, ``quận 1`` (LOC, the head inside: a number is no name alone)."""
    for kind, label in (("document_head", "MISC"), ("numbered_place_head", "LOC")):
        n = phrase_at(chunks, i, cues().get(kind, []), text)
        if not n or i + n >= len(chunks) or chunks[i + n - 1].closes:
            continue
        m = _NUMBER_OR_CODE.match(text, chunks[i + n].start)
        if not m or text[chunks[i + n - 1].end : chunks[i + n].start] != " ":
            continue
        a, b = chunks[i].start, m.end()
        j = i + n
        while j < len(chunks) and chunks[j].start < b:
            j += 1
        return [Candidate(a, b, label, RULE, f"rule:{kind}")], j
    return None


def _event_modifiers(chunks: list[Chunk], j: int, text: str) -> int:
    """Lower-case modifiers between an event head and its name (``Hội nghị`` *quốc tế về*
    Trung Đông), counted only when a capitalised or listed name follows them."""
    modifiers = set(cues().get("event_modifier", []))
    k = 0
    while j + k < len(chunks) and k < 3 and chunks[j + k].text in modifiers:
        if chunks[j + k].closes:
            return 0
        k += 1
    follows = j + k < len(chunks) and (
        capitalised(chunks[j + k]) or starts_listed_name(text, chunks[j + k])
    )
    return k if k and follows else 0


# Word classes (underthesea's POS tags) that never stand inside an organisation's name:
# adverbs (đã, sẽ), prepositions (của, tại, tới), pronouns, particles, numbers.
_CLAUSE_TAGS = frozenset({"R", "E", "P", "T", "M", "CH", "X"})
MAX_LOWER_CASE_INNER = 6
# Word classes that may open the description after a body's own capitalised words: nouns and
# adjectives ("đường sắt đô thị", "nội địa"); a verb there opens a clause.
_DESCRIPTION_TAGS = frozenset({"N", "Np", "Nc", "Nu", "A"})


def _org_with_lower_case_words(
    chunks: list[Chunk], i: int, n: int, text: str
) -> tuple[list[Candidate], int] | None:
    """An organisation head, lower-case words, then a listed place that ends the name: one ORG
    (``Cơ quan xúc tiến du lịch Nhật Bản``, ``Quân giải phóng nhân dân Trung Quốc``,
    ``Cảng vụ đường thủy nội địa tỉnh Quảng Ninh``). The words between are nouns, verbs and
    adjectives of a description, never an adverb, preposition or number, which would make
    them a clause ("Bộ đã gửi công văn tới Hà Lan")."""
    head = chunks[i]
    if positional_capital(text, head.start) and is_sentence_capital(head.text.split(" ")[0]):
        return None  # "Vụ thử tên lửa cho thấy Mỹ ...": a common noun opening the sentence
    listed = gazetteer_matches(text, head.start, min(len(text), head.start + 80))
    if listed and listed[0][0] == head.start:
        return None  # "Ngân hàng thế giới xếp Pakistan ...": the listed name ends it
    people = set(cues().get("nationality_intro", []))
    pos_at = {t.start: t.pos for t in tokens(text)}
    j = i + n
    # only units the press numbers ("quận 1", "phường 7"); "UBND tỉnh 3 lần" is 3 times
    numbered = set(cues().get("admin_unit", [])) & set(cues().get("numbered_place_head", []))
    number = _NUMBER_OR_CODE.match(text, chunks[j].start) if j < len(chunks) else None
    if (
        number
        and any(chunks[j - 1].text.endswith(u) for u in numbered)
        and number.end() == chunks[j].end
        and text[chunks[j - 1].end : chunks[j].start] == " "
    ):
        # "UBND quận 1", "Quận ủy quận 1": a body of a numbered district
        return [Candidate(chunks[i].start, chunks[j].end, "ORG", RULE, "rule:org_head-unit")], j + 1
    if (
        j < len(chunks)
        and not chunks[j - 1].closes
        and capitalised(chunks[j])
        and not starts_listed_name(text, chunks[j])
    ):
        # "Ban Quản lý đường sắt đô thị TP.HCM", "Ban ATGT tỉnh Quảng Ninh": the body's own
        # words, then a description the archive writes before a place ending such names
        j += name_run(chunks, j, text, stop_after_place=True, inside_name=True)
        if (
            j >= len(chunks)
            or chunks[j - 1].closes
            or pos_at.get(chunks[j].start) not in _DESCRIPTION_TAGS
            or not _describes_body(chunks, j, text)
        ):
            return None  # "Đoàn ... thăm Lào" (visits Laos): a verb opens a clause
    start = j
    while j < len(chunks) and j - start < MAX_LOWER_CASE_INNER:
        previous, chunk = chunks[j - 1], chunks[j]
        if previous.closes or chunk.opens or text[previous.end : chunk.start] != " ":
            return None
        if capitalised(chunk) or starts_listed_name(text, chunk):
            break
        if (
            pos_at.get(chunk.start) in _CLAUSE_TAGS
            or not chunk.text[:1].islower()
            or chunk.text in people
        ):
            return None  # a clause, or "cộng đồng người Việt Nam": the people, not a body
        j += 1
    if j == start or j >= len(chunks):
        return None
    matches = gazetteer_matches(text, chunks[j].start, min(len(text), chunks[j].start + 60))
    if not matches or matches[0][0] != chunks[j].start:
        return None
    entry = gazetteer()[text[slice(*matches[0])]]
    end = matches[0][1]
    if entry.label != "LOC" or (end < len(text) and (text[end].isalnum() or text[end] == "-")):
        return None
    k = j
    while k < len(chunks) and chunks[k].start < end:
        k += 1
    a = chunks[i].start
    return [Candidate(a, end, "ORG", RULE, "rule:org_head-description")], k


def _describes_body(chunks: list[Chunk], j: int, text: str) -> bool:
    """The lower-case words at chunk j begin a description inside a body's name in the archive
    (``archive_org_continuations.tsv``, by their first two syllables): ``đường sắt`` (railway)
    goes on to a place, ``phối hợp`` (cooperates) opens a clause."""
    syllables = []
    for m in _LOWER_SYLLABLE.finditer(text, chunks[j].start, min(len(text), chunks[j].start + 30)):
        if syllables and m.start() != syllables[-1].end() + 1 or not m.group().islower():
            break
        syllables.append(m)
        if len(syllables) == 2 or text[m.end() : m.end() + 1] != " ":
            break
    return bool(syllables) and " ".join(m.group() for m in syllables) in org_descriptions()


_LOWER_SYLLABLE = re.compile(r"[^\W_]+")


def _fused_org_name(chunks: list[Chunk], i: int, text: str) -> tuple[list[Candidate], int] | None:
    """A body whose head and name the segmenter joins into one dictionary word, its last
    syllables in lower case as Vietnamese spelling has them: ``Bộ Chính trị`` (the Politburo),
    ``Ban Bí thư``, ``Ban Chấp hành Trung ương``, ``Hội Chữ thập đỏ``, ``Bộ Tư lệnh`` Hải quân.
    The head is an organisation head and the syllable after it has a capital, so the word is a
    name even where a sentence starts; the name goes on as after any head (``Bộ Chính sách xã
    hội và Việc làm Hà Lan``)."""
    syllables = chunks[i].text.split(" ")
    heads = set(cues().get("org_head", []))
    fused = any(
        " ".join(syllables[:k]) in heads and syllables[k][:1].isupper()
        for k in range(1, min(3, len(syllables)))
    )
    if not fused or not any(s[:1].islower() for s in syllables):
        return None
    listed = gazetteer_matches(text, chunks[i].start, chunks[i].end)
    if listed and listed[0][0] == chunks[i].start and lookup(text, *listed[0]).label != "ORG":
        return None  # "Trường Sa": a listed place that begins with a head's syllable
    documents = {
        c.lower() for k in ("document_head", "misc_head", "sentence_case_head") for c in cues()[k]
    }
    if any(" ".join(syllables[:k]).lower() in documents for k in (2, 3)):
        return None  # "Bộ Luật hình sự" (the Criminal Code): a document, not a body
    n = max(1, name_run(chunks, i, text, stop_after_place=True, inside_name=True))
    if n == 1 and (described := _org_with_lower_case_words(chunks, i, 1, text)):
        return described  # "Khối Thị trường chung Nam Mỹ": lower-case words, then its place
    a, b = chunks[i].start, chunks[i + n - 1].end
    if lookup(text, a, b):
        return None  # a listed name: the gazetteer layer has it, with its type
    return [Candidate(a, b, "ORG", RULE, "rule:org_head-fused")], i + n


def _local_unit_after(chunks: list[Chunk], j: int, text: str) -> int:
    """Chunks of a unit of local government and its capitalised name at chunk j, right after a
    body's own name (0 if none): the unit the body serves is part of its name ("Ban ATGT tỉnh
    Tuyên Quang", "Trung tâm Y tế huyện Long Hồ", "Phòng GDĐT huyện Cẩm Mỹ"), as after a head
    alone ("Công an tỉnh Yên Bái", ``admin_unit`` in ``entity_cues.tsv``)."""
    if j >= len(chunks) or chunks[j - 1].closes or text[chunks[j - 1].end : chunks[j].start] != " ":
        return 0
    u = phrase_at(chunks, j, cues().get("admin_unit", []), text)
    if not u or not chunks[j].text[:1].islower() or chunks[j + u - 1].closes:
        return 0
    if j + u >= len(chunks) or not capitalised(chunks[j + u]):
        return 0
    place = name_run(chunks, j + u, text, stop_after_place=True, limit=4)
    return u + place if place else 0


def _headed_name(
    chunks: list[Chunk], i: int, text: str, heads_only: bool = False
) -> tuple[list[Candidate], int]:
    """ORG/MISC names that include their capitalised head; places and names after a lower-case head."""
    kinds = cues()
    numbered = _numbered_name(chunks, i, text) or _fused_org_name(chunks, i, text)
    if numbered:
        return numbered
    for kind, label in (
        ("state_head", "LOC"),
        ("geo_head", "LOC"),
        ("landmark_head", "LOC"),
        ("org_head", "ORG"),
        ("misc_head", "MISC"),
    ):
        n = phrase_at(chunks, i, head_phrases(kind), text)
        if (
            n
            and positional_capital(text, chunks[i].start)
            and text[chunks[i].start : chunks[i + n - 1].end] in kinds.get("not_entity", [])
        ):
            continue  # "Ngày Chủ nhật vừa qua" (Sunday) opening a sentence: no named day
        if n and kind == "misc_head" and not positional_capital(text, chunks[i].start):
            n += _event_modifiers(chunks, i + n, text)
        if (
            n
            and kind == "org_head"
            and phrase_at(chunks, i, kinds.get("government_head", []), text) == n
            and positional_capital(text, chunks[i].start)
        ):
            # "Chính phủ Anh sẽ ..." at the start of a sentence: a description, not a name
            return [], i + n
        government = n and phrase_at(chunks, i, kinds.get("government_head", []), text) == n
        if (
            n
            and kind == "org_head"
            and (government or heads_only)
            and not chunks[i + n - 1].closes
            and i + n < len(chunks)
            and vietnamese_name_end(text, chunks[i + n].start) > chunks[i + n].start
        ):
            # "Chủ tịch Quốc hội Nguyễn Thị Kim Ngân": the body ends where its head's holder starts
            a, b = chunks[i].start, chunks[i + n - 1].end
            entry = lookup(text, a, b)
            found = Candidate(a, b, "ORG", RULE, f"rule:{kind}", entry.canonical if entry else None)
            return [found], i + n
        if (
            government
            and (i + n >= len(chunks) or not capitalised(chunks[i + n]))
            and not positional_capital(text, chunks[i].start)
            and (
                i + n >= len(chunks)
                or chunks[i + n - 1].closes  # "Quốc hội, Chính phủ, các cơ quan ...": a list
                or chunks[i + n].text not in kinds.get("plural_word", [])
            )
        ):
            # "đề nghị Chính phủ quyết liệt xử lý": the government meant, written with a capital
            a, b = chunks[i].start, chunks[i + n - 1].end
            entry = lookup(text, a, b)
            found = Candidate(a, b, "ORG", RULE, f"rule:{kind}", entry.canonical if entry else None)
            return [found], i + n
        if n and kind == "org_head" and not government:
            found = _org_with_lower_case_words(chunks, i, n, text)
            if found:
                return found
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
            elif kind == "org_head":
                m += _local_unit_after(chunks, i + n + m, text)
                b = chunks[i + n + m - 1].end
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
        if (
            kind != "loc_head"
            and (k := phrase_at(chunks, i + n, kinds.get("loc_head", []), text))
            and i + n + k < len(chunks)
            and capitalised(chunks[i + n + k])
            and not starts_listed_name(text, chunks[i + n])
        ):
            return [], i + n  # "tại Thủ đô Baghdad": the place head stays out, as after "tới"
        m = name_run(chunks, i + n, text, stop_after_place=True, limit=5)
        if not m:
            return [], i + n + 1  # a religion after "người" (not tagged)
        a, b = chunks[i + n].start, chunks[i + n + m - 1].end
        listed = gazetteer_matches(text, a, min(len(text), b + 40))
        if listed and listed[0][0] == a and listed[0][1] > b:
            # "tỉnh Bà Rịa - Vũng Tàu": a listed name runs on over a dash
            b = listed[0][1]
            while i + n + m < len(chunks) and chunks[i + n + m].start < b:
                m += 1
        if kind == "misc_intro":
            if m == 1 and is_sentence_capital(chunks[i + n].text.split(" ")[0]):
                return [], i + n  # "xem phim Đây là ...": a sentence run on without a stop
            k = i + n + m  # the chunk after the name
            number = _MODEL_NUMBER.match(text, b)
            if number and k < len(chunks) and chunks[k].end == number.end():
                # "Street 750", "Porsche 911 Turbo": a model number belongs to the name
                more = 0
                if not chunks[k].closes and k + 1 < len(chunks) and capitalised(chunks[k + 1]):
                    more = name_run(chunks, k + 1, text, stop_after_place=True, limit=3)
                m += 1 + more
                b = chunks[i + n + m - 1].end
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


# A number that belongs to a product's name (a model or a sequel), not a year: "Street 750".
_MODEL_NUMBER = re.compile(r" (?!(?:19|20)\d\d\b)\d{1,4}[A-Z]{0,3}(?![\w/-])(?![.,]\d)")


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


_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-ZĐ][A-ZĐ0-9&]{1,7})\)")


def _abbreviates(m: re.Match[str]) -> bool:
    """True when the acronym in brackets spells the initials of the lower-case words before it."""
    acronym = m.group(1)
    words = m.string[max(0, m.start() - 12 * len(acronym)) : m.start()].split()[-len(acronym) :]
    return (
        len(words) == len(acronym)
        and all(w[:1].islower() for w in words)
        and "".join(w[0] for w in words).upper() == acronym
    )


def _lower_case_expansions(text: str) -> dict[str, str | None]:
    """Acronyms this text spells out in lower-case words: ``tên lửa đạn đạo xuyên lục địa
    (ICBM)``, a kind of missile, names nothing (None); an expansion that opens with a noun for a
    product or system names one (MISC): ``hệ thống phòng thủ tên lửa tầm cao giai đoạn cuối
    (THAAD)``. The press writes names with capitals, so such an acronym is no organisation."""
    intros = cues().get("misc_intro", [])
    heads = set(head_phrases("org_head")) | set(head_phrases("misc_head"))
    out: dict[str, str | None] = {}
    for m in _ACRONYM_IN_BRACKETS.finditer(text):
        words: list[str] = []
        stop = ""
        for word in reversed(text[max(0, m.start() - 80) : m.start()].split(" ")[:-1]):
            if not (word.isalpha() and word.islower()):
                stop = word
                break
            words.insert(0, word)
        opening = {" ".join([stop, *words[:k]]) for k in range(3)}
        if opening & heads or len(words) < 2 or m.group(1) in gazetteer():
            continue  # "Liên đoàn bóng đá quốc tế (FIFA)": a name in sentence case
        phrase = f" {' '.join(words)} "
        out[m.group(1)] = "MISC" if any(f" {p} " in phrase for p in intros) else None
    return out


def acronym_layer(text: str) -> list[Candidate]:
    """An unlisted upper-case acronym (two or more capitals) is most often an organisation."""
    out = []
    not_entities = set(cues().get("acronym_not_entity", []))
    # "khiếu nại (KN)": an abbreviation this text gives for a common noun names nothing here
    not_entities |= {m.group(1) for m in _ACRONYM_IN_BRACKETS.finditer(text) if _abbreviates(m)}
    expanded = _lower_case_expansions(text)
    not_entities |= {acronym for acronym, label in expanded.items() if label is None}
    for m in _ACRONYM_WORD.finditer(text):
        word = m.group()
        if expanded.get(word) == "MISC":
            out.append(Candidate(m.start(), m.end(), "MISC", RULE, "rule:acronym-expansion"))
        elif (
            sum(c.isupper() for c in word) >= 2
            and word not in not_entities
            and word not in gazetteer()
            and not abbreviates_common_noun(word)
            and not any(word in head_phrases(kind) for kind in ("org_head", "state_head"))
            and (len(word) > 2 or introduced_as_name(word))
        ):
            out.append(Candidate(m.start(), m.end(), "ORG", GAZETTEER, "rule:acronym-default"))
    return out


# A model designation: letters, a hyphen and a number ("S-400", "Su-22", "F/A-18E", "Tu-95MS").
# In the 2017 archive (``tests/tools/archive_statistics.py --codes`` lists them with the words
# before them) such words are nearly all aircraft, missiles, tanks, vehicles and ships, MISC in
# shared/eval/CONVENTIONS.md; "U-20" is an age group (a team, not a product), "I-2017" a
# quarter of a year and "APEC-2017" an event's year, so they are left out.
MODEL_CODE = re.compile(
    r"(?<![\w/.-])(?!U-\d)(?![IVX]+-\d{4}\b)(?:[A-Z][A-Za-z]{0,3}/)?[A-Z][A-Za-z]{0,3}-"
    r"(?!(?:19|20)\d\d\b)\d{1,4}[A-Z]{0,3}(?![\w-])"
)


def model_code_layer(text: str) -> list[Candidate]:
    """Model designations of weapons, aircraft and vehicles (MISC): máy bay chiến đấu **F-15**."""
    return [
        Candidate(m.start(), m.end(), "MISC", GAZETTEER, "rule:model-code")
        for m in MODEL_CODE.finditer(text)
        if m.group() not in gazetteer()
    ]


def region_layer(text: str) -> list[Candidate]:
    """``miền Nam Ai Cập`` (southern Egypt): a region head, a direction and a listed place are one
    place; the head is part of the name, as in ``miền Tây``."""
    out = []
    directions = cues().get("direction", [])
    for head in cues().get("region_head", []):
        for m in re.finditer(rf"(?<!\w){re.escape(head)} ", text):
            for direction in directions:
                pos = m.end() + len(direction) + 1
                if text.startswith(direction + " ", m.end()) and place_starts_at(text, pos):
                    end = gazetteer_matches(text, pos, min(len(text), pos + 60))[0][1]
                    out.append(Candidate(m.start(), end, "LOC", RULE, "rule:region"))
                    break
    return out


def initialled_transliteration_layer(text: str) -> list[Candidate]:
    """``V.Pu-tin``, ``A.Lu-ca-sen-cô``: an initial glued to a hyphenated transliteration."""
    return [
        Candidate(m.start(), m.end(), "PER", NAME_PATTERN, "rule:initialled-transliteration")
        for m in INITIALLED_TRANSLITERATION.finditer(text)
    ]


def vietnamese_name_layer(text: str) -> list[Candidate]:
    """A family name plus one to three capitalised Vietnamese syllables is a person."""
    out = []
    for m in re.finditer(r"[^\W\d_]+(?: [^\W\d_]+)*", text):
        sylls = [(s.start(), s.group()) for s in re.finditer(r"[^\W\d_]+", m.group())]
        i = 0
        while i < len(sylls):
            _, first = sylls[i]
            previous_capitalised = i > 0 and sylls[i - 1][1][:1].isupper()
            # "Anh Trần Văn Th." (Mr Tran Van Th.): a kin honorific opening the sentence
            after_honorific = i == 1 and sylls[0][1] in cues().get("kin_honorific", [])
            if first in vietnamese_family_names() and (not previous_capitalised or after_honorific):
                j = i + 1
                while (
                    j < len(sylls)
                    and j - i <= 3
                    and continues_name(sylls[j - 1][1], sylls[j][1])
                    and is_native_syllable(sylls[j][1])
                ):
                    j += 1
                if (
                    2 <= j - i <= 3
                    and j < len(sylls)
                    and final_initial_at(
                        text, m.start() + sylls[j][0], m.start() + sylls[j][0] + len(sylls[j][1])
                    )
                    and (j + 1 == len(sylls) or not sylls[j + 1][1][:1].isupper())
                ):
                    j += 1  # "Nguyễn Văn S.", "Phạm Thái D": an anonymised name ends at its initial
                initialled = j > i and final_initial_at(
                    text,
                    m.start() + sylls[j - 1][0],
                    m.start() + sylls[j - 1][0] + len(sylls[j - 1][1]),
                )
                if previous_capitalised and not initialled:
                    i += 1
                    continue
                if j - i >= 2 and (
                    j == len(sylls) or not continues_name(sylls[j - 1][1], sylls[j][1])
                ):
                    a = m.start() + sylls[i][0]
                    b = m.start() + sylls[j - 1][0] + len(sylls[j - 1][1])
                    # A place inside the name ("Lưu Bình Nhưỡng", "Nguyễn Hòa Bình") does not
                    # split it; a place that starts where it starts ("Hà Nội") is the place.
                    places = gazetteer_matches(text, a, b)
                    priority = GAZETTEER if places and places[0][0] > a else NAME_PATTERN
                    out.append(Candidate(a, b, "PER", priority, "rule:vietnamese-name"))
                    i = j
                    continue
            i += 1
    return out


def context_layer(text: str, toks: list[Token]) -> list[Candidate]:
    """Unlisted capitalised names typed by the archive: by the word before them when that word
    precedes one type of name in the archive (``cầu thủ``, footballer, before people), or by the
    votes of such words across all the name's occurrences in the archive (``Sony``)."""
    chunks = split_chunks(text, toks)
    place_heads = set(cues().get("loc_head", []))
    out = []
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        if (
            not chunk.text[:1].isupper()
            or chunk.text.isupper()  # acronyms have their own layer
            or is_sentence_capital(chunk.text.split(" ")[0])
        ):
            i += 1
            continue
        n = name_run(chunks, i, text, stop_after_place=False, limit=4)
        a, b = chunk.start, chunks[i + max(n, 1) - 1].end
        if positional_capital(text, a) and not (
            _foreign_person_shape(text[a:b])
            and not any(is_native_syllable(w) for w in text[a:b].split(" "))
        ):
            # a capital from position says nothing, unless the words are a foreign person's
            # name ("Otto Warmbier bị áp giải ...", a headline opening with the name)
            i += 1
            continue
        label = name_type_in(text, text[a:b])
        source = "rule:archive-context"
        if label is None and text[a - 1 : a] == " ":
            before = text[max(0, a - 30) : a].split()
            for k in (2, 1):
                context = " ".join(before[-k:])
                if (
                    len(before) >= k
                    and before[-1] not in place_heads
                    and context in context_types()
                ):
                    label = context_types()[context]
                    break
        if label == "PER":
            b = max(b, _person_name_end(text, a))
        words = text[a:b].split(" ")
        if (
            label == "LOC"
            and _foreign_person_shape(text[a:b])
            and not any(is_native_syllable(w) for w in words)
        ):
            # the archive's votes for such a name come from prepositions ("với", "của"), which
            # precede people as often as places: two to four foreign words (none a Vietnamese
            # syllable, unlike "La Habana", "Tây Bengal") are a person, read from its shape
            label, source = "PER", "rule:archive-context+person-shape"
        if (
            label
            and not covered_by_gazetteer(text, a, b)
            and not is_religion(text[a:b])
            and not bare_direction(text, a, b)
        ):
            out.append(Candidate(a, b, label, NAME_PATTERN, source))
        i += max(n, 1)
    return out


_QUOTED = re.compile(r"\s*[“\"'‘]([^\W\d_][^“”\"'‘’\n]{0,80}?)[”\"'’]")


def quoted_name_layer(text: str) -> list[Candidate]:
    """A name in quotation marks after a programme, campaign or event noun is MISC, the quotes
    outside: chương trình “Viết tiếp ước mơ” (the programme "Continue the dream")."""
    out = []
    heads = (
        cues().get("misc_intro", []) + cues().get("misc_head", []) + cues().get("quote_intro", [])
    )
    for head in heads:
        start = 0
        while (k := text.find(head, start)) >= 0:
            start = k + len(head)
            m = _QUOTED.match(text, start)
            if (k == 0 or not text[k - 1].isalnum()) and m and m.group(1)[0].isupper():
                out.append(Candidate(m.start(1), m.end(1), "MISC", RULE, "rule:quoted-name"))
    return out


_CREDITED_NAME = re.compile(r"\s*:\s*((?:[^\W\d_]+ ){1,3}[^\W\d_]+)(?=\s*(?:[/)\].,;]|$))")


def credit_layer(text: str) -> list[Candidate]:
    """A Vietnamese personal name in a photo credit is the photographer: "(Ảnh: Nhan Sáng/TTXVN)"
    (photo: Nhan Sang, Vietnam News Agency), PER, unless the name is a listed or an archive outlet."""
    out = []
    for intro in cues().get("credit_intro", []):
        start = 0
        while (k := text.find(intro, start)) >= 0:
            start = k + len(intro)
            m = _CREDITED_NAME.match(text, start)
            if (k and text[k - 1].isalnum()) or not m:
                continue
            name = m.group(1)
            syllables = name.split(" ")
            entry = gazetteer().get(name)
            if (
                all(s[:1].isupper() and is_native_syllable(s) for s in syllables)
                and not (entry and entry.label != "PER")
                and name_types().get(name) not in ("ORG", "MISC")
            ):
                out.append(Candidate(m.start(1), m.end(1), "PER", RULE, "rule:credit"))
    return out


_WORD = re.compile(r"[^\W\d_]+|\d+")


_YEAR_AFTER = re.compile(r"(?:năm )?(?:19|20)\d\d(?!\w)")


_SCHOOL_NAME = re.compile(rf" {UPPER}[^\W\d_]*(?: {UPPER}[^\W\d_]*){{0,4}}")


@cache
def _school_heads() -> re.Pattern[str]:
    """The school heads of the cue data (``school_head``), each a word of its own and followed by
    a space."""
    heads = "|".join(re.escape(h) for h in cues().get("school_head", []))
    return re.compile(rf"(?<![\w])(?:{heads}) ")


def school_layer(text: str, toks: list[Token] | None = None) -> list[Candidate]:
    """A school, a ``school_head`` cue (``trường``) + its level + a capitalised name, is one ORG
    with the level in; a capitalised ``Trường`` is in too, a lower-case one out ("học sinh trường
    THCS Đức Trí", pupils of Duc Tri lower secondary school; "Trường THPT Phan Đình Phùng"). The name's words would
    otherwise be read as a place (``Đức``, Germany) or a person (``Mai Động``). ``trường`` must
    be a word of its own, not the end of a ``truong_compound`` ("Môi trường Tiểu học Việt Nam",
    the environment of Vietnam's primary schools; "lập trường", stance); a national exam ("kỳ thi
    THPT Quốc gia", any case) is no school; the name never ends inside a word, and a name of
    common words only ("Trường Phổ thông Dân tộc nội trú", ethnic boarding school) is left to
    the head rules, which read it in sentence case."""
    toks = tokens(text) if toks is None else toks
    word_spans = [(t.start, t.start + len(t.text)) for t in toks]
    word_starts = {start for start, _ in word_spans}
    compounds = cues().get("truong_compound", [])
    out = []
    levels = sorted(cues().get("school_level", []), key=len, reverse=True)
    for m in _school_heads().finditer(text):
        if m.start() not in word_starts or _ends_phrase(text, m.end() - 1, compounds):
            continue
        for level in levels:
            if not starts_phrase(text, m.end(), [level]):
                continue
            after_level = m.end() + len(level)
            name = _SCHOOL_NAME.match(text, after_level)
            if not name or text[after_level:].lower().startswith(" quốc gia"):
                break
            end = name.end()
            inside = next((s for s, e in word_spans if s < end < e), None)
            if inside is not None:
                end = len(text[:inside].rstrip())  # "THPT Quốc" would cut "Quốc gia"
            words = text[after_level:end].split()
            if words and not all(is_common_word(w) for w in words):
                start = m.start() if text[m.start()].isupper() else m.end()
                out.append(Candidate(start, end, "ORG", RULE, "rule:school"))
            break
    return out


_WORD_AFTER_SPACE = re.compile(r" ([^\W\d_]+)")
# Word classes that end a company's name: adverbs (đã, sẽ), prepositions, pronouns, punctuation
# (underthesea's tags of business words are too unsteady for a list of allowed ones: "vàng bạc",
# gold and silver, is tagged a verb).
_COMPANY_NAME_STOPS = frozenset({"R", "E", "P", "X", "CH"})


def _company_heads() -> re.Pattern[str]:
    """The capitalised ``company_intro`` cues (Công ty, Tổng công ty, ...) before a legal form;
    after their first letter in any case ("Tổng Công ty")."""
    heads = sorted((c for c in cues().get("company_intro", []) if c[:1].isupper()), key=len)
    alternatives = "|".join(f"{re.escape(h[0])}(?i:{re.escape(h[1:])})" for h in reversed(heads))
    return re.compile(rf"(?<![\w])(?:{alternatives}) ")


def company_layer(text: str, toks: list[Token]) -> list[Candidate]:
    """A company's name after its head and legal form runs over lower-case words of its business
    line to the capitalised rest of the name: "Công ty TNHH một thành viên Vàng bạc đá quý Sài
    Gòn" (Saigon Jewelry Company Limited), "Công ty Cổ phần vàng bạc đá quý Phú Nhuận" (Phu Nhuan
    Jewelry JSC); the head rule stopped at the first lower-case word and left the place as the
    name. At most eight words; a word that ends sentence-case names (``cho``, ``của``, ``tại``)
    or an adverb or preposition ends it, and so does another body's head; so does a verb before a
    capitalised word, its object, directly after the legal form ("Công ty TNHH mua Samsung", the
    company bought Samsung) or after a capitalised word ("Công ty TNHH Hà Nội thuê Vietjet", ...
    hired Vietjet); it ends with its last capitalised word."""
    forms = sorted(cues().get("legal_form", []), key=len, reverse=True)
    stops = set(cues().get("name_end", []))
    heads = cues().get("org_head", [])
    pos_at = {t.start: t.pos for t in toks}
    text_at = {t.start: t.text for t in toks}  # "quý Sài Gòn" (precious, Saigon) is no verb
    out = []
    for m in _company_heads().finditer(text):
        form = next((f for f in forms if starts_phrase(text, m.end(), [f])), None)
        if form is None:
            continue
        pos, end = m.end() + len(form), 0
        for k in range(8):
            word = _WORD_AFTER_SPACE.match(text, pos)
            if (
                not word
                or word.group(1) in stops
                or pos_at.get(word.start(1)) in _COMPANY_NAME_STOPS
                or starts_phrase(text, word.start(1), heads)  # "... và Tập đoàn Hòa Phát"
            ):
                break
            # a verb and its object ("mua Samsung", bought Samsung); the tagger is too unsteady
            # on business words ("vàng bạc") to stop at a verb that no name follows
            verb = pos_at.get(word.start(1)) == "V" and text_at.get(word.start(1), "").islower()
            next_word = _WORD_AFTER_SPACE.match(text, word.end())
            if verb and (k == 0 or end) and next_word and next_word.group(1)[0].isupper():
                break
            if word.group(1)[0].isupper():
                end = word.end()
            pos = word.end()
        if end:
            out.append(Candidate(m.start(), end, "ORG", RULE, "rule:company"))
    return out


def _ends_phrase(text: str, pos: int, phrases: list[str]) -> bool:
    """True when one of ``phrases`` (in any case) is the last word or words before ``pos``."""
    before = text[:pos].rstrip().lower()
    return any(
        before.endswith(p.lower()) and not before[-len(p) - 1 : -len(p)].isalnum() for p in phrases
    )


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(p, 0, pos) for p in ".!?;:\n") + 1


def _mentions_phrase(text: str, phrases: list[str]) -> bool:
    """True when one of ``phrases`` is a whole word or words of ``text``."""
    return any(re.search(rf"(?<![\w]){re.escape(p)}(?![\w])", text) for p in phrases)


def competition_layer(text: str) -> list[Candidate]:
    """A capitalised name ending in a tournament word (data: ``competition_end`` cues: Cup,
    League, Games ...) is a competition, MISC, with an age group or a capitalised word before
    it and its edition number out: "bán kết Champions League" (the Champions League
    semi-final), "SEA Games 29", "U20 World Cup"; it was read as a person, a place or an
    organisation. The word alone is no evidence ("Ông John Masters", Mr John Masters; "Hãng Epic
    Games", the company; "Arab League", a body): it needs an age group, a listed competition
    or a ``competition_intro`` before it in its sentence (giải, vòng loại, tại ...: "giải giao
    hữu Audi Cup", the friendly Audi Cup tournament), and never follows a
    title or a company's head. A common noun's acronym before it stays out of this rule's span
    ("VCK U20 World Cup", the finals; the model may still draw it in)."""
    ends = "|".join(re.escape(e) for e in cues().get("competition_end", []))
    ages = "|".join(re.escape(a[1:]) for a in cues().get("age_group", []))
    if not ends or not ages:
        return []
    age = rf"U[.-]?(?:{ages})"
    pattern = rf"(?<![\w.-])(?:{age} |(?!U[.-]?\d){UPPER}[\w'.-]* ){{1,3}}(?:{ends})(?![\w-])"
    intros = cues().get("competition_intro", [])
    not_before = cues().get("title", []) + cues().get("company_intro", [])
    listed = cues().get("competition", [])
    out = []
    for m in re.finditer(pattern, text):
        if _ends_phrase(text, m.start(), not_before):
            continue  # "Ông John Masters", "Công ty Rockstar Games"
        start = m.start()
        # a common noun's acronym or a capital from position opens no name: "VCK U20 World Cup"
        # (VCK, the finals), "HCV SEA Games" (gold medal), "Tại SEA Games" (at ...)
        while (word := re.match(r"(\S+) (\S+)", text[start : m.end()])) and (
            abbreviates_common_noun(word.group(1))
            or is_sentence_capital(word.group(1))
            or (
                word.group(1).isupper()
                and (word.group(2).isupper() or word.group(2)[:1] == "U")
                and not gazetteer().get(word.group(1))
            )
        ):
            start += len(word.group(1)) + 1
        evidence = (
            re.match(age, text[start : m.end()])
            or any(text[start : m.end()].endswith(c) for c in listed)
            or _mentions_phrase(text[_sentence_start(text, m.start()) : m.start()], intros)
        )
        if evidence and " " in text[start : m.end()]:
            # the word that ends it outweighs a preposition of place before it ("tại VCK U20
            # World Cup" is no place)
            out.append(Candidate(start, m.end(), "MISC", RULE + 0.5, "rule:competition"))
    return out


# A reporter's name ending an article after its last sentence: "... điều tra, làm rõ. Minh Sơn"
_BYLINE = re.compile(rf"(?<=[.!?…”\"])\s+({UPPER}[^\W\d_]*(?: {UPPER}[^\W\d_]*){{0,3}})\s*$")


def byline_layer(text: str) -> list[Candidate]:
    """The byline that ends an article, two to four capitalised Vietnamese syllables after its
    last sentence (or a family name alone, "Đỗ"), is the reporter (PER): 10,038 of the 35,424 archive articles end so, nearly
    all with a reporter's name (Hiểu Nguyệt 123, Minh Anh 83, Phương Thảo 81), against 157 with
    a listed place, which keeps its reading, and 959 with ``Theo`` and an outlet (according to
    VnExpress). Every syllable must be a family or given name's (data lists), so that a
    closing formula or a club is no byline ("Hôm Nay", today; "Xin Cảm Ơn", thank you; "Sông
    Lam"), and text in capitals has none ("... HẮN. MINH SƠN"); a byline in capitals after
    sentence case is one ("... năm 2017. QUẢNG TIẾN")."""
    m = _BYLINE.search(text)
    if not m:
        return []
    name = m.group(1)
    syllables = name.split(" ")
    names = vietnamese_family_names() | vietnamese_given_names()
    entry = gazetteer().get(name)
    if (
        starts_phrase(text, m.start(1), cues().get("org_intro", []))
        or not all(is_native_syllable(s) and s.capitalize() in names for s in syllables)
        # a byline in capitals after text in capitals is no byline, after sentence case it is
        or (
            name.isupper()
            and not any(c.islower() for c in text[max(0, m.start() - 80) : m.start()])
        )
        or (len(syllables) == 1 and name not in vietnamese_family_names())
        or (entry and entry.label != "PER")
        or name_types().get(name) in ("ORG", "MISC")
    ):
        return []
    return [Candidate(m.start(1), m.end(1), "PER", RULE, "rule:byline")]


def sentence_case_layer(text: str) -> list[Candidate]:
    """Names of documents and programmes in sentence case, mid-sentence (MISC): "ký Thỏa thuận
    hợp tác đào tạo giữa ..." (signed the Agreement on training cooperation between ...).

    The name runs from its capitalised head over up to ten words and ends before a ``name_end``
    word, a bracket or punctuation; with no such end in reach, or with a number or a capitalised
    word after a lower-case one, it is not taken."""
    ends = set(cues().get("name_end", []))
    out = []
    for head in cues().get("sentence_case_head", []):
        start = 0
        while (k := text.find(head, start)) >= 0:
            start = k + len(head)
            if (k and text[k - 1].isalnum()) or positional_capital(text, k):
                continue
            pos, end, words, lower = start, None, 0, False
            while words <= 10:
                m = _WORD.match(text, pos + 1) if text[pos : pos + 1] == " " else None
                if not m:
                    stop = text[pos : pos + 1]
                    end = pos if (stop in "(,.;:" or not stop) and words >= 2 else None
                    break
                if m.group() in ends:
                    end = pos if words >= 2 else None
                    break
                year = _YEAR_AFTER.match(text, m.start())
                if words and year:
                    # "Luật việc làm 2013", "Luật HTX năm 2012": the law's year stays outside;
                    # "Tuyên bố tầm nhìn ... đến năm 2025" (vision to 2025) has it in its name
                    until = text[:pos].rsplit(" ", 1)[-1] in ("đến", "tới")
                    end = year.end() if until else pos
                    lower = True  # a dated title, even one of capitals ("Luật HTX năm 2012")
                    break
                if m.group()[0].isdigit() or (lower and m.group()[:1].isupper()):
                    break  # a date, or a new name after lower-case words: not sentence case
                lower = lower or m.group()[:1].islower()
                words += 1
                pos = m.end()
            if end and lower:
                out.append(Candidate(k, end, "MISC", RULE, "rule:sentence-case-name"))
    return out


def person_after_listed_name_layer(text: str) -> list[Candidate]:
    """A person's name right after a listed place or body that qualifies them: ``Đại sứ
    Afghanistan tại Pakistan`` **Omar Zakhilwal**, ``Giám đốc CIA`` **Mike Pompeo**, ``thị
    trưởng New York`` **Bill de Blasio**. The segmenter often joins the two into one word, and
    the name then went to the place; the name has a person's shape (two to four capitalised
    foreign words, none listed, or a Vietnamese family name and given names), so it is split off.
    """
    out = []
    companies = cues().get("company_intro", [])
    company = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, companies)) + r")(?!\w)")
    for a, b in gazetteer_matches(text):
        entry = gazetteer()[text[a:b]]
        if entry.label not in ("LOC", "ORG") or text[b : b + 1] != " ":
            continue
        clause = re.split(r"[.,;:!?()\"“”]", text[max(0, a - 60) : a])[-1]
        if companies and company.search(clause):
            continue  # "hãng hàng không Mỹ Delta Air Lines": a company after its country
        start = b + 1
        listed = gazetteer_matches(text, start, min(len(text), start + 60))
        if listed and listed[0][0] == start and lookup(text, *listed[0]).label != "PER":
            continue  # "Quốc hội Hàn Quốc ...": another listed name follows, not a person
        end = vietnamese_name_end(text, start)
        if end == start:
            end = _person_name_end(text, start, limit=5)
            if not _foreign_person_shape(text[start:end]):
                continue
        if text[start:end] in gazetteer() or name_types().get(text[start:end]) == "ORG":
            continue  # a listed person (the title and gazetteer layers give it), or a name the
            # archive's contexts make a body (its place votes are too loose to count here)
        if text[end : end + 1] == " " and NAME_SYLLABLE.match(text, end + 1):
            if text[end + 1].isupper():
                continue  # more capitalised words follow: not clearly a name alone
        out.append(Candidate(start, end, "PER", RULE + 0.5, "rule:person-after-listed-name"))
    return out


def _foreign_person_shape(name: str) -> bool:
    """Two to four capitalised words (connectors such as ``de``, ``van``, ``bin`` between), at
    least one spelled unlike a Vietnamese syllable, none a listed name."""
    words = name.split(" ")
    capitals = [w for w in words if w[:1].isupper()]
    return (
        2 <= len(capitals) <= 4
        and words[0][:1].isupper()
        and not any(len(w) > 1 and w.isupper() for w in capitals)  # "SPUTNIK Information"
        and not is_sentence_capital(words[0])  # "Ông Takahashi Ayumi": an honorific
        and any(not is_native_syllable(w) for w in capitals)
        and not any(w in gazetteer() for w in capitals)
        and name not in gazetteer()
    )


_GIVEN_NAMES = re.compile(rf"(?<![\w-])({UPPER}[^\W\d_]*) ({UPPER}[^\W\d_]*)(?![\w-])")
# An honorific, then one capitalised syllable that no capitalised word or hyphen follows.
_HONORIFIC_NAME = re.compile(rf"(?<![\w-])([^\W\d_]+) ({UPPER}[^\W\d_]*)(?![\w-])(?! {UPPER})")


def honorific_given_name_layer(text: str) -> list[Candidate]:
    """A person's given name alone after an honorific, also where it is a listed place:
    ``ông`` **Mỹ** (Mr My, not the United States), ``cô`` **Nga**, ``chị`` **Anh**. An honorific
    (``honorific`` cues) qualifies no title with a country, so the syllable is the person; a
    capitalised word after it (``ông Mỹ Đình``) leaves the reading to the other layers."""
    honorifics = set(cues().get("honorific", []))
    out = []
    for m in _HONORIFIC_NAME.finditer(text):
        name = m.group(2)
        entry = gazetteer().get(name)
        place = (entry and entry.label == "LOC") or name in title_countries()
        if m.group(1) in honorifics and place and is_native_syllable(name):
            out.append(Candidate(m.start(2), m.end(2), "PER", RULE + 0.5, "rule:honorific"))
    return out


def given_name_layer(text: str) -> list[Candidate]:
    """Two Vietnamese given names after a person's title or a person context, the second also a
    country's short name: ``hoa hậu`` **Phương Nga** (Nga, Russia), ``ca sĩ`` **Lan Anh** (Anh,
    Britain). After a word the archive writes mostly before people (``person_contexts``) or a
    title, the pair is the person; the first name must be no listed name and no direction, and
    the pair no listed name (``Hàn Quốc``)."""
    out = []
    titles = {c.lower() for c in cues().get("title", [])}
    directions = set(cues().get("direction", []))
    for m in _GIVEN_NAMES.finditer(text):
        first, second = m.group(1), m.group(2)
        entry = gazetteer().get(second)
        if not (entry and entry.label == "LOC") or m.group() in gazetteer():
            continue
        if (
            first in gazetteer()
            or first in directions
            or not (is_native_syllable(first) and is_native_syllable(second))
        ):
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        if not before.endswith(" "):
            continue
        words = before.split()
        contexts = {" ".join(words[-k:]) for k in (1, 2) if len(words) >= k}
        if contexts & person_contexts() or {c.lower() for c in contexts} & titles:
            out.append(Candidate(m.start(), m.end(), "PER", RULE, "rule:given-names"))
    return out
