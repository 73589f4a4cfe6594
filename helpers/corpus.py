"""Step 1: load a corpus document into a :class:`Document`.

A corpus document is a UTF-8 plain-text file ``corpus/<id>.txt``, one paragraph a line, with a
metadata record ``corpus/<id>.json`` beside it (format in ``corpus/README.md``). Loading never
writes anything: the corpus is raw data and stays byte-identical.

The text a user sees is the file decoded as UTF-8, with a byte-order mark removed, line endings
unified to ``\\n``, NFC-normalised, and trailing blank lines dropped. Every offset the helpers report
points into that text (``Document.text``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

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

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """Body paragraphs only (no title, headings or photo captions)."""
        return tuple(p for p in self.paragraphs if p.kind == "body")

    @property
    def body_text(self) -> str:
        """The body paragraphs joined by newlines (a fresh string: its offsets are its own)."""
        return "\n".join(p.text for p in self.body)


def _read_text(path: Path) -> str:
    where = display_path(path)
    if not path.exists():
        raise CorpusError(f"{where}: no such file")
    if path.is_dir():
        raise CorpusError(f"{where}: is a directory, not a text file")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{where}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert the file to UTF-8 before adding it"
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).rstrip()
    if not text:
        raise CorpusError(f"{where}: the file is empty or holds only whitespace")
    return text


def _read_metadata(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise CorpusError(
            f"{display_path(path)}: metadata is not valid UTF-8 JSON ({err})"
        ) from None
    if not isinstance(meta, dict):
        raise CorpusError(f"{display_path(path)}: metadata must be a JSON object")
    return meta


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
    candidate = Path(id_or_path)
    looks_like_path = candidate.suffix or len(candidate.parts) > 1
    if not looks_like_path:
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
    """Ids of the documents in ``corpus/``, sorted."""
    return sorted(p.stem for p in CORPUS_DIR.glob("*.txt"))


def load_document(id_or_path: str | Path) -> Document:
    """Load a document by corpus id (``cn-pk-strategic-dialogue-2026-01-04``) or by path.

    Raises :class:`CorpusError`, naming the file, for an unknown id, a missing path, a directory,
    an empty file or one that is not UTF-8.
    """
    text_path, meta_path = resolve(id_or_path)
    text = _read_text(text_path)
    meta = _read_metadata(meta_path)
    paragraphs = _split_paragraphs(text, title_line=bool(meta.get("title_line", False)))
    doc_id = str(meta.get("id") or text_path.stem)
    title = meta.get("title") or (paragraphs[0].text if meta.get("title_line") else doc_id)
    credits = [caption_credit(p) for p in paragraphs if p.kind == "caption"]
    meta = {"id": doc_id, "title": title, "language": "vi", **meta}
    if credits and "photo_credit" not in meta:
        meta["photo_credit"] = credits[0]
    return Document(doc_id, title, text, paragraphs, meta, text_path)


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

# Folder names under reports/ that are not documents, so no document may take them as its id.
RESERVED_IDS = frozenset({"collection", "screenshots"})
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slugify(name: str) -> str:
    """A lower-case ASCII id from a file name: ``Quan hệ Việt–Pháp`` → ``quan-he-viet-phap``.

    Vietnamese diacritics are dropped and đ becomes d (NFD does not decompose đ).
    """
    folded = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")


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
    """Copy a UTF-8 text file into the corpus with its metadata record; returns the loaded copy.

    The id is ``slugify`` of the file name unless given. Nothing is written when the text does not
    decode, the id is taken or malformed, or the date is not ``YYYY-MM-DD``: each raises
    :class:`CorpusError`. The text is copied byte for byte; both files are staged in a hidden
    folder, loaded with :func:`load_document`, and only then linked into place (a link never
    replaces an existing file, so a concurrent add of the same id cannot overwrite either).
    """
    import datetime
    import os
    import shutil
    import tempfile

    path = Path(path)
    _read_text(path)  # the single decoder: names the file and the problem
    doc_id = doc_id if doc_id is not None else slugify(path.stem)
    if not ID_PATTERN.fullmatch(doc_id):
        raise CorpusError(
            f"{display_path(path)}: '{doc_id}' is not a valid id (lower-case ASCII letters, "
            "digits and single hyphens); give one with --id"
        )
    if doc_id in RESERVED_IDS:
        raise CorpusError(f"'{doc_id}' is reserved for the rendered site; give another --id")
    targets = [corpus_dir / f"{doc_id}{suffix}" for suffix in (".txt", ".json")]
    for target in targets:
        if target.exists():
            raise CorpusError(
                f"{display_path(target)}: a document with id '{doc_id}' is already in the corpus; "
                "the corpus is never overwritten (choose another --id)"
            )
    if date is not None:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                raise ValueError
            datetime.date.fromisoformat(date)
        except ValueError:
            raise CorpusError(f"date '{date}' is not a calendar date YYYY-MM-DD") from None
    fields = {
        "id": doc_id,
        "title": title,
        "title_en": title_en,
        "date": date,
        "language": "vi",
        "title_line": title_line,
        "source": source,
    }
    meta = {k: v for k, v in fields.items() if v is not None}
    corpus_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=corpus_dir, prefix=f".add-{doc_id}-"))
    linked: list[Path] = []
    try:
        staged_text, staged_meta = (staging / t.name for t in targets)
        shutil.copyfile(path, staged_text)
        staged_meta.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
        load_document(staged_text)  # a full load of exactly what will be in the corpus
        # Metadata first: the .txt file is what makes the id visible to list_documents.
        for staged, target in ((staged_meta, targets[1]), (staged_text, targets[0])):
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
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return load_document(targets[0])
