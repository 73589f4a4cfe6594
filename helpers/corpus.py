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
