"""``extract`` on decomposed (NFD) text: the same entities as on the composed text, with
offsets into the text as given."""

import json
import unicodedata
from pathlib import Path

from helpers.entities import extract

DATA = Path(__file__).parent / "data"


def gold_texts(n=6):
    lines = (DATA / "entities-heldout-news.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines[:n]]


def test_decomposed_text_gives_the_same_entities_with_offsets_into_it():
    for composed in gold_texts():
        decomposed = unicodedata.normalize("NFD", composed)
        assert decomposed != composed
        expected = extract(composed)
        found = extract(decomposed)
        assert expected
        assert len(found) == len(expected)
        for e, want in zip(found, expected, strict=True):
            assert decomposed[e.start : e.end] == e.text
            # the same name, starting and ending where the composed one does
            assert unicodedata.normalize("NFC", e.text) == want.text
            assert e.start == len(unicodedata.normalize("NFD", composed[: want.start]))
            assert e.end == len(unicodedata.normalize("NFD", composed[: want.end]))
            assert (e.label, e.canonical, e.source) == (want.label, want.canonical, want.source)


def test_a_name_in_mixed_normalisation_is_found_whole():
    # "Bộ Ngoại giao Việt Nam" (Vietnam's Ministry of Foreign Affairs) with only "Việt"
    # decomposed, as text pasted from two sources can be
    text = "Bộ Ngoại giao " + unicodedata.normalize("NFD", "Việt") + " Nam ra tuyên bố."
    (e,) = [e for e in extract(text) if e.label == "ORG"]
    assert (e.start, text[e.start : e.end]) == (0, e.text)
    assert unicodedata.normalize("NFC", e.text) == "Bộ Ngoại giao Việt Nam"


def test_composed_text_is_returned_as_it_is():
    text = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản."  # Prime Minister Pham Minh Chinh
    assert all(text[e.start : e.end] == e.text for e in extract(text))
