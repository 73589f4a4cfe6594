"""Commitment (actor, verb) scores of this checkout beside a base revision's, in one run.

Run from the project root with the project's environment:

    .venv/bin/python tests/tools/commitment_rotation.py               # against main
    .venv/bin/python tests/tools/commitment_rotation.py --base HEAD~3 # against any revision
    .venv/bin/python tests/tools/commitment_rotation.py --misses SET  # this checkout's errors

For every commitment development set of ``tests/data`` it prints precision and recall of the
base revision's ``helpers`` (exported with ``git archive`` into a temporary folder and run in a
child process) and of this checkout's, then the same pooled over the five archive sets (their
true and false pairs summed). A proposed change is judged on all the columns at once: a rule
written from one set's examples tends to raise that set only.

``--rotation`` adds the learned scorer's leave-one-set-out table (``helpers.commitment_model``):
each set scored by a scorer trained on every other set.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from helpers.evaluation import comparison_scores  # noqa: E402

DATA = ROOT / "tests" / "data"
# name → gold set, in the order of notebook 05; the five archive sets are pooled
COMMITMENT_SETS = {
    "statement": DATA / "commitments-statement.jsonl",
    "news": DATA / "commitments-news.jsonl",
    "archive dev": DATA / "commitments-archive-dev.jsonl",
    "archive dev2": DATA / "commitments-archive-dev2.jsonl",
    "archive heldout3": DATA / "commitments-archive-heldout3.jsonl",
    "archive heldout4": DATA / "commitments-archive-heldout4.jsonl",
    "archive heldout5": DATA / "commitments-archive-heldout5.jsonl",
}
ARCHIVE_SETS = [name for name in COMMITMENT_SETS if name.startswith("archive")]

# Run in a child process with the base's helpers first on its path: the comparison tables of
# the sets given as JSON on the command line.
_CHILD = """
import json, sys
from pathlib import Path
import helpers.evaluation as ev
if not ev.__file__.startswith(sys.argv[2]):
    sys.exit(f"the base's helpers were not imported: {ev.__file__}")
sets = json.loads(sys.argv[1])
print(json.dumps({n: ev.commitment_comparison(Path(p)).to_dict("records") for n, p in sets.items()}))
"""


def _comparisons() -> dict[str, list[dict]]:
    """Each set's comparison table (``helpers.evaluation.commitment_comparison``) as records."""
    from helpers.evaluation import commitment_comparison

    return {
        name: commitment_comparison(path).to_dict("records")
        for name, path in COMMITMENT_SETS.items()
    }


def _base_comparisons(base: str) -> dict[str, list[dict]]:
    """The comparison tables of ``base``'s helpers (its code and data files, these gold sets)."""
    archive = subprocess.run(
        ["git", "archive", base, "helpers"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        # the gold sets are this checkout's: the base's helpers are scored on the same data
        sets = json.dumps({n: str(p) for n, p in COMMITMENT_SETS.items()})
        env = {**os.environ, "PYTHONPATH": folder}
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, sets, folder],
            env=env,
            capture_output=True,
            text=True,
            cwd=folder,
        )
        if out.returncode:
            raise SystemExit(f"scoring {base} failed:\n{out.stderr}")
        return json.loads(out.stdout)


def _scores(records: list[dict]) -> dict[str, float]:
    table = pd.DataFrame(records, columns=["id", "actor", "verb", "start", "gold", "predicted"])
    return comparison_scores(table)


def score_table(base: dict[str, list[dict]], head: dict[str, list[dict]]) -> pd.DataFrame:
    """P, R, F1 per set and pooled over the archive sets, for the base and for this checkout."""
    rows = []
    for name in [*COMMITMENT_SETS, "archive pooled"]:
        row = {"set": name}
        for label, tables in (("base", base), ("this", head)):
            names = ARCHIVE_SETS if name == "archive pooled" else [name]
            s = _scores([r for n in names for r in tables[n]])
            row |= {f"{label} P": s["precision"], f"{label} R": s["recall"], f"{label} F1": s["f1"]}
        rows.append(row)
    table = pd.DataFrame(rows).set_index("set")
    table["ΔF1"] = table["this F1"] - table["base F1"]
    return table.round(3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main", help="git revision to compare with (main)")
    parser.add_argument("--misses", metavar="SET", help="list this checkout's errors on SET")
    args = parser.parse_args()
    head = _comparisons()
    if args.misses:
        wrong = [r for r in head[args.misses] if r["gold"] != r["predicted"]]
        print(pd.DataFrame(wrong).to_string())
        return
    base = _base_comparisons(args.base)
    with pd.option_context("display.width", 200):
        print(f"base: {args.base}; this: the working tree")
        print(score_table(base, head).to_string())


if __name__ == "__main__":
    main()
