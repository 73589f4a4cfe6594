"""`make report` for one document, before and after a change, side by side in one run.

Run: .venv/bin/python tests/benchmarks/bench_report.py [DOC_ID] [--base REV]

The code at ``REV`` (default: where this branch left ``main``) and the current working tree are
each copied into a temporary folder of their own (tracked files and new ones, no ``results/``,
no ``reports/``, so neither finds an analysis or a table stored by an earlier run) and rendered
with ``python -m helpers report DOC_ID`` in a subprocess, with this venv and ``PYTHONPATH``
pointing at the copy. Notebook kernels inherit it, so each side runs its own helpers and
notebooks. The two sides alternate, twice: the first round starts from nothing stored (a fresh
clone), the second is the same command run again in the same copies (as a researcher reruns
it; the code before this change stored nothing it could reuse, the code after finds the
analyses it stored). Prints the wall-clock times and ratios (target: at most 0.6), then compares
every CSV both sides wrote under ``results/<doc-id>/``: the values must be identical once the
``paragraph`` and ``sentence`` ids are set aside (they were renumbered to the document's own
ids); the ``summary.json`` behind the index pages must be identical.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from helpers.paths import DEFAULT_DOC_ID, PROJECT_ROOT

IDS = ("paragraph", "sentence")


def git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=PROJECT_ROOT, check=True, capture_output=True, text=True
    ).stdout


def copy_revision(rev: str, into: Path) -> Path:
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", rev], cwd=PROJECT_ROOT, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def copy_working_tree(into: Path) -> Path:
    files = git("ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, files):
        source = PROJECT_ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    return into


def render(tree: Path, doc_id: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "helpers", "report", doc_id],
        cwd=tree,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def _without_ids(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in IDS if c in frame.columns]).reset_index(drop=True)


def compare_tables(before: Path, after: Path, doc_id: str) -> list[str]:
    lines = []
    old_dir, new_dir = before / "results" / doc_id, after / "results" / doc_id
    for path in sorted(old_dir.glob("*.csv")):
        new_path = new_dir / path.name
        if not new_path.exists():
            lines.append(f"  {path.name}: MISSING after")
            continue
        if path.read_bytes() == new_path.read_bytes():
            lines.append(f"  {path.name}: identical")
            continue
        old = pd.read_csv(path, keep_default_na=False)
        new = pd.read_csv(new_path, keep_default_na=False)
        try:
            pd.testing.assert_frame_equal(_without_ids(old), _without_ids(new))
            lines.append(f"  {path.name}: identical but for the paragraph/sentence ids")
        except AssertionError as err:
            lines.append(f"  {path.name}: DIFFERENT ({' '.join(str(err).split())[:160]})")
    old_summary = json.loads((before / "reports" / doc_id / "summary.json").read_text("utf-8"))
    new_summary = json.loads((after / "reports" / doc_id / "summary.json").read_text("utf-8"))
    same = "identical" if old_summary == new_summary else "DIFFERENT"
    lines.append(f"  reports/{doc_id}/summary.json: {same}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doc_id", nargs="?", default=DEFAULT_DOC_ID)
    parser.add_argument("--base", default=None, help="revision to compare with (default: main)")
    args = parser.parse_args()
    base = args.base or git("merge-base", "HEAD", "main").strip()
    with tempfile.TemporaryDirectory() as tmp:
        before = copy_revision(base, Path(tmp) / "before")
        after = copy_working_tree(Path(tmp) / "after")
        print(f"make report {args.doc_id}: before = {base[:10]}, after = the working tree")
        for round_ in ("first run (nothing stored)", "second run (same copies)"):
            old = render(before, args.doc_id)
            new = render(after, args.doc_id)
            print(
                f"{round_}: before {old:.1f} s, after {new:.1f} s, "
                f"ratio {new / old:.2f} (target: at most 0.6)",
                flush=True,
            )
        print("tables:")
        print("\n".join(compare_tables(before, after, args.doc_id)))


if __name__ == "__main__":
    main()
