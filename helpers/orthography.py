"""Vietnamese spelling, the bottom layer: syllables, tone placement and ASCII folding.

Nothing here segments words or loads a model, so every other module (loading, tokens, entities)
can use it; underthesea's normalisation map is read only when tones are normalised.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# A run of letters and digits: the unit a syllable-based tool counts.
SYLLABLE_RE = re.compile(r"[^\W_]+", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+")
# A native Vietnamese syllable once tone marks and vowel diacritics are removed.
_NATIVE_SYLLABLE = re.compile(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?"
    r"[aeiouy]{1,3}(?:ch|ng|nh|[cmnptiouy])?$"
)
# The five tone marks as combining characters (grave, acute, tilde, hook above, dot below).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _letter_class(upper: bool) -> str:
    letters = (chr(c) for c in range(0x41, 0x1F00))
    chosen = sorted(
        ch
        for ch in letters
        if ch.isalpha()
        and ch.isupper() == upper
        and ch.islower() != upper
        and unicodedata.name(ch, "").startswith("LATIN")
    )
    return "[" + "".join(chosen) + "]"


# Regular-expression classes of every upper- and lower-case Latin letter, Vietnamese ones
# included: a range such as "À-Ỹ" also holds lower-case letters ("ở", "đ"), so it cannot tell
# a capital from a small letter.
UPPER = _letter_class(upper=True)
LOWER = _letter_class(upper=False)


def syllables(text: str) -> list[str]:
    """The naive split a syllable-based tool makes: every run of letters and digits."""
    return SYLLABLE_RE.findall(text)


def ascii_fold(text: str) -> str:
    """``text`` without Vietnamese diacritics: ``Đà Nẵng`` → ``Da Nang`` (NFD does not
    decompose đ, so it is replaced first)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_native_syllable(syllable: str) -> bool:
    """True for a syllable spelled as Vietnamese syllables are (``quốc``), not ``Pakistan``."""
    return bool(_NATIVE_SYLLABLE.match(ascii_fold(syllable.lower())))


def slugify(name: str) -> str:
    """A lower-case ASCII id from a file name: ``Quan hệ Việt–Pháp`` → ``quan-he-viet-phap``."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).lower()).strip("-")


@cache
def tone_map() -> dict[str, str]:
    """underthesea's word map restricted to tone placement: ``hoà`` → ``hòa``, ``Uỷ`` → ``Ủy``.

    underthesea's ``text_normalize`` re-tokenises (it puts spaces around punctuation), so only
    its maps are used, word by word. Entries that correct spelling rather than move a tone
    change the word's letters or length and are left out: a replacement never changes the text's
    length, so offsets computed before and after agree.
    """
    from underthesea.pipeline.text_normalize.text_normalizer import token_map

    def untoned(word: str) -> tuple[str, list[str]]:
        decomposed = unicodedata.normalize("NFD", word)
        base = "".join(c for c in decomposed if c not in TONE_MARKS)
        return unicodedata.normalize("NFC", base), sorted(c for c in decomposed if c in TONE_MARKS)

    return {
        old: new
        for old, new in token_map.items()
        if old != new
        and unicodedata.is_normalized("NFC", old)
        and unicodedata.is_normalized("NFC", new)
        and len(old) == len(new)
        and untoned(old) == untoned(new)
    }


@cache
def _character_map() -> dict[str, str]:
    # underthesea's character map: Icelandic eth typed for the Vietnamese đ (ð → đ, Ð → Đ).
    from underthesea.pipeline.text_normalize.text_normalizer import character_map

    return {a: b for a, b in character_map.items() if len(a) == len(b) == 1}


def normalise_tones(text: str) -> tuple[str, int]:
    """New-style tone placement word by word (``hoà`` → ``hòa``); returns the text and the count.

    The text's length and spacing are unchanged. ``ð`` is read as ``đ`` only in a word that is
    then a Vietnamese syllable (``ðến`` → ``đến``), never in an Icelandic name.
    """
    tones = tone_map()
    chars = _character_map()
    changed = 0

    def replace(m: re.Match) -> str:
        nonlocal changed
        word = m.group()
        if any(c in word for c in chars):
            fixed = "".join(chars.get(c, c) for c in word)
            if is_native_syllable(fixed):
                word = fixed
        word = tones.get(word, word)
        changed += word != m.group()
        return word

    return _LETTERS.sub(replace, text), changed
