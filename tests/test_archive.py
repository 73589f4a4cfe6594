"""A whole archive: readers, bad records, resumption, and Dask giving the single-process tables."""

import gzip
import json
import lzma
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from helpers import analysis as analysis_module
from helpers import archive
from helpers.archive import ArchiveError, analyse_archive, read_archive
from helpers.archive_queries import error_table, kwic, open_archive
from helpers.paths import PROJECT_ROOT

SHARED_ARCHIVE = PROJECT_ROOT.parent / "shared" / "news-archive" / "baomoi-2017.jsonl.xz"
SENTENCES = [
    "Việt Nam và Nhật Bản nhất trí tăng cường hợp tác an ninh.",
    "Trung Quốc ủng hộ Pakistan chống khủng bố.",
    "Hai bên cam kết thúc đẩy thương mại song phương.",
    "Ấn Độ và Bangladesh ký thỏa thuận hợp tác năng lượng tại Dhaka.",
    "Bố của anh ấy làm việc tại Hà Nội.",
]


def _articles(n: int) -> list[dict]:
    return [
        {
            "id": f"a{i:03d}",
            "title": f"Bản tin số {i}",
            "date": f"2025-{1 + i % 12:02d}-01",
            "text": f"Bản tin số {i}\n"
            + " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(2)),
        }
        for i in range(n)
    ]


def _jsonl(path: Path, records: list, extra: bytes = b"") -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode() + extra
    opener = {".gz": gzip.open, ".xz": lzma.open}.get(path.suffix)
    if opener:
        with opener(path, "wb") as f:
            f.write(data)
    else:
        path.write_bytes(data)
    return path


def _table(folder: Path, name: str) -> list[dict]:
    rows = []
    for part in sorted((folder / name).glob("part-*.parquet")):
        rows += pq.ParquetFile(part).read().to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.xz"])
def test_jsonl_readers(tmp_path, suffix):
    articles = _articles(3)
    path = _jsonl(tmp_path / f"news{suffix}", articles)
    records = list(read_archive(path))
    assert [r.id for r in records] == ["a000", "a001", "a002"]
    assert [r.text for r in records] == [a["text"] for a in articles]
    assert dict(records[1].fields) == {"title": "Bản tin số 1", "date": "2025-02-01"}
    assert [r.where for r in records] == ["line 1", "line 2", "line 3"]


def test_folder_reader(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "b.txt").write_text(SENTENCES[0], encoding="utf-8")
    (folder / "a.txt").write_text(SENTENCES[1], encoding="utf-8")
    (folder / "a.json").write_text('{"id": "first", "date": "2025-01-02"}', encoding="utf-8")
    (folder / "c.txt").write_bytes(b"H\xe0 N\xf4i")  # Latin-1, not UTF-8
    records = list(read_archive(folder))
    assert [r.id for r in records] == ["first", "b", "c"]
    assert dict(records[0].fields) == {"date": "2025-01-02"} and records[1].text == SENTENCES[0]
    assert records[2].error and "not valid UTF-8" in records[2].error


def test_bad_records_go_to_the_errors_table(tmp_path):
    good = _articles(2)
    bad = [{"id": "empty", "text": "  "}, {"id": 7, "text": ["a"]}, {"id": "a000", "text": "x"}]
    path = _jsonl(tmp_path / "news.jsonl", good + bad, b'{"id": "cut", "text": "no end\n\xff\xfe\n')
    summary = analyse_archive(path, workers=0, results_dir=tmp_path, progress=False)
    assert (summary.analysed, summary.rejected) == (2, 5)
    errors = error_table(open_archive(summary.folder))
    assert list(errors["where"]) == [f"line {n}" for n in range(3, 8)]
    reasons = list(errors["reason"])
    assert reasons[0] == "empty text"
    assert reasons[1] == "text is a JSON array, not a string"
    assert reasons[2] == "duplicate id 'a000' (first at line 1)"
    assert reasons[3].startswith("not valid JSON")
    assert reasons[4].startswith("not valid UTF-8")
    again = analyse_archive(path, workers=0, results_dir=tmp_path, progress=False)
    assert (again.analysed, again.rejected, again.skipped) == (0, 0, 7)


def test_keyword_in_context_is_whole_words_with_article_ids(tmp_path):
    path = _jsonl(tmp_path / "news.jsonl", _articles(5))
    summary = analyse_archive(path, workers=0, results_dir=tmp_path, progress=False)
    tables = open_archive(summary.folder)
    found = kwic(tables, "khủng bố", top=None)
    assert len(found) and set(found["keyword"]) == {"khủng bố"}
    assert set(found["id"]) <= {f"a{i:03d}" for i in range(5)}
    # "bố" the word (father) is found; never inside "khủng bố"
    father = kwic(tables, "bố", top=None)
    assert len(father) and all(not left.endswith("khủng") for left in father["left"])
    # case-insensitive, as a reader types it, and any whitespace between syllables
    assert kwic(tables, "KHỦNG  Bố", top=None).equals(found)


def test_an_interrupted_run_resumes_and_never_analyses_twice(tmp_path, monkeypatch):
    path = _jsonl(tmp_path / "news.jsonl", _articles(12))
    analysed = []
    real = analysis_module.analyse

    def counting(doc):
        analysed.append(doc.id)
        return real(doc)

    monkeypatch.setattr(analysis_module, "analyse", counting)
    real_write = archive.atomic_write_bytes
    writes = []

    def interrupted(target, data):
        writes.append(target)
        if len(writes) == len(archive.TABLE_ORDER) + 3:  # in the middle of the second batch
            raise KeyboardInterrupt
        return real_write(target, data)

    monkeypatch.setattr(archive, "atomic_write_bytes", interrupted)
    kwargs = {"workers": 0, "results_dir": tmp_path, "progress": False, "batch_articles": 4}
    with pytest.raises(KeyboardInterrupt):
        analyse_archive(path, **kwargs)
    monkeypatch.setattr(archive, "atomic_write_bytes", real_write)
    folder = archive.archive_dir("news", tmp_path)
    assert archive.stored_batches(folder) == [0]
    first = list(analysed)
    summary = analyse_archive(path, **kwargs)
    assert summary.skipped == 4 and summary.analysed == 8
    # the batch cut short is analysed again (it was never stored); nothing stored is
    assert sorted(set(analysed)) == [f"a{i:03d}" for i in range(12)]
    assert not set(analysed[len(first) :]) & set(first[:4])
    assert sorted(r["id"] for r in _table(folder, "documents")) == [f"a{i:03d}" for i in range(12)]
    assert not list(folder.rglob(".*.tmp"))


def _cli(*args, **kwargs):
    return subprocess.Popen(
        [sys.executable, "-m", "helpers", "archive", "analyse", *args],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_killed_and_interrupted_runs_resume(tmp_path):
    path = _jsonl(tmp_path / "news.jsonl", _articles(150))
    args = [str(path), "--name", "kill-test", "--workers", "0", "--batch", "1"]
    results = PROJECT_ROOT / "results" / "archives" / "kill-test"
    import shutil

    shutil.rmtree(results, ignore_errors=True)
    try:
        for sig in (signal.SIGKILL, signal.SIGINT):
            # the signal lands once this run has stored two batches of its own (not while the
            # interpreter is still importing, when Python itself would die of SIGINT)
            before = len(archive.stored_batches(results)) if results.exists() else 0
            run = _cli(*args)
            deadline = time.monotonic() + 300
            while len(archive.stored_batches(results)) < before + 2:
                assert run.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
            os.kill(run.pid, sig)
            out, err = run.communicate(timeout=120)
            if sig == signal.SIGINT:
                assert run.returncode == 130
                assert err.strip().splitlines()[-1].startswith("interrupted:")
                assert "Traceback" not in err
        run = _cli(*args)
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        assert "already stored" in out
        ids = sorted(r["id"] for r in _table(results, "documents"))
        assert ids == [f"a{i:03d}" for i in range(150)]  # each once: none analysed twice
    finally:
        shutil.rmtree(results, ignore_errors=True)


def test_a_missing_or_broken_archive_is_a_clear_error(tmp_path):
    run = _cli(str(tmp_path / "nowhere.jsonl.xz"))
    out, err = run.communicate(timeout=120)
    assert run.returncode == 1 and err == "error: nowhere.jsonl.xz: no such file or folder\n"
    broken = tmp_path / "broken.jsonl.xz"
    broken.write_bytes(b"not xz at all")
    with pytest.raises(ArchiveError, match="broken.jsonl.xz: cannot be read"):
        analyse_archive(broken, workers=0, results_dir=tmp_path, progress=False)


def _sample(tmp_path: Path) -> Path:
    """50 articles: short ones of the real archive when it is there, else generated ones."""
    if SHARED_ARCHIVE.exists():
        chosen = []
        with lzma.open(SHARED_ARCHIVE, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if 200 <= len(record["text"]) <= 1200:
                    chosen.append(record)
                if len(chosen) == 50:
                    break
        return _jsonl(tmp_path / "sample.jsonl", chosen)
    return _jsonl(tmp_path / "sample.jsonl", _articles(50))


def test_dask_and_single_process_give_identical_tables(tmp_path):
    path = _sample(tmp_path)
    one = analyse_archive(path, "one", workers=0, results_dir=tmp_path, progress=False)
    lines = []
    two = analyse_archive(
        path, "two", workers=2, results_dir=tmp_path, progress=False, log=lines.append
    )
    assert one.analysed == two.analysed == 50
    # the address of the Dask dashboard (bokeh is a dependency) is printed for the researcher
    assert any(re.search(r"dashboard at http://[\w.]+:\d+/status", line) for line in lines), lines
    for table in archive.SCHEMA:
        assert _table(one.folder, table) == _table(two.folder, table), table


def test_ctrl_c_on_dask_stops_every_process_and_the_run_resumes(tmp_path):
    """Ctrl-C in a terminal signals the whole process group: the command, its cluster and its
    workers. One line, exit code 130, no process left, and the rerun finishes the archive."""
    import shutil

    path = _jsonl(tmp_path / "news.jsonl", _articles(150))
    args = [str(path), "--name", "ctrl-c-test", "--batch", "1"]
    results = PROJECT_ROOT / "results" / "archives" / "ctrl-c-test"
    shutil.rmtree(results, ignore_errors=True)
    try:
        run = _cli(*args, "--workers", "2", start_new_session=True)
        deadline = time.monotonic() + 300
        while len(archive.stored_batches(results)) < 3:
            assert run.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
        os.killpg(run.pid, signal.SIGINT)
        out, err = run.communicate(timeout=120)
        assert run.returncode == 130, err
        assert err.strip().splitlines()[-1].startswith("interrupted:") and "Traceback" not in err
        time.sleep(2)
        left = subprocess.run(["pgrep", "-g", str(run.pid)], capture_output=True, text=True)
        assert left.stdout == ""
        again = _cli(*args, "--workers", "0")
        out, err = again.communicate(timeout=600)
        assert again.returncode == 0, err
        ids = sorted(r["id"] for r in _table(results, "documents"))
        assert ids == [f"a{i:03d}" for i in range(150)]
    finally:
        shutil.rmtree(results, ignore_errors=True)


def test_folder_metadata_follows_the_corpus_schema_and_reading_is_bounded(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    (folder / "a.json").write_text('{"title": 123}', encoding="utf-8")  # a number, not text
    (folder / "b.txt").write_text(SENTENCES[1], encoding="utf-8")
    (folder / "b.json").write_text('{"date": "2025-02-31"}', encoding="utf-8")  # no such day
    os.mkfifo(folder / "c.txt")  # would block a plain read forever
    records = list(read_archive(folder))
    assert [r.id for r in records] == ["a", "b", "c"]
    assert "field 'title'" in records[0].error
    assert "field 'date'" in records[1].error and "no such day" in records[1].error
    assert "FIFO" in records[2].error


def test_archive_values_reach_the_sentences_as_text_not_markup():
    """Names, actors, words and ids come from the archive a researcher brings: the sentences of
    notebook 08 show them as written, never as HTML, links or emphasis."""
    import html

    import mistune
    import pandas as pd

    from helpers import archive_queries as q

    bad = "<img src=x onerror=alert(1)> [a](b) *c* `d`"
    sentences = [
        q.describe_most_named(
            pd.DataFrame(
                [{"entity": bad, "label": "ORG", "articles": 2, "share": 0.5, "mentions": 3}] * 2
            ),
            4,
        ),
        q.describe_cooccurrence(pd.DataFrame([{"source": bad, "target": bad, "articles": 2}])),
        q.describe_commitments(
            pd.DataFrame([{"actor": bad, "theme": bad, "commitments": 1, "articles": 1}])
        ),
        q.describe_kwic(pd.DataFrame(), bad, 0),
        q.describe_articles_naming(
            pd.DataFrame([{"id": bad, "a": 0, "b": 0, "x": 1, "y": 1}]), bad, bad, 3
        ),
        q.describe_over_time(pd.DataFrame({bad: [1]}, index=["2017-01"])),
    ]
    for sentence in sentences:
        rendered = mistune.html(sentence)
        assert not re.search(r"<(?!/?(?:p|em|strong)>)", rendered), rendered
        assert html.escape("<img src=x onerror=alert(1)>", quote=False) in rendered, rendered
