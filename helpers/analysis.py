"""A document analysed once: one object every table reads, one numbering, stored and reused.

:func:`analyse` segments, tags and extracts a :class:`~helpers.corpus.Document` (or a bare text)
in one pass and returns an :class:`Analysis`, in the manner of spaCy's ``Doc``: the document, its
sentences, tokens, entity mentions, theme-cue hits and commitments. Every record carries the same
ids: ``paragraph`` is the index in ``Document.paragraphs`` (title, body, caption or heading,
whatever its kind) and ``sentence`` a document-wide sentence index. Offsets point into
``Document.text``.

Tokens, sentences and entities cover every paragraph. Theme hits cover every paragraph too;
commitments only the title and body (:data:`TEXT_KINDS`), as a photo credit or a section heading
states no position. Each table decides which paragraphs it counts, and says so; the ids it prints
are always these.

:func:`load_or_analyse` keeps the analysis in ``results/<doc-id>/analysis/`` as Parquet tables,
keyed by a hash of the text, its paragraphs, the helpers' code and version, underthesea's version
and the data files, and reads it back while the key matches.
"""

from __future__ import annotations

import hashlib
import io
import json
from bisect import bisect_right
from collections import Counter
from dataclasses import asdict, dataclass, fields, replace
from functools import cached_property
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from . import __version__, paths
from .commitments import Commitment, find_commitments
from .corpus import Document, LoadReport, Paragraph, load_document, resolve
from .entities import Entity, extract
from .files import atomic_write_bytes, atomic_write_text
from .orthography import syllables
from .themes import find_cues
from .tokens import Sentence, Token, pos_labels, sentences, tokens

# The paragraphs that make up the running text: counted by word, theme and keyness tables.
TEXT_KINDS = ("title", "body")
KEY_FILE = "key.json"
DOCUMENT_FILE = "document.json"


@dataclass(frozen=True)
class Mention:
    """An entity mention with the document's ids; offsets into ``Document.text``."""

    paragraph: int
    sentence: int
    start: int
    end: int
    text: str
    label: str
    canonical: str | None
    source: str
    composed: bool = False  # the English name was composed (helpers.canonical), not listed


@dataclass(frozen=True)
class ThemeHit:
    """A theme-lexicon cue found in the text; a cue of two themes gives two hits."""

    paragraph: int
    sentence: int
    start: int
    end: int
    cue: str
    theme: str


@dataclass(frozen=True)
class ParagraphView:
    """One paragraph's share of an analysis with offsets into the paragraph's own text (what the
    commitment reader works on); sentence ids stay document-wide."""

    paragraph: Paragraph
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    theme_hits: pd.DataFrame  # start, end, cue, theme


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything the tables read about one document, computed once (see the module docstring)."""

    document: Document
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    entities: tuple[Mention, ...]
    theme_hits: tuple[ThemeHit, ...]
    commitments: tuple[Commitment, ...]

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.document.paragraphs

    @cached_property
    def text_paragraphs(self) -> tuple[Paragraph, ...]:
        """The title and body paragraphs (:data:`TEXT_KINDS`), in order."""
        return tuple(p for p in self.paragraphs if p.kind in TEXT_KINDS)

    @cached_property
    def _spans(self) -> dict[str, list[int]]:
        """Where each paragraph's records begin in each table (records are in text order)."""
        out = {}
        for name in ("sentences", "tokens", "entities", "theme_hits"):
            ids = [r.paragraph for r in getattr(self, name)]
            out[name] = [bisect_right(ids, i - 1) for i in range(len(self.paragraphs) + 1)]
        return out

    def _of(self, name: str, paragraph: int) -> tuple:
        starts = self._spans[name]
        return getattr(self, name)[starts[paragraph] : starts[paragraph + 1]]

    def paragraph_tokens(self, paragraph: int) -> tuple[Token, ...]:
        return self._of("tokens", paragraph)

    def paragraph_sentences(self, paragraph: int) -> tuple[Sentence, ...]:
        return self._of("sentences", paragraph)

    def words(self, paragraphs: tuple[Paragraph, ...] | None = None) -> list[Token]:
        """Word tokens (no punctuation) of ``paragraphs``, by default the title and body."""
        chosen = self.text_paragraphs if paragraphs is None else paragraphs
        return [t for p in chosen for t in self.paragraph_tokens(p.index) if t.is_word]

    def text_tokens(self) -> list[Token]:
        """Every token of the title and body paragraphs, punctuation included."""
        return [t for p in self.text_paragraphs for t in self.paragraph_tokens(p.index)]

    def paragraph_view(self, paragraph: int) -> ParagraphView:
        p = self.paragraphs[paragraph]
        o = p.start
        hits = self._of("theme_hits", paragraph)
        return ParagraphView(
            paragraph=p,
            sentences=tuple(
                replace(s, start=s.start - o, end=s.end - o)
                for s in self._of("sentences", paragraph)
            ),
            tokens=tuple(
                replace(t, start=t.start - o, end=t.end - o)
                for t in self.paragraph_tokens(paragraph)
            ),
            entities=tuple(
                Entity(m.start - o, m.end - o, m.label, m.text, m.canonical, m.source, m.composed)
                for m in self._of("entities", paragraph)
            ),
            theme_hits=pd.DataFrame(
                [(h.start - o, h.end - o, h.cue, h.theme) for h in hits],
                columns=["start", "end", "cue", "theme"],
            ),
        )

    def table(self, name: str) -> pd.DataFrame:
        """A table of records as a DataFrame, one column per field: ``sentences``, ``tokens``,
        ``entities``, ``theme_hits`` or ``commitments``."""
        return _frame(TABLES[name], getattr(self, name))

    def mention_table(self) -> pd.DataFrame:
        """The entity mentions as ``helpers.entities.mentions`` gives them (every paragraph)."""
        return self.table("entities")


# Record type of each stored table.
TABLES = {
    "sentences": Sentence,
    "tokens": Token,
    "entities": Mention,
    "theme_hits": ThemeHit,
    "commitments": Commitment,
}


def _frame(record_type, records) -> pd.DataFrame:
    columns = [f.name for f in fields(record_type)]
    return pd.DataFrame([tuple(getattr(r, c) for c in columns) for r in records], columns=columns)


# ---------------------------------------------------------------------------- analysing


def text_document(text: str) -> Document:
    """A bare text as a document of one body paragraph (offsets are the text's own)."""
    return Document("text", "", text, (Paragraph(0, 0, len(text), text, "body"),))


def analyse(source: str | Document) -> Analysis:
    """Segment, tag and extract ``source`` once; see :class:`Analysis`."""
    doc = source if isinstance(source, Document) else text_document(source)
    sents: list[Sentence] = []
    toks: list[Token] = []
    found: list[Mention] = []
    hits: list[ThemeHit] = []
    for p in doc.paragraphs:
        base, o, i = len(sents), p.start, p.index
        local = sentences(p.text)
        starts = [s.start for s in local]

        def sentence_at(pos: int, base=base, starts=starts) -> int:
            # bisect, not a scan: one paragraph may hold thousands of sentences
            return base + max(0, bisect_right(starts, pos) - 1)

        sents.extend(Sentence(base + s.index, o + s.start, o + s.end, s.text, i) for s in local)
        words = tokens(p.text)
        toks.extend(
            Token(t.text, o + t.start, o + t.end, t.pos, base + t.sentence, t.piece, i)
            for t in words
        )
        found.extend(
            Mention(
                i,
                sentence_at(e.start),
                o + e.start,
                o + e.end,
                e.text,
                e.label,
                e.canonical,
                e.source,
                e.composed,
            )
            for e in extract(p.text)
        )
        hits.extend(
            ThemeHit(i, sentence_at(a), o + a, o + b, cue, theme)
            for a, b, cue, theme in find_cues(p.text, words, starts or [0])
        )
    partial = Analysis(doc, tuple(sents), tuple(toks), tuple(found), tuple(hits), ())
    views = [partial.paragraph_view(p.index) for p in partial.text_paragraphs]
    return replace(partial, commitments=tuple(find_commitments(views)))


def as_analysis(source: str | Document | Analysis) -> Analysis:
    """``source`` itself if it is an analysis; a text or document is analysed first."""
    return source if isinstance(source, Analysis) else analyse(source)


# ---------------------------------------------------------------------------- storing


def tree_digest(digest, folder: Path, pattern: str) -> None:
    """Add every file under ``folder`` matching ``pattern`` (name and bytes) to ``digest``."""
    for path in sorted(folder.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")


def analysis_key(source: Document | tuple[Path, Path]) -> str:
    """What an analysis depends on, hashed: the document's files as they are on disk (text and
    metadata, so a stored analysis is found without loading the text again) or, for a Document
    that has no file, its text, paragraphs and metadata; the helpers' version and code;
    underthesea's version; and every data file in ``helpers/data``."""
    digest = hashlib.sha256()
    if isinstance(source, Document):
        record = _document_record(source)
        digest.update(json.dumps(record, ensure_ascii=False, sort_keys=True).encode() + b"\0")
    else:
        for path in source:
            digest.update(path.read_bytes() if path.is_file() else b"(none)")
            digest.update(b"\0")
    helpers_digest(digest)
    return digest.hexdigest()


def pipeline_key() -> str:
    """What every analysis depends on besides its document, hashed: the helpers' version and
    code, underthesea's version and the data files (an archive hashes it once per run)."""
    digest = hashlib.sha256()
    helpers_digest(digest)
    return digest.hexdigest()


def helpers_digest(digest) -> None:
    """Add what every result of the helpers depends on to ``digest``: the helpers' version and
    code, underthesea's version and every data file in ``helpers/data`` (also used by the site
    to decide whether a project-wide notebook must run again)."""
    digest.update(f"helpers {__version__}; underthesea {version('underthesea')}\0".encode())
    tree_digest(digest, paths.PACKAGE_DIR, "*.py")
    tree_digest(digest, paths.DATA_DIR, "*")  # looked up now, so a test may point it elsewhere


def _document_record(doc: Document) -> dict:
    """The loaded document as JSON, stored beside the tables (all but its path)."""
    record = {f.name: getattr(doc, f.name) for f in fields(Document) if f.name != "path"}
    record["paragraphs"] = [asdict(p) for p in doc.paragraphs]
    record["changes"] = asdict(doc.changes)
    return record


def _document_from(record: dict, path: Path | None) -> Document:
    changes = {k: tuple(v) if isinstance(v, list) else v for k, v in record["changes"].items()}
    return Document(
        **{
            **record,
            "paragraphs": tuple(Paragraph(**p) for p in record["paragraphs"]),
            "changes": LoadReport(**changes),
            "path": path,
        }
    )


def analysis_dir(doc_id: str, results_dir: Path | None = None) -> Path:
    return (results_dir or paths.RESULTS_DIR) / doc_id / "analysis"


_ARROW_TYPES = {"int": "int64", "str": "string", "str | None": "string", "bool": "bool"}


def arrow_columns(record_type) -> dict[str, str]:
    """Column → Arrow type of a stored table of ``record_type`` (a record dataclass)."""
    return {f.name: _ARROW_TYPES[f.type] for f in fields(record_type)}


def _parquet(record_type, records) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {
        name: pa.array([getattr(r, name) for r in records], type=kind)
        for name, kind in arrow_columns(record_type).items()
    }
    buffer = io.BytesIO()
    pq.write_table(pa.table(columns), buffer)
    return buffer.getvalue()


def _records(record_type, data: bytes) -> tuple:
    import pyarrow.parquet as pq

    # ParquetFile, not read_table: read_table imports pyarrow.dataset (50 ms in a fresh process)
    table = pq.ParquetFile(io.BytesIO(data)).read().to_pydict()
    names = [f.name for f in fields(record_type)]
    if list(table) != names:
        raise ValueError(f"columns {list(table)}, expected {names}")
    return tuple(record_type(*row) for row in zip(*(table[n] for n in names), strict=True))


def write_analysis(analysis: Analysis, folder: Path, key: str) -> Path:
    """Store ``analysis`` in ``folder``: one Parquet file per table, then ``key.json``.

    The key file goes first and comes back last, and names each table's SHA-256: a folder
    whose writing was interrupted has no key or one that does not match its tables, and is
    never read back.
    """
    (folder / KEY_FILE).unlink(missing_ok=True)
    digests = {}
    for name, record_type in TABLES.items():
        data = _parquet(record_type, getattr(analysis, name))
        atomic_write_bytes(folder / f"{name}.parquet", data)
        digests[name] = hashlib.sha256(data).hexdigest()
    document = json.dumps(_document_record(analysis.document), ensure_ascii=False).encode()
    atomic_write_bytes(folder / DOCUMENT_FILE, document)
    digests["document"] = hashlib.sha256(document).hexdigest()
    record = {"key": key, "document": analysis.id, "tables": digests}
    atomic_write_text(folder / KEY_FILE, json.dumps(record, indent=1) + "\n")
    return folder


def read_analysis(
    folder: Path, key: str, doc: Document | None = None, path: Path | None = None
) -> Analysis | None:
    """The analysis stored in ``folder`` if it was stored whole under ``key``, else None. Its
    document is ``doc`` when given, else the stored one (with ``path``)."""
    try:
        record = json.loads((folder / KEY_FILE).read_text(encoding="utf-8"))
        if record.get("key") != key:
            return None

        def checked(name: str, file: str) -> bytes:
            data = (folder / file).read_bytes()
            if hashlib.sha256(data).hexdigest() != record["tables"][name]:
                raise ValueError(f"{file} does not match its checksum")
            return data

        tables = {
            name: _records(record_type, checked(name, f"{name}.parquet"))
            for name, record_type in TABLES.items()
        }
        if doc is None:
            doc = _document_from(json.loads(checked("document", DOCUMENT_FILE)), path)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing, partial or unreadable: computed again and rewritten
    return Analysis(doc, **tables)


def load_or_analyse(doc: str | Path | Document, results_dir: Path | None = None) -> Analysis:
    """The analysis of a corpus document (an id, a path or a loaded :class:`Document`), read
    from ``results/<doc-id>/analysis/`` when stored under the current key, else computed and
    stored there.

    The key hashes the document's files, so a stored analysis is read without loading and
    normalising the text again (nor importing underthesea): the document comes back with it.
    """
    if isinstance(doc, Document):
        loaded, files, name = (
            doc,
            (doc.path, doc.path.with_suffix(".json")) if doc.path else None,
            doc.id,
        )
    else:
        loaded, files = None, resolve(doc)
        name = files[0].stem  # a corpus id is its file's name (corpus/README.md)
    folder = analysis_dir(name, results_dir)
    key = analysis_key(files or loaded)
    stored = read_analysis(folder, key, loaded, files[0] if files else None)
    if stored is not None:
        return stored
    analysis = analyse(loaded or load_document(files[0]))
    write_analysis(analysis, folder, key)
    return analysis


# ---------------------------------------------------------------------------- tables


def sentence_table(source: str | Document | Analysis) -> pd.DataFrame:
    """One row per sentence of every paragraph: ``sentence``, ``paragraph``, ``kind``,
    ``start``/``end`` (into the document text), ``words`` (punctuation not counted), ``text``."""
    analysis = as_analysis(source)
    words = Counter(t.sentence for t in analysis.tokens if t.is_word)
    rows = [
        {
            "sentence": s.index,
            "paragraph": s.paragraph,
            "kind": analysis.paragraphs[s.paragraph].kind,
            "start": s.start,
            "end": s.end,
            "words": words[s.index],
            "text": s.text,  # whole: the notebooks' table display wraps long text
        }
        for s in analysis.sentences
    ]
    return pd.DataFrame(
        rows, columns=["sentence", "paragraph", "kind", "start", "end", "words", "text"]
    )


def size_counts(source: str | Document | Analysis) -> pd.DataFrame:
    """Characters, syllables, words, sentences and paragraphs, for the whole text and the body."""
    analysis = as_analysis(source)

    def measure(chosen: tuple[Paragraph, ...]) -> dict[str, int]:
        return {
            "characters": sum(len(p.text) for p in chosen),
            "syllables": sum(len(syllables(p.text)) for p in chosen),
            "words": len(analysis.words(chosen)),
            "sentences": sum(len(analysis.paragraph_sentences(p.index)) for p in chosen),
            "paragraphs": len(chosen),
        }

    every = measure(analysis.paragraphs)
    body = measure(analysis.document.body)
    frame = pd.DataFrame({"whole document": every, "body paragraphs": body})
    frame.index.name = "measure"
    return frame


def pos_distribution(source: str | Document | Analysis) -> pd.DataFrame:
    """Counts of POS tags over the tokens of the title and body: columns ``tag``, ``label``,
    ``count``, ``share``."""
    counts = Counter(t.pos for t in as_analysis(source).text_tokens())
    total = sum(counts.values())
    rows = [
        {"tag": tag, "label": pos_labels().get(tag, tag), "count": n, "share": n / total}
        for tag, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    return pd.DataFrame(rows, columns=["tag", "label", "count", "share"])
