"""Questions over an analysed archive, answered by DuckDB from its Parquet parts.

:func:`open_archive` gives an :class:`ArchiveTables`: DuckDB views over
``results/archives/<name>/<table>/part-*.parquet`` (see :data:`helpers.archive.SCHEMA`), read in
place, never loaded whole into memory. The ``documents`` view keeps one row per article, the
latest batch that stored it, and every other view keeps the rows of that batch, so an article
analysed again (its text changed in the archive) counts once. Parts of a batch still being
written have no ``documents`` row yet and are not seen.

An entity is its canonical English name where the extractor gives one, else its Vietnamese form,
with its label, as in :func:`helpers.entities.entity_counts`. Ties are broken by name, so every
table comes out in the same order on every run. The ``describe_*`` functions state what a table
shows in a sentence or two of Markdown, computed from the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .archive import SCHEMA, archive_dir
from .display import markdown_text
from .matching import term_pattern, whole_word_matches
from .paths import display_path

_SQL_TYPES = {
    "string": "VARCHAR",
    "int64": "BIGINT",
    "bool": "BOOLEAN",
    "list<int32>": "INTEGER[]",
}
ENTITY = "coalesce(canonical, text)"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class ArchiveTables:
    """An analysed archive's tables in DuckDB (see the module docstring)."""

    folder: Path
    db: object  # duckdb.DuckDBPyConnection

    def sql(self, query: str, *params) -> pd.DataFrame:
        return self.db.execute(query, list(params)).df()

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def prepare_archive(archive: str | Path, name: str | None = None, at_most: int = 200):
    """The tables of ``archive`` (a path from the working directory or the project root),
    analysing here, without Dask and silently, the articles not stored yet if there are at most
    ``at_most`` of them (a small archive); a bigger one must be analysed with the command."""
    from .archive import analyse_archive, default_name
    from .paths import PROJECT_ROOT

    path = Path(archive)
    if not path.exists() and not path.is_absolute() and (PROJECT_ROOT / path).exists():
        path = PROJECT_ROOT / path
    analyse_archive(path, name, workers=0, progress=False, log=lambda _: None, at_most=at_most)
    return open_archive(name or default_name(path))


def open_archive(name_or_folder: str | Path, results_dir: Path | None = None) -> ArchiveTables:
    """The tables of ``results/archives/<name>/`` (or of a results folder given as a path)."""
    import duckdb

    folder = Path(name_or_folder)
    if not folder.is_dir():
        folder = archive_dir(str(name_or_folder), results_dir)
    if not (folder / "documents").is_dir():
        raise FileNotFoundError(
            f"{display_path(folder)}: no analysed archive here; run "
            "`python -m helpers archive analyse PATH` first"
        )
    db = duckdb.connect(":memory:")
    for table, columns in SCHEMA.items():
        parts = sorted((folder / table).glob("part-*.parquet"))
        if parts:
            files = "[" + ", ".join(_quote(str(p)) for p in parts) + "]"
            source = f"SELECT * FROM read_parquet({files})"
        else:
            typed = ", ".join(f"CAST(NULL AS {_SQL_TYPES[t]}) AS {c}" for c, t in columns.items())
            source = f"SELECT {typed} WHERE false"
        db.execute(f"CREATE VIEW raw_{table} AS {source}")
    # The small tables are read into memory once (thousands of Parquet parts would otherwise be
    # opened by every query); sentences and words, the big ones, stay views over the files.
    db.execute(
        "CREATE TABLE documents AS SELECT * FROM raw_documents "
        "QUALIFY row_number() OVER (PARTITION BY id ORDER BY batch DESC) = 1"
    )
    for table in SCHEMA:
        if table in ("documents", "errors"):
            continue
        kind = "VIEW" if table in ("sentences", "words") else "TABLE"
        db.execute(
            f"CREATE {kind} {table} AS SELECT * FROM raw_{table} "
            "WHERE (id, batch) IN (SELECT id, batch FROM documents)"
        )
    # a rejected record counts once, and only from a batch that was stored whole
    db.execute(
        "CREATE TABLE errors AS SELECT * FROM raw_errors "
        "WHERE batch IN (SELECT DISTINCT batch FROM raw_documents) "
        "QUALIFY row_number() OVER (PARTITION BY key ORDER BY batch DESC) = 1"
    )
    return ArchiveTables(folder, db)


# ---------------------------------------------------------------------------- overview


def overview(tables: ArchiveTables) -> pd.DataFrame:
    """Counts over the whole archive: articles, characters, sentences, words, mentions, theme
    hits, commitments, errors, dated articles."""
    row = tables.sql(
        "SELECT count(*) AS articles, sum(characters) AS characters, sum(sentences) AS sentences, "
        "sum(words) AS words, sum(mentions) AS mentions, sum(theme_hits) AS theme_hits, "
        "sum(commitments) AS commitments, count(date) AS dated FROM documents"
    ).iloc[0]
    values = {k: int(v) if pd.notna(v) else 0 for k, v in row.items()}
    values["errors"] = tables.count("errors")
    frame = pd.DataFrame({"count": values})
    frame.index.name = "measure"
    return frame


def error_table(tables: ArchiveTables) -> pd.DataFrame:
    """The records that are not in the analysis, with why: ``where``, ``id``, ``reason``."""
    return tables.sql('SELECT position, "where", id, reason FROM errors ORDER BY position, key')


def describe_overview(tables: ArchiveTables) -> str:
    o = overview(tables)["count"]
    errors = (
        f"{o['errors']:,} records were set aside in the errors table (see below)"
        if o["errors"]
        else "no record was set aside as an error"
    )
    dated = (
        f"{o['dated']:,} of the articles carry a date"
        if o["dated"]
        else "no article carries a date"
    )
    return (
        f"The archive has {o['articles']:,} analysed articles ({o['characters']:,} characters, "
        f"{o['words']:,} words in their titles and bodies); {errors}; {dated}."
    )


# ---------------------------------------------------------------------------- entities


def most_named(tables: ArchiveTables, top: int = 15, labels: tuple[str, ...] = ()) -> pd.DataFrame:
    """Entities by the number of articles that name them: ``entity``, ``label``, ``articles``,
    ``share`` (of all analysed articles), ``mentions``, ``vietnamese forms`` (the three most
    used)."""
    where = f"WHERE label IN ({', '.join(_quote(x) for x in labels)})" if labels else ""
    frame = tables.sql(
        f"""
        WITH m AS (SELECT id, label, text, {ENTITY} AS entity FROM entities {where}),
        top_entities AS (
            SELECT entity, label, count(DISTINCT id) AS articles, count(*) AS mentions FROM m
            GROUP BY entity, label ORDER BY articles DESC, mentions DESC, entity, label LIMIT ?
        ),
        forms AS (
            SELECT entity, label, string_agg(text, ', ' ORDER BY n DESC, text) AS forms
            FROM (SELECT entity, label, text, count(*) AS n,
                         row_number() OVER (PARTITION BY entity, label ORDER BY count(*) DESC, text) AS r
                  FROM m SEMI JOIN top_entities USING (entity, label) GROUP BY entity, label, text)
            WHERE r <= 3 GROUP BY entity, label
        )
        SELECT entity, label, articles, mentions, forms
        FROM top_entities JOIN forms USING (entity, label)
        ORDER BY articles DESC, mentions DESC, entity, label
        """,
        top,
    )
    total = max(tables.count("documents"), 1)
    frame.insert(3, "share", (frame["articles"] / total).round(3))
    return frame.rename(columns={"forms": "vietnamese forms"})


def describe_most_named(table: pd.DataFrame, articles: int) -> str:
    if table.empty:
        return "No entity is named in any analysed article."
    first = table.iloc[0]
    text = (
        f"**{markdown_text(first['entity'])}** ({first['label']}) is named in {first['articles']:,} of "
        f"{articles:,} articles ({first['share']:.0%}), {first['mentions']:,} times in all"
    )
    if len(table) > 1:
        second = table.iloc[1]
        text += (
            f"; next comes **{markdown_text(second['entity'])}** ({second['label']}) in "
            f"{second['articles']:,} articles"
        )
    return text + "."


def cooccurrence(tables: ArchiveTables, top: int = 25) -> pd.DataFrame:
    """Pairs among the ``top`` most-named entities that appear in the same article:
    ``source``, ``target`` (names in sorted order) and ``articles``, the number of articles
    naming both."""
    return tables.sql(
        f"""
        WITH top_entities AS (
            SELECT {ENTITY} AS entity FROM entities GROUP BY entity
            ORDER BY count(DISTINCT id) DESC, count(*) DESC, entity LIMIT ?
        ),
        named AS (
            SELECT DISTINCT id, {ENTITY} AS entity FROM entities
            WHERE {ENTITY} IN (SELECT entity FROM top_entities)
        )
        SELECT a.entity AS source, b.entity AS target, count(*) AS articles
        FROM named a JOIN named b ON a.id = b.id AND a.entity < b.entity
        GROUP BY source, target
        ORDER BY articles DESC, source, target
        """,
        top,
    )


def network_inputs(tables: ArchiveTables, top: int = 25) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``pairs`` and ``counts`` for :func:`helpers.report.network_figure`, weights scaled to
    1–5 (edges) and 1–10 (nodes) so that an archive of any size draws legibly."""
    pairs = cooccurrence(tables, top)
    counts = most_named(tables, top)
    counts = counts.groupby("entity", as_index=False, sort=False).first()

    def scaled(values: pd.Series, high: int) -> pd.Series:
        if values.empty:
            return values
        return (1 + (high - 1) * values / values.max()).round(1)

    return (
        pairs.assign(sentences=scaled(pairs["articles"], 5)),
        counts.assign(count=scaled(counts["articles"], 10)),
    )


def describe_cooccurrence(pairs: pd.DataFrame) -> str:
    if pairs.empty:
        return "No two of the most-named entities share an article."
    first = pairs.iloc[0]
    return (
        f"The pair named together most often is **{markdown_text(first['source'])}** and "
        f"**{markdown_text(first['target'])}**, in {first['articles']:,} articles; {len(pairs):,} pairs of "
        "the most-named entities share at least one article."
    )


def articles_naming(tables: ArchiveTables, first: str, second: str) -> pd.DataFrame:
    """Articles that name both entities (canonical name or Vietnamese form, any case):
    ``id``, ``title``, ``date``, mentions of each; most mentions first, then by id."""
    return tables.sql(
        f"""
        WITH m AS (
            SELECT id,
                   sum(CASE WHEN lower({ENTITY}) = lower(?) OR lower(text) = lower(?) THEN 1 ELSE 0 END) AS a,
                   sum(CASE WHEN lower({ENTITY}) = lower(?) OR lower(text) = lower(?) THEN 1 ELSE 0 END) AS b
            FROM entities GROUP BY id
        )
        SELECT id, title, date, CAST(a AS BIGINT) AS first_mentions,
               CAST(b AS BIGINT) AS second_mentions
        FROM m JOIN documents USING (id)
        WHERE a > 0 AND b > 0
        ORDER BY a + b DESC, id
        """,
        first,
        first,
        second,
        second,
    ).rename(
        columns={"first_mentions": f"{first} mentions", "second_mentions": f"{second} mentions"}
    )


def describe_articles_naming(table: pd.DataFrame, first: str, second: str, articles: int) -> str:
    first, second = markdown_text(first), markdown_text(second)
    if table.empty:
        return f"No article names both {first} and {second}."
    return (
        f"{len(table):,} of {articles:,} articles name both {first} and {second}; "
        f"{markdown_text(table.iloc[0]['id'])} names them most often ({int(table.iloc[0, 3] + table.iloc[0, 4])} "
        "mentions together)."
    )


# ---------------------------------------------------------------------------- themes, commitments


def theme_shares(tables: ArchiveTables) -> pd.DataFrame:
    """Per theme: ``hits`` (cue words found), ``share`` of all hits, ``articles`` with at least
    one hit and their share of all articles."""
    from .themes import theme_labels

    frame = tables.sql(
        "SELECT theme, count(*) AS hits, count(DISTINCT id) AS articles FROM theme_hits "
        "GROUP BY theme ORDER BY hits DESC, theme"
    )
    total_hits = max(int(frame["hits"].sum()), 1)
    total_articles = max(tables.count("documents"), 1)
    labels = theme_labels()
    frame.insert(1, "label", [labels.get(t, t) for t in frame["theme"]])
    frame.insert(3, "share of hits", (frame["hits"] / total_hits).round(3))
    frame["share of articles"] = (frame["articles"] / total_articles).round(3)
    return frame


def describe_theme_shares(table: pd.DataFrame) -> str:
    if table.empty:
        return "No theme cue word occurs in the analysed articles."
    first = table.iloc[0]
    return (
        f"**{markdown_text(first['label'])}** has the most cue words, {first['share of hits']:.0%} of all "
        f"theme hits, in {first['share of articles']:.0%} of the articles."
    )


def commitments_by_actor(tables: ArchiveTables, top: int = 15) -> pd.DataFrame:
    """Who commits to what: per actor and theme, ``commitments`` and ``articles``."""
    return tables.sql(
        "SELECT actor, theme, count(*) AS commitments, count(DISTINCT id) AS articles "
        "FROM commitments GROUP BY actor, theme "
        "ORDER BY commitments DESC, articles DESC, actor, theme LIMIT ?",
        top,
    )


def commitment_examples(tables: ArchiveTables, actor: str, top: int = 10) -> pd.DataFrame:
    """The commitments of one actor: ``id``, ``verb``, ``object``, ``theme``."""
    return tables.sql(
        "SELECT id, verb, object, theme FROM commitments WHERE actor = ? "
        "ORDER BY id, start LIMIT ?",
        actor,
        top,
    )


def describe_commitments(table: pd.DataFrame) -> str:
    if table.empty:
        return "No commitment (a stance verb with its party) was found in the analysed articles."
    first = table.iloc[0]
    theme = "" if first["theme"] in ("", None) else f" on {markdown_text(first['theme'])}"
    return (
        f"The most frequent actor and theme: **{markdown_text(first['actor'])}**{theme}, "
        f"{first['commitments']:,} commitments in {first['articles']:,} articles."
    )


# ---------------------------------------------------------------------------- words


def kwic(tables: ArchiveTables, word: str, width: int = 40, top: int | None = 30) -> pd.DataFrame:
    """Keyword in context over the whole archive: one row per whole-word occurrence of ``word``
    (case-insensitive), ``id``, ``sentence``, ``left``, ``keyword``, ``right`` (up to ``width``
    characters each, within the sentence), in archive order. ``bố`` (father) has no row inside
    ``khủng bố`` (terrorism): a match must start and end on the segmentation's word
    boundaries."""
    pattern = term_pattern([word])
    # DuckDB keeps only the sentences holding the whole term (any whitespace between its
    # syllables, as term_pattern allows), so Python checks word boundaries on few rows
    near = "(?i)" + (r"\s+".join(map(re.escape, word.split())) or re.escape(word))
    candidates = tables.sql(
        "SELECT s.id, s.sentence, s.text, s.token_starts, s.token_ends FROM sentences s "
        "JOIN documents d USING (id) WHERE regexp_matches(s.text, ?) "
        "ORDER BY d.position, s.sentence",
        near,
    )
    rows = []
    for row in candidates.itertuples(index=False):
        words = [_Span(a, b) for a, b in zip(row.token_starts, row.token_ends, strict=True)]
        for m in whole_word_matches(row.text, pattern, words):
            left, right = _context(row.text, m.start(), m.end(), width)
            rows.append(
                {
                    "id": row.id,
                    "sentence": row.sentence,
                    "left": left,
                    "keyword": m.group(),
                    "right": right,
                }
            )
            if top is not None and len(rows) >= top:
                break
        if top is not None and len(rows) >= top:
            break
    return pd.DataFrame(rows, columns=["id", "sentence", "left", "keyword", "right"])


def keyword_articles(tables: ArchiveTables, word: str) -> int:
    """How many articles use ``word`` as a whole word (case-insensitive)."""
    found = kwic(tables, word, top=None)
    return int(found["id"].nunique())


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


def _context(text: str, start: int, end: int, width: int) -> tuple[str, str]:
    left, right = text[max(0, start - width) : start], text[end : end + width]
    if start - width > 0 and " " in left:
        left = left.split(" ", 1)[1]  # cut at a syllable boundary
    if end + width < len(text) and " " in right:
        right = right.rsplit(" ", 1)[0]
    return " ".join(left.split()), " ".join(right.split())


def describe_kwic(table: pd.DataFrame, word: str, articles: int) -> str:
    if table.empty:
        return f"*{markdown_text(word)}* does not occur as a whole word in the analysed articles."
    return (
        f"*{markdown_text(word)}* occurs as a whole word in {articles:,} articles; the table shows the first "
        f"{len(table):,} occurrences in archive order."
    )


# ---------------------------------------------------------------------------- time


def mentions_over_time(tables: ArchiveTables, entities: list[str]) -> pd.DataFrame:
    """Articles per month naming each entity, for articles with a ``date`` (``YYYY-MM...``):
    rows are months, columns the entities, zeros included."""
    dated = tables.sql(
        f"""
        SELECT substr(d.date, 1, 7) AS month, {ENTITY} AS entity, count(DISTINCT d.id) AS articles
        FROM documents d JOIN entities e USING (id)
        WHERE regexp_matches(d.date, '^[0-9]{{4}}-[0-9]{{2}}') AND {ENTITY} IN (SELECT unnest(?))
        GROUP BY month, entity
        """,
        entities,
    )
    months = tables.sql(
        "SELECT DISTINCT substr(date, 1, 7) AS month FROM documents "
        "WHERE regexp_matches(date, '^[0-9]{4}-[0-9]{2}') ORDER BY month"
    )["month"]
    table = dated.pivot_table(index="month", columns="entity", values="articles", fill_value=0)
    table = table.reindex(index=list(months), columns=entities, fill_value=0).fillna(0).astype(int)
    table.index.name = "month"
    table.columns.name = "entity"
    return table


def describe_over_time(table: pd.DataFrame) -> str:
    if table.empty:
        return "No article carries a date, so mentions cannot be followed over time."
    totals = table.sum()
    busiest = table.sum(axis=1)
    month = busiest.idxmax()  # the earliest of equally busy months
    named = ", ".join(f"{int(n):,} name {markdown_text(e)}" for e, n in totals.items())
    return (
        f"{len(table):,} months have dated articles. Of the dated articles, {named}; the "
        f"busiest month for these entities is {month} ({int(busiest[month]):,} article–entity "
        "pairs)."
    )
