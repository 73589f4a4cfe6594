"""Theme coverage on real diplomatic news: how many stance-verb paragraphs get a theme.

Run: .venv/bin/python tests/benchmarks/bench_themes.py [--split dev|check|heldout|test|all] [--sample N]
(``NEWS_ARCHIVE=path`` reads the archive from elsewhere.)

Articles come from the shared 2017 news archive (``../shared/news-archive/baomoi-2017.jsonl.xz``,
read in place, never copied). An article is diplomatic when its text names at least two of the
markers of diplomatic reporting below (talks, a courtesy call, a foreign ministry, an official
visit, an ambassador, a spokesperson): 834 of the 35,424 articles. Sorted by id, every sixth
from the first is the development split (the lexicon was written looking at it), every sixth
from the fourth the held-out split, every sixth from the sixth the test split and every sixth
from the second the check split (a precision sample of the final lexicon, drawn once).

Coverage is the share of sentences (and of body paragraphs) holding a stance verb
(``helpers/data/stance.tsv``, kind ``verb``, whole words) that get at least one theme cue in the
same sentence (paragraph). In this crawl an article's body is mostly one line, so nearly every
paragraph gets some theme; the sentence is the telling unit. ``--sample N`` prints N (sentence,
theme) assignments of the split, drawn with a fixed seed, for hand-checking
(``tests/data/themes-precision.tsv``).
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import random
import re
import sys
from pathlib import Path

from helpers.frequency import term_pattern, whole_word_matches
from helpers.paths import PROJECT_ROOT, read_data_lines
from helpers.themes import theme_hits, theme_labels

ARCHIVE = Path(
    os.environ.get("NEWS_ARCHIVE")
    or PROJECT_ROOT.parent / "shared" / "news-archive" / "baomoi-2017.jsonl.xz"
)
MARKERS = re.compile(
    r"hội đàm|hội kiến|Bộ Ngoại giao|chuyến thăm chính thức|Đại sứ|người phát ngôn"
)
PRECISION_FILE = PROJECT_ROOT / "tests" / "data" / "themes-precision.tsv"


def diplomatic_articles() -> list[dict]:
    if not ARCHIVE.exists():
        sys.exit(f"{ARCHIVE}: the shared news archive is not there")
    found = []
    with lzma.open(ARCHIVE, "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            if len(MARKERS.findall(article["text"])) >= 2:
                found.append(article)
    return sorted(found, key=lambda a: int(a["id"].split("-")[1]))


def split(articles: list[dict], name: str) -> list[dict]:
    first = {"dev": 0, "check": 1, "heldout": 3, "test": 5}[name]
    return [a for i, a in enumerate(articles) if i % 6 == first]


def stance_pattern() -> re.Pattern[str]:
    rows = [line.split("\t") for line in read_data_lines("stance.tsv")[1:]]
    return term_pattern([cue for cue, kind, *_ in rows if kind == "verb"])


def stance_paragraphs(articles: list[dict]):
    """(article id, paragraph number, text) of body paragraphs with a stance verb."""
    pattern = stance_pattern()
    for article in articles:
        # the first line is the headline
        for number, text in enumerate(article["text"].split("\n")[1:], start=1):
            text = text.strip()
            if text and pattern.search(text) and any(whole_word_matches(text, pattern)):
                yield article["id"], number, text


def measure(articles: list[dict]) -> tuple[dict, list[tuple]]:
    from helpers.tokens import sentences

    pattern = stance_pattern()
    counts = {"paragraphs": 0, "themed paragraphs": 0, "sentences": 0, "themed sentences": 0}
    assignments = []
    for doc_id, number, text in stance_paragraphs(articles):
        hits = theme_hits(text)
        counts["paragraphs"] += 1
        counts["themed paragraphs"] += bool(len(hits))
        stance_starts = [m.start() for m in whole_word_matches(text, pattern)]
        for i, s in enumerate(sentences(text)):
            if any(s.start <= p < s.end for p in stance_starts):
                counts["sentences"] += 1
                counts["themed sentences"] += bool((hits["sentence"] == i).any())
                for theme, group in hits[hits["sentence"] == i].groupby("theme", sort=True):
                    cues = ", ".join(sorted(set(group["cue"].str.lower())))
                    assignments.append((doc_id, f"{number}.{i}", theme, cues, s.text))
    return counts, assignments


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--split", choices=["dev", "check", "heldout", "test", "all"], default="all"
    )
    parser.add_argument("--sample", type=int, default=0)
    args = parser.parse_args()
    articles = diplomatic_articles()
    print(f"diplomatic articles in the archive: {len(articles)}")
    for name in ["dev", "heldout", "test", "check"] if args.split == "all" else [args.split]:
        chosen = split(articles, name)
        counts, assignments = measure(chosen)
        p, s = counts["paragraphs"], counts["sentences"]
        print(
            f"{name}: {len(chosen)} articles; stance-verb paragraphs with a theme: "
            f"{counts['themed paragraphs']}/{p} = {counts['themed paragraphs'] / p:.3f}; "
            f"stance-verb sentences with a theme in the sentence: "
            f"{counts['themed sentences']}/{s} = {counts['themed sentences'] / s:.3f}"
        )
        by_theme: dict[str, int] = {}
        for _, _, theme, _, _ in assignments:
            by_theme[theme] = by_theme.get(theme, 0) + 1
        labels = theme_labels()
        print(
            "  stance-verb sentences per theme: "
            + ", ".join(f"{labels[t]} {by_theme.get(t, 0)}" for t in labels)
        )
        if args.sample:
            for row in random.Random(14).sample(assignments, min(args.sample, len(assignments))):
                doc_id, number, theme, cues, text = row
                print("\t".join([doc_id, str(number), theme, cues, text]))
    if PRECISION_FILE.exists():
        lines = PRECISION_FILE.read_text("utf-8").splitlines()
        rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
        verdicts = [row[4] for row in rows[1:]]
        if verdicts:
            right = sum(v == "yes" for v in verdicts)
            print(
                f"hand-checked precision ({PRECISION_FILE.name}): {right}/{len(verdicts)} = {right / len(verdicts):.3f}"
            )


if __name__ == "__main__":
    main()
