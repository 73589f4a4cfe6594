"""Reading a stored analysis against computing it, for one document, in one process.

Run: .venv/bin/python tests/benchmarks/bench_analysis_store.py [DOC_ID]

Models are loaded and pyarrow imported before timing (a warm-up analysis of one sentence), so
the computation is timed at its fastest. Both sides include loading the document (its text is
what the key hashes). Prints the median of three computations (``analyse``, each after clearing
the per-text caches) and of five reads (``load_or_analyse`` with the analysis stored in a
temporary ``results/``), and their ratio (target: under 5%).
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from helpers import entities, tokens
from helpers.analysis import (
    TABLES,
    analyse,
    analysis_dir,
    analysis_key,
    load_or_analyse,
    write_analysis,
)
from helpers.corpus import load_document
from helpers.paths import DEFAULT_DOC_ID


def clear_caches() -> None:
    tokens._tokens.cache_clear()
    tokens._sentences.cache_clear()
    entities._extract.cache_clear()


def main() -> None:
    doc_id = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DOC_ID
    with tempfile.TemporaryDirectory() as tmp:
        results = Path(tmp)
        analyse("Hai bên nhất trí tăng cường hợp tác an ninh.")  # models loaded
        load_or_analyse(doc_id, results)  # pyarrow imported, the analysis stored
        computed = []
        for _ in range(3):
            clear_caches()
            started = time.perf_counter()
            fresh = analyse(load_document(doc_id))
            computed.append(time.perf_counter() - started)
        doc = fresh.document
        write_analysis(fresh, analysis_dir(doc.id, results), analysis_key(doc))
        read = []
        for _ in range(5):
            started = time.perf_counter()
            stored = load_or_analyse(doc_id, results)
            read.append(time.perf_counter() - started)
        assert all(getattr(stored, n) == getattr(fresh, n) for n in TABLES)
    compute, load = statistics.median(computed), statistics.median(read)
    print(f"{doc_id}: {len(fresh.tokens):,} tokens, {len(fresh.entities):,} mentions")
    print(f"analyse (computed):          {compute * 1000:8.1f} ms")
    print(f"load_or_analyse (stored):    {load * 1000:8.1f} ms")
    print(f"ratio: {load / compute:.1%} (target: under 5%)")


if __name__ == "__main__":
    main()
