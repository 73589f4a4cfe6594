"""Properties that hold for any text (Hypothesis). Few examples each: underthesea is slow."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.corpus import CorpusError, load_document
from helpers.entities import extract
from helpers.tokens import sentences, tokens, word_tokenize

# Vietnamese letters (precomposed and decomposed), other scripts, punctuation and the spaces,
# line breaks and invisible characters that pasted text carries.
VIETNAMESE = "aăâeêioôơuưyđAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
ALPHABET = (
    VIETNAMESE
    + string.ascii_letters
    + string.digits
    + ".,;:!?()[]\"'-–/%&"
    + "    \n\n\r\t"
    + "\u00a0\u202f\u200b\u200c\u200d\ufeff\u00ad\u0300\u0301\u0303\u0309\u0323"
    + "巴基斯坦پاکستانДжон"
)
WORDS = st.sampled_from(
    "Trung Quốc Pakistan hợp tác chống khủng bố Bộ trưởng Ngoại giao Vương Nghị hoà bình "
    "Uỷ ban Liên Hợp Quốc ngày 4/1 CPEC . , ; ( ) – \n".split(" ")
)
TEXTS = st.one_of(
    st.text(alphabet=ALPHABET, max_size=120),
    st.lists(WORDS, max_size=40).map(" ".join),
)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(TEXTS)
def test_token_and_sentence_offsets_slice_back(text):
    for s in sentences(text):
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start : s.end] == s.text
    for t in tokens(text):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text


@SETTINGS
@given(TEXTS)
def test_entity_offsets_slice_back(text):
    for e in extract(text):
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text


@SETTINGS
@given(TEXTS)
def test_word_tokenize_loses_no_character(text):
    words = word_tokenize(text)
    assert "".join("".join(w.split()) for w in words) == "".join(text.split())


@SETTINGS
@given(TEXTS)
def test_loading_is_idempotent(tmp_path, text):
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        first = load_document(path)
    except CorpusError as err:
        assert str(err).startswith("doc.txt: ")
        return
    path.write_bytes(first.text.encode("utf-8"))
    second = load_document(path)
    assert second.text == first.text
    assert second.paragraphs == first.paragraphs
    assert second.changes.table()["count"].sum() == 0
