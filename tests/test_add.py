"""Adding a document to the corpus: ``helpers.corpus.add_document`` and ``python -m helpers add``."""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.corpus import CorpusError, add_document, list_documents, load_document
from helpers.orthography import slugify
from helpers.paths import CORPUS_DIR, PROJECT_ROOT

KARAKORAM = "Karakoram (hoặc Karakorum) là một dãy núi lớn.\nĐỉnh cao nhất là K2.\n"


def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with its SHA-256."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args], capture_output=True, text=True, cwd="/"
    )


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Quan hệ Việt–Pháp", "quan-he-viet-phap"),
        ("Đà Nẵng 2026", "da-nang-2026"),
        ("ĐẠI HỘI Đảng", "dai-hoi-dang"),
        ("wiki-pakistan-economy", "wiki-pakistan-economy"),
        ("  Tuyên bố chung (bản dịch)_v2 ", "tuyen-bo-chung-ban-dich-v2"),
    ],
)
def test_slugify_folds_vietnamese_to_ascii(name, slug):
    assert slugify(name) == slug


def test_add_copies_bytes_and_writes_metadata(tmp_path):
    source = tmp_path / "in" / "Dãy núi Karakoram.txt"
    source.parent.mkdir()
    data = ("\ufeff" + KARAKORAM.replace("\n", "\r\n")).encode("utf-8")  # BOM and CRLF kept
    source.write_bytes(data)
    corpus = tmp_path / "corpus"
    doc = add_document(
        source, title="Karakoram", date="2017-01-01", source="test text", corpus_dir=corpus
    )
    assert doc.id == "day-nui-karakoram"
    assert (corpus / "day-nui-karakoram.txt").read_bytes() == data
    meta = json.loads((corpus / "day-nui-karakoram.json").read_text(encoding="utf-8"))
    assert meta == {
        "id": "day-nui-karakoram",
        "title": "Karakoram",
        "date": "2017-01-01",
        "language": "vi",
        "title_line": False,
        "source": "test text",
    }
    assert doc.text == KARAKORAM.rstrip()  # loaded: BOM dropped, line endings unified
    assert [p.kind for p in doc.paragraphs] == ["body", "body"]
    assert sorted(p.name for p in corpus.iterdir()) == [
        "day-nui-karakoram.json",
        "day-nui-karakoram.txt",
    ]  # no staging folder left behind


def test_add_with_explicit_id_and_title_line(tmp_path):
    source = tmp_path / "x.txt"
    source.write_text("Việt Nam và Pháp ký hiệp định\nHai bên cam kết hợp tác.\n", "utf-8")
    doc = add_document(source, "vn-fr", title_line=True, corpus_dir=tmp_path / "c")
    assert (doc.id, doc.title) == ("vn-fr", "Việt Nam và Pháp ký hiệp định")
    assert doc.paragraphs[0].kind == "title"


def test_add_refuses_to_overwrite(tmp_path):
    corpus = tmp_path / "corpus"
    first = tmp_path / "a.txt"
    first.write_text(KARAKORAM, "utf-8")
    add_document(first, "karakoram", corpus_dir=corpus)
    before = _tree(corpus)
    second = tmp_path / "b.txt"
    second.write_text("Một văn bản khác.\n", "utf-8")
    with pytest.raises(CorpusError, match="'karakoram' is already in the corpus"):
        add_document(second, "karakoram", corpus_dir=corpus)
    assert _tree(corpus) == before
    # a metadata record alone also holds the id
    (corpus / "orphan.json").write_text("{}", "utf-8")
    with pytest.raises(CorpusError, match="orphan.json"):
        add_document(second, "orphan", corpus_dir=corpus)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"H\xe0 N\xf4\xf2i", "bad.txt"),  # "Hà Nội" in Windows-1258
        ("Việt Nam".encode("utf-16"), "bad.txt"),
        (b"  \n\n ", "empty"),
    ],
)
def test_add_rejects_bad_text_and_writes_nothing(tmp_path, content, message):
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with pytest.raises(CorpusError, match=message) as err:
        add_document(source, corpus_dir=corpus)
    assert "bad.txt" in str(err.value)
    assert _tree(corpus) == {} and list(corpus.iterdir()) == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"doc_id": "Bad Id"}, "not a valid id"),
        ({"doc_id": "collection"}, "reserved"),
        ({"date": "4/1/2026"}, "not a calendar date"),
        ({"date": "2026-02-30"}, "not a calendar date"),
    ],
)
def test_add_rejects_bad_id_and_date(tmp_path, kwargs, message):
    source = tmp_path / "ok.txt"
    source.write_text(KARAKORAM, "utf-8")
    corpus = tmp_path / "corpus"
    with pytest.raises(CorpusError, match=message):
        add_document(source, corpus_dir=corpus, **kwargs)
    assert not corpus.exists() or list(corpus.iterdir()) == []


def test_cli_refuses_existing_id_and_non_utf8_without_touching_the_corpus(tmp_path):
    before = _tree(CORPUS_DIR)
    source = tmp_path / "other.txt"
    source.write_text("Một văn bản khác.\n", "utf-8")
    taken = _cli("add", str(source), "--id", "cn-pk-strategic-dialogue-2026-01-04")
    assert taken.returncode == 1
    assert "already in the corpus" in taken.stderr and taken.stdout == ""

    legacy = tmp_path / "tin-tuc.txt"
    legacy.write_bytes(b"H\xe0 N\xf4\xf2i\n")  # "Hà Nội" in Windows-1258
    bad = _cli("add", str(legacy))
    assert bad.returncode == 1
    assert "tin-tuc.txt" in bad.stderr and bad.stdout == ""
    assert _tree(CORPUS_DIR) == before


def test_cli_add_rejects_a_bad_date(tmp_path):
    source = tmp_path / "ok.txt"
    source.write_text(KARAKORAM, "utf-8")
    result = _cli("add", str(source), "--date", "2026-13-01")
    assert result.returncode == 1 and "YYYY-MM-DD" in result.stderr
    assert "ok" not in list_documents()


def _dev_texts() -> Path | None:
    for candidate in (PROJECT_ROOT.parent / "shared" / "dev-texts", Path("/work/shared/dev-texts")):
        if candidate.is_dir():
            return candidate
    return None


@pytest.mark.parametrize(
    "doc_id",
    [
        "wiki-afghanistan",
        "wiki-bangladesh",
        "wiki-karakoram",
        "wiki-pakistan",
        "wiki-pakistan-economy",
    ],
)
def test_wikipedia_documents_are_in_the_corpus(doc_id):
    doc = load_document(doc_id)
    assert "CC BY-SA 4.0" in doc.metadata["source"]
    assert doc.metadata["title_line"] is False and doc.body
    shared = _dev_texts()
    if shared is None:
        pytest.skip("shared/dev-texts not on this machine: byte identity not checked")
    assert (CORPUS_DIR / f"{doc_id}.txt").read_bytes() == (shared / f"{doc_id}.txt").read_bytes()
