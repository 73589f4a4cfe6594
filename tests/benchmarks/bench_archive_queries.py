"""Query times of notebook 08 over an analysed archive, and over a copy scaled up, side by side.

    .venv/bin/python tests/benchmarks/bench_archive_queries.py [--name baomoi-2017] [--times 7]

Reads the Parquet tables of ``results/archives/NAME/`` (run ``python -m helpers archive analyse``
first), writes a copy to a temporary folder with every part repeated ``--times`` times and the
article ids made distinct (``id`` + ``-x<k>``), so that the copy has the size of a bigger archive
(7 x 5,000 analysed articles is about the 35,424 of the 2017 archive), and times opening the
tables and each query of ``08-archive`` on both.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from helpers import archive_queries as q
from helpers.archive import archive_dir


def scaled_copy(source: Path, target: Path, times: int) -> None:
    shutil.copy(source / "archive.json", target / "archive.json")
    for table in sorted(p for p in source.iterdir() if p.is_dir()):
        (target / table.name).mkdir()
        n = 0
        for k in range(times):
            for part in sorted(table.glob("part-*.parquet")):
                t = pq.read_table(part)
                if "id" in t.column_names:
                    ids = pc.binary_join_element_wise(t["id"], pa.scalar(f"-x{k}"), "")
                    t = t.set_column(t.column_names.index("id"), "id", ids)
                if "batch" in t.column_names:
                    shift = pa.scalar(k * 1_000_000, t.schema.field("batch").type)
                    t = t.set_column(
                        t.column_names.index("batch"), "batch", pc.add(t["batch"], shift)
                    )
                pq.write_table(t, target / table.name / f"part-{n:05d}.parquet")
                n += 1


QUERIES = {
    "most_named": lambda t: q.most_named(t, 15),
    "cooccurrence": lambda t: q.cooccurrence(t, 20),
    "network_inputs": lambda t: q.network_inputs(t, 20),
    "theme_shares": q.theme_shares,
    "commitments_by_actor": lambda t: q.commitments_by_actor(t, 12),
    "commitment_examples": lambda t: q.commitment_examples(t, "Vietnam", 8),
    "kwic": lambda t: q.kwic(t, "khủng bố", top=15),
    "keyword_articles": lambda t: q.keyword_articles(t, "khủng bố"),
    "articles_naming": lambda t: q.articles_naming(t, "China", "United States"),
    "mentions_over_time": lambda t: q.mentions_over_time(t, ["Vietnam", "China"]),
}


def timings(folder: Path) -> tuple[int, dict[str, float]]:
    out = {}
    started = time.perf_counter()
    tables = q.open_archive(folder)
    out["open (once)"] = time.perf_counter() - started
    for name, query in QUERIES.items():
        started = time.perf_counter()
        query(tables)
        out[name] = time.perf_counter() - started
    return tables.count("documents"), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", default="baomoi-2017")
    parser.add_argument("--times", type=int, default=7)
    args = parser.parse_args()
    source = archive_dir(args.name)
    if not (source / "documents").is_dir():
        raise SystemExit(
            f"no analysed archive {args.name!r}: run `python -m helpers archive analyse` first"
        )
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"{args.name}-x{args.times}"
        target.mkdir()
        scaled_copy(source, target, args.times)
        n1, t1 = timings(source)
        n2, t2 = timings(target)
    print(f"{'query':<22} {n1:>10,} articles {n2:>10,} articles")
    for name in t1:
        print(f"{name:<22} {t1[name]:>17.2f} s {t2[name]:>17.2f} s")
    print(
        f"slowest query: {max(v for k, v in t2.items() if k != 'open (once)'):.2f} s (target < 2 s)"
    )


if __name__ == "__main__":
    main()
