"""Garbled canonical English names over the annotated sets, before and after a change.

Run: .venv/bin/python tests/benchmarks/bench_canonical_names.py [--base REV] [--list]

Every gold ORG and MISC mention of ``tests/data/entities-*.jsonl`` is named as the extractor
names it (``helpers.canonical.english_name``, with the gazetteer's entry where it lists the
mention under the same label). A name counts as garbled when it repeats a word ("United
Nations UN Security Council" holds "UN" and the words it stands for; "ASEAN ASEAN Summit"), or
mixes languages (a Vietnamese syllable with its diacritics inside an English name). The count
for ``--base`` (default ``main``; its ``helpers`` taken with ``git archive`` and run in a child
process on the same gold sets) is printed beside this checkout's, in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from revision import helpers_of

SETS = sorted((Path(__file__).resolve().parents[1] / "data").glob("entities-*.jsonl"))
_LITTLE_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "de"})


def garbled(name: str) -> str | None:
    """Why ``name`` reads as garbled, or None."""
    from helpers.orthography import is_native_syllable

    # words as written ("TT&TT" is one acronym, not the same word twice)
    words = [w.strip(".,;:()\"'") for w in name.split()]
    seen = Counter(w.lower() for w in words if w.lower() not in _LITTLE_WORDS)
    repeated = sorted(w for w, n in seen.items() if n > 1)
    if repeated:
        return "repeats " + ", ".join(repeated)
    capitals = [w for w in words if w[:1].isupper() and not w.isupper()]
    initials = "".join(w[0] for w in capitals)
    for word in words:
        if len(word) > 1 and word.isupper() and word in initials:
            return f"{word} beside the words it stands for"
    vietnamese = [w for w in words if not w.isascii() and (w.isupper() or is_native_syllable(w))]
    if vietnamese:
        return "mixes languages: " + " ".join(vietnamese)
    return None


def count() -> dict:
    """Mentions and distinct names whose canonical English name is garbled, by reason."""
    from helpers.canonical import english_name
    from helpers.entities import gazetteer

    lookup = gazetteer().get
    mentions, names = 0, {}
    total = 0
    for path in SETS:
        for line in path.read_text(encoding="utf-8").splitlines():
            for e in json.loads(line)["entities"]:
                if e["label"] not in ("ORG", "MISC"):
                    continue
                total += 1
                entry = lookup(e["text"])
                listed = entry.canonical if entry and entry.label == e["label"] else None
                english = english_name(e["text"], e["label"], listed, lookup).english
                why = garbled(english) if english else None
                if why:
                    mentions += 1
                    names[e["text"]] = (english, why)
    return {"mentions": total, "garbled": mentions, "names": dict(sorted(names.items()))}


def base_count(base: str) -> dict:
    """``count()`` with ``base``'s helpers (code and data files) in a child process."""
    with helpers_of(base) as folder:
        out = subprocess.run(
            [sys.executable, __file__, "--json"],
            env={**os.environ, "PYTHONPATH": folder},
            capture_output=True,
            text=True,
            cwd=folder,
            check=True,
        )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main", help="the revision to compare with")
    parser.add_argument("--list", action="store_true", help="list the garbled names")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(count(), ensure_ascii=False))
        return
    before, after = base_count(args.base), count()
    print(f"gold ORG/MISC mentions in {len(SETS)} annotated sets: {after['mentions']}")
    print("| | mentions with a garbled name | distinct names |")
    print("| --- | --- | --- |")
    for side, result in ((args.base, before), ("this checkout", after)):
        print(f"| {side} | {result['garbled']} | {len(result['names'])} |")
    if args.list:
        for side, result in ((args.base, before), ("this checkout", after)):
            print(f"\n{side}:")
            for text, (english, why) in result["names"].items():
                print(f"  {text} -> {english}  ({why})")


if __name__ == "__main__":
    main()
