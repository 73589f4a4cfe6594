"""Reading a stored analysis against computing it, for one document.

Run: .venv/bin/python tests/benchmarks/bench_analysis_store.py [DOC_ID]

Computing: ``analyse(load_document(doc_id))`` in this process, with the models already loaded
(a warm-up analysis of one sentence) and the per-text caches emptied before each of three runs;
the median is printed. This is the computation at its fastest: a notebook that computes also
loads the models (several seconds more).

Reading: ``load_or_analyse(doc_id)`` with that analysis stored in a temporary ``results/``, timed
in a fresh Python process that has imported ``helpers.analysis`` and pyarrow and loaded no
model, as in a notebook that follows another; the first read and the median of five are
printed, and their ratio to the computation (target: under 5%).
"""

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpers import entities, tokens
from helpers.analysis import analyse, analysis_dir, analysis_key, write_analysis
from helpers.corpus import load_document, resolve
from helpers.paths import DEFAULT_DOC_ID

READER = """
import json, sys, time
from pathlib import Path
import pyarrow.parquet
from helpers.analysis import load_or_analyse
times = []
for _ in range(5):
    started = time.perf_counter()
    analysis = load_or_analyse(sys.argv[1], Path(sys.argv[2]))
    times.append(time.perf_counter() - started)
print(json.dumps({"times": times, "tokens": len(analysis.tokens)}))
"""


def main() -> None:
    doc_id = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DOC_ID
    analyse("Hai bên nhất trí tăng cường hợp tác an ninh.")  # models loaded
    computed = []
    for _ in range(3):
        tokens._tokens.cache_clear()
        tokens._sentences.cache_clear()
        entities._extract.cache_clear()
        started = time.perf_counter()
        fresh = analyse(load_document(doc_id))
        computed.append(time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as tmp:
        folder = analysis_dir(Path(resolve(doc_id)[0]).stem, Path(tmp))
        write_analysis(fresh, folder, analysis_key(resolve(doc_id)))
        out = subprocess.run(
            [sys.executable, "-c", READER, doc_id, tmp], capture_output=True, text=True, check=True
        )
    read = json.loads(out.stdout)
    assert read["tokens"] == len(fresh.tokens), "the stored analysis was not the one read"
    compute = statistics.median(computed)
    first, median = read["times"][0], statistics.median(read["times"])
    print(f"{doc_id}: {len(fresh.tokens):,} tokens, {len(fresh.entities):,} mentions")
    print(f"analyse (computed, models loaded):  {compute * 1000:8.1f} ms")
    print(f"load_or_analyse (stored), first:    {first * 1000:8.1f} ms ({first / compute:.1%})")
    print(f"load_or_analyse (stored), median:   {median * 1000:8.1f} ms ({median / compute:.1%})")
    print("target: under 5%")


if __name__ == "__main__":
    main()
