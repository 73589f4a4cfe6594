"""underthesea's CRF as a fallback for what rules and gazetteers do not cover, with its labels
corrected by the gazetteers."""

from __future__ import annotations

import re

from .. import crf_features
from ..orthography import is_native_syllable
from ..tokens import Token
from .archive import (
    abbreviates_common_noun,
    context_types,
    introduced_as_name,
    is_common_word,
    is_sentence_capital,
    name_type_in,
    name_types,
    place_contexts,
    positional_capital,
)
from .candidates import CRF, Candidate, cues, without_final_dot
from .gazetteers import (
    bare_direction,
    covered_by_gazetteer,
    gazetteer,
    gazetteer_matches,
    is_religion,
    lookup,
    place_starts_at,
    vietnamese_family_names,
)


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, label) word indices of each entity in a BIO tag sequence.

    An ``I-`` tag continues only an entity of the same label that is still open; after ``O`` or
    a different label it starts a new one (the CRF sometimes omits the ``B-``).
    """
    spans: list[tuple[int, int, str]] = []
    open_label = None
    for k, tag in enumerate(tags):
        label = tag[2:] if tag[:2] in ("B-", "I-") else None
        if label and tag.startswith("I-") and label == open_label:
            first, _, _ = spans[-1]
            spans[-1] = (first, k, label)
        elif label:
            spans.append((k, k, label))
        open_label = label
    return spans


def crf_layer(toks: list[Token], text: str) -> list[Candidate]:
    """underthesea's CRF on our own segmentation, one sentence at a time.

    A very long sentence goes in the pieces its words were tagged in (``Token.piece``): the
    CRFs' feature extraction is quadratic in sentence length.
    """
    out: list[Candidate] = []
    by_sentence: dict[tuple[int, int], list[Token]] = {}
    for t in toks:
        by_sentence.setdefault((t.sentence, t.piece), []).append(t)
    for sent in by_sentence.values():
        tagged = [(t.text, t.pos) for t in sent]
        chunks = crf_features.chunk_tags(tagged)
        labels = crf_features.ner_tags(
            [(w, pos, chunk) for (w, pos), chunk in zip(tagged, chunks, strict=True)]
        )
        for first, last, label in bio_spans(labels):
            words = sent[first : last + 1]
            # Keep the capitalised core: no lower-case head nouns, dates or trailing verbs.
            while words and (
                not words[0].text[:1].isupper() or words[0].text in cues().get("not_entity", [])
            ):
                words.pop(0)  # "Chiều ngày 14/6 Quận ...": time words and dates are no name
            while words and not words[-1].text[:1].isupper():
                words.pop()
            if not words:
                continue
            a, b = _whole_hyphenated(text, words[0].start, words[-1].end)
            out.append(Candidate(a, b, label, CRF, "crf"))
    return out


def correct_crf(c: Candidate, text: str) -> Candidate | None:
    """Gazetteer corrections for CRF spans: a known name keeps its known label."""
    if text[c.start : c.end] in cues().get("acronym_not_entity", []) + cues().get("not_entity", []):
        return None
    if is_religion(text[c.start : c.end]) or bare_direction(text, c.start, c.end):
        return None
    c = without_final_dot(c, text)
    entry = lookup(text, c.start, c.end)
    if entry:
        return Candidate(
            c.start, c.end, entry.label, c.priority, c.source + "+gazetteer", entry.canonical
        )
    name = text[c.start : c.end]
    first, _, rest = name.partition(" ")
    if ACRONYM_SHAPE.fullmatch(name) and (
        abbreviates_common_noun(name) or (len(name) == 2 and not introduced_as_name(name))
    ):
        return None  # "KN", "PV": abbreviations of common nouns, as the acronym layer decides
    if not rest and positional_capital(text, c.start) and is_sentence_capital(first):
        return None  # "Phiên", "Cuộc", "Một": capitalised only because a sentence starts there
    if c.label != "PER" and not rest and (is_common_word(first) or SINGLE_LETTER.fullmatch(first)):
        # "tháng Một", "mùa Hè", "Tiểu dự án", "nhóm A": a word the archive writes in lower case
        # nearly always, or a letter alone, names no place or body (people, whose given names and
        # initials look so, need the evidence of _person_evidence)
        return None
    if c.label == "PER" and covered_by_gazetteer(text, c.start, c.end):
        return None  # e.g. a country the CRF took for a person; the gazetteer layer has it
    if c.label == "LOC" and _looks_like_foreign_person(name):
        return Candidate(c.start, c.end, "PER", c.priority, c.source + "+person-shape")
    archive_type = name_type_in(text, name)
    if archive_type and archive_type != c.label:
        return Candidate(c.start, c.end, archive_type, c.priority, c.source + "+archive")
    if CAMEL_CASE.fullmatch(name):
        return Candidate(c.start, c.end, "ORG", c.priority, c.source + "+brand-shape")
    if c.label == "PER" and not _person_evidence(text, c.start, name):
        return None  # the CRF's fallback never invents a person
    if c.label == "LOC" and archive_type != "LOC" and not _place_evidence(text, c.start, c.end):
        # most of the CRF's unlisted places are wrong (companies, films, people): without a
        # place context a person's shape makes it a person, and anything else names nothing
        if _has_person_shape(name):
            return Candidate(c.start, c.end, "PER", c.priority, c.source + "+person-shape")
        return None
    return c


SINGLE_LETTER = re.compile(r"[^\W\d_]\.?")
ACRONYM_SHAPE = re.compile(r"[A-ZĐ][A-ZĐ0-9&]{1,7}")
# "DienmayXanh", "FPTRetail", "TPBank": a brand written as one word with an inner capital
CAMEL_CASE = re.compile(r"[A-Z][A-Za-z]*[a-z][A-Z][A-Za-z]*|[A-Z]{2,}[a-z]{2,}[A-Za-z]*")


def _person_evidence(text: str, start: int, name: str) -> bool:
    """Something beyond the CRF says ``name`` is a person: its shape (a Vietnamese family name and
    given names, or two to four foreign words), the archive's votes for it, or a word before it
    that precedes people in the archive (``ông``, ``cầu thủ``, ``đạo diễn``)."""
    words = name.split(" ")
    if 2 <= len(words) <= 4 and words[0] in vietnamese_family_names():
        return _has_person_shape(name)
    if _has_person_shape(name) or name_types().get(name) == "PER":
        return True
    before = text[max(0, start - 30) : start].split()
    return text[start - 1 : start] == " " and any(
        context_types().get(" ".join(before[-k:])) == "PER" for k in (2, 1) if len(before) >= k
    )


def _has_person_shape(name: str) -> bool:
    """A Vietnamese family name and capitalised given names, or two to four foreign words."""
    words = name.split(" ")
    if 2 <= len(words) <= 4 and words[0] in vietnamese_family_names():
        return all(is_native_syllable(w) and w[:1].isupper() for w in words)
    return _looks_like_foreign_person(name)


def _place_evidence(text: str, start: int, end: int) -> bool:
    """Something beyond the CRF says the name at [start, end) is a place: a word before it that
    the archive writes before listed places nearly always (``ở``, ``tới``, ``thủ đô``, see
    ``place_contexts``), a listed place it is coordinated with (``Punjab và Sind``), or a
    dateline (a name opening the text before a bracketed source: ``Kiev (Reuters)``)."""
    before = text[max(0, start - 30) : start].split()
    if text[start - 1 : start] == " " and any(
        " ".join(before[-k:]) in place_contexts() for k in (2, 1) if len(before) >= k
    ):
        return True
    if start == 0 and re.match(r"\s*\(", text[end:]):
        return True
    left = _COORDINATED_BEFORE.search(text, max(0, start - 8), start)
    if left:
        listed = gazetteer_matches(text, max(0, left.start() - 40), left.start())
        if listed and listed[-1][1] == left.start() and _is_place(text, *listed[-1]):
            return True
    right = _COORDINATED_AFTER.match(text, end)
    return bool(right and place_starts_at(text, right.end()))


_COORDINATED_BEFORE = re.compile(r"(?:, | và | hay | hoặc )$")
_COORDINATED_AFTER = re.compile(r", | và | hay | hoặc ")


def _is_place(text: str, a: int, b: int) -> bool:
    return gazetteer()[text[a:b]].label == "LOC"


def _looks_like_foreign_person(name: str) -> bool:
    """Two to four capitalised foreign words that no gazetteer lists: in news, nearly always a
    person (Julien Guerrier, Rustem Umerov), since places that famous are listed."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and not is_native_syllable(w) for w in words)
        and not any(w in gazetteer() for w in words)
    )


_HYPHEN_BEFORE = re.compile(r"[^\W\d_]+-$")
_HYPHEN_AFTER = re.compile(r"-[^\W\d_]+")


def _whole_hyphenated(text: str, a: int, b: int) -> tuple[int, int]:
    """Widen [a, b) to whole hyphen-joined words: a transliterated name (``Tel-Aviv``,
    ``Pu-tin``, a last syllable sometimes in lower case) is never cut at a hyphen."""
    while a and (m := _HYPHEN_BEFORE.search(text, max(0, a - 30), a)):
        a = m.start()
    while m := _HYPHEN_AFTER.match(text, b):
        b = m.end()
    return a, b
