"""Step 2: sentences, words and part-of-speech tags, with character offsets.

Vietnamese writes a space between syllables, not between words: ``khủng bố`` (terrorism) is one
word of two syllables, while ``bố`` alone means father. Word segmentation comes from underthesea's
bundled CRF (offline), corrected by three generic rules, and every word is re-read from the input
text so its offsets slice back to exactly what the user sees.

All calls into underthesea's segmenter go through :func:`_segment`, which always passes the
complete ``fixed_words`` list: in underthesea 9.5.0 that list leaks into later calls in the same
process, so a second call site with another list would silently change results.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from . import crf_features
from .orthography import SYLLABLE_RE, is_native_syllable
from .paths import read_data_lines

if TYPE_CHECKING:
    import pandas as pd

    from .corpus import Document

# underthesea's CRF feature extraction is quadratic in sentence length (each word's features scan
# the whole sentence): segmentation, POS, chunking and NER all see pieces of at most this many
# whitespace-separated units, so a 100,000-character paragraph without punctuation costs the
# same per character as ordinary prose.
MAX_SYLLABLES_PER_CHUNK = 120

_WORD_CHAR = re.compile(r"\w", re.UNICODE)
_HAS_DIGIT = re.compile(r"\d")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Sentence:
    """A sentence with offsets into the text it came from.

    In an :class:`~helpers.analysis.Analysis` the index is the document-wide sentence id and
    ``paragraph`` the index in ``Document.paragraphs``; for a bare text both count from 0.
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Token:
    """A word (possibly several syllables) with offsets, POS tag and sentence index."""

    text: str
    start: int
    end: int
    pos: str
    sentence: int
    piece: int = 0  # which ≤120-syllable piece of the sentence was tagged with it (usually 0)
    paragraph: int = 0  # in an Analysis, the index in Document.paragraphs

    @property
    def is_word(self) -> bool:
        """True for words, False for punctuation and symbols."""
        return bool(_WORD_CHAR.search(self.text))

    @property
    def syllables(self) -> int:
        return len(self.text.split())


@cache
def fixed_words() -> tuple[str, ...]:
    """Multi-syllable words the segmenter must keep whole (``data/fixed_words.txt``)."""
    return tuple(read_data_lines("fixed_words.txt"))


@cache
def _number_words() -> frozenset[str]:
    return frozenset(w.lower() for w in read_data_lines("number_words.txt"))


def _segment(sentence: str) -> list[str]:
    """The only call into underthesea's segmenter (see the module docstring)."""
    # imported here: a notebook that reads a stored analysis never loads underthesea (2 s)
    from underthesea import word_tokenize as ut_word_tokenize

    return ut_word_tokenize(sentence, fixed_words=list(fixed_words()))


def _titlecase(part: str) -> bool:
    return len(part) > 1 and part[0].isupper() and part[1:].islower()


def _split_glued(word: str) -> list[str]:
    """Undo three kinds of CRF joins that no Vietnamese word has.

    A number glued to a following word that is not a number word or unit (``4/1 tái``); a
    foreign name glued to a lower-case Vietnamese syllable (``Pakistan tái``); a capitalised
    Vietnamese syllable glued to a capitalised foreign one (``Đức Johann``, Germany + Johann).
    """
    syllables = word.split(" ")
    parts: list[list[str]] = [[syllables[0]]]
    for prev, syl in zip(syllables, syllables[1:], strict=False):
        lower_native = syl.islower() and is_native_syllable(syl)
        number_then_word = (
            _HAS_DIGIT.search(prev)
            and _HAS_LETTER.search(syl)
            and not _HAS_DIGIT.search(syl)
            and syl.lower() not in _number_words()
        )
        foreign_then_native = prev[:1].isupper() and not is_native_syllable(prev) and lower_native
        # "Đức Johann": a Vietnamese name syllable and a foreign one belong to different words
        mixed_names = (
            prev[:1].isupper()
            and syl[:1].isupper()
            and is_native_syllable(prev) != is_native_syllable(syl)
        )
        if number_then_word or foreign_then_native or mixed_names:
            parts.append([syl])
        else:
            parts[-1].append(syl)
    return [" ".join(part) for part in parts]


_HYPHEN_BETWEEN = re.compile(r"([^\W\d_]+)-(?=([^\W\d_]+))")


def _space_name_hyphens(text: str) -> str:
    """``Trung Quốc-Pakistan`` → ``Trung Quốc - Pakistan`` before segmentation.

    A hyphen between two capitalised syllables joins two names (a list of countries), not the
    syllables of one transliterated word (``Pa-ki-xtan``), so the segmenter sees it as a token.
    """
    return _HYPHEN_BETWEEN.sub(
        lambda m: (
            m.group(1) + (" - " if _titlecase(m.group(1)) and _titlecase(m.group(2)) else "-")
        ),
        text,
    )


def _align(words: list[str], text: str, offset: int) -> list[tuple[str, int, int]]:
    """Find each segmented word in ``text`` by counting its non-space characters.

    underthesea may normalise characters inside a word, so the word is re-read from ``text``:
    the surface form always slices back from the offsets.
    """
    spans = []
    pos = 0
    for word in words:
        need = sum(1 for c in word if not c.isspace())
        if need == 0:
            continue
        while pos < len(text) and text[pos].isspace():
            pos += 1
        start = pos
        while need and pos < len(text):
            if not text[pos].isspace():
                need -= 1
            pos += 1
        spans.append((text[start:pos], offset + start, offset + pos))
    return spans


def _chunks(sentence: Sentence) -> list[tuple[str, int]]:
    """Pieces of a sentence short enough for the CRF taggers, cut at whitespace."""
    matches = list(re.finditer(r"\S+", sentence.text))
    if len(matches) <= MAX_SYLLABLES_PER_CHUNK:
        return [(sentence.text, sentence.start)]
    pieces = []
    for i in range(0, len(matches), MAX_SYLLABLES_PER_CHUNK):
        group = matches[i : i + MAX_SYLLABLES_PER_CHUNK]
        a, b = group[0].start(), group[-1].end()
        pieces.append((sentence.text[a:b], sentence.start + a))
    return pieces


# Written units a reader counts as one token, whatever the segmenter does with their dots,
# slashes and @: web addresses, e-mail addresses and numbers with separators (1.000.000, 3,5,
# 12/3/2026, 10:30). underthesea's own tests keep a URL whole; its segmenter splits one into
# "https://www", ".", "facebook", ... A trailing full stop or bracket ends the sentence, not the URL.
_TLDS = r"(?:vn|com|org|net|gov|edu|int|info|io|biz|asia|uk|jp|cn|kr|ru|fr|de|us|eu)"
_URL = (
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'“”]*[^\s<>\"'“”.,;:!?)\]}]"
    r"|(?<![\w@.])[A-Za-z0-9](?:[\w-]*\.)+"
    + _TLDS
    + r"(?:/[^\s<>\"'“”]*[^\s<>\"'“”.,;:!?)\]}])?(?![\w@])"
)
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?<![.-])"
_NUMBER = r"(?<![\w.,:/])\d+(?:[.,:/]\d+)+(?![\w/]|[.,:/]\d)"
WHOLE_TOKEN_RE = re.compile(f"(?P<email>{_EMAIL})|(?P<url>{_URL})|(?P<number>{_NUMBER})")


def whole_token_kind(text: str) -> str | None:
    """``"url"``, ``"email"`` or ``"number"`` when ``text`` is one such unit, else None."""
    m = WHOLE_TOKEN_RE.fullmatch(text)
    return m.lastgroup if m else None


def _keep_whole(chunk: str, offset: int, spans: list[tuple[str, int, int]]):
    """Merge the segmenter's pieces of each URL, e-mail address or number in ``chunk`` into one
    token; a token reaching across the unit's edge is cut there. Offsets stay into the text."""
    units = [(offset + m.start(), offset + m.end()) for m in WHOLE_TOKEN_RE.finditer(chunk)]
    if not units:
        return spans
    cuts = sorted({x for unit in units for x in unit})
    out: list[tuple[str, int, int]] = []
    merged_unit = None
    for _, a, b in spans:
        points = [a, *(c for c in cuts if a < c < b), b]
        for x, y in zip(points, points[1:], strict=False):
            piece = chunk[x - offset : y - offset]
            lead = len(piece) - len(piece.lstrip())
            x, y = x + lead, y - (len(piece) - lead - len(piece[lead:].rstrip()))
            if x >= y:
                continue
            unit = next((u for u in units if u[0] <= x and y <= u[1]), None)
            if unit is not None and unit == merged_unit:
                continue  # already emitted whole
            if unit is not None:
                out.append((chunk[unit[0] - offset : unit[1] - offset], *unit))
            else:
                out.append((chunk[x - offset : y - offset], x, y))
            merged_unit = unit
    return out


def _word_spans(sentence: Sentence) -> list[tuple[str, int, int]]:
    return [span for piece in _piece_spans(sentence) for span in piece]


def _piece_spans(sentence: Sentence) -> list[list[tuple[str, int, int]]]:
    """Words of each piece of the sentence (see :func:`_chunks`), offsets into the paragraph."""
    pieces: list[list[tuple[str, int, int]]] = []
    for chunk, offset in _chunks(sentence):
        words = [
            piece for word in _segment(_space_name_hyphens(chunk)) for piece in _split_glued(word)
        ]
        aligned = _align(words, chunk, offset)
        covered = sum(1 for w, _, _ in aligned for c in w if not c.isspace())
        if covered != sum(1 for c in chunk if not c.isspace()):
            # The segmenter changed the text's length: fall back to whitespace units.
            aligned = [
                (m.group(), offset + m.start(), offset + m.end())
                for m in re.finditer(r"\S+", chunk)
            ]
        pieces.append(_keep_whole(chunk, offset, aligned))
    return pieces


def sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets; a sentence never crosses a line break."""
    return list(_sentences(text))


class TextCache:
    """A small LRU cache keyed by a text, bounded by the total length of the texts it holds.

    Tables no longer meet here: a document is analysed once (:func:`helpers.analysis.analyse`)
    and every table reads that analysis. What is left is the one repeat the analysis cannot
    avoid: ``entities.extract(text)`` takes only the text, so it segments and tags the paragraph
    that :func:`tokens` has just done, and a paragraph's sentences are read by both. The most
    recent text is therefore always kept, however long, and older ones only within a small
    budget of characters (evaluation runs and notebooks' examples ask for short texts again).
    """

    def __init__(self, function, max_characters: int) -> None:
        functools.update_wrapper(self, function)
        self.function = function
        self.max_characters = max_characters
        self.entries: OrderedDict[str, object] = OrderedDict()
        self.characters = 0
        self.hits = self.misses = 0

    def __call__(self, text: str):
        if text in self.entries:
            self.entries.move_to_end(text)
            self.hits += 1
            return self.entries[text]
        self.misses += 1
        value = self.function(text)
        self.entries[text] = value
        self.characters += len(text)
        while self.characters > self.max_characters and len(self.entries) > 1:
            old, _ = self.entries.popitem(last=False)
            self.characters -= len(old)
        return value

    def cache_clear(self) -> None:
        self.entries.clear()
        self.characters = self.hits = self.misses = 0

    def cache_info(self) -> CacheInfo:
        return CacheInfo(self.hits, self.misses, len(self.entries), self.characters)


@dataclass(frozen=True)
class CacheInfo:
    hits: int
    misses: int
    currsize: int  # texts held
    characters: int  # their total length


# Beyond the most recent text: a few paragraphs' worth (memory under 100 bytes a character).
MAX_CACHED_CHARACTERS = 50_000


def text_cache(function):
    return TextCache(function, MAX_CACHED_CHARACTERS)


@text_cache
def _sentences(text: str) -> tuple[Sentence, ...]:
    from underthesea import sent_tokenize as ut_sent_tokenize

    out: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        pos = 0
        for piece in ut_sent_tokenize(line) if line.strip() else []:
            piece = piece.strip()
            found = line.find(piece, pos)
            if found < 0:  # sent_tokenize altered the text; keep the rest of the line whole
                rest = line[pos:].strip()
                if rest:
                    found = line.index(rest, pos)
                    out.append(
                        Sentence(len(out), line_start + found, line_start + found + len(rest), rest)
                    )
                pos = len(line)
                break
            out.append(
                Sentence(len(out), line_start + found, line_start + found + len(piece), piece)
            )
            pos = found + len(piece)
        line_start += len(line) + 1
    return _join_cut_units(text, out)


def _join_cut_units(text: str, found: list[Sentence]) -> tuple[Sentence, ...]:
    """Join two sentences that sent_tokenize cut inside a URL, an e-mail address or a number
    ("www." | "facebook.com"): the dot there ends no sentence."""
    ends_inside = {
        end
        for m in WHOLE_TOKEN_RE.finditer(text)
        for end in (s.end for s in found)
        if m.start() < end < m.end()
    }
    if not ends_inside:
        return tuple(found)
    out: list[Sentence] = []
    for s in found:
        if out and out[-1].end in ends_inside:
            start = out[-1].start
            out[-1] = Sentence(out[-1].index, start, s.end, text[start : s.end])
        else:
            out.append(Sentence(len(out), s.start, s.end, s.text))
    return tuple(out)


def word_tokenize(text: str) -> list[str]:
    """Words of ``text`` as written, multi-syllable words with their inner spaces (``khủng bố``)."""
    return [w for s in sentences(text) for w, _, _ in _word_spans(s)]


def tokens(text: str) -> list[Token]:
    """Every word and punctuation mark of ``text`` with offsets, POS tag and sentence index.

    POS tags are underthesea's VLSP set (``N`` noun, ``Np`` proper noun, ``V`` verb, ``A``
    adjective, ``CH`` punctuation, ...).
    """
    return list(_tokens(text))


@text_cache
def _tokens(text: str) -> tuple[Token, ...]:
    out: list[Token] = []
    for sentence in _sentences(text):
        for piece, spans in enumerate(_piece_spans(sentence)):
            if not spans:
                continue
            # underthesea.pos_tag re-segments its input; its CRF tags our own segmentation
            tags = crf_features.pos_tags([w for w, _, _ in spans])
            out.extend(
                Token(w, a, b, tag, sentence.index, piece)
                for (w, a, b), tag in zip(spans, tags, strict=True)
            )
    return tuple(out)


@cache
def pos_labels() -> dict[str, str]:
    """English names of underthesea's POS tags (``data/pos_tags.tsv``)."""
    rows = [line.split("\t") for line in read_data_lines("pos_tags.tsv")[1:]]
    return {tag: label for tag, label in rows}


def segmentation_comparison(source: str | Sequence[Token], limit: int = 25) -> pd.DataFrame:
    """The first ``limit`` words of a text (or of tokens already found, e.g. one paragraph's
    from an analysis) beside the syllables a naive space split gives."""
    import pandas as pd

    found = word_tokenize(source) if isinstance(source, str) else [t.text for t in source]
    words = [w for w in found if _WORD_CHAR.search(w)][:limit]
    rows = [
        {"word": w, "syllables": " + ".join(w.split()), "naive units": len(w.split())}
        for w in words
    ]
    return pd.DataFrame(rows, columns=["word", "syllables", "naive units"])


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The script of a letter from its Unicode name: LATIN, CJK, ARABIC, CYRILLIC, ..."""
    if char.isdigit():
        return "DIGIT"
    name = unicodedata.name(char, "UNKNOWN")
    return "CJK" if name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")) else name.split()[0]


_SCRIPT_CLASSES = {
    "vietnamese": "Vietnamese (Latin letters spelling a Vietnamese syllable)",
    "latin": "other Latin-script words (foreign names, English, ...)",
    "cjk": "Chinese, Japanese or Korean characters",
    "arabic": "Arabic script (Urdu, Persian, Pashto, Arabic)",
    "digit": "digits",
}


def script_table(source: str | Document) -> pd.DataFrame:
    """How much of the text is Vietnamese, by script and language class.

    Every run of letters and digits is cut where the script changes; a Latin-script run is
    ``vietnamese`` when it is spelled as a Vietnamese syllable (:func:`is_native_syllable`), so
    short English words such as *to* count as Vietnamese-shaped. Columns ``class``, ``what``,
    ``runs``, ``characters``, ``share`` (of all letters and digits) and ``examples`` (the three
    most frequent runs), most characters first.
    """
    from collections import Counter

    import pandas as pd

    text = source if isinstance(source, str) else source.text
    runs: Counter[tuple[str, str]] = Counter()
    for match in SYLLABLE_RE.finditer(text):
        word = match.group()
        start = 0
        for i in range(1, len(word) + 1):
            if i == len(word) or _script(word[i]) != _script(word[start]):
                part, script = word[start:i], _script(word[start])
                if script == "LATIN":
                    script = "vietnamese" if is_native_syllable(part) else "latin"
                runs[(script.lower(), part)] += 1
                start = i
    total = sum(len(part) * n for (_, part), n in runs.items()) or 1
    rows = []
    for cls in sorted({c for c, _ in runs}):
        parts = {p: n for (c, p), n in runs.items() if c == cls}
        chars = sum(len(p) * n for p, n in parts.items())
        examples = sorted(parts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        rows.append(
            {
                "class": cls,
                "what": _SCRIPT_CLASSES.get(cls, f"{cls.title()} script"),
                "runs": sum(parts.values()),
                "characters": chars,
                "share": chars / total,
                "examples": ", ".join(p for p, _ in examples),
            }
        )
    rows.sort(key=lambda r: (-r["characters"], r["class"]))
    return pd.DataFrame(rows, columns=["class", "what", "runs", "characters", "share", "examples"])


def non_vietnamese_share(source: str | Document) -> float:
    """Share of letters (digits excluded) not in Vietnamese-spelled syllables."""
    table = script_table(source)
    letters = table[table["class"] != "digit"]
    total = letters["characters"].sum()
    return (
        float(letters.loc[letters["class"] != "vietnamese", "characters"].sum() / total)
        if total
        else 0.0
    )
