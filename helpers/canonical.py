"""Canonical English names: listed where a gazetteer lists them, else composed from the name's
head and the names inside it, else the name as written.

``Bộ Ngoại giao Pakistan`` is not listed, but its head ``Bộ Ngoại giao`` is (the Ministry of
Foreign Affairs) and so is ``Pakistan``: the composed name is "Ministry of Foreign Affairs of
Pakistan". ``Đảng Cộng sản Lào`` gives "Communist Party of Laos" from the head ``Đảng`` ("{}
Party"), the word ``Cộng sản`` (Communist) and the listed country. The heads and words are
glossed in ``data/name_glossary.tsv``. A name with any part that is neither listed nor glossed
(a Vietnamese word the glossary lacks) keeps its Vietnamese form: a translation is never guessed.
People keep their names as written.

Listed names are looked up whatever the capitalisation after their first letter: the press
writes ``Liên hợp quốc`` and ``Liên Hợp Quốc``, ``Hội đồng bảo an`` and ``Hội đồng Bảo an``. A
name listed whole is never composed (``Hội đồng Bảo an Liên hợp quốc`` is the UN Security
Council, not the United Nations plus a council), and a listed name inside a composed one is left
out where the head's English already says it, in words or as an acronym (``Hội đồng Bảo an
LHQ``: "UN Security Council", not "United Nations UN Security Council"). A place the gazetteer
names in Vietnamese letters (``Yên Bái``) is written without its diacritics inside an English
name, and an acronym in Vietnamese letters (``KHĐT``) is not taken for an English word.

The layer of entities, below it: the gazetteer lookup is passed in, so that this module never
imports ``helpers.entities``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from .orthography import ascii_fold, is_native_syllable
from .paths import read_data_lines


class Listed(Protocol):
    """What a gazetteer lookup returns for a listed name."""

    label: str
    canonical: str | None


Lookup = Callable[[str], "Listed | None"]


@dataclass(frozen=True)
class EnglishName:
    """A canonical English name (None: none known, show the name as written) and whether it
    was composed rather than listed."""

    english: str | None
    composed: bool = False


@dataclass(frozen=True)
class _Glossary:
    heads: dict[str, str]  # Vietnamese head → English pattern with {} for the words
    words: dict[str, tuple[str, str]]  # lower-case word → (in names, after "of")
    the: frozenset[str]


@cache
def _glossary() -> _Glossary:
    heads, words, the = {}, {}, set()
    for line in read_data_lines("name_glossary.tsv")[1:]:
        fields = line.split("\t")
        if len(fields) != 5 or fields[1] not in ("head", "word", "the"):
            raise ValueError(f"helpers/data/name_glossary.tsv: malformed row {line!r}")
        vietnamese, kind, english, after_of, _ = fields
        if kind == "head":
            heads[vietnamese] = english
        elif kind == "word":
            words[vietnamese.lower()] = (english, after_of or english)
        else:
            the.add(english)
    return _Glossary(heads, words, frozenset(the))


_ORDINAL = re.compile(r"\s+lần thứ (\d+)$")
_PAIR = re.compile(r"\s*[-–]\s*")


def english_name(text: str, label: str, listed: str | None, lookup: Lookup) -> EnglishName:
    """The canonical English name of an entity ``text`` with ``label``: ``listed`` when a
    gazetteer gave one, else one composed from its head (``lookup`` finds listed names), else
    none (the Vietnamese form stands)."""
    if listed:
        return EnglishName(listed)
    if label == "PER":
        return EnglishName(None)
    lookup = _tolerant(lookup)
    entry = lookup(text)
    if entry and entry.canonical and _same_kind(entry.label, label):
        return EnglishName(entry.canonical)  # listed in another capitalisation or as ORG/MISC
    composed = _compose(text, lookup)
    return EnglishName(composed, composed is not None)


def _same_kind(listed_label: str, label: str) -> bool:
    # an organisation tagged as a name of another kind (an event, a programme) or the other
    # way round is still the listed body: "Quỹ Tiền tệ Quốc tế" is the IMF either way
    return listed_label == label or {listed_label, label} <= {"ORG", "MISC"}


def _fold(name: str) -> str:
    """The key under which capitalisations of one name meet: the first letter as written (a
    capital starts a name, a lower-case word does not), the rest in lower case."""
    return name[:1] + " ".join(name[1:].split()).casefold()


# the folded index of the last mapping seen (the gazetteer), and that mapping
_FOLDED: list[tuple[Mapping, dict[str, Listed]]] = []


def _folded_index(names: Mapping) -> dict[str, Listed]:
    """Listed names of two or more words by their folded form; a form two different entries
    fold to is left out (no guessing between them)."""
    if not _FOLDED or _FOLDED[0][0] is not names:
        index: dict[str, Listed] = {}
        clashes = set()
        for surface, entry in names.items():
            if " " not in surface:
                continue
            key = _fold(surface)
            other = index.setdefault(key, entry)
            if (other.label, other.canonical) != (entry.label, entry.canonical):
                clashes.add(key)
        for key in clashes:
            del index[key]
        _FOLDED[:] = [(names, index)]
    return _FOLDED[0][1]


def _tolerant(lookup: Lookup) -> Lookup:
    """``lookup``, and where it finds nothing, the listed name written with other capitals
    after its first letter (possible when ``lookup`` is a mapping's ``get``, the gazetteer's)."""
    names = getattr(lookup, "__self__", None)
    if not isinstance(names, Mapping):
        return lookup
    folded = _folded_index(names)

    def find(name: str) -> Listed | None:
        entry = lookup(name)
        if entry is None and " " in name:
            entry = folded.get(_fold(name))
        return entry

    return find


def _compose(text: str, lookup: Lookup) -> str | None:
    ordinal = ""
    m = _ORDINAL.search(text)
    if m:  # "Hội nghị Cấp cao ASEAN lần thứ 47": the 47th ASEAN Summit
        ordinal, text = _ordinal(int(m.group(1))) + " ", text[: m.start()]
    words = text.split()
    head = _head(words, lookup)
    if head is None:
        return None
    pattern, rest = head
    if any(word in _glossary().heads for word in rest) or rest[-1:] == ["và"]:
        return None  # two names run together ("Đảng A và Đảng B"): no one name to compose
    before, after, rest = _trailing_names(rest, lookup)
    glossed = _gloss(rest, of_form=pattern.endswith("of {}"), lookup=lookup)
    if glossed is None:
        return None  # a word the glossary lacks: keep the Vietnamese form
    if not glossed and pattern.startswith("{} "):
        # the name fills the slot: "Quân đội Pakistan", Pakistan Army; "Vịnh Hạ Long", Ha Long
        # Bay; "Hội nghị Cấp cao ASEAN", ASEAN Summit
        slot = before or after.removeprefix(" of ").removeprefix("the ")
        if not slot:
            return None
        return ordinal + pattern.replace("{}", slot)
    if ("{}" in pattern) != bool(glossed):
        return None  # words where the pattern takes none, or none where it needs them
    name = pattern.replace("{}", glossed)
    # the head's English may already hold the listed name: "UN Security Council" + Liên hợp quốc
    if _already_in(before, name):
        before = ""
    if _already_in(after.removeprefix(" of ").removeprefix(" in ").removeprefix("the "), name):
        after = ""
    return ordinal + " ".join(part for part in (before, name) if part) + after


def _already_in(part: str, name: str) -> bool:
    """Whether ``name`` already says ``part``: its words in a row, or the acronym they make
    (``United Nations`` in "UN Security Council")."""
    if not part:
        return False
    words, inside = part.split(), name.split()
    if any(inside[i : i + len(words)] == words for i in range(len(inside))):
        return True
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return len(initials) > 1 and initials in inside


def _head(words: list[str], lookup: Lookup) -> tuple[str, list[str]] | None:
    """The English pattern of the longest listed or glossed head and the words after it."""
    heads = _glossary().heads
    for n in range(len(words) - 1, 0, -1):
        phrase = " ".join(words[:n])
        entry = lookup(phrase)
        if entry and entry.label in ("ORG", "MISC") and entry.canonical:
            return entry.canonical, words[n:]  # "Bộ Ngoại giao": Ministry of Foreign Affairs
        if phrase in heads:
            return heads[phrase], words[n:]
    return None


def _trailing_names(words: list[str], lookup: Lookup) -> tuple[str, str, list[str]]:
    """A listed name (or hyphenated pair of them) ending the name: (what goes before the
    English head, what goes after it, the words left to gloss)."""
    text = " ".join(words)
    # "tại Thái Lan": in Thailand (an embassy's host country)
    for n in range(len(words) - 1, 0, -1):
        if words[n - 1] == "tại":
            place = _listed(" ".join(words[n:]), lookup, ("LOC",))
            if place:
                before, after, rest = _trailing_names(words[: n - 1], lookup)
                return before, after + " in " + _with_the(place), rest
    for n in range(len(words)):
        tail = " ".join(words[n:])
        parts = _PAIR.split(tail)
        if len(parts) > 1:
            names = [_listed(p, lookup, ("LOC", "ORG")) for p in parts]
            if all(names) and not _PAIR.search(text[: len(text) - len(tail)]):
                return "–".join(names), "", words[:n]  # type: ignore[arg-type]
        entry = lookup(tail)
        if entry and entry.canonical and entry.label in ("LOC", "ORG"):
            if entry.label == "ORG":
                return _in_english(entry.canonical), "", words[:n]  # "ASEAN Summit"
            return "", " of " + _with_the(_in_english(entry.canonical)), words[:n]
    return "", "", words


def _listed(name: str, lookup: Lookup, labels: tuple[str, ...]) -> str | None:
    entry = lookup(name)
    return (
        _in_english(entry.canonical)
        if entry and entry.canonical and entry.label in labels
        else None
    )


def _in_english(name: str) -> str:
    """A listed name as it stands in an English one: a place GeoNames names in Vietnamese
    letters (``Yên Bái``) without its diacritics, as the English-language press writes it."""
    syllables = re.findall(r"[^\W\d_]+", name)
    if not name.isascii() and syllables and all(map(is_native_syllable, syllables)):
        return ascii_fold(name)
    return name


def _gloss(words: list[str], of_form: bool, lookup: Lookup) -> str | None:
    """English for the words between head and country, longest glossary match first; listed
    names and foreign words (acronyms, "Shangri-La") stay as they are; None if any is left."""
    glossary = _glossary().words
    out, i = [], 0
    while i < len(words):
        for n in range(len(words) - i, 0, -1):
            phrase = " ".join(words[i : i + n])
            if phrase.lower() in glossary:
                english, after_of = glossary[phrase.lower()]
                out.append(after_of if of_form else english)
                break
            listed = _listed(phrase, lookup, ("LOC", "ORG", "MISC"))
            if listed:
                out.append(listed)
                break
        else:
            word = words[i]
            if not _foreign(word):
                return None
            out.append(word)
            n = 1
        i += n
    return " ".join(out)


def _foreign(word: str) -> bool:
    """A word written as in English: an acronym, or a name that is no Vietnamese syllable."""
    parts = re.findall(r"[^\W\d_]+", word)
    # an acronym in Vietnamese letters ("KHĐT", Kế hoạch và Đầu tư) is no English word
    if word.isupper():
        return bool(parts) and word.isascii()
    return bool(parts) and not all(map(is_native_syllable, parts))


def _with_the(name: str) -> str:
    words = name.split()
    the = _glossary().the
    return "the " + name if words and (words[0] in the or words[-1] in the) else name


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
