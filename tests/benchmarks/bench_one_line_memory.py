"""Peak memory of the analysis of a document that is one long line (no paragraph breaks), stage
by stage, each stage in a fresh subprocess.

Run: .venv/bin/python tests/benchmarks/bench_one_line_memory.py [--chars 200000] [--base REV]

The line is the corpus's documents (``corpus/*.txt``, no archive) in name order, their lines
joined by spaces and cut at ``--chars`` characters. Each stage runs in its own subprocess after
the models are loaded on a short sentence: the peak resident set of the process (ru_maxrss)
after the stage, less the resident set before it, is what that stage held at its highest. With
``--base REV`` the same stages also run on that revision's ``helpers`` (taken with ``git
archive``), side by side in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from revision import helpers_of

STAGES = ("load", "sentences", "tokens", "rule entities", "entities", "analysis")
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def one_line(chars: int) -> str:
    lines = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    text = " ".join(line for line in lines if line)
    while len(text) < chars:
        text += " " + text
    cut = text.rfind(" ", 0, chars)
    return text[: cut if cut > 0 else chars] + "\n"


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def stage(name: str, chars: int) -> dict:
    """Runs in the fresh subprocess."""
    from helpers import entities, tokens
    from helpers.corpus import load_document

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one-line.txt"
        path.write_text(one_line(chars), encoding="utf-8")
        entities.extract("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị gặp Phó Thủ tướng Pakistan.")
        doc = load_document(path) if name != "load" else None
        text = doc.paragraphs[0].text if doc else ""
        before = rss_mb()
        started = time.perf_counter()
        if name == "load":
            doc = load_document(path)
        elif name == "sentences":
            tokens.sentences(text)
        elif name == "tokens":
            tokens.tokens(text)
        elif name == "rule entities":
            entities.rule_entities(text)
        elif name == "entities":
            entities.extract(text)
        else:
            from helpers.analysis import analyse

            analyse(doc)
        seconds = time.perf_counter() - started
        return {
            "stage": name,
            "paragraphs": len(doc.paragraphs),
            "characters": len(doc.text),
            "seconds": round(seconds, 1),
            "before_mb": round(before, 1),
            "peak_mb": round(peak_mb(), 1),
        }


def run_stages(chars: int, pythonpath: str | None) -> dict[str, dict]:
    env = {**os.environ, "PYTHONPATH": pythonpath} if pythonpath else None
    out = {}
    for name in STAGES:
        done = subprocess.run(
            [sys.executable, __file__, "--stage", name, "--chars", str(chars)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=pythonpath,
        )
        out[name] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--base", help="a revision to measure beside this checkout")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(stage(args.stage, args.chars)))
        return
    sides = {}
    if args.base:
        with helpers_of(args.base) as folder:
            sides[args.base] = run_stages(args.chars, folder)
    sides["this checkout"] = run_stages(args.chars, None)
    first = next(iter(sides.values()))["load"]
    print(f"one line of {first['characters']:,} characters ({first['paragraphs']} paragraph)")
    print(
        "| stage | "
        + " | ".join(f"{side}: peak RSS (MB), held by the stage, s" for side in sides)
        + " |"
    )
    print("| --- " * (len(sides) + 1) + "|")
    for name in STAGES:
        cells = []
        for results in sides.values():
            r = results[name]
            cells.append(
                f"{r['peak_mb']:,.0f}, +{max(0.0, r['peak_mb'] - r['before_mb']):,.0f}, {r['seconds']}"
            )
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
