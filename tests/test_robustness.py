"""Bad input gives a correct analysis or a clear CorpusError, and never touches the corpus.

One test (or a few) per kind of input researchers paste: decomposed Unicode, old-style tone
placement, byte-order marks, CRLF, no-break and zero-width spaces, HTML, legacy encodings, one
enormous paragraph, mixed scripts.
"""

import hashlib
import re
import unicodedata
from pathlib import Path

import pytest

from helpers import crf_features, entities, tokens
from helpers.analysis import analyse
from helpers.corpus import (
    CorpusError,
    _read_text,
    load_document,
    read_text,
)
from helpers.orthography import normalise_tones, tone_map
from helpers.paths import CORPUS_DIR


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _corpus_digest() -> str:
    digest = hashlib.sha256()
    for p in sorted(CORPUS_DIR.rglob("*")):
        digest.update(p.relative_to(CORPUS_DIR).as_posix().encode())
        if p.is_file():
            digest.update(p.read_bytes())
    return digest.hexdigest()


# ---------------------------------------------------------------------------- Unicode forms


def test_nfd_file_is_composed_and_counted(tmp_path):
    text = "Hà Nội hoan nghênh\nQuan hệ Việt Nam"
    path = _write(tmp_path / "nfd.txt", unicodedata.normalize("NFD", text).encode())
    doc = load_document(path)
    assert doc.text == text
    assert unicodedata.is_normalized("NFC", doc.text)
    # Hà, Nội, nghênh, hệ, Việt carry decomposed marks; hoan, Quan, Nam do not
    assert doc.changes.nfc == 5
    assert doc.changes.tones == 0
    assert [p.text for p in doc.paragraphs] == ["Hà Nội hoan nghênh", "Quan hệ Việt Nam"]


def test_old_style_tones_become_new_style_and_keep_the_length(tmp_path):
    raw = "Uỷ ban hoà bình đã thoả thuận; HOÀ GIẢI và khoẻ mạnh."
    path = _write(tmp_path / "old.txt", raw.encode())
    doc = load_document(path)
    assert doc.text == "Ủy ban hòa bình đã thỏa thuận; HÒA GIẢI và khỏe mạnh."
    assert len(doc.text) == len(raw)
    assert doc.changes.tones == 5
    # Offsets computed on the loaded text slice back to it.
    for t in tokens.tokens(doc.text):
        assert doc.text[t.start : t.end] == t.text
    assert "hòa bình" in tokens.word_tokenize(doc.text)


def test_old_style_tones_in_decomposed_input(tmp_path):
    path = _write(tmp_path / "nfd-old.txt", unicodedata.normalize("NFD", "hoà").encode())
    doc = load_document(path)
    assert doc.text == "hòa"
    assert (doc.changes.nfc, doc.changes.tones) == (1, 1)


def test_tone_map_only_moves_tones_and_never_changes_length():
    table = tone_map()
    assert table["hoà"] == "hòa" and table["Uỷ"] == "Ủy" and table["thoả"] == "thỏa"
    # underthesea's spelling corrections (nghành → ngành) change the length: left out
    assert "nghành" not in table
    assert all(len(old) == len(new) for old, new in table.items())
    assert not set(table.values()) & set(table)  # applying it twice changes nothing more
    text = " ".join(table)
    normalised, changed = normalise_tones(text)
    assert len(normalised) == len(text)
    assert changed == len(table)


def test_eth_is_read_as_d_only_in_vietnamese_syllables():
    assert normalise_tones("ðến Ðà Nẵng, Guðmundsson") == ("đến Đà Nẵng, Guðmundsson", 2)


# ---------------------------------------------------------------------------- BOM, CRLF, spaces


def test_bom_and_crlf_are_removed_and_counted(tmp_path):
    path = _write(tmp_path / "bom.txt", "\ufeffMột\r\nHai\rBa\u2028Bốn\r\n".encode())
    doc = load_document(path)
    assert doc.text == "Một\nHai\nBa\nBốn"
    assert (doc.changes.bom, doc.changes.line_endings) == (1, 4)
    assert [p.text for p in doc.paragraphs] == ["Một", "Hai", "Ba", "Bốn"]


def test_no_break_spaces_separate_words_like_spaces(tmp_path):
    raw = "Thủ\u00a0tướng thăm Hà\u00a0Nội ngày\u202f4/1,\u2009hai\u00a0bên"
    doc = load_document(_write(tmp_path / "nbsp.txt", raw.encode()))
    assert doc.text == "Thủ tướng thăm Hà Nội ngày 4/1, hai bên"
    assert doc.changes.spaces == 5
    assert tokens.word_tokenize(doc.text) == [
        "Thủ tướng",
        "thăm",
        "Hà Nội",
        "ngày",
        "4/1",
        ",",
        "hai",
        "bên",
    ]


@pytest.mark.parametrize(
    ("raw", "loaded", "count"),
    [
        ("Hà\u200bNội", "Hà Nội", 1),  # between two whole syllables: a word break
        ("N\u200bội chính", "Nội chính", 1),  # inside a syllable: removed
        ("Paki\u200bstan", "Pakistan", 1),  # inside a foreign word: removed
        ("hợp\u00adtác", "hợptác", 1),  # a soft hyphen is never a space
        ("an\u200d ninh \u2060mạng\ufeff", "an ninh mạng", 3),
        ("(ايرانشهر \u200e \u200b - Īrānšahr)", "(ايرانشهر   - Īrānšahr)", 2),
        ("می\u200cخواهم", "می\u200cخواهم", 0),  # a Persian non-joiner is spelling: kept
    ],
)
def test_zero_width_characters_neither_split_nor_glue_words(tmp_path, raw, loaded, count):
    doc = load_document(_write(tmp_path / "zw.txt", raw.encode()))
    assert doc.text == loaded
    assert doc.changes.zero_width == count


# ---------------------------------------------------------------------------- HTML

PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Tin</title><style>p {color: red}</style></head>\r\n"
    "<body><h1>Trung Quốc &amp; Pakistan</h1>\n"
    "<p>Hai bên cam&nbsp;kết <b>hợp tác</b> chống\n   khủng bố.<br>Ngoại trưởng Vi&#7879;t Nam.</p>"
    "<!-- quảng cáo --><script>var s = '<p>x</p>';</script>"
    "<p>Giá &lt;10 &#x25;</p></body></html>"
)


@pytest.mark.parametrize("name", ["page.html", "page.txt"])
def test_html_file_is_stripped_with_a_warning(tmp_path, name):
    # An .html file, or a .txt file that is an HTML document, is HTML.
    doc = load_document(_write(tmp_path / name, PAGE.encode()))
    assert doc.text == (
        "Trung Quốc & Pakistan\n"
        "Hai bên cam kết hợp tác chống khủng bố.\n"
        "Ngoại trưởng Việt Nam.\n"
        "Giá <10 %"
    )
    assert doc.changes.html_entities == 5
    assert doc.changes.html_tags == 23  # the doctype and the comment count
    assert doc.changes.spaces == 1  # &nbsp;
    [warning] = doc.metadata["warnings"]
    assert warning.startswith(f"{name}: an HTML file; 23 tags removed")
    assert "offsets point into the extracted text" in warning


def test_markup_in_a_text_file_is_left_alone_with_a_warning(tmp_path):
    raw = "Ký hiệu <b> trong văn bản &amp; ghi chú"
    doc = load_document(_write(tmp_path / "note.txt", raw.encode()))
    assert doc.text == raw
    assert doc.changes.html_tags == doc.changes.html_entities == 0
    assert doc.metadata["warnings"] == [
        "note.txt: contains what looks like HTML markup ('<b>'), left as it is because the "
        "file is not HTML"
    ]


def test_clean_text_has_no_warnings_and_no_changes(statement):
    assert "warnings" not in statement.metadata
    assert statement.changes.table()["count"].sum() == 0
    assert list(statement.changes.table()["change"]) == [
        "bom",
        "line_endings",
        "html_tags",
        "html_entities",
        "zero_width",
        "spaces",
        "nfc",
        "tones",
    ]


# ---------------------------------------------------------------------------- encodings

LEGACY = [
    # "Hà Nội, Việt Nam" in Windows-1258 (base letters with combining tone bytes)
    ("cp1258.txt", b"H\xe0 N\xf4\xf2i, Vi\xea\xf2t Nam", "iconv -f WINDOWS-1258 -t UTF-8"),
    # "Việt Nam hoà bình" in TCVN3 (ABC), as iconv's TCVN5712-1 writes it
    ("tcvn3.txt", b"Vi\xd6t Nam ho\xb5 b\xd7nh", "iconv -f TCVN5712-1 -t UTF-8"),
    # "Việt Nam hoà bình" in VNI: ASCII vowels followed by diacritic bytes
    ("vni.txt", b"Vie\xe4t Nam hoa\xf8 bi\xecnh", "VNI"),
    ("utf16le.txt", "Hello Việt Nam".encode("utf-16-le"), "iconv -f UTF-16LE -t UTF-8"),
    ("utf16be.txt", "Hello Việt Nam".encode("utf-16-be"), "iconv -f UTF-16BE -t UTF-8"),
    ("utf16bom.txt", "Việt Nam".encode("utf-16"), "iconv -f UTF-16 -t UTF-8"),
    (
        "mojibake.txt",
        "Hà Nội và Việt Nam".encode().decode("cp1252", errors="replace").encode(),
        "iconv -f UTF-8 -t WINDOWS-1252",
    ),
]


@pytest.mark.parametrize(("name", "data", "advice"), LEGACY, ids=[c[0] for c in LEGACY])
def test_legacy_encoding_is_a_clear_error_not_mojibake(tmp_path, name, data, advice):
    before = _corpus_digest()
    path = _write(tmp_path / name, data)
    with pytest.raises(CorpusError) as err:
        load_document(path)
    message = str(err.value)
    assert message.startswith(f"{name}: ")
    assert advice in message
    assert "UTF-8" in message
    # the validating reader the corpus `add` command uses says the same
    with pytest.raises(CorpusError, match=re.escape(message)):
        _read_text(path)
    assert _corpus_digest() == before


def test_windows_1258_message_is_exact(tmp_path):
    path = _write(tmp_path / "cp1258.txt", LEGACY[0][1])
    with pytest.raises(CorpusError) as err:
        read_text(path)
    assert str(err.value) == (
        "cp1258.txt: not valid UTF-8 (byte 0xe0 at offset 1); it looks like Windows-1258 (the "
        "Windows Vietnamese code page). Convert it to UTF-8 before adding it, e.g. "
        "`iconv -f WINDOWS-1258 -t UTF-8 cp1258.txt > cp1258.utf8.txt`"
    )


def test_binary_file_is_refused(tmp_path):
    with pytest.raises(CorpusError, match="blob.txt: contains NUL bytes; it is a binary file"):
        load_document(_write(tmp_path / "blob.txt", bytes(range(256)) * 2))


def test_read_text_is_what_load_document_holds(tmp_path):
    path = _write(tmp_path / "x.txt", "\ufeffhoà\r\nbình\u00a0an\n\n".encode())
    assert read_text(path) == _read_text(path) == load_document(path).text == "hòa\nbình an"


# ---------------------------------------------------------------------------- sizes


def _unpunctuated(n_chars: int) -> str:
    """Syllables of the development texts, without punctuation, joined into one line."""
    source = Path(__file__).parent / "data" / "entities-dev.jsonl"
    syllables = re.findall(r"[^\W\d_]+", source.read_text(encoding="utf-8"))
    text, i = [], 0
    while sum(map(len, text)) + len(text) < n_chars:
        text.append(syllables[i % len(syllables)])
        i += 1
    return " ".join(text)[:n_chars].rsplit(" ", 1)[0]


def test_enormous_paragraph_reaches_the_taggers_in_short_pieces(tmp_path, monkeypatch):
    """A 100,000-character paragraph without punctuation is one sentence; every underthesea
    model (segmenter, POS, chunking, NER) sees it in pieces of at most 120 syllables."""
    raw = _unpunctuated(100_000)
    assert len(raw) > 99_000 and not re.search(r"[^\w\s]", raw)
    doc = load_document(_write(tmp_path / "long.txt", raw.encode()))
    text = doc.text  # old-style tones (hoá) are now new-style; nothing else changed
    assert len(text) == len(raw) and len(doc.paragraphs) == 1

    seen: dict[str, list[int]] = {"segment": [], "pos": [], "chunk": [], "ner": []}

    def recorder(name):
        def tags(rows):
            seen[name].append(len(rows))
            return ["N" if name == "pos" else "O"] * len(rows)

        return tags

    def segment(chunk):
        seen["segment"].append(len(chunk.split()))
        return chunk.split()

    monkeypatch.setattr(tokens, "_segment", segment)
    monkeypatch.setattr(crf_features, "pos_tags", recorder("pos"))
    monkeypatch.setattr(crf_features, "chunk_tags", recorder("chunk"))
    monkeypatch.setattr(crf_features, "ner_tags", recorder("ner"))
    tokens._tokens.cache_clear()
    tokens._sentences.cache_clear()
    try:
        sents = tokens.sentences(text)
        toks = tokens.tokens(text)
        found = entities.extract(text)
    finally:
        tokens._tokens.cache_clear()
        tokens._sentences.cache_clear()

    assert len(sents) == 1 and sents[0].text == text
    n_syllables = len(text.split())
    pieces = -(-n_syllables // tokens.MAX_SYLLABLES_PER_CHUNK)
    for name in ("segment", "pos", "chunk", "ner"):
        assert len(seen[name]) == pieces, name
        assert max(seen[name]) <= tokens.MAX_SYLLABLES_PER_CHUNK, name
        assert sum(seen[name]) == n_syllables, name
    assert [t.text for t in toks] == text.split()
    assert {t.piece for t in toks} == set(range(pieces))
    for e in found:
        assert text[e.start : e.end] == e.text


def test_long_unpunctuated_paragraph_end_to_end():
    """The real models on 600 syllables without punctuation: no text lost, offsets exact."""
    text = _unpunctuated(3_000)
    toks = tokens.tokens(text)
    assert "".join(t.text.replace(" ", "") for t in toks) == text.replace(" ", "")
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert max(t.piece for t in toks) == (len(text.split()) - 1) // tokens.MAX_SYLLABLES_PER_CHUNK
    for e in entities.extract(text):
        assert text[e.start : e.end] == e.text


# ---------------------------------------------------------------------------- scripts

MIXED = (
    "Afghanistan (tiếng Pashto: افغانستان, tiếng Trung: 阿富汗) là một quốc gia; "
    "the Islamic Republic of Afghanistan."
)


def test_mixed_scripts_are_analysed_without_errors():
    toks = tokens.tokens(MIXED)
    assert all(MIXED[t.start : t.end] == t.text for t in toks)
    assert "افغانستان" in [t.text for t in toks] and "阿富汗" in [t.text for t in toks]
    for e in entities.extract(MIXED):
        assert MIXED[e.start : e.end] == e.text


def test_script_table_counts_each_class():
    table = tokens.script_table("Trung Quốc và Pakistan 巴基斯坦 پاکستان 2026 Hello")
    rows = {r["class"]: (r["runs"], r["characters"]) for r in table.to_dict("records")}
    assert rows == {
        "vietnamese": (3, 11),  # Trung, Quốc, và
        "latin": (2, 13),  # Pakistan, Hello
        "cjk": (1, 4),
        "arabic": (1, 7),
        "digit": (1, 4),
    }
    assert abs(table["share"].sum() - 1) < 1e-9
    assert tokens.non_vietnamese_share("Trung Quốc và Pakistan 巴基斯坦 2026") == pytest.approx(
        (8 + 4) / (11 + 8 + 4)
    )


def test_english_text_is_processed(tmp_path):
    text = "The Strategic Dialogue was held in Beijing on 4 January 2026."
    doc = load_document(_write(tmp_path / "en.txt", text.encode()))
    assert doc.text == text
    toks = analyse(doc).text_tokens()
    assert "".join(t.text.replace(" ", "") for t in toks) == text.replace(" ", "")
    assert tokens.non_vietnamese_share(doc) > 0.5


def test_corpus_digest_sees_any_change(tmp_path):
    from conftest import corpus_digest

    (tmp_path / "a.txt").write_bytes(b"x")
    before = corpus_digest(tmp_path)
    (tmp_path / "a.txt").write_bytes(b"y")
    changed = corpus_digest(tmp_path)
    (tmp_path / "b.txt").write_bytes(b"")
    added = corpus_digest(tmp_path)
    assert len({before, changed, added}) == 3
    assert corpus_digest() == corpus_digest(CORPUS_DIR)


# ---------------------------------------------------------------------------- writing


def test_loading_never_opens_a_file_for_writing(monkeypatch, tmp_path):
    import builtins
    import io
    import os

    opened: list[tuple[str, str]] = []
    real_open, real_os_open = builtins.open, os.open

    def spy_open(file, mode="r", *args, **kwargs):
        opened.append((str(file), mode))
        return real_open(file, mode, *args, **kwargs)

    def spy_os_open(path, flags, *args, **kwargs):
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC)
        opened.append((str(path), "w" if writing else "r"))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    load_document("cn-pk-strategic-dialogue-2026-01-04")
    load_document(_write_unspied(tmp_path / "p.html", PAGE.encode(), real_open))
    assert opened, "the spy saw no file being read"
    assert all(not set(mode) & set("wax+") for _, mode in opened), opened


def _write_unspied(path: Path, data: bytes, real_open) -> Path:
    with real_open(path, "wb") as f:
        f.write(data)
    return path


def test_helpers_write_files_only_through_atomic_writers():
    """Every call that can write a file sits inside an ``atomic_write_*`` function, or in
    ``corpus.add_document``, the one writer of corpus/ (it stages the files in a temporary folder
    and hard-links them into place, never replacing a file)."""
    import ast

    from helpers.paths import PACKAGE_DIR

    writers = {"write_text", "write_bytes", "savefig", "fdopen", "to_csv", "to_json", "to_html"}
    offending = []
    for source in sorted(PACKAGE_DIR.glob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                mode = next(
                    (a.value for a in node.args[1:2] if isinstance(a, ast.Constant)),
                    next(
                        (k.value.value for k in node.keywords if k.arg == "mode"),
                        "r",
                    ),
                )
                # to_csv() or to_html() with no path returns a string; with one it writes
                path = node.args or any(k.arg in ("path_or_buf", "buf") for k in node.keywords)
                returns_text = name in ("to_csv", "to_html") and not path
                writes = (name in writers and not returns_text) or (
                    name == "open" and set(str(mode)) & set("wax+")
                )
                allowed = func.name.startswith("atomic_write") or (
                    source.name == "corpus.py" and func.name == "add_document"
                )
                if writes and not allowed:
                    offending.append(f"{source.name}:{node.lineno} {func.name}() calls {name}")
    assert offending == []
