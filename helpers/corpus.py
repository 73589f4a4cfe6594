"""Step 1: load a corpus document into a :class:`Document`.

A corpus document is a UTF-8 plain-text file ``corpus/<id>.txt``, one paragraph a line, with a
metadata record ``corpus/<id>.json`` beside it (format in ``corpus/README.md``). Loading never
writes anything: the corpus is raw data and stays byte-identical.

The text a user sees is the file decoded as UTF-8, with a byte-order mark removed, line endings
unified to ``\\n``, markup removed from an HTML file, invisible characters (zero-width spaces and
joiners, soft hyphens, direction marks) removed, no-break and other Unicode spaces made plain
spaces, NFC-normalised, tone marks placed new-style (``hoà`` → ``hòa``, as underthesea's normaliser
does), and trailing blank lines dropped. Every offset the helpers report points into that text
(``Document.text``); ``Document.changes`` counts each kind of change.
"""

from __future__ import annotations

import codecs
import datetime
import json
import re
import shlex
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .files import UnreadableFile, read_bounded
from .orthography import TONE_MARKS as _TONE_MARKS
from .orthography import is_native_syllable, normalise_tones, slugify
from .paths import CORPUS_DIR, display_path

if TYPE_CHECKING:
    import pandas as pd

ParagraphKind = Literal["title", "heading", "caption", "body"]

# A photo caption line as Vietnamese news sites print it: "(Ảnh minh họa: Reuters)", "Ảnh: TTXVN".
_CAPTION = re.compile(
    r"^\(?\s*(?:Nguồn\s+)?Ảnh(?:\s+minh\s+h(?:ọa|oạ))?\s*:\s*(?P<credit>[^()]+?)\s*\)?$",
    re.IGNORECASE,
)
# A section heading in text flattened from a wiki: "== Lịch sử ==".
_HEADING = re.compile(r"^(=+)\s*(?P<title>.+?)\s*\1$")


class CorpusError(Exception):
    """Bad corpus input: the message names the file and the problem."""


# Reading is bounded: a text larger than this is refused (a 50 MB text loads, in a few minutes),
# and so is a metadata record larger than its own limit.
MAX_TEXT_BYTES = 100 * 1024 * 1024
MAX_METADATA_BYTES = 1024 * 1024
# Ids become file and folder names (corpus/<id>.txt, reports/<id>/) and appear in links.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 100
# Folder names under reports/ that are not documents, so no document may take them as its id.
RESERVED_IDS = frozenset({"collection", "screenshots"})


@dataclass(frozen=True)
class Paragraph:
    """One line of the document, with offsets into ``Document.text``."""

    index: int
    start: int
    end: int
    text: str
    kind: ParagraphKind


@dataclass(frozen=True)
class Document:
    """A loaded corpus document."""

    id: str
    title: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    metadata: dict = field(default_factory=dict)
    path: Path | None = None
    changes: LoadReport = field(default_factory=lambda: LoadReport())

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """Body paragraphs only (no title, headings or photo captions)."""
        return tuple(p for p in self.paragraphs if p.kind == "body")

    @property
    def body_text(self) -> str:
        """The body paragraphs joined by newlines (a fresh string: its offsets are its own)."""
        return "\n".join(p.text for p in self.body)


# ---------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class LoadReport:
    """What loading changed between the file's bytes and ``Document.text``, counted.

    Each count is the number of places changed; ``warnings`` are also put in the document's
    metadata (``warnings``), so a reader of the notebooks sees them.
    """

    bom: int = 0  # byte-order mark at the start of the file, removed
    line_endings: int = 0  # CRLF, CR and Unicode line/paragraph separators made "\n"
    html_tags: int = 0  # tags and comments removed from an HTML file
    html_entities: int = 0  # character references decoded in an HTML file (&amp; &#7879; ...)
    zero_width: int = 0  # invisible characters removed (or made a space between two syllables)
    spaces: int = 0  # non-breaking and other Unicode spaces made a plain space
    nfc: int = 0  # words whose code points NFC changed (decomposed input)
    tones: int = 0  # words underthesea's normaliser corrects (hoà → hòa, ð → đ)
    warnings: tuple[str, ...] = ()

    def table(self) -> pd.DataFrame:
        """One row per kind of change: ``change``, ``count``, ``what loading did``."""
        import pandas as pd

        rows = [
            {"change": name, "count": getattr(self, name), "what loading did": what}
            for name, what in _CHANGES.items()
        ]
        return pd.DataFrame(rows, columns=["change", "count", "what loading did"])


_CHANGES = {
    "bom": "byte-order mark at the start removed",
    "line_endings": "CRLF, CR and Unicode line separators made \\n",
    "html_tags": "HTML tags and comments removed (HTML files only)",
    "html_entities": "HTML character references decoded (HTML files only)",
    "zero_width": "zero-width and other invisible characters removed (or made a space)",
    "spaces": "non-breaking and other Unicode spaces made plain spaces",
    "nfc": "words recomposed to Unicode NFC",
    "tones": "words with old-style tone placement made new-style (hoà → hòa)",
}

_LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029\x85]")
# Unicode space separators other than " " (no-break, narrow no-break, figure, thin, em, ...).
_OTHER_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible characters pasted from web pages and word processors: zero-width space, non-joiner,
# joiner, left-to-right and right-to-left marks, word joiner, zero-width no-break space, soft hyphen.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad]+")
_SYLLABLE_BEFORE = re.compile(r"[^\W_]+$")
_SYLLABLE_AFTER = re.compile(r"^[^\W_]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|a|b|i|em|strong|h[1-6]|li|ul|ol|table|tr|td|html|body|head|script|style)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)
# Windows-1258 spells Vietnamese with these letters plus combining tone marks.
_VIETNAMESE_LETTERS = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")


def read_text(path: Path) -> str:
    """The text of a corpus file as a :class:`Document` holds it; :class:`CorpusError` if unusable.

    This is the one function that reads and decodes a file: the corpus ``add`` command calls it
    to validate a file before copying it into ``corpus/``.
    """
    return _load_text(path)[0]


_read_text = read_text  # the name other helpers have used


def _read_file(path: Path, limit: int) -> bytes:
    try:
        return read_bounded(path, limit)
    except UnreadableFile as err:
        raise CorpusError(str(err)) from None


def _load_text(path: Path) -> tuple[str, LoadReport]:
    return _text_from_bytes(_read_file(path, MAX_TEXT_BYTES), path)


def _text_from_bytes(data: bytes, path: Path) -> tuple[str, LoadReport]:
    where = display_path(path)
    return normalise_text(_decode(data, path), path, where)


def normalise_text(text: str, path: Path, where: str) -> tuple[str, LoadReport]:
    """Decoded text made what a :class:`Document` holds (see the module docstring), with what
    changed counted; ``path`` is the file it came from and ``where`` names it (and the record
    within it, for an archive) in a :class:`CorpusError`."""
    counts: dict[str, int] = {}
    warnings: list[str] = []
    counts["bom"] = int(text.startswith("\ufeff"))
    text = text.removeprefix("\ufeff")
    text, counts["line_endings"] = _LINE_BREAK.subn("\n", text)
    _check_double_encoding(text, path)
    if path.suffix.lower() in _HTML_SUFFIXES or _HTML_START.match(text):
        text, counts["html_tags"], counts["html_entities"] = _html_to_text(text)
        warnings.append(
            f"{where}: an HTML file; {counts['html_tags']} tags removed and "
            f"{counts['html_entities']} character references decoded, so offsets point into "
            "the extracted text, not into the file"
        )
    elif tag := _HTML_TAG.search(text):
        warnings.append(
            f"{where}: contains what looks like HTML markup ({tag.group()!r}), left as it is "
            "because the file is not HTML"
        )
    # Invisible characters go before NFC: removing one may leave a letter and a combining mark
    # side by side that NFC must then compose.
    text, counts["zero_width"] = _remove_zero_width(text)
    text, counts["spaces"] = _OTHER_SPACE.subn(" ", text)
    text, counts["nfc"] = _nfc(text)
    text, counts["tones"] = normalise_tones(text)
    text = text.rstrip()
    if not text:
        raise CorpusError(f"{where}: the file is empty or holds only whitespace")
    return text, LoadReport(**counts, warnings=tuple(warnings))


def _convert_hint(path: Path, encoding: str, target: str = "utf8", to: str = "UTF-8") -> str:
    """A shell command converting the file; file names are quoted for the shell."""
    converted = shlex.quote(f"{path.stem}.{target}{path.suffix}")
    return f"`iconv -f {encoding} -t {to} {shlex.quote(path.name)} > {converted}`"


def _decode(data: bytes, path: Path) -> str:
    where = display_path(path)
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "UTF-32LE"),
        (codecs.BOM_UTF32_BE, "UTF-32BE"),
        (codecs.BOM_UTF16_LE, "UTF-16LE"),
        (codecs.BOM_UTF16_BE, "UTF-16BE"),
    ):
        if data.startswith(bom):
            raise CorpusError(
                f"{where}: is {encoding} text (it starts with a {encoding} byte-order mark), "
                f"not UTF-8; convert it first, e.g. {_convert_hint(path, encoding[:6])}"
            )
    if b"\x00" in data:
        # UTF-16 without a byte-order mark: ASCII letters alternate with NUL bytes.
        odd = data[1::2].count(0) / max(1, len(data) // 2)
        even = data[0::2].count(0) / max(1, (len(data) + 1) // 2)
        if max(odd, even) > 0.3:
            encoding = "UTF-16LE" if odd > even else "UTF-16BE"
            raise CorpusError(
                f"{where}: contains NUL bytes, so it is not UTF-8; it looks like {encoding} "
                f"without a byte-order mark. Convert it first, e.g. {_convert_hint(path, encoding)}"
            )
        raise CorpusError(f"{where}: contains NUL bytes; it is a binary file, not UTF-8 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        found = f"{where}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
    raise CorpusError(f"{found}; {_legacy_advice(data, path)}") from None


def _legacy_advice(data: bytes, path: Path) -> str:
    """Which legacy Vietnamese encoding the bytes look like, and how to convert them."""
    if _reads_as_vietnamese(data.decode("cp1258", errors="replace")):
        return (
            "it looks like Windows-1258 (the Windows Vietnamese code page). Convert it to UTF-8 "
            f"before adding it, e.g. {_convert_hint(path, 'WINDOWS-1258')}"
        )
    high = [i for i, b in enumerate(data) if b >= 0x80]
    after_vowel = sum(1 for i in high if i and data[i - 1 : i] in b"aeiouyAEIOUY")
    if high and after_vowel / len(high) >= 0.8:
        # VNI writes a Vietnamese letter as an ASCII vowel followed by a diacritic byte.
        return (
            "it looks like VNI (a font-based Vietnamese encoding that iconv does not know). "
            "Convert it to Unicode UTF-8 with a Vietnamese converter such as UniKey's "
            "(Unicode as the target), then add the converted file"
        )
    return (
        "it may be TCVN3 (ABC), VNI or Windows-1258, the legacy Vietnamese encodings. Convert it "
        f"to UTF-8 before adding it, e.g. for TCVN3 {_convert_hint(path, 'TCVN5712-1')}, for "
        f"Windows-1258 {_convert_hint(path, 'WINDOWS-1258')}"
    )


def _reads_as_vietnamese(text: str) -> bool:
    """Nearly every word with a non-ASCII letter is spelled with Vietnamese letters and one tone."""
    words = [w for w in _LETTERS.findall(unicodedata.normalize("NFC", text)) if not w.isascii()]
    if not words or "\ufffd" in text:
        return False

    def vietnamese(word: str) -> bool:
        marks = [c for c in unicodedata.normalize("NFD", word) if c in _TONE_MARKS]
        base = unicodedata.normalize(
            "NFC", "".join(c for c in unicodedata.normalize("NFD", word) if c not in _TONE_MARKS)
        )
        return len(marks) <= 1 and set(base.lower()) <= _VIETNAMESE_LETTERS

    return sum(map(vietnamese, words)) / len(words) >= 0.9


# Windows-1252 characters outside Latin-1, with their bytes: UTF-8 read as Windows-1252 gives them.
_CP1252_EXTRA = {
    c: chr(b) for b in range(0x80, 0xA0) if (c := bytes([b]).decode("cp1252", "ignore"))
}
_NOT_CP1252 = re.compile("[^\x00-\xff" + re.escape("".join(_CP1252_EXTRA)) + "]")


def _check_double_encoding(text: str, path: Path) -> None:
    """Refuse UTF-8 that was read as Windows-1252 and saved again ("HÃ  Ná»™i" for "Hà Nội")."""
    if text.isascii() or _NOT_CP1252.search(text):
        return
    raw = text.translate(str.maketrans(_CP1252_EXTRA)).encode("latin-1")
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    sample = next((w for w in text.split() if not w.isascii()), "")
    repaired_sample = next((w for w in repaired.split() if not w.isascii()), "")
    raise CorpusError(
        f"{display_path(path)}: the text is garbled UTF-8 (mojibake: {sample!r} for "
        f"{repaired_sample!r}); it was decoded as Windows-1252 and saved again. Repair it before "
        f"adding it, e.g. {_convert_hint(path, 'UTF-8', 'fixed', 'WINDOWS-1252')}"
    )


class _HTMLText(HTMLParser):
    """The text of an HTML page, one block element a line, whitespace collapsed as a browser does."""

    BLOCKS = frozenset(
        "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
        "h6 header hr li main nav ol p pre section table td th title tr ul".split()
    )
    HIDDEN = frozenset("head script style template noscript".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags = 0
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.tags += 1
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.tags += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.tags += 1
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_comment(self, data):
        self.tags += 1

    def handle_decl(self, decl):
        self.tags += 1

    def handle_data(self, data):
        if not self.hidden:
            # HTML whitespace collapses; a no-break space (&nbsp;) is not HTML whitespace.
            self.parts.append(re.sub(r"[ \t\n\f\r]+", " ", data))


def _html_to_text(text: str) -> tuple[str, int, int]:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    lines = (line.strip(" ") for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line), parser.tags, len(_HTML_ENTITY.findall(text))


def _is_other_script(char: str) -> bool:
    return char.isalpha() and not unicodedata.name(char, "").startswith("LATIN")


def _remove_zero_width(text: str) -> tuple[str, int]:
    """Remove invisible characters so they neither split a word nor glue two together.

    Inside a word they go (``N\u200bội`` → ``Nội``); a zero-width space between two whole
    syllables becomes a space (``Hà\u200bNội`` → ``Hà Nội``). Next to Arabic, Indic or other
    non-Latin letters they are kept: there joiners and non-joiners are part of the spelling.
    """
    if not _ZERO_WIDTH.search(text):
        return text, 0
    changed = 0

    def replace(m: re.Match) -> str:
        nonlocal changed
        s, e = m.span()
        before, after = text[s - 1 : s], text[e : e + 1]
        if _is_other_script(before) or _is_other_script(after):
            return m.group()
        changed += len(m.group())
        left = _SYLLABLE_BEFORE.search(text, max(0, s - 20), s)
        right = _SYLLABLE_AFTER.match(text[e : e + 20])
        if "\u200b" in m.group() and left and right:
            whole = left.group() + right.group()
            if (
                is_native_syllable(left.group())
                and is_native_syllable(right.group())
                and not is_native_syllable(whole)
            ):
                return " "
        return ""

    return _ZERO_WIDTH.sub(replace, text), changed


def _nfc(text: str) -> tuple[str, int]:
    if unicodedata.is_normalized("NFC", text):
        return text, 0
    changed = sum(
        1 for m in re.finditer(r"\S+", text) if not unicodedata.is_normalized("NFC", m.group())
    )
    return unicodedata.normalize("NFC", text), changed


# The metadata schema (corpus/README.md): field → (type, meaning). Other fields may hold a
# string, number, boolean or null (a note such as ``date_note``); null means "not given".
METADATA_FIELDS: dict[str, tuple[type, str]] = {
    "id": (str, "the document id, equal to the file name without .txt"),
    "title": (str, "the title in Vietnamese"),
    "title_en": (str, "an English rendering of the title"),
    "date": (str, "a calendar date YYYY-MM-DD"),
    "language": (str, "a language code such as vi"),
    "title_line": (bool, "true or false: the first line is the headline"),
    "source": (str, "where the text comes from"),
    "photo_credit": (str, "the credit of a photo caption"),
    "converted_from": (str, "the file the text was extracted from (an HTML page)"),
}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def check_date(date: str) -> str | None:
    """Why ``date`` is not a calendar date ``YYYY-MM-DD`` that exists, or None if it is one."""
    if not _DATE.fullmatch(date):
        return f"'{_clip(date)}' is not a calendar date YYYY-MM-DD"
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return f"'{date}' is not a calendar date YYYY-MM-DD (no such day)"
    return None


def check_id(doc_id: str) -> str | None:
    """Why ``doc_id`` cannot be a document id, or None if it can."""
    if len(doc_id) > MAX_ID_LENGTH:
        return f"an id is at most {MAX_ID_LENGTH} characters, not {len(doc_id):,}"
    if not ID_PATTERN.fullmatch(doc_id):
        return (
            f"'{_clip(doc_id)}' is not a valid id (lower-case ASCII letters, digits and single "
            "hyphens)"
        )
    if doc_id in RESERVED_IDS:
        return f"'{doc_id}' is reserved for the rendered site"
    return None


def _clip(value: str, width: int = 60) -> str:
    """``value`` shortened for an error message, unprintable characters escaped."""
    shown = value if len(value) <= width else value[: width - 3] + "..."
    return shown.encode("unicode_escape").decode("ascii") if not shown.isprintable() else shown


def _valid_unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, e.g. "\ud800" in JSON
        return False
    return True


def check_metadata(meta: object, path: Path, stem: str | None = None) -> dict:
    """The metadata record ``meta`` (read from ``path``) checked against the schema.

    Returns it without null values; raises :class:`CorpusError` naming the file and the field
    for a wrong type, a date that is not an existing ``YYYY-MM-DD`` day, an ``id`` other than
    ``stem`` (the text file's name), a nested value, or text that is not valid Unicode.
    """
    where = display_path(path)
    if not isinstance(meta, dict):
        raise CorpusError(f"{where}: metadata must be a JSON object, not {type(meta).__name__}")
    checked = {}
    for key, value in meta.items():
        if not _valid_unicode(key):
            raise CorpusError(f"{where}: a field name is not valid Unicode text ({_clip(key)})")
        field = f"{where}: field '{_clip(key)}'"
        if value is None:
            continue
        if key in METADATA_FIELDS:
            kind, meaning = METADATA_FIELDS[key]
            if type(value) is not kind:
                raise CorpusError(
                    f"{field} must be {meaning}, not {_json_type(value)} {_clip(str(value))}"
                )
        elif type(value) not in (str, int, float, bool):
            raise CorpusError(
                f"{field} holds {_json_type(value)}; fields other than "
                f"{', '.join(METADATA_FIELDS)} hold a string, number, boolean or null"
            )
        if isinstance(value, str) and not _valid_unicode(value):
            raise CorpusError(f"{field} is not valid Unicode text (a lone surrogate)")
        if key == "date" and (problem := check_date(value)):
            raise CorpusError(f"{field}: {problem}")
        if key == "language" and not _LANGUAGE.fullmatch(value):
            raise CorpusError(f"{field} must be a language code such as vi, not '{_clip(value)}'")
        if key == "id" and stem is not None and value != stem:
            raise CorpusError(
                f"{field} is '{_clip(value)}' but must be the file's own name, '{_clip(stem)}' "
                "(or be left out)"
            )
        checked[key] = value
    return checked


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    names |= {list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _no_duplicates(path: Path):
    def hook(pairs: list[tuple[str, object]]) -> dict:
        keys = [k for k, _ in pairs]
        if len(set(keys)) < len(keys):
            twice = next(k for k in keys if keys.count(k) > 1)
            raise CorpusError(f"{display_path(path)}: field '{_clip(twice)}' is given twice")
        return dict(pairs)

    return hook


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def read_metadata(path: Path, stem: str | None = None) -> dict:
    """The checked metadata record at ``path``; an empty record if there is none."""
    try:
        if not path.exists():
            return {}
    except (OSError, ValueError):
        pass  # the read below names the problem
    data = _read_file(path, MAX_METADATA_BYTES)
    try:
        meta = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicates(path),
            parse_constant=_no_constant,
        )
    except (UnicodeDecodeError, ValueError) as err:  # JSONDecodeError is a ValueError
        raise CorpusError(
            f"{display_path(path)}: metadata is not valid UTF-8 JSON ({err})"
        ) from None
    except RecursionError:
        raise CorpusError(f"{display_path(path)}: metadata is nested too deeply") from None
    return check_metadata(meta, path, stem)


def _split_paragraphs(text: str, title_line: bool) -> tuple[Paragraph, ...]:
    paragraphs: list[Paragraph] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            if title_line and not paragraphs:
                kind: ParagraphKind = "title"
            elif _CAPTION.match(stripped):
                kind = "caption"
            elif _HEADING.match(stripped):
                kind = "heading"
            else:
                kind = "body"
            paragraphs.append(
                Paragraph(len(paragraphs), start, start + len(stripped), stripped, kind)
            )
        offset += len(line) + 1
    return tuple(paragraphs)


def resolve(id_or_path: str | Path) -> tuple[Path, Path]:
    """The text file and metadata file for a corpus id or a path to a ``.txt`` file."""
    if "\x00" in str(id_or_path):
        raise CorpusError(f"{_clip(str(id_or_path))}: a path cannot contain a NUL character")
    candidate = Path(id_or_path)
    looks_like_path = candidate.suffix or len(candidate.parts) > 1
    if not looks_like_path:
        if problem := check_id(str(id_or_path)):
            raise CorpusError(f"{problem}: not a document id in the corpus")
        text_path = CORPUS_DIR / f"{id_or_path}.txt"
        if not text_path.exists():
            known = ", ".join(list_documents()) or "none"
            raise CorpusError(
                f"corpus/{id_or_path}.txt: no document with id '{id_or_path}' in the corpus "
                f"(known ids: {known})"
            )
        return text_path, text_path.with_suffix(".json")
    return candidate, candidate.with_suffix(".json")


def list_documents() -> list[str]:
    """Ids of the documents in ``corpus/``, sorted: ``<id>.txt`` files with a valid id (a
    metadata record alone is not a document)."""
    return sorted(p.stem for p in CORPUS_DIR.glob("*.txt") if not check_id(p.stem))


def load_document(id_or_path: str | Path) -> Document:
    """Load a document by corpus id (``cn-pk-strategic-dialogue-2026-01-04``) or by path.

    Raises :class:`CorpusError`, naming the file, for an unknown id, a missing path, a directory,
    an empty file, or one that is not UTF-8 (a legacy encoding, UTF-16, garbled UTF-8): the
    message says how to convert it. What loading changed is counted in ``Document.changes``.
    """
    text_path, meta_path = resolve(id_or_path)
    text, changes = _load_text(text_path)
    # the metadata's id, if given, is checked to be the file's own name
    return build_document(text, changes, read_metadata(meta_path, text_path.stem), text_path)


def build_document(text: str, changes: LoadReport, meta: dict, text_path: Path) -> Document:
    """A :class:`Document` from normalised text and its checked metadata record (the id defaults
    to the file's name); an archive article is built the same way, with its archive's path."""
    paragraphs = _split_paragraphs(text, title_line=bool(meta.get("title_line", False)))
    doc_id = str(meta.get("id") or text_path.stem)
    title = meta.get("title") or (paragraphs[0].text if meta.get("title_line") else doc_id)
    credits = [caption_credit(p) for p in paragraphs if p.kind == "caption"]
    meta = {"id": doc_id, "title": title, "language": "vi", **meta}
    if credits and "photo_credit" not in meta:
        meta["photo_credit"] = credits[0]
    if changes.warnings:
        meta["warnings"] = list(changes.warnings)
    return Document(doc_id, title, text, paragraphs, meta, text_path, changes)


def caption_credit(paragraph: Paragraph) -> str | None:
    """The credit named in a photo-caption paragraph, e.g. ``Reuters``."""
    match = _CAPTION.match(paragraph.text)
    return match.group("credit") if match else None


def metadata_table(doc: Document) -> pd.DataFrame:
    """The metadata record as a two-column table (field, value)."""
    import pandas as pd

    rows = [{"field": k, "value": str(v)} for k, v in doc.metadata.items()]
    return pd.DataFrame(rows, columns=["field", "value"])


def paragraph_table(doc: Document) -> pd.DataFrame:
    """One row per paragraph: index, kind, start, end, characters and the opening words."""
    import pandas as pd

    rows = [
        {
            "paragraph": p.index,
            "kind": p.kind,
            "start": p.start,
            "end": p.end,
            "characters": p.end - p.start,
            "opening": p.text if len(p.text) <= 60 else p.text[:57] + "...",
        }
        for p in doc.paragraphs
    ]
    return pd.DataFrame(
        rows, columns=["paragraph", "kind", "start", "end", "characters", "opening"]
    )


# ---------------------------------------------------------------------------- adding documents


ADD_STAGING = ".add-"  # corpus/.add-XXXX/: a document being added, staged


def add_document(
    path: str | Path,
    doc_id: str | None = None,
    *,
    title: str | None = None,
    title_en: str | None = None,
    date: str | None = None,
    source: str | None = None,
    title_line: bool = False,
    corpus_dir: Path = CORPUS_DIR,
) -> Document:
    """Add a UTF-8 text file to the corpus with its metadata record; returns the loaded copy.

    The id is ``slugify`` of the file name unless given. Nothing is written when the text does not
    decode, the id is taken or malformed, or a field breaks the metadata schema: each raises
    :class:`CorpusError`. A text file is copied byte for byte; an HTML page is stored as the text
    extracted from it (what was checked), with ``converted_from`` naming the page.

    Crash-safe: both files are staged in a hidden folder and loaded with :func:`load_document`,
    then linked into place, the metadata record first and the ``.txt`` last: the ``.txt`` is the
    commit point, since only it makes the id a document. Adds run one at a time (a lock on the
    corpus folder); each first removes what a killed add left (its staging folder, and a metadata
    record linked from it whose text never arrived). A link never replaces an existing file.
    Ctrl-C before the commit adds nothing; during the commit, it is held until the commit ends.
    """
    import dataclasses

    from .files import (
        Interrupted,
        deferred_interrupt,
        folder_lock,
        remove_stale_staging,
        staging_folder,
    )

    path = Path(path)
    committed = False
    try:
        data = _read_file(path, MAX_TEXT_BYTES)  # bounded: read once, so checked = stored
        text, changes = _text_from_bytes(data, path)
        if changes.html_tags:
            data = (text + "\n").encode("utf-8")
        doc_id = doc_id if doc_id is not None else slugify(path.stem)
        if problem := check_id(doc_id):
            raise CorpusError(f"{display_path(path)}: {problem}; give another one with --id")
        fields = {
            "id": doc_id,
            "title": title,
            "title_en": title_en,
            "date": date,
            "language": "vi",
            "title_line": title_line,
            "source": source,
            "converted_from": path.name if changes.html_tags else None,
        }
        targets = [corpus_dir / f"{doc_id}{suffix}" for suffix in (".txt", ".json")]
        meta = check_metadata(fields, targets[1], doc_id)
        with folder_lock(corpus_dir):
            _clean_interrupted_adds(corpus_dir, remove_stale_staging)
            for target in targets:
                if target.exists() or target.is_symlink():
                    raise CorpusError(f"{display_path(target)}: {_taken(target)}")
            with staging_folder(corpus_dir, ADD_STAGING) as staging:
                staged_text, staged_meta = (staging / t.name for t in targets)
                staged_text.write_bytes(data)
                staged_meta.write_text(
                    json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8"
                )
                doc = load_document(staged_text)  # a full load of exactly what will be stored
                if doc.text != text:
                    raise CorpusError(
                        f"{display_path(path)}: the extracted text does not load back as the "
                        "same text (it reads as HTML again); convert the page to text first"
                    )
                with deferred_interrupt():
                    _link_into_place(((staged_meta, targets[1]), (staged_text, targets[0])))
                    committed = True
    except KeyboardInterrupt:
        if committed:
            raise Interrupted(
                f"interrupted after {display_path(targets[0])} was added whole"
            ) from None
        raise Interrupted("interrupted: nothing was added to the corpus") from None
    except OSError as err:
        raise CorpusError(f"{display_path(path)}: could not be added ({err.strerror})") from None
    return dataclasses.replace(doc, path=targets[0])


def _taken(target: Path) -> str:
    if target.suffix == ".json" and not target.with_suffix(".txt").exists():
        return (
            "a metadata record without its text, so not a document (loading ignores it); it was "
            "not written by an interrupted add, so it is left as it is: remove it or choose "
            "another --id"
        )
    return (
        f"a document with id '{target.stem}' is already in the corpus; the corpus is never "
        "overwritten (choose another --id)"
    )


def _link_into_place(pairs) -> None:
    """Hard-link staged files to their targets in order, never replacing a file; on failure,
    the links made so far are removed."""
    import os

    linked: list[Path] = []
    try:
        for staged, target in pairs:
            try:
                os.link(staged, target)
            except FileExistsError:
                raise CorpusError(
                    f"{display_path(target)}: appeared while adding; nothing was overwritten"
                ) from None
            linked.append(target)
    except BaseException:
        for target in linked:
            target.unlink(missing_ok=True)
        raise


def _clean_interrupted_adds(corpus_dir: Path, remove_stale_staging) -> None:
    """Under the corpus lock: a metadata record hard-linked from a staging folder whose ``.txt``
    never arrived is what a killed add leaves between its two links; it is removed, and so are
    the staging folders (kept locked by a live add, so only dead ones are seen)."""
    for staging in sorted(corpus_dir.glob(f"{ADD_STAGING}*")):
        for staged in staging.glob("*.json"):
            target = corpus_dir / staged.name
            try:
                orphan = target.samefile(staged) and not target.with_suffix(".txt").exists()
            except OSError:
                continue
            if orphan:
                target.unlink()
    remove_stale_staging(corpus_dir, ADD_STAGING)
