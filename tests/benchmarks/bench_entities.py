"""Throughput of helpers.entities.extract against raw underthesea.ner on the same text.

Run: .venv/bin/python tests/benchmarks/bench_entities.py
Reports characters per second for both and their ratio (the target is at least 0.8). Each
system runs once to warm up (loading models and gazetteers), then the best of three timed runs
over every paragraph of the development sets counts.
"""

import time

from underthesea import ner

from helpers import entities, tokens
from helpers.entities import extract
from helpers.evaluation import ENTITY_DEV_SET, ENTITY_HELDOUT_NEWS, read_jsonl


def clear_caches():
    """Per-text caches would make repeated runs of ``extract`` free; measure cold runs."""
    tokens._tokens.cache_clear()
    tokens._sentences.cache_clear()
    entities._extract.cache_clear()
    entities._rules.cache_clear()


def best_of(fn, texts, repeats=3):
    for t in texts[:3]:
        fn(t)
    times = []
    for _ in range(repeats):
        clear_caches()
        started = time.perf_counter()
        for t in texts:
            fn(t)
        times.append(time.perf_counter() - started)
    return min(times)


def main():
    texts = [
        ex["text"] for path in (ENTITY_DEV_SET, ENTITY_HELDOUT_NEWS) for ex in read_jsonl(path)
    ]
    chars = sum(len(t) for t in texts)
    raw = best_of(ner, texts)
    ours = best_of(extract, texts)
    print(f"texts: {len(texts)} paragraphs, {chars} characters")
    print(f"underthesea.ner:          {chars / raw:10.0f} chars/s ({raw:.2f} s)")
    print(f"helpers.entities.extract: {chars / ours:10.0f} chars/s ({ours:.2f} s)")
    print(f"throughput ratio (ours / underthesea): {raw / ours:.2f}")


if __name__ == "__main__":
    main()
