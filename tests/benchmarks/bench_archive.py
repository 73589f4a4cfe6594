"""Archive analysis on Dask: 2 workers against 1 on the same articles, and per-worker throughput.

    .venv/bin/python tests/benchmarks/bench_archive.py [--articles 1000]

Takes the first ``--articles`` articles of ``../shared/news-archive/baomoi-2017.jsonl.xz``
(relative to the project; skipped with a message when it is absent), writes them to a temporary
JSON Lines file, and runs ``helpers.archive.analyse_archive`` on a LocalCluster of 1 worker, then
of 2, each into a fresh results folder. Workers load the models before the clock starts. Prints
wall time, articles and characters per second, the speed-up (target at least 1.8 on 2 cores),
peak resident memory of each worker, and the per-article analysis throughput in one process
(characters per second of CPU and of wall time; target 10,000 per worker). The load average is
printed before and after: on a shared machine other processes take cores, and the numbers with
them.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import sys
import tempfile
import time
from pathlib import Path

from helpers.paths import PROJECT_ROOT

ARCHIVE = PROJECT_ROOT.parent / "shared" / "news-archive" / "baomoi-2017.jsonl.xz"


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm() -> int:
    from helpers.analysis import analyse

    analyse("Việt Nam và Nhật Bản nhất trí tăng cường hợp tác an ninh.")
    return os.getpid()


def run(path: Path, workers: int, results: Path) -> dict:
    from distributed import Client, LocalCluster

    from helpers.archive import _quiet_dask, analyse_archive

    _quiet_dask()
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=50,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.run(_warm)
        start = time.monotonic()
        summary = analyse_archive(
            path,
            f"w{workers}",
            scheduler=cluster.scheduler_address,
            results_dir=results,
            progress=False,
            log=lambda _: None,
        )
        wall = time.monotonic() - start
        peaks = sorted(client.run(_peak_rss_mb).values())
    return {
        "workers": workers,
        "articles": summary.analysed + summary.rejected,
        "characters": summary.characters,
        "wall": wall,
        "peaks": peaks,
    }


def single_process(path: Path, articles: int) -> tuple[int, float, float]:
    """Characters, CPU seconds and wall seconds of analysing ``articles`` in this process."""
    from helpers.analysis import analyse
    from helpers.archive import load_record, read_archive

    docs = [load_record(r, path) for r in read_archive(path, "", articles) if r.error is None]
    _warm()
    cpu, wall = time.process_time(), time.monotonic()
    for doc in docs:
        analyse(doc)
    return (
        sum(len(d.text) for d in docs),
        time.process_time() - cpu,
        time.monotonic() - wall,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--throughput-articles", type=int, default=100)
    args = parser.parse_args()
    if not ARCHIVE.exists():
        print(f"skipped: {ARCHIVE} is not there (the shared news archive, read-only)")
        return 0
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with lzma.open(ARCHIVE, "rt", encoding="utf-8") as f, sample.open("w") as out:
            for n, line in enumerate(f):
                if n == args.articles:
                    break
                out.write(json.dumps(json.loads(line), ensure_ascii=False) + "\n")
        chars, cpu, wall = single_process(sample, args.throughput_articles)
        print(
            f"one process, {args.throughput_articles} articles, models loaded: "
            f"{chars / cpu:,.0f} characters per CPU second, {chars / wall:,.0f} per wall second "
            "(target 10,000 per worker)"
        )
        rows = [run(sample, workers, Path(tmp) / f"results-{workers}") for workers in (1, 2)]
    for r in rows:
        print(
            f"{r['workers']} worker(s): {r['articles']:,} articles, {r['characters']:,} characters "
            f"in {r['wall']:.1f} s: {r['articles'] / r['wall']:.2f} articles/s, "
            f"{r['characters'] / r['wall'] / r['workers']:,.0f} characters/s per worker; "
            f"peak RSS per worker {', '.join(f'{p:.0f}' for p in r['peaks'])} MB"
        )
    print(f"speed-up, 2 workers vs 1: {rows[0]['wall'] / rows[1]['wall']:.2f}x (target 1.8x)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
