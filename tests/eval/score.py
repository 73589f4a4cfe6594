#!/usr/bin/env python3
# Copied unchanged (apart from this comment) from the project material /work/shared/eval/score.py
# (read-only, outside the repository), so that the scorer the README and notebook 05 cite
# is in the project. Format: tests/data/README.md. Run from the project root:
#   .venv/bin/python tests/eval/score.py entities helpers.entities:extract tests/data/entities-dev.jsonl
"""Score a word segmenter or an entity extractor against gold JSONL.

  python score.py segmentation MODULE:FUNC GOLD.jsonl [--json]
      FUNC(text) -> list[str]; each gold line has "text" and "words".
  python score.py entities MODULE:FUNC GOLD.jsonl [--json]
      FUNC(text) -> iterable of objects or dicts with start, end, label;
      each gold line has "text" and "entities" [{start, end, label}].

Segmentation is scored on word spans over the text with all whitespace removed,
so a segmenter is judged on where it puts word boundaries, nothing else.
Entities are scored strict (same span and label) and lenient (overlapping span,
same label). Run it from the project root with the project's environment.
"""
import argparse
import importlib
import json
import sys
import time


def load_callable(spec):
    module, _, name = spec.partition(":")
    sys.path.insert(0, ".")
    obj = importlib.import_module(module)
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def word_spans(words):
    spans, pos = set(), 0
    for w in words:
        n = len("".join(w.split()))
        if n:
            spans.add((pos, pos + n))
            pos += n
    return spans, pos


def score_segmentation(fn, gold):
    tp = fp = fne = 0
    lost = 0
    syllables = 0
    start = time.perf_counter()
    for ex in gold:
        pred = list(fn(ex["text"]))
        g, glen = word_spans(ex["words"])
        p, plen = word_spans(pred)
        if plen != glen:
            lost += 1
        tp += len(g & p)
        fp += len(p - g)
        fne += len(g - p)
        syllables += len(ex["text"].split())
    seconds = time.perf_counter() - start
    out = prf(tp, fp, fne)
    out.update(sentences=len(gold), changed_characters=lost, seconds=round(seconds, 3),
               syllables_per_s=round(syllables / seconds) if seconds else None)
    return out


def as_tuple(e):
    if isinstance(e, dict):
        return int(e["start"]), int(e["end"]), str(e["label"])
    return int(e.start), int(e.end), str(e.label)


def score_entities(fn, gold):
    tp = fp = fne = 0
    ltp = lfp = lfn = 0
    per_label = {}
    start = time.perf_counter()
    for ex in gold:
        text = ex["text"]
        pred = {as_tuple(e) for e in fn(text)}
        for s, e, _ in pred:
            if not (0 <= s < e <= len(text)):
                raise SystemExit(f"bad offsets {s}:{e} for text of length {len(text)}")
        g = {as_tuple(e) for e in ex["entities"]}
        tp += len(g & pred)
        fp += len(pred - g)
        fne += len(g - pred)
        for lab in {x[2] for x in g | pred}:
            c = per_label.setdefault(lab, [0, 0, 0])
            gl = {x for x in g if x[2] == lab}
            pl = {x for x in pred if x[2] == lab}
            c[0] += len(gl & pl)
            c[1] += len(pl - gl)
            c[2] += len(gl - pl)

        def overlaps(a, pool):
            return any(a[2] == b[2] and a[0] < b[1] and b[0] < a[1] for b in pool)

        ltp += sum(1 for x in g if overlaps(x, pred))
        lfn += sum(1 for x in g if not overlaps(x, pred))
        lfp += sum(1 for x in pred if not overlaps(x, g))
    seconds = time.perf_counter() - start
    return {"strict": prf(tp, fp, fne), "lenient": prf(ltp, lfp, lfn),
            "per_label": {k: prf(*v) for k, v in sorted(per_label.items())},
            "sentences": len(gold), "seconds": round(seconds, 3)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("task", choices=["segmentation", "entities"])
    ap.add_argument("callable", help="MODULE:FUNC, e.g. helpers.tokens:word_tokenize")
    ap.add_argument("gold")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()
    fn = load_callable(args.callable)
    gold = read_jsonl(args.gold)
    result = (score_segmentation if args.task == "segmentation" else score_entities)(fn, gold)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
