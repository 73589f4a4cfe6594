"""A news archive of thousands of articles, analysed on Dask and stored as Parquet tables.

An archive is read where it lies, never copied into ``corpus/``: a JSON Lines file (plain,
``.gz`` or ``.xz``), one article a line with ``id`` and ``text`` and optionally ``title``,
``date`` and ``source``; or a folder of ``.txt`` files, each with an optional ``.json`` metadata
record beside it as in ``corpus/``. Each article is loaded as a corpus document is (the same
normalisation, :func:`helpers.corpus.normalise_text`) and analysed by
:func:`helpers.analysis.analyse`, the one per-document pipeline.

:func:`analyse_archive` writes ``results/archives/<name>/<table>/part-NNNNN.parquet`` for the
tables in :data:`SCHEMA`, one part per batch of articles. A part is written atomically and the
batch's ``documents`` part goes last: it is the record that the batch is done, so a run stopped
by Ctrl-C or a killed worker leaves no half-written batch behind, and the next run continues with
the articles no ``documents`` or ``errors`` part records under their current key. The key of an
article hashes its record as stored in the archive with :func:`helpers.analysis.pipeline_key`
(helpers code, data files, underthesea's version), so nothing is analysed twice under one key.

Bad articles (undecodable, not JSON, a field of the wrong type, empty text, a duplicate id, a
text the loader refuses) go to the ``errors`` table with the reason; they never stop the run.
The queries behind ``notebooks/08-archive.ipynb`` are in :mod:`helpers.archive_queries`.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import lzma
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .analysis import TABLES, arrow_columns
from .corpus import (
    MAX_METADATA_BYTES,
    MAX_TEXT_BYTES,
    CorpusError,
    build_document,
    check_metadata,
    normalise_text,
    read_metadata,
    read_text,
)
from .files import UnreadableFile, atomic_write_bytes, atomic_write_text, read_bounded
from .paths import display_path

ARCHIVES = "archives"  # results/archives/<name>/
MANIFEST = "archive.json"
BATCH_ARTICLES = 20  # articles per task and per Parquet part
BATCH_CHARACTERS = 60_000  # a batch closes earlier when its texts reach this many characters
OPTIONAL_FIELDS = ("title", "date", "source")

# Stored tables: column → Arrow type. Every table but errors carries the article ``id`` and the
# ``batch`` (part number) it was stored in; offsets point into the loaded article text.
SCHEMA: dict[str, dict[str, str]] = {
    "documents": {
        "id": "string",
        "batch": "int64",
        "position": "int64",  # 0-based record number in the archive (line or file)
        "key": "string",
        "title": "string",
        "date": "string",
        "source": "string",
        "characters": "int64",
        "paragraphs": "int64",
        "sentences": "int64",
        "words": "int64",
        "mentions": "int64",
        "theme_hits": "int64",
        "commitments": "int64",
    },
    "words": {
        "id": "string",
        "batch": "int64",
        "word": "string",  # helpers.frequency.normalise_word: lower case except names
        "content": "bool",  # helpers.frequency.is_content_word: not a stopword, number or symbol
        "count": "int64",
    },
    "sentences": {
        "id": "string",
        "batch": "int64",
        "sentence": "int64",
        "paragraph": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        # where each token starts and ends, relative to the sentence: whole-word search
        "token_starts": "list<int32>",
        "token_ends": "list<int32>",
    },
    "errors": {
        "position": "int64",
        "id": "string",
        "where": "string",  # the record: "line 12" or a file name
        "reason": "string",
        "key": "string",
        "batch": "int64",
    },
}
# The analysis's own tables keep its record types' columns (helpers.analysis.TABLES), after the
# article id and batch, so a column added there is stored here too.
for _name in ("entities", "theme_hits", "commitments"):
    SCHEMA[_name] = {"id": "string", "batch": "int64", **arrow_columns(TABLES[_name])}

# Written in this order; documents last, as the record that the batch is complete.
TABLE_ORDER = ("entities", "theme_hits", "commitments", "words", "sentences", "errors", "documents")


class ArchiveError(CorpusError):
    """An archive that cannot be read at all: the message names the file and the problem."""


# ---------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Record:
    """One article as the archive holds it, not yet loaded: ``text`` and ``fields`` are raw, or
    ``error`` says why the record cannot be an article."""

    position: int
    where: str
    id: str | None
    key: str
    text: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    error: str | None = None


def _open_jsonl(path: Path):
    with path.open("rb") as f:
        magic = f.read(6)
    if path.suffix == ".gz" or magic[:2] == b"\x1f\x8b":
        return gzip.open(path, "rb")
    if path.suffix == ".xz" or magic == b"\xfd7zXZ\x00":
        return lzma.open(path, "rb")
    return path.open("rb")


def archive_kind(path: Path) -> str:
    """``folder`` or ``jsonl``; :class:`ArchiveError` for a path that is neither."""
    where = display_path(path)
    if not path.exists():
        raise ArchiveError(f"{where}: no such file or folder")
    if path.is_dir():
        if not any(path.glob("*.txt")):
            raise ArchiveError(f"{where}: a folder with no .txt files in it")
        return "folder"
    try:
        with _open_jsonl(path) as f:
            f.read(1)
    except (OSError, EOFError, lzma.LZMAError) as err:
        raise ArchiveError(f"{where}: cannot be read ({err})") from None
    return "jsonl"


def _key(pipeline: str, *parts: bytes) -> str:
    digest = hashlib.sha256(pipeline.encode() + b"\0")
    for part in parts:
        digest.update(part + b"\0")
    return digest.hexdigest()


def _jsonl_records(path: Path, pipeline: str) -> Iterator[Record]:
    where = display_path(path)
    number = 0
    try:
        with _open_jsonl(path) as f:
            for number, raw in enumerate(f, start=1):
                if not raw.strip():
                    continue
                yield _jsonl_record(raw, number, pipeline)
    except (OSError, EOFError, lzma.LZMAError) as err:
        raise ArchiveError(
            f"{where}: unreadable after line {number} ({err}); the articles before it are kept"
        ) from None


def _jsonl_record(raw: bytes, number: int, pipeline: str) -> Record:
    position, where, key = number - 1, f"line {number}", _key(pipeline, raw)

    def bad(reason: str, doc_id: str | None = None) -> Record:
        return Record(position, where, doc_id, key, error=reason)

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return bad(f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return bad(f"not valid JSON ({err.msg} at column {err.colno})")
    if not isinstance(record, dict):
        return bad(f"a JSON {type(record).__name__}, not an object with id and text")
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return bad("no id (a non-empty string or integer is needed)")
    text = record.get("text")
    if "text" not in record:
        return bad("no text field", doc_id)
    if not isinstance(text, str):
        return bad(f"text is a JSON {_json_type(text)}, not a string", doc_id)
    fields = []
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            return bad(f"{name} is a JSON {_json_type(value)}, not a string", doc_id)
        fields.append((name, value))
    return Record(position, where, doc_id, key, text, tuple(fields))


def _json_type(value) -> str:
    return {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def _folder_records(folder: Path, pipeline: str) -> Iterator[Record]:
    for position, path in enumerate(sorted(folder.glob("*.txt"))):
        meta_path = path.with_suffix(".json")
        try:
            # bounded reads of regular files only: a FIFO or a device in the folder is an error
            data = read_bounded(path, MAX_TEXT_BYTES)
            meta_bytes = read_bounded(meta_path, MAX_METADATA_BYTES) if meta_path.is_file() else b""
        except UnreadableFile as err:
            key = _key(pipeline, path.name.encode(), b"")
            yield Record(position, path.name, path.stem, key, error=str(err))
            continue
        key = _key(pipeline, data, meta_bytes)
        try:
            text = read_text(path)
            # the corpus's schema; an archive's record may name its own id (no file is made of it)
            meta = read_metadata(meta_path)
        except CorpusError as err:
            yield Record(position, path.name, path.stem, key, error=str(err))
            continue
        doc_id = str(meta.get("id") or path.stem)
        fields = tuple(
            (name, str(meta[name])) for name in OPTIONAL_FIELDS if meta.get(name) is not None
        )
        # the text is read and normalised again on the worker; here only its problems count
        yield Record(position, path.name, doc_id, key, text, fields)


def read_archive(
    path: str | Path, pipeline: str = "", limit: int | None = None
) -> Iterator[Record]:
    """The records of an archive in order (the first ``limit``), a duplicate id made an error.

    Raises :class:`ArchiveError` for a missing or unreadable archive, naming it.
    """
    path = Path(path)
    kind = archive_kind(path)
    records = (
        _folder_records(path, pipeline) if kind == "folder" else _jsonl_records(path, pipeline)
    )
    seen: dict[str, str] = {}
    for count, record in enumerate(records):
        if limit is not None and count >= limit:
            break
        if record.error is None and record.id in seen:
            record = Record(
                record.position,
                record.where,
                record.id,
                record.key,
                error=f"duplicate id {record.id!r} (first at {seen[record.id]})",
            )
        elif record.id is not None and record.id not in seen:
            seen[record.id] = record.where
        yield record


def load_record(record: Record, archive: Path):
    """The article as a :class:`~helpers.corpus.Document`; :class:`CorpusError` if its text is
    unusable. A JSON Lines text whose first line is its title gets a title paragraph."""
    where = f"{display_path(archive)} {record.where}"
    fields = dict(record.fields)
    if not record.text or not record.text.strip():
        raise CorpusError(f"{where}: empty text")
    text, changes = normalise_text(record.text, archive, where)
    title = fields.get("title", "").strip()
    meta = {"id": record.id, **fields}
    if archive.is_dir():
        # the corpus's reader: bounded, and checked against the one metadata schema
        file_meta = archive / Path(record.where).with_suffix(".json")
        meta = {**read_metadata(file_meta), **meta}
    elif title and text.split("\n", 1)[0].strip() == title:
        meta["title_line"] = True
    return build_document(text, changes, check_metadata(meta, archive), archive)


# ---------------------------------------------------------------------------- analysing


def _tables_of(record: Record, archive: Path, batch: int) -> dict[str, list[dict]]:
    """The rows one record adds to each table: an analysis, or an error."""
    from .analysis import analyse
    from .frequency import is_content_word, normalise_word

    if record.error is not None:
        return {"errors": [_error_row(record, record.error, batch)]}
    try:
        doc = load_record(record, archive)
        analysis = analyse(doc)
    except CorpusError as err:
        return {"errors": [_error_row(record, str(err).split(": ", 1)[-1], batch)]}
    except Exception as err:  # a bug must not stop thousands of articles; it is recorded
        return {
            "errors": [_error_row(record, f"analysis failed: {type(err).__name__}: {err}", batch)]
        }
    ids = {"id": doc.id, "batch": batch}
    words = analysis.words()
    counts = Counter((normalise_word(t), is_content_word(t)) for t in words)
    fields = dict(record.fields)
    tokens_by_sentence: dict[int, list] = {}
    for t in analysis.tokens:
        tokens_by_sentence.setdefault(t.sentence, []).append(t)
    return {
        "documents": [
            {
                **ids,
                "position": record.position,
                "key": record.key,
                "title": doc.title,
                "date": fields.get("date"),
                "source": fields.get("source"),
                "characters": len(doc.text),
                "paragraphs": len(doc.paragraphs),
                "sentences": len(analysis.sentences),
                "words": len(words),
                "mentions": len(analysis.entities),
                "theme_hits": len(analysis.theme_hits),
                "commitments": len(analysis.commitments),
            }
        ],
        "entities": [{**ids, **vars(m)} for m in analysis.entities],
        "theme_hits": [{**ids, **vars(h)} for h in analysis.theme_hits],
        "commitments": [{**ids, **vars(c)} for c in analysis.commitments],
        "words": [
            {**ids, "word": w, "content": content, "count": n}
            for (w, content), n in sorted(counts.items())
        ],
        "sentences": [
            {
                **ids,
                "sentence": s.index,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "token_starts": [t.start - s.start for t in tokens_by_sentence.get(s.index, ())],
                "token_ends": [t.end - s.start for t in tokens_by_sentence.get(s.index, ())],
            }
            for s in analysis.sentences
        ],
    }


def _error_row(record: Record, reason: str, batch: int) -> dict:
    return {
        "position": record.position,
        "id": record.id,
        "where": record.where,
        "reason": reason,
        "key": record.key,
        "batch": batch,
    }


def parquet_bytes(table: str, rows: list[dict]) -> bytes:
    """``rows`` as a Parquet file with the table's schema (:data:`SCHEMA`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(kind)) for name, kind in SCHEMA[table].items()])
    columns = {name: [row.get(name) for row in rows] for name in SCHEMA[table]}
    buffer = io.BytesIO()
    pq.write_table(pa.table(columns, schema=schema), buffer)
    return buffer.getvalue()


def _arrow_type(kind: str):
    import pyarrow as pa

    if kind == "list<int32>":
        return pa.list_(pa.int32())
    return pa.type_for_alias(kind)


def analyse_batch(records: list[Record], archive: str, batch: int) -> dict[str, bytes]:
    """The Parquet part of every table for one batch (what a Dask task returns)."""
    tables: dict[str, list[dict]] = {name: [] for name in SCHEMA}
    for record in records:
        for name, rows in _tables_of(record, Path(archive), batch).items():
            tables[name].extend(rows)
    return {name: parquet_bytes(name, rows) for name, rows in tables.items()}


# ---------------------------------------------------------------------------- storing


def archive_dir(name: str, results_dir: Path | None = None) -> Path:
    return (results_dir or paths.RESULTS_DIR) / ARCHIVES / name


def default_name(path: Path) -> str:
    """The results folder's name for an archive: its file name without the suffixes."""
    name = path.name
    for suffix in (".gz", ".xz", ".jsonl", ".json", ".ndjson"):
        name = name.removesuffix(suffix)
    return name or "archive"


def _part(folder: Path, table: str, batch: int) -> Path:
    return folder / table / f"part-{batch:05d}.parquet"


def stored_batches(folder: Path) -> list[int]:
    """Batches whose ``documents`` part exists: complete (it is written last)."""
    return sorted(int(p.stem.split("-")[1]) for p in (folder / "documents").glob("part-*.parquet"))


def done_keys(folder: Path) -> set[str]:
    """Keys of every article a complete batch stored, analysed or rejected."""
    import pyarrow.parquet as pq

    keys: set[str] = set()
    for batch in stored_batches(folder):
        for table in ("documents", "errors"):
            path = _part(folder, table, batch)
            if path.exists():
                keys.update(pq.ParquetFile(path).read(columns=["key"]).column("key").to_pylist())
    return keys


def _remove_incomplete(folder: Path) -> None:
    """Parts of a batch whose documents part was never written (the run stopped mid-batch)."""
    complete = set(stored_batches(folder))
    for table in SCHEMA:
        for path in (folder / table).glob("part-*.parquet"):
            if int(path.stem.split("-")[1]) not in complete:
                path.unlink()
        for tmp in (folder / table).glob(".*.tmp"):
            tmp.unlink()


def write_batch(folder: Path, batch: int, parts: dict[str, bytes]) -> None:
    """Every table's part for ``batch``, each atomically, ``documents`` last."""
    for table in TABLE_ORDER:
        atomic_write_bytes(_part(folder, table, batch), parts[table])


def _prepare(folder: Path, archive: Path, pipeline: str) -> str | None:
    """Set up the results folder; a folder stored by other helpers code is set aside whole (its
    articles would all be analysed again, and old and new would mix). Returns a note or None."""
    manifest = folder / MANIFEST
    note = None
    if manifest.exists():
        try:
            stored = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        if stored.get("pipeline") != pipeline:
            aside = folder.with_name(f"{folder.name}.superseded-{str(stored.get('pipeline'))[:12]}")
            shutil.rmtree(aside, ignore_errors=True)
            folder.rename(aside)
            note = (
                f"the helpers, their data or underthesea changed since {display_path(folder)} "
                f"was analysed: its tables were moved to {display_path(aside)} and the archive "
                "is analysed again"
            )
    folder.mkdir(parents=True, exist_ok=True)
    if not manifest.exists():
        record = {"archive": display_path(archive), "pipeline": pipeline}
        atomic_write_text(manifest, json.dumps(record, indent=1) + "\n")
    _remove_incomplete(folder)
    return note


# ---------------------------------------------------------------------------- running


@dataclass
class RunSummary:
    folder: Path
    analysed: int  # articles analysed in this run
    rejected: int  # records that went to the errors table in this run
    skipped: int  # already stored under the same key
    seconds: float
    characters: int


def _batches(
    records: Iterator[Record], done: set[str], first_batch: int, articles: int = BATCH_ARTICLES
) -> Iterator[tuple[int, list[Record]]]:
    batch, current, size = first_batch, [], 0
    for record in records:
        if record.key in done:
            continue
        current.append(record)
        size += len(record.text or "")
        if len(current) >= articles or size >= BATCH_CHARACTERS:
            yield batch, current
            batch, current, size = batch + 1, [], 0
    if current:
        yield batch, current


class Progress:
    """One line: documents done of the total, rate and time left (redrawn on a terminal)."""

    def __init__(self, total: int, stream=None, every: float = 10.0):
        self.total, self.done, self.stream = total, 0, stream or sys.stderr
        self.start = self.last = time.monotonic()
        self.tty = getattr(self.stream, "isatty", lambda: False)()
        self.every = 0.2 if self.tty else every

    def advance(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.every or self.done >= self.total:
            self.last = now
            self.draw()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        return (
            f"[{'#' * filled}{'.' * (width - filled)}] {self.done:,}/{self.total:,} documents, "
            f"{rate:.2f}/s, {_clock(left)} left"
        )

    def draw(self) -> None:
        end = "" if self.tty and self.done < self.total else "\n"
        print(("\r" if self.tty else "") + self.line(), end=end, file=self.stream, flush=True)


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def analyse_archive(
    path: str | Path,
    name: str | None = None,
    workers: int = 2,
    scheduler: str | None = None,
    limit: int | None = None,
    results_dir: Path | None = None,
    progress: bool = True,
    log: Callable[[str], None] = print,
    at_most: int | None = None,
    batch_articles: int = BATCH_ARTICLES,
) -> RunSummary:
    """Analyse every article of the archive at ``path`` not yet stored under its key.

    ``workers=0`` runs in this process without Dask (``at_most`` refuses to start when more
    articles than that are left, as a notebook does for a big archive); otherwise on a ``LocalCluster`` of
    ``workers`` processes, or on the Dask scheduler at ``scheduler`` (its workers must run this
    project's environment and see ``path`` at the same place). A ``KeyboardInterrupt`` stops the
    run between batches: every batch written is whole, and the next run continues from there.
    """
    from .analysis import pipeline_key

    path = Path(path).resolve()
    archive_kind(path)  # a missing or unreadable archive fails here, before any folder is made
    pipeline = pipeline_key()
    folder = archive_dir(name or default_name(path), results_dir)
    note = _prepare(folder, path, pipeline)
    if note:
        log(note)
    done = done_keys(folder)
    total = todo = 0
    for record in read_archive(path, pipeline, limit):
        total, todo = total + 1, todo + (record.key not in done)
    skipped = total - todo
    if at_most is not None and todo > at_most:
        raise ArchiveError(
            f"{display_path(path)}: {todo:,} articles are not analysed yet, more than {at_most:,} "
            "to analyse here; run `python -m helpers archive analyse "
            f"{display_path(path)}{' --name ' + name if name else ''}` first (on Dask)"
        )
    first_batch = max(stored_batches(folder), default=-1) + 1
    batches = _batches(read_archive(path, pipeline, limit), done, first_batch, batch_articles)
    summary = RunSummary(folder, 0, 0, skipped, 0.0, 0)
    if skipped:
        log(f"{skipped:,} articles already stored in {display_path(folder)}; {todo:,} to analyse")
    bar = Progress(todo) if progress and todo else None
    start = time.monotonic()
    try:
        if not todo:
            pass
        elif workers == 0 and scheduler is None:
            for batch, records in batches:
                _store(
                    folder, batch, records, analyse_batch(records, str(path), batch), summary, bar
                )
        else:
            _run_dask(folder, path, batches, workers, scheduler, summary, bar, log)
    finally:
        summary.seconds = time.monotonic() - start
    return summary


def _store(folder, batch, records, parts, summary: RunSummary, bar: Progress | None) -> None:
    import pyarrow.parquet as pq

    write_batch(folder, batch, parts)
    analysed = pq.ParquetFile(io.BytesIO(parts["documents"])).metadata.num_rows
    summary.analysed += analysed
    summary.rejected += len(records) - analysed
    summary.characters += sum(len(r.text or "") for r in records)
    if bar:
        bar.advance(len(records))


def _quiet_dask() -> None:
    import logging

    import dask

    dask.config.set({"distributed.logging.distributed": "error"})
    for logger in ("distributed", "bokeh", "tornado"):
        logging.getLogger(logger).setLevel(logging.CRITICAL)


def _run_dask(folder, path, batches, workers, scheduler, summary, bar, log) -> None:
    import logging
    import signal
    from importlib.util import find_spec

    _quiet_dask()
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    # Worker processes ignore Ctrl-C (inherited at start): only this process stops the run, and
    # it closes the cluster, so no worker prints its own traceback.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # any free port: several runs may share a machine
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
    except (OSError, RuntimeError, TimeoutError) as err:
        what = (
            f"reach the Dask scheduler {scheduler}" if scheduler else "start a local Dask cluster"
        )
        raise ArchiveError(f"cannot {what}: {err}") from None
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        where = scheduler or f"a LocalCluster of {workers} worker processes"
        if find_spec("bokeh"):
            log(f"Dask: {where}; dashboard at {client.dashboard_link}")
        else:
            log(f"Dask: {where}; no dashboard (install bokeh>=3.1 to get one)")
        in_flight = max(2, 2 * len(client.scheduler_info()["workers"]))
        pending = {}
        queue = as_completed()
        archive = str(path)

        def submit_next() -> bool:
            item = next(batches, None)
            if item is None:
                return False
            batch, records = item
            future = client.submit(analyse_batch, records, archive, batch, pure=False)
            pending[future] = (batch, records)
            queue.add(future)
            return True

        while len(pending) < in_flight and submit_next():
            pass
        for future in queue:
            batch, records = pending.pop(future)
            try:
                parts = future.result()
            except Exception as err:  # e.g. KilledWorker: a batch that killed worker after worker
                raise ArchiveError(
                    f"{display_path(path)}: the batch of records {records[0].where} to "
                    f"{records[-1].where} failed on the Dask workers ({type(err).__name__}: "
                    f"{err}); every batch stored is kept, run the command again to continue"
                ) from None
            _store(folder, batch, records, parts, summary, bar)
            submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
