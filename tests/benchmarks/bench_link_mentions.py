"""``link_mentions`` before and after it found overlapping spans by bisection, on one long
paragraph, side by side in one run.

Run: .venv/bin/python tests/benchmarks/bench_link_mentions.py [--chars 50000] [--base REV]

The paragraph is the corpus's documents (``corpus/*.txt``, no archive) in name order, their
lines joined by spaces into one paragraph and cut at ``--chars`` characters, so a long report
with many names repeated is read as one piece. The chosen spans that ``link_mentions`` receives
are taken once from the extractor (``helpers.entities``); then the function of ``--base``
(default 7f54be3, the last revision with the scan; its source read with ``git show``) and this
checkout's run on them, best of three each, and their outputs are compared.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import time

import helpers.entities as entities
from helpers.entities import resolution
from helpers.paths import CORPUS_DIR, PROJECT_ROOT


def long_paragraph(chars: int) -> str:
    lines = []
    for path in sorted(CORPUS_DIR.glob("*.txt")):
        lines += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    text = " ".join(line for line in lines if line)
    while len(text) < chars:  # more than the corpus holds: read it again
        text += " " + text
    cut = text.rfind(" ", 0, chars)
    return text[: cut if cut > 0 else chars]


def base_function(rev: str):
    """``link_mentions`` as ``rev`` wrote it, defined over this checkout's other names."""
    source = subprocess.run(
        ["git", "show", f"{rev}:helpers/entities/resolution.py"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    tree = ast.parse(source)
    (function,) = [n for n in tree.body if getattr(n, "name", "") == "link_mentions"]
    namespace = {"re": re, **vars(resolution)}
    exec(compile(ast.Module([function], []), f"{rev}:resolution.py", "exec"), namespace)
    return namespace["link_mentions"]


def chosen_spans(text: str):
    """What the extractor passes to ``link_mentions`` for ``text``."""
    seen = []

    def keep(chosen, text):
        seen.append(list(chosen))
        return resolution.link_mentions(chosen, text)

    entities.link_mentions = keep
    try:
        entities._rules.function(text)
    finally:
        entities.link_mentions = resolution.link_mentions
    return seen[-1]


def best_of_three(function, chosen, text):
    times = []
    for _ in range(3):
        started = time.perf_counter()
        out = function(list(chosen), text)
        times.append(time.perf_counter() - started)
    return min(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=50_000)
    parser.add_argument("--base", default="7f54be3")
    args = parser.parse_args()
    text = long_paragraph(args.chars)
    chosen = chosen_spans(text)
    people = {
        text[c.start : c.end] for c in chosen if c.label == "PER" and " " in text[c.start : c.end]
    }
    print(
        f"one paragraph of {len(text):,} characters: {len(chosen):,} chosen spans, "
        f"{len(people):,} names of people of two or more words"
    )
    old_time, old = best_of_three(base_function(args.base), chosen, text)
    new_time, new = best_of_three(resolution.link_mentions, chosen, text)
    print("| link_mentions | seconds (best of 3) | spans out |")
    print("| --- | --- | --- |")
    print(f"| {args.base} (scan) | {old_time:.3f} | {len(old):,} |")
    print(f"| this checkout (bisection) | {new_time:.3f} | {len(new):,} |")
    print(f"speed-up {old_time / new_time:.1f}x; same output: {old == new}")


if __name__ == "__main__":
    main()
