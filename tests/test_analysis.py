"""The analysis object: one numbering for every table, stored and reused, never stale."""

import shutil

import pytest

from helpers import analysis as analysis_module
from helpers import paths
from helpers.analysis import analyse, as_analysis, load_or_analyse, sentence_table
from helpers.commitments import commitments
from helpers.entities import mentions
from helpers.frequency import dispersion, kwic, word_frequencies
from helpers.themes import theme_hits, theme_scores

TEXT = (
    "Việt Nam và Nhật Bản nhất trí tăng cường hợp tác an ninh\n"
    "(Ảnh: TTXVN)\n"
    "Hai bên nhất trí thúc đẩy hợp tác kinh tế. Nhật Bản ủng hộ Việt Nam chống khủng bố.\n"
)


@pytest.fixture
def small_doc(tmp_path):
    path = tmp_path / "vn-jp.txt"
    path.write_text(TEXT, encoding="utf-8")
    (tmp_path / "vn-jp.json").write_text('{"title_line": true}', encoding="utf-8")
    return path


def test_records_carry_the_document_ids(statement_analysis):
    a = statement_analysis
    text = a.text
    assert [p.kind for p in a.paragraphs][4] == "caption"
    for s in a.sentences:
        p = a.paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end and text[s.start : s.end] == s.text
    assert [s.index for s in a.sentences] == list(range(len(a.sentences)))
    for records in (a.tokens, a.entities, a.theme_hits):
        for r in records:
            s = a.sentences[r.sentence]
            assert s.paragraph == r.paragraph and s.start <= r.start < r.end <= s.end
    assert all(text[t.start : t.end] == t.text for t in a.tokens)
    assert all(text[m.start : m.end] == m.text for m in a.entities)
    assert {c.paragraph for c in a.commitments} <= {p.index for p in a.text_paragraphs}


def test_tables_agree_on_paragraph_and_sentence(statement_analysis):
    a = statement_analysis
    sentences = sentence_table(a).set_index("sentence")
    for table in (theme_hits(a), commitments(a), mentions(a)):
        assert len(table)
        for row in table.itertuples():
            assert sentences.loc[row.sentence, "paragraph"] == row.paragraph
            assert (
                sentences.loc[row.sentence, "start"]
                <= row.start
                < sentences.loc[row.sentence, "end"]
            )
    for table in (kwic(a, "hợp tác"), dispersion(a, ["Pakistan"])):
        for row in table.itertuples():
            p = a.paragraphs[row.paragraph]
            assert p.start <= row.start < p.end
    # the caption (paragraph 4) is not running text: no theme row, though its id is kept free
    assert 4 not in theme_scores(a).index and 5 in theme_scores(a).index


def test_a_text_or_document_is_analysed_first(statement):
    text = "Hai bên nhất trí tăng cường hợp tác an ninh."
    assert list(word_frequencies(text)["word"]) == list(word_frequencies(analyse(text))["word"])
    assert as_analysis(statement).tokens == analyse(statement).tokens


def test_stored_analysis_is_read_back(small_doc, tmp_path, monkeypatch):
    results = tmp_path / "results"
    first = load_or_analyse(small_doc, results)
    folder = results / "vn-jp" / "analysis"
    assert (folder / "key.json").exists() and (folder / "tokens.parquet").exists()

    def no_analysis(source):
        raise AssertionError("a stored analysis with a matching key must be reused")

    monkeypatch.setattr(analysis_module, "analyse", no_analysis)
    again = load_or_analyse(small_doc, results)
    for name in analysis_module.TABLES:
        assert getattr(again, name) == getattr(first, name), name
    assert again.document == first.document
    assert again.commitments and again.entities and again.theme_hits


def _counting_analyse(monkeypatch) -> list:
    calls = []
    real = analysis_module.analyse

    def counting(source):
        calls.append(source)
        return real(source)

    monkeypatch.setattr(analysis_module, "analyse", counting)
    return calls


def test_a_changed_data_file_is_never_read_stale(small_doc, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    monkeypatch.setattr(paths, "DATA_DIR", data)
    results = tmp_path / "results"
    calls = _counting_analyse(monkeypatch)
    load_or_analyse(small_doc, results)
    load_or_analyse(small_doc, results)
    assert len(calls) == 1
    with (data / "themes.tsv").open("a", encoding="utf-8") as f:
        f.write("# a curator's note\n")
    load_or_analyse(small_doc, results)
    assert len(calls) == 2  # the key changed with the data: computed again
    load_or_analyse(small_doc, results)
    assert len(calls) == 2


def test_a_changed_text_is_never_read_stale(small_doc, tmp_path, monkeypatch):
    results = tmp_path / "results"
    calls = _counting_analyse(monkeypatch)
    load_or_analyse(small_doc, results)
    small_doc.write_text(TEXT.replace("kinh tế", "thương mại"), encoding="utf-8")
    again = load_or_analyse(small_doc, results)
    assert len(calls) == 2 and "thương mại" in again.text


def test_a_half_written_analysis_is_never_read(small_doc, tmp_path, monkeypatch):
    results = tmp_path / "results"
    folder = results / "vn-jp" / "analysis"
    calls = _counting_analyse(monkeypatch)
    load_or_analyse(small_doc, results)
    # a table cut short (a disk full, a copy interrupted): its checksum no longer matches
    data = (folder / "entities.parquet").read_bytes()
    (folder / "entities.parquet").write_bytes(data[: len(data) // 2])
    load_or_analyse(small_doc, results)
    assert len(calls) == 2
    # killed while writing: the key goes first, so the tables written so far are never used
    real_write = analysis_module.atomic_write_bytes
    written = []

    def interrupted(path, data):
        if len(written) == 2:
            raise KeyboardInterrupt
        written.append(path)
        return real_write(path, data)

    monkeypatch.setattr(analysis_module, "atomic_write_bytes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        analysis_module.write_analysis(analyse(TEXT), folder, "another key")
    monkeypatch.setattr(analysis_module, "atomic_write_bytes", real_write)
    assert not (folder / "key.json").exists() and not list(folder.glob(".*.tmp"))
    before = len(calls)
    load_or_analyse(small_doc, results)
    assert len(calls) == before + 1
    assert (folder / "key.json").exists()


def test_reading_a_stored_analysis_loads_no_model(small_doc, tmp_path):
    import subprocess
    import sys

    results = tmp_path / "results"
    first = load_or_analyse(small_doc, results)
    code = (
        "import sys; from pathlib import Path; from helpers.analysis import load_or_analyse; "
        f"a = load_or_analyse(Path({str(small_doc)!r}), Path({str(results)!r})); "
        "print(len(a.tokens), a.document.title, any(m.startswith('underthesea') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(first.tokens)), *first.document.title.split(), "False"]
    assert out.stderr == ""
