"""The compiled featuriser gives exactly underthesea's features and tags for its three CRFs."""

import importlib
import json
from dataclasses import replace

import pytest

from helpers import crf_features, tokens
from helpers.crf_features import Featuriser, featuriser, parse_template
from helpers.paths import CORPUS_DIR, DEFAULT_DOC_ID, PROJECT_ROOT

DATA = PROJECT_ROOT / "tests" / "data"
KINDS = ("pos", "chunk", "ner")
WIDTH = {"pos": 1, "chunk": 2, "ner": 3}  # input columns before the placeholder label

EDGE_CASES = [
    [],  # an empty sentence
    ["Hà Nội"],  # one word
    ["."],
    [".", ",", "!", "...", "–", "“", "”"],  # punctuation only
    ["khủng bố", "Trung  Quốc", " x", "y ", "Hà Nội - Bắc Kinh"],  # inner, doubled, edge spaces
    ["ASEAN", "LHQ", "CPEC", "UBND", "Đ", "ĐẢNG"],  # all capitals
    ["2026", "4/1", "75", "1.000", "0", "½", "٣"],  # digits, fractions, other scripts' digits
    ["", "a", ""],  # empty words
    ["Ông", "Wang Yi", "nói", "rằng", "iPhone", "eBay", "ĐH", "x"],  # mixed case
]


def _read(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def sentences() -> list[list[str]]:
    """Real segmented sentences: the statement's and the entity sets' (our segmentation), the
    first 300 of UD Vietnamese-VTB's dev split (gold words), the edge cases, one long sentence."""
    texts = [(CORPUS_DIR / f"{DEFAULT_DOC_ID}.txt").read_text(encoding="utf-8")]
    texts += [ex["text"] for ex in _read(DATA / "entities-dev.jsonl")]
    texts += [ex["text"] for ex in _read(DATA / "entities-archive-dev.jsonl")[:60]]
    found = []
    for text in texts:
        by_piece: dict[tuple[int, int], list[str]] = {}
        for t in tokens.tokens(text):
            by_piece.setdefault((t.sentence, t.piece), []).append(t.text)
        found += by_piece.values()
    found += [ex["words"] for ex in _read(DATA / "ud-vtb-dev.jsonl")[:300]]
    long_sentence = [w for s in found[:40] for w in s][:250]
    return found + EDGE_CASES + [long_sentence]


def _predictor(kind):
    return crf_features._predictor(kind)


def _feature_module(kind):
    return importlib.import_module(crf_features._FEATURE_MODULES[kind])


@pytest.fixture(scope="module")
def inputs(sentences) -> dict[str, list[list[tuple]]]:
    """Each model's input rows, with the columns the models before it give (as underthesea.ner
    chains them), so the POS and chunk columns hold real tags."""
    pos, chunk = _predictor("pos"), _predictor("chunk")
    rows = {"pos": [[(w,) for w in s] for s in sentences], "chunk": [], "ner": []}
    for s in sentences:
        tagged = pos.predict(s)
        rows["chunk"].append(tagged)
        rows["ner"].append(chunk.predict(tagged) if tagged else [])
    return rows


def _underthesea_features(kind, rows):
    """underthesea's own features: the predictor's template list, word2features, rows with "X"."""
    template = _predictor(kind).transformer.template
    sent = [(*row[: WIDTH[kind]], "X") for row in rows]
    module = _feature_module(kind)
    return [module.word2features(sent, i, template) for i in range(len(sent))]


@pytest.mark.parametrize("kind", KINDS)
def test_features_are_underthesea_s(kind, inputs):
    assert len(inputs[kind]) > 500
    for rows in inputs[kind]:
        sent = [(*row[: WIDTH[kind]], "X") for row in rows]
        assert featuriser(kind).features(sent) == _underthesea_features(kind, rows), rows


@pytest.mark.parametrize("kind", KINDS)
def test_tags_are_the_predictor_s(kind, inputs):
    ours = {"pos": crf_features.pos_tags, "chunk": crf_features.chunk_tags}
    ours["ner"] = crf_features.ner_tags
    for rows in inputs[kind]:
        sent = [row[0] for row in rows] if kind == "pos" else rows
        expected = [row[-1] for row in _predictor(kind).predict(sent)] if rows else []
        assert ours[kind](sent) == expected, rows


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_is_checked(kind, inputs):
    """Shifting any one template's window by one word, or dropping it, changes the features on
    these sentences: the comparison above would catch a template that is off."""
    compiled = featuriser(kind)
    sample = [rows for rows in inputs[kind] if 3 <= len(rows) <= 40][:60]
    expected = [_underthesea_features(kind, rows) for rows in sample]
    sents = [[(*row[: WIDTH[kind]], "X") for row in rows] for rows in sample]
    for k, t in enumerate(compiled.templates):
        shifted = replace(t, index1=t.index1 + 1)
        if t.index2 is not None:
            shifted = replace(shifted, index2=t.index2 + 1)
        for changed in (shifted, None):
            wrong = Featuriser([], compiled.functions)
            templates = list(compiled.templates)
            templates[k : k + 1] = [changed] if changed else []
            wrong.templates = tuple(templates)
            assert [wrong.features(s) for s in sents] != expected, (t, changed)


def test_functions_are_the_models_own():
    words = ["Hà Nội", "hà nội", "ASEAN", "2026", "", " x", "Trung  Quốc", "khủng bố", "½"]
    for kind in KINDS:
        module = _feature_module(kind)
        functions = featuriser(kind).functions
        for name, fn in functions.items():
            for w in words:
                assert fn(w) == module.apply_function(name, w), (kind, name, w)


def test_templates_parse_as_underthesea_does():
    t = parse_template("T[-3,-2][1]")
    assert (t.prefix, t.index1, t.index2, t.column, t.function) == ("T[-3,-2][1]=", -3, -2, 1, None)
    t = parse_template("T[0].istitle")
    assert (t.index1, t.index2, t.column, t.function) == (0, None, 0, "istitle")
    with pytest.raises(ValueError, match="template"):
        parse_template("W[0]")


def test_windows_past_either_end():
    """BOS before the sentence, EOS after it, also for a bigram whose second word is past the
    end (index2 >= len) and for a window wider than the sentence."""
    module = _feature_module("pos")
    templates = ["T[-1,1]", "T[0,2]", "T[-3,3].lower", "T[2,-1]", "T[0,-3]", "T[5]"]
    for sent in (["A"], ["A", "b"], ["A", "b", "C", "d"]):
        rows = [(w, "X") for w in sent]
        expected = [module.word2features(rows, i, templates) for i in range(len(rows))]
        assert Featuriser(templates, featuriser("pos").functions).features(rows) == expected


def test_underthesea_ner_is_underthesea_s():
    """The baseline's fast path gives ``underthesea.ner``'s rows and spans (all 402 texts of
    the entity sets were compared once; two of them here)."""
    from underthesea import ner

    from helpers.evaluation import _raw_underthesea, underthesea_entities, underthesea_ner

    texts = [
        ex["text"]
        for name in ("entities-dev", "entities-heldout-news")
        for ex in _read(DATA / f"{name}.jsonl")
    ] + ["", "Hà Nội", "..."]
    for text in texts:
        with _raw_underthesea():
            expected = [tuple(row) for row in ner(text)]
        with _raw_underthesea():
            assert underthesea_ner(text) == expected, text
        assert underthesea_entities(text) == underthesea_entities(text, raw=True), text
