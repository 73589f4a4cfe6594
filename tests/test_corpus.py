import hashlib
import unicodedata
from pathlib import Path

import pytest

from helpers.corpus import CorpusError, list_documents, load_document, paragraph_table
from helpers.paths import CORPUS_DIR, DEFAULT_DOC_ID

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus-seed" / f"{DEFAULT_DOC_ID}.txt"


def test_statement_metadata(statement):
    assert statement.id == DEFAULT_DOC_ID
    assert statement.title == "Trung Quốc và Pakistan cam kết hợp tác chống khủng bố"
    assert statement.metadata["date"] == "2026-01-04"
    assert statement.metadata["language"] == "vi"
    assert statement.metadata["photo_credit"] == "Reuters"
    assert DEFAULT_DOC_ID in list_documents()


def test_statement_paragraphs(statement):
    kinds = [p.kind for p in statement.paragraphs]
    assert kinds == [
        "title",
        "body",
        "body",
        "body",
        "caption",
        "body",
        "body",
        "body",
        "body",
        "body",
    ]
    assert len(statement.body) == 8
    caption = statement.paragraphs[4]
    assert caption.text == "(Ảnh minh họa: Reuters)"
    for p in statement.paragraphs:
        assert statement.text[p.start : p.end] == p.text


def test_text_is_nfc_without_trailing_blank_lines(statement):
    assert unicodedata.is_normalized("NFC", statement.text)
    assert not statement.text.endswith("\n")
    assert statement.text.endswith("trên toàn thế giới.")


@pytest.mark.skipif(not SEED.exists(), reason="shared/ corpus seed not present")
def test_corpus_copy_is_byte_identical_to_seed():
    assert (CORPUS_DIR / f"{DEFAULT_DOC_ID}.txt").read_bytes() == SEED.read_bytes()


def test_nfd_input_is_normalised(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", "Hà Nội hoan nghênh\n\n\n"), encoding="utf-8")
    doc = load_document(path)
    assert doc.text == "Hà Nội hoan nghênh"
    assert doc.id == "nfd"


def test_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffMột\r\nHai\r\n".encode())
    doc = load_document(path)
    assert doc.text == "Một\nHai"
    assert [p.text for p in doc.paragraphs] == ["Một", "Hai"]


def _digest() -> str:
    return hashlib.sha256(
        # every file, corpus/archives/ included
        b"".join(p.read_bytes() for p in sorted(CORPUS_DIR.rglob("*")) if p.is_file())
    ).hexdigest()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: "no-such-doc", "no document with id 'no-such-doc'"),
        (lambda d: d / "missing.txt", "missing.txt: no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty.txt: the file is empty"),
        (
            lambda d: _write(d / "blank.txt", b" \n\t\n"),
            "blank.txt: the file is empty or holds only whitespace",
        ),
        (
            lambda d: _write(
                d / "cp1258.txt",
                b"H\xe0 N\xf4\xf2i",  # "Hà Nội" in Windows-1258
            ),
            "cp1258.txt: not valid UTF-8",
        ),
    ],
)
def test_bad_input_raises_corpus_error(tmp_path, make, message):
    before = _digest()
    with pytest.raises(CorpusError, match=message):
        load_document(make(tmp_path))
    assert _digest() == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_paragraph_table(statement):
    table = paragraph_table(statement)
    assert list(table["kind"]).count("body") == 8
    assert table.loc[4, "opening"] == "(Ảnh minh họa: Reuters)"


def test_photo_credit_from_caption_when_metadata_lacks_it(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("Tiêu đề\nĐoạn một.\n(Ảnh: TTXVN)\nĐoạn hai.\n", encoding="utf-8")
    doc = load_document(path)
    assert [p.kind for p in doc.paragraphs] == ["body", "body", "caption", "body"]
    assert doc.metadata["photo_credit"] == "TTXVN"
