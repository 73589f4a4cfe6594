"""Time and peak memory of the analysis as the document grows: 10 KB, 100 KB, 1 MB (and 10 MB).

Run: .venv/bin/python tests/benchmarks/bench_scaling.py [--sizes 10KB,100KB,1MB,10MB]

Each document is built from distinct text (the corpus documents in name order: the statement, then
the five Wikipedia articles): its sentences are dealt into paragraphs in a seeded shuffle, a new shuffle each time
the material runs out, so no paragraph repeats and helpers.tokens' small per-text caches never
answer for a paragraph they have seen. Each size runs in a fresh subprocess, so the peak resident
memory (ru_maxrss) belongs to that size alone. The document is written to a temporary folder,
never to corpus/.

``STEPS`` is the list of analyses, in pipeline order; add a ``Step`` to measure another one.
``FULL`` sizes run every step; the others only load.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpers.paths import CORPUS_DIR

SIZES = {"10KB": 10_000, "100KB": 100_000, "1MB": 1_000_000, "10MB": 10_000_000}
FULL = ("10KB", "100KB", "1MB")
LOAD_ONLY = ("10MB",)


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable  # takes the previous step's result (Document, then Analysis) and returns one


def _load(path):
    from helpers.corpus import load_document

    return load_document(path)


def _analyse(doc):
    from helpers.analysis import analyse

    return analyse(doc)


def _table(module: str, function: str) -> Callable:
    """A step that runs ``module.function(analysis)`` and passes the analysis on."""

    def run(analysis):
        getattr(importlib.import_module(module), function)(analysis)
        return analysis

    return run


STEPS = [
    Step("load", _load),
    # sentences, tokens, entities, theme hits and commitments, once (helpers.analysis.analyse)
    Step("analysis", _analyse),
    Step("word frequencies", _table("helpers.frequency", "word_frequencies")),
    Step("keyness", _table("helpers.frequency", "keyness")),
    Step("themes", _table("helpers.themes", "theme_scores")),
    Step("commitments", _table("helpers.commitments", "commitments")),
]
QUICK_STEPS = ("load",)


def source_sentences() -> list[str]:
    """Sentences of the corpus documents (the statement and the five Wikipedia articles), in a
    fixed order."""
    from underthesea import sent_tokenize

    paths = sorted(CORPUS_DIR.glob("*.txt"))
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            out.extend(s.strip() for s in sent_tokenize(line) if s.strip())
    return out


def build_text(size: int, seed: int = 2026) -> str:
    """About ``size`` UTF-8 bytes of distinct paragraphs of 3 to 6 sentences."""
    sentences = source_sentences()
    rng = random.Random(seed)
    paragraphs: list[str] = []
    used = 0
    while used < size:
        order = sentences[:]
        rng.shuffle(order)
        i = 0
        while i < len(order) and used < size:
            n = rng.randint(3, 6)
            paragraph = " ".join(order[i : i + n])
            paragraphs.append(paragraph)
            used += len(paragraph.encode("utf-8")) + 1
            i += n
    return "\n".join(paragraphs) + "\n"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _warm_up() -> float:
    """Load the models and gazetteers once (a fixed cost, reported apart), then empty the caches."""
    from helpers import entities, tokens
    from helpers.entities import extract

    started = time.perf_counter()
    extract("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị gặp Phó Thủ tướng Pakistan tại Bắc Kinh.")
    tokens._tokens.cache_clear()
    tokens._sentences.cache_clear()
    entities._extract.cache_clear()
    return round(time.perf_counter() - started, 2)


def worker(label: str, steps: list[str]) -> dict:
    """Runs in the fresh subprocess: build, write, then time each step."""
    from helpers import tokens

    text = build_text(SIZES[label])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"scaling-{label}.txt"
        path.write_text(text, encoding="utf-8")
        del text
        warm_up = _warm_up()
        baseline = peak_rss_mb()
        result = path
        timings = {}
        for step in STEPS:
            if step.name not in steps:
                continue
            started = time.perf_counter()
            result = step.run(result)
            timings[step.name] = round(time.perf_counter() - started, 2)
        doc = getattr(result, "document", result)
        return {
            "size": label,
            "characters": len(doc.text),
            "paragraphs": len(doc.paragraphs),
            "seconds": timings,
            "warm_up_seconds": warm_up,
            "peak_rss_mb": round(peak_rss_mb(), 1),
            "rss_before_analysis_mb": round(baseline, 1),
            "token_cache": vars(tokens._tokens.cache_info()),
        }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--steps", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.steps.split(","))))
        return
    rows = []
    for label in args.sizes.split(","):
        steps = [s.name for s in STEPS] if label in FULL else list(QUICK_STEPS)
        out = subprocess.run(
            [sys.executable, __file__, "--worker", label, "--steps", ",".join(steps)],
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(json.dumps(row), flush=True)
    names = [s.name for s in STEPS]
    print()
    print(
        "| size (UTF-8) | characters | " + " | ".join(f"{n} (s)" for n in names) + " | total (s) | "
        "chars/s | peak RSS (MB) |"
    )
    print("| --- " * (len(names) + 5) + "|")
    for row in rows:
        secs = row["seconds"]
        total = sum(secs.values())
        cells = [f"{secs[n]:.2f}" if n in secs else "–" for n in names]
        print(
            f"| {row['size']} | {row['characters']:,} | "
            + " | ".join(cells)
            + f" | {total:.1f} | {row['characters'] / total:,.0f} | {row['peak_rss_mb']:,.0f} |"
        )


if __name__ == "__main__":
    main()
