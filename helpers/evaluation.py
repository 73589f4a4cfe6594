"""Evaluation against gold annotations, in the JSONL format of ``tests/eval/score.py``.

Entities: each line has ``text`` and ``entities`` [{start, end, label}]; scored strict (same span
and label) and lenient (overlapping span, same label), overall and per label, exactly as the
shared scorer does. Segmentation: each line has ``text`` and ``words``; scored on word spans over
the text with whitespace removed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .paths import PROJECT_ROOT

DATA = PROJECT_ROOT / "tests" / "data"
ENTITY_DEV_SET = DATA / "entities-dev.jsonl"
ENTITY_HELDOUT_NEWS = DATA / "entities-heldout-news.jsonl"
ENTITY_ARCHIVE_DEV = DATA / "entities-archive-dev.jsonl"
# Archive development set 2: the first held-back split (0.732 before round 1 of issue 10, 0.839
# after); measured twice, it has been development data since. Its file keeps its first name.
ENTITY_ARCHIVE_DEV2 = DATA / "entities-archive-heldback.jsonl"
ARCHIVE_FIRST_MEASUREMENT = DATA / "heldback-first-measurement.json"
# Archive development set 3: the held-back split 2 (0.787 before round 2 of issue 10, 0.794
# after); measured twice, development data for rounds 3 and 4.
ENTITY_ARCHIVE_DEV3 = DATA / "entities-archive-heldback2.jsonl"
HELDBACK2_FIRST_MEASUREMENT = DATA / "heldback2-first-measurement.json"
# Archive development set 4: the held-back split 3 (0.807 before rounds 3 and 4 of issue 10,
# 0.817 after); measured twice, development data for round 5.
ENTITY_ARCHIVE_DEV4 = DATA / "entities-archive-heldback3.jsonl"
HELDBACK3_FIRST_MEASUREMENT = DATA / "heldback3-first-measurement.json"
# Archive development set 5: the held-back split 4 (0.793 before round 5 of issue 10, 0.796
# after); measured twice, development data for round 6.
ENTITY_ARCHIVE_DEV5 = DATA / "entities-archive-heldback4.jsonl"
HELDBACK4_FIRST_MEASUREMENT = DATA / "heldback4-first-measurement.json"
# Archive development set 6: the held-back split 5 (0.899 before round 6 of issue 10, 0.921
# after); measured twice, development and training data since round 7.
ENTITY_ARCHIVE_DEV6 = DATA / "entities-archive-heldback5.jsonl"
# Archive training sets 7-10: 128 archive articles of general news (economy, society, sports,
# crime, politics, some diplomacy and world; 2,904 mentions), annotated for round 7 of issue 10
# in four batches, each adjudicated; never measured as held back.
ENTITY_ARCHIVE_TRAIN7 = DATA / "entities-archive-train7.jsonl"
ENTITY_ARCHIVE_TRAIN8 = DATA / "entities-archive-train8.jsonl"
ENTITY_ARCHIVE_TRAIN9 = DATA / "entities-archive-train9.jsonl"
ENTITY_ARCHIVE_TRAIN10 = DATA / "entities-archive-train10.jsonl"
# Archive training set 11: 32 further archive articles of general news (727 mentions), annotated
# by four annotators and adjudicated; training data from round 9 of issue 10, never held back.
ENTITY_ARCHIVE_TRAIN11 = DATA / "entities-archive-train11.jsonl"
# Archive training sets 12-14: 96 further archive articles (12: world news and diplomacy; 13, 14:
# general news; 2,176 mentions), each annotated by four annotators and adjudicated; training data
# from round 10 of issue 10, never held back.
ENTITY_ARCHIVE_TRAIN12 = DATA / "entities-archive-train12.jsonl"
ENTITY_ARCHIVE_TRAIN13 = DATA / "entities-archive-train13.jsonl"
ENTITY_ARCHIVE_TRAIN14 = DATA / "entities-archive-train14.jsonl"
# Archive development set 7: the held-back split 6 (0.840 before round 7 of issue 10, 0.871
# after); measured twice, development and training data since round 8.
ENTITY_ARCHIVE_DEV7 = DATA / "entities-archive-heldback6.jsonl"
# Archive development set 8: the held-back split 7 (0.800 before round 8 of issue 10, 0.803
# after); measured twice, development and training data since round 9.
ENTITY_ARCHIVE_DEV8 = DATA / "entities-archive-heldback7.jsonl"
# Archive development set 9: the held-back split 8 (0.805 before round 9 of issue 10, 0.816
# after); measured twice, development and training data since round 10.
ENTITY_ARCHIVE_DEV9 = DATA / "entities-archive-heldback8.jsonl"
# The held-back split 9: measured by the lead before rounds 10 and 11 (0.824) and after them
# (live in notebook 05), in aggregate only; the entity model is never trained on it
# (tests/test_entity_model.py checks its articles).
ENTITY_HELDBACK_SPLIT = DATA / "entities-archive-heldback9.jsonl"
HELDBACK6_FIRST_MEASUREMENT = DATA / "heldback6-first-measurement.json"
HELDBACK7_FIRST_MEASUREMENT = DATA / "heldback7-first-measurement.json"
HELDBACK8_FIRST_MEASUREMENT = DATA / "heldback8-first-measurement.json"
HELDBACK9_FIRST_MEASUREMENT = DATA / "heldback9-first-measurement.json"
# Every held-back entity split's first and final measurement (the final one of the current
# split is computed live in notebook 05).
HELDBACK_MEASUREMENTS = DATA / "heldback-measurements.csv"
SEGMENTATION_DEV_SET = DATA / "ud-vtb-dev.jsonl"
COMMITMENTS_STATEMENT = DATA / "commitments-statement.jsonl"
COMMITMENTS_NEWS = DATA / "commitments-news.jsonl"
COMMITMENTS_ARCHIVE_DEV = DATA / "commitments-archive-dev.jsonl"
COMMITMENTS_ARCHIVE_DEV2 = DATA / "commitments-archive-dev2.jsonl"
COMMITMENTS_ARCHIVE_DEV3 = DATA / "commitments-archive-heldout3.jsonl"  # held out in round 3
COMMITMENTS_ARCHIVE_DEV4 = DATA / "commitments-archive-heldout4.jsonl"  # held out in round 4
COMMITMENTS_HELDOUT4_FIRST_MEASUREMENT = DATA / "commitments-heldout4-first-measurement.json"
# Held out during round 5: scored only as aggregates, first (recorded) and finally live.
COMMITMENTS_ARCHIVE_HELDOUT5 = DATA / "commitments-archive-heldout5.jsonl"
COMMITMENTS_HELDOUT5_FIRST_MEASUREMENT = DATA / "commitments-heldout5-first-measurement.json"
# Held out during round 6 (measured before and after it), development data since.
COMMITMENTS_ARCHIVE_DEV6 = DATA / "commitments-archive-heldout6.jsonl"
COMMITMENTS_ARCHIVE_DEV7 = DATA / "commitments-archive-heldout7.jsonl"
# Held out during round 7 (measured before and after it); in round 8 the engineer's inner check,
# read as aggregate scores only; development data since.
COMMITMENTS_ARCHIVE_DEV8 = DATA / "commitments-archive-heldout8.jsonl"
# Held out during round 8: scored only as aggregates, first (recorded) and finally live; its
# errors read in round 9's second part, development data since (the same file under both names: notebook 05
# keeps its first and final measurement).
COMMITMENTS_HELDOUT9 = DATA / "commitments-archive-heldout9.jsonl"
COMMITMENTS_ARCHIVE_DEV9 = COMMITMENTS_HELDOUT9
COMMITMENTS_HELDOUT9_FIRST_MEASUREMENT = DATA / "commitments-heldout9-first-measurement.json"
# Held out during round 9 of the commitments: scored only as aggregates, first (recorded) and
# finally live (notebook 05 keeps both, the lead's record); its errors read in commitments round
# 12, development data since (the same file under both names).
COMMITMENTS_HELDOUT10 = DATA / "commitments-archive-heldout10.jsonl"
COMMITMENTS_ARCHIVE_DEV10 = COMMITMENTS_HELDOUT10
COMMITMENTS_HELDOUT10_FIRST_MEASUREMENT = DATA / "commitments-heldout10-first-measurement.json"
# Held out during commitments rounds 12 to 14: measured by the lead before them and after them
# (0.662 / 0.637 both times), scored in aggregate only (tests/tools/commitment_rotation.py skips a
# missing file, as in a checkout made before it was added).
COMMITMENTS_HELDOUT11 = DATA / "commitments-archive-heldout11.jsonl"
COMMITMENTS_HELDOUT11_FIRST_MEASUREMENT = DATA / "commitments-heldout11-first-measurement.json"
# Every held-out commitments set's first and final measurement.
COMMITMENTS_HELDOUT_MEASUREMENTS = DATA / "commitments-heldout-measurements.csv"

Span = tuple[int, int, str]

# The annotated sets the entity model (helpers/entities/model.py) is trained on, in its fixed
# training order; never the held-back split (ENTITY_HELDBACK_SPLIT). The rotation leaves out
# each set in turn, trains on all the others and scores the left-out set.
MODEL_ROTATION_SETS = (
    ("archive dev", ENTITY_ARCHIVE_DEV),
    ("archive dev 2 (heldback)", ENTITY_ARCHIVE_DEV2),
    ("archive dev 3 (heldback2)", ENTITY_ARCHIVE_DEV3),
    ("archive dev 4 (heldback3)", ENTITY_ARCHIVE_DEV4),
    ("archive dev 5 (heldback4)", ENTITY_ARCHIVE_DEV5),
    ("archive dev 6 (heldback5)", ENTITY_ARCHIVE_DEV6),
    ("archive dev 7 (heldback6)", ENTITY_ARCHIVE_DEV7),
    ("archive dev 8 (heldback7)", ENTITY_ARCHIVE_DEV8),
    ("archive dev 9 (heldback8)", ENTITY_ARCHIVE_DEV9),
    ("archive train 7", ENTITY_ARCHIVE_TRAIN7),
    ("archive train 8", ENTITY_ARCHIVE_TRAIN8),
    ("archive train 9", ENTITY_ARCHIVE_TRAIN9),
    ("archive train 10", ENTITY_ARCHIVE_TRAIN10),
    ("archive train 11", ENTITY_ARCHIVE_TRAIN11),
    ("archive train 12", ENTITY_ARCHIVE_TRAIN12),
    ("archive train 13", ENTITY_ARCHIVE_TRAIN13),
    ("archive train 14", ENTITY_ARCHIVE_TRAIN14),
    ("statement + Wikipedia", ENTITY_DEV_SET),
    ("news-style", ENTITY_HELDOUT_NEWS),
)
# The rotation table as recorded by ``tests/tools/train_entity_model.py --rotate --record`` (it
# takes two minutes to compute; a test recomputes it).
ENTITY_MODEL_ROTATION = DATA / "entity-model-rotation.csv"
MODEL_TRAINING_SETS = tuple(path for _, path in MODEL_ROTATION_SETS)


def read_jsonl(path: Path) -> list[dict]:
    """Gold examples, one JSON object a line."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _as_span(e) -> Span:
    if isinstance(e, dict):
        return int(e["start"]), int(e["end"]), str(e["label"])
    return int(e.start), int(e.end), str(e.label)


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


@dataclass
class EntityRun:
    """Predictions of one extractor on a gold set."""

    name: str
    gold: list[set[Span]]
    predicted: list[set[Span]]
    texts: list[str]
    ids: list[str]
    sources: list[str]


def run_entities(name: str, extract: Callable[[str], Iterable], examples: list[dict]) -> EntityRun:
    """Run ``extract`` on every example's text and keep gold and predicted spans."""
    predicted = [{_as_span(e) for e in extract(ex["text"])} for ex in examples]
    gold = [{_as_span(e) for e in ex["entities"]} for ex in examples]
    return EntityRun(
        name,
        gold,
        predicted,
        [ex["text"] for ex in examples],
        [ex.get("id", "") for ex in examples],
        [ex.get("source", "") for ex in examples],
    )


def project_and_baseline(examples: list[dict], *, rules_only: bool = False) -> list[EntityRun]:
    """The project's extractor and raw underthesea (the baseline) on the same examples, in
    that order: the pair every table of notebook 05 compares.

    ``rules_only`` runs the rule extractor without the trained model (the run is named
    ``rules``): on the sets the model is trained on, the whole extractor's scores are training
    scores, and the rotation (:func:`model_rotation`) scores the model honestly."""
    from .entities import extract, rule_entities

    if rules_only:
        project = run_entities("rules", rule_entities, examples)
    else:
        project = run_entities("project", extract, examples)
    return [project, run_entities("underthesea", underthesea_entities, examples)]


def _overlaps(a: Span, pool: set[Span]) -> bool:
    return any(a[2] == b[2] and a[0] < b[1] and b[0] < a[1] for b in pool)


def entity_scores(run: EntityRun) -> pd.DataFrame:
    """Strict and lenient P/R/F1, overall and per label: one row per (label, matching)."""
    labels = sorted({s[2] for spans in run.gold + run.predicted for s in spans})
    rows = []
    for label in ["all", *labels]:

        def keep(spans: set[Span], label: str = label) -> set[Span]:
            return spans if label == "all" else {s for s in spans if s[2] == label}

        tp = fp = fn = ltp = lfp = lfn = 0
        for g, p in zip(run.gold, run.predicted, strict=True):
            g, p = keep(g), keep(p)
            tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
            ltp += sum(1 for x in g if _overlaps(x, p))
            lfn += sum(1 for x in g if not _overlaps(x, p))
            lfp += sum(1 for x in p if not _overlaps(x, g))
        for matching, counts in (("strict", (tp, fp, fn)), ("lenient", (ltp, lfp, lfn))):
            rows.append({"system": run.name, "label": label, "matching": matching, **prf(*counts)})
    return pd.DataFrame(rows)


def compare_runs(runs: list[EntityRun]) -> pd.DataFrame:
    """F1 per label (rows) for each system and matching (columns), rounded to 3 places."""
    scores = pd.concat([entity_scores(run) for run in runs])
    table = scores.pivot_table(
        index="label", columns=["matching", "system"], values="f1", sort=False
    )
    return table.round(3)


def subset(run: EntityRun, keep: Callable[[str], bool]) -> EntityRun:
    """The part of a run whose examples' ``source`` satisfies ``keep``."""
    return _pick(run, [i for i, src in enumerate(run.sources) if keep(src)])


def _pick(run: EntityRun, idx: list[int]) -> EntityRun:
    """The examples ``idx`` of a run."""
    return EntityRun(
        run.name,
        [run.gold[i] for i in idx],
        [run.predicted[i] for i in idx],
        [run.texts[i] for i in idx],
        [run.ids[i] for i in idx],
        [run.sources[i] for i in idx],
    )


def scores_by_source(run: EntityRun) -> pd.DataFrame:
    """Strict P/R/F1 over all labels for each source file of the gold set."""
    rows = []
    for source in sorted(set(run.sources)):
        part = subset(run, lambda s, source=source: s == source)
        row = entity_scores(part).query("label == 'all' and matching == 'strict'").iloc[0]
        gold = sum(len(g) for g in part.gold)
        rows.append(
            {
                "source": source,
                "paragraphs": len(part.gold),
                "gold mentions": gold,
                **{k: row[k] for k in ("precision", "recall", "f1")},
            }
        )
    return pd.DataFrame(rows).round(3)


def compare_by_source(runs: list[EntityRun]) -> pd.DataFrame:
    """Strict F1 per source file for each system, with the paragraph and mention counts."""
    tables = [scores_by_source(run).set_index("source") for run in runs]
    out = tables[0][["paragraphs", "gold mentions"]].copy()
    for run, table in zip(runs, tables, strict=True):
        out[f"F1 {run.name}"] = table["f1"]
    return out.reset_index()


def entity_errors(run: EntityRun) -> pd.DataFrame:
    """Every strict error: a missed gold span (``missed``) or a wrong prediction (``spurious``).

    A spurious prediction that overlaps a gold span is marked with what the gold says there.
    """
    rows = []
    for ex_id, text, g, p in zip(run.ids, run.texts, run.gold, run.predicted, strict=True):
        for kind, spans, other in (("missed", g - p, p), ("spurious", p - g, g)):
            for s, e, label in sorted(spans):
                near = sorted(o for o in other if o[0] < e and s < o[1])
                rows.append(
                    {
                        "id": ex_id,
                        "error": kind,
                        "text": text[s:e],
                        "label": label,
                        "other side": "; ".join(f"{text[a:b]} ({lab})" for a, b, lab in near),
                        "context": text[max(0, s - 30) : e + 30].replace("\n", " "),
                    }
                )
    return pd.DataFrame(rows, columns=["id", "error", "text", "label", "other side", "context"])


ERROR_KINDS = {
    "wrong label": "the right span with another label",
    "boundary": "overlaps one gold span of the same label, with other edges",
    "fragment": "one of several predictions inside a single gold span (a name split up)",
    "glued": "one prediction across several gold spans (names run together)",
    "relabelled boundary": "overlaps a gold span with another label and other edges",
    "invented": "a prediction that overlaps no gold span",
    "missed": "a gold span that no prediction overlaps",
}


def error_kinds(run: EntityRun) -> pd.DataFrame:
    """Strict errors counted by kind (``ERROR_KINDS``, rows) and label (columns).

    A prediction is counted once, by the label it has; a gold span only when nothing overlaps it.
    """
    counts: dict[tuple[str, str], int] = {}
    for gold, predicted in zip(run.gold, run.predicted, strict=True):
        for s, e, label in predicted - gold:
            over = [g for g in gold if g[0] < e and s < g[1]]
            if not over:
                kind = "invented"
            elif len(over) > 1:
                kind = "glued"
            elif over[0][:2] == (s, e):
                kind = "wrong label"
            elif sum(1 for p in predicted if p[0] < over[0][1] and over[0][0] < p[1]) > 1:
                kind = "fragment"
            elif over[0][2] == label:
                kind = "boundary"
            else:
                kind = "relabelled boundary"
            counts[(kind, label)] = counts.get((kind, label), 0) + 1
        for s, e, label in gold:
            if not any(p[0] < e and s < p[1] for p in predicted):
                counts[("missed", label)] = counts.get(("missed", label), 0) + 1
    labels = sorted({label for _, label in counts})
    rows = [
        {"kind": kind, **{label: counts.get((kind, label), 0) for label in labels}}
        for kind in ERROR_KINDS
    ]
    table = pd.DataFrame(rows, columns=["kind", *labels]).set_index("kind")
    table["all"] = table.sum(axis=1)
    table["what"] = [ERROR_KINDS[k] for k in table.index]
    return table


def recorded_measurements(path: Path = ARCHIVE_FIRST_MEASUREMENT) -> pd.DataFrame:
    """The first measurement of the archive sets, as recorded (one row per split and system)."""
    records = json.loads(path.read_text(encoding="utf-8"))["measurements"]
    rows = []
    for r in records:
        row = {k: r.get(k) for k in ("split", "system", "precision", "recall", "f1")}
        row.update({f"F1 {label}": f1 for label, f1 in sorted(r.get("f1_by_label", {}).items())})
        rows.append(row)
    return pd.DataFrame(rows)


def recorded_topic_scores(path: Path) -> pd.DataFrame:
    """F1 by topic of the articles, as recorded with a first measurement (``f1_by_topic``)."""
    record = json.loads(path.read_text(encoding="utf-8"))
    topics = record["f1_by_topic"]
    return pd.DataFrame(
        [{"topic": topic, **topics[topic]} for topic in sorted(topics)],
        columns=["topic", "gold mentions", "f1"],
    )


def measurement_record(path: Path) -> pd.DataFrame:
    """A held-out record (``heldback-measurements.csv``, ``commitments-heldout-measurements.csv``):
    one row per set and measurement, first (before the round it judged) or final (after it)."""
    return pd.read_csv(path, dtype={"commit": str})


def strict_summary(runs: list[EntityRun], split: str) -> pd.DataFrame:
    """Strict P/R/F1 over all labels and F1 per label, one row per system, for ``split``."""
    rows = []
    for run in runs:
        scores = entity_scores(run).query("matching == 'strict'").set_index("label")
        row = {"split": split, "system": run.name}
        row.update({k: scores.loc["all", k] for k in ("precision", "recall", "f1")})
        row.update({f"F1 {label}": scores.loc[label, "f1"] for label in scores.index[1:]})
        rows.append(row)
    return pd.DataFrame(rows)


def scores_by_field(run: EntityRun, examples: list[dict], field: str) -> pd.DataFrame:
    """Strict P/R/F1 over all labels for each value of an example field (e.g. ``topic``)."""
    values = [ex.get(field, "") for ex in examples]
    rows = []
    for value in sorted(set(values)):
        idx = [i for i, v in enumerate(values) if v == value]
        part = _pick(run, idx)
        row = entity_scores(part).query("label == 'all' and matching == 'strict'").iloc[0]
        rows.append(
            {
                field: value,
                "paragraphs": len(idx),
                "gold mentions": sum(len(g) for g in part.gold),
                **{k: row[k] for k in ("precision", "recall", "f1")},
            }
        )
    return pd.DataFrame(rows).round(3)


def segmentation_scores(
    name: str, segment: Callable[[str], list[str]], examples: list[dict]
) -> dict:
    """Word-boundary P/R/F1 of ``segment`` against gold ``words`` (as the shared scorer does)."""

    def spans(words: Iterable[str]) -> set[tuple[int, int]]:
        out, pos = set(), 0
        for w in words:
            n = len("".join(w.split()))
            if n:
                out.add((pos, pos + n))
                pos += n
        return out

    tp = fp = fn = 0
    for ex in examples:
        g, p = spans(ex["words"]), spans(segment(ex["text"]))
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    return {"system": name, **prf(tp, fp, fn)}


@contextmanager
def _raw_underthesea():
    """underthesea as installed, without the fixed words our segmenter leaves in its module.

    underthesea 9.5.0 keeps the last ``fixed_words`` pattern in a module global; a baseline run
    in the same process would otherwise inherit the project's list.
    """
    from underthesea.pipeline.word_tokenize import regex_tokenize

    saved = regex_tokenize.patterns
    regex_tokenize.patterns = re.compile(
        regex_tokenize.regex_patterns_combine, re.VERBOSE | re.UNICODE
    )
    try:
        yield
    finally:
        regex_tokenize.patterns = saved


def underthesea_word_tokenize(text: str) -> list[str]:
    """Raw ``underthesea.word_tokenize`` (the segmentation baseline)."""
    from underthesea import word_tokenize

    with _raw_underthesea():
        return word_tokenize(text)


def underthesea_ner(text: str) -> list[tuple[str, str, str, str]]:
    """``underthesea.ner(text)``'s rows (word, POS, chunk, NER tag), computed the same way.

    ``ner`` segments the text, then tags it with the POS, chunking and NER CRFs in turn; this does
    the same with the same models, their features built once per sentence
    (:mod:`helpers.crf_features`), which gives the same rows in a fraction of the time
    (``tests/test_crf_features.py`` compares them on two annotated entity sets).
    """
    from underthesea import word_tokenize

    from . import crf_features

    words = word_tokenize(text)
    pos = crf_features.pos_tags(words)
    chunks = crf_features.chunk_tags(list(zip(words, pos, strict=True)))
    labels = crf_features.ner_tags(list(zip(words, pos, chunks, strict=True)))
    return list(zip(words, pos, chunks, labels, strict=True))


def underthesea_entities(text: str, *, raw: bool = False) -> list[dict]:
    """underthesea's NER (the baseline) as spans with offsets into ``text``.

    ``raw=True`` calls ``underthesea.ner`` itself; the default gives the same rows faster
    (:func:`underthesea_ner`).
    """
    from underthesea import ner

    from .entities import bio_spans

    with _raw_underthesea():
        rows = ner(text) if raw else underthesea_ner(text)
    spans: list[tuple[int, int]] = []  # character offsets of each word, found in order
    pos = 0
    for word, *_ in rows:
        found = text.find(word, pos)
        spans.append((found, found + len(word)) if found >= 0 else (-1, -1))
        pos = found + len(word) if found >= 0 else pos
    out = []
    for first, last, label in bio_spans([row[3] for row in rows]):
        if spans[first][0] >= 0 and spans[last][0] >= 0:
            out.append({"start": spans[first][0], "end": spans[last][1], "label": label})
    return out


# ---------------------------------------------------------------------------- commitments


def commitment_comparison(path: Path) -> pd.DataFrame:
    """Gold and predicted (actor, verb) pairs of a commitments gold set, side by side.

    One row per distinct pair in either: columns ``id``, ``actor``, ``verb``, ``start`` (of the
    verb, in the line's text), ``gold``, ``predicted`` (booleans). A pair matches when the actor is
    the same and the verbs start at the same character.
    """
    from .commitments import commitments

    rows = []
    for example in read_jsonl(path):
        text = example["text"]
        gold = {(c["actor"], c["start"]): c["verb"] for c in example["commitments"]}
        found = commitments(text)
        pairs = zip(found["actor"], found["start"], strict=True)
        predicted = dict(zip(pairs, found["verb"], strict=True))
        for key in sorted(set(gold) | set(predicted), key=lambda k: (k[1], k[0])):
            rows.append(
                {
                    "id": example["id"],
                    "actor": key[0],
                    "verb": gold.get(key) or predicted[key],
                    "start": key[1],
                    "gold": key in gold,
                    "predicted": key in predicted,
                }
            )
    return pd.DataFrame(rows, columns=["id", "actor", "verb", "start", "gold", "predicted"])


def commitment_scores(path: Path) -> dict[str, float | int]:
    """Precision, recall and F1 of ``commitments`` on distinct (actor, verb) pairs."""
    return comparison_scores(commitment_comparison(path))


def comparison_scores(table: pd.DataFrame) -> dict[str, float | int]:
    """Precision, recall and F1 of a :func:`commitment_comparison` table (one computed already
    also gives the errors, without running the extractor twice)."""
    tp = int((table["gold"] & table["predicted"]).sum())
    fp = int((~table["gold"] & table["predicted"]).sum())
    fn = int((table["gold"] & ~table["predicted"]).sum())
    return prf(tp, fp, fn)


def rotation_splits() -> list[tuple[str, Path, tuple[Path, ...]]]:
    """(name, left-out set, training sets) of each rotation, in ``MODEL_ROTATION_SETS`` order;
    the training sets keep the order of ``MODEL_TRAINING_SETS``."""
    return [
        (name, left_out, tuple(p for p in MODEL_TRAINING_SETS if p != left_out))
        for name, left_out in MODEL_ROTATION_SETS
    ]


def recorded_rotation(path: Path = ENTITY_MODEL_ROTATION) -> pd.DataFrame:
    """The rotation table of :func:`model_rotation` as last recorded."""
    return pd.read_csv(path)


def model_rotation() -> pd.DataFrame:
    """Cross-validated strict F1 of the entity model: for each annotated set, a model trained on
    every other annotated set, against the rules alone, on the left-out set.

    The shipped model is trained on every annotated set, so the project's scores on those sets
    are training scores; these are the honest ones. One row per left-out set and system
    (``rules``, ``rules + model``), with F1 over all labels and per label. It trains seven models
    (about two minutes on one core).
    """
    from .entities import model, rule_entities

    sequences = {path: model.training_sequences(read_jsonl(path)) for path in MODEL_TRAINING_SETS}
    rows = []
    for name, left_out, training in rotation_splits():
        xs = [x for path in training for x in sequences[path][0]]
        ys = [y for path in training for y in sequences[path][1]]
        tagger = model.train(xs, ys)
        examples = read_jsonl(left_out)
        runs = [
            run_entities("rules", rule_entities, examples),
            run_entities(
                "rules + model",
                lambda text, tagger=tagger: model.corrected_entities(text, tagger),
                examples,
            ),
        ]
        for run in runs:
            scores = entity_scores(run).query("matching == 'strict'").set_index("label")
            row = {
                "left out": name,
                "mentions": sum(len(g) for g in run.gold),
                "system": run.name,
                "precision": scores.loc["all", "precision"],
                "recall": scores.loc["all", "recall"],
                "F1": scores.loc["all", "f1"],
            }
            row.update({f"F1 {label}": scores.loc[label, "f1"] for label in scores.index[1:]})
            rows.append(row)
    return pd.DataFrame(rows).round(3)
