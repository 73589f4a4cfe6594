"""The trained entity model (helpers/entities/model.py): its units and features, the rotation's
splits, the shipped model file, and a kind of boundary it fixes."""

import importlib.util
import socket
from collections import Counter

import pandas as pd
import pytest

from helpers import evaluation
from helpers.entities import extract, model, rule_entities
from helpers.tokens import tokens

ROOT = evaluation.PROJECT_ROOT


def _units(text):
    return [u for line in model.units(text, tokens(text)) for u in line]


def _features(text, word):
    sent = next(
        line for line in model.units(text, tokens(text)) if any(u.text == word for u in line)
    )
    feats = model.sentence_features(text, sent, rule_entities(text))
    return next(f for u, f in zip(sent, feats, strict=True) if u.text == word)


def test_units_keep_transliterations_whole_and_slice_back():
    text = "Tổng thống Pháp Ê.Ma-crông gặp ông P.V. tại TP.Hà Nội, quan hệ Việt Nam-Campuchia."
    units = _units(text)
    assert all(text[u.start : u.end] == u.text for u in units)
    words = [u.text for u in units]
    assert "Ê.Ma-crông" in words  # the segmenter cuts it at the dot; a unit does not
    assert words[words.index("P.V") + 1] == "."  # the final dot of initials stays outside
    assert ["TP", ".", "Hà"] == words[words.index("TP") : words.index("TP") + 3]
    # a hyphen between two listed names still separates them
    assert ["Việt", "Nam", "-", "Campuchia"] == words[words.index("Việt") : words.index("Việt") + 4]


def test_one_sequence_per_line():
    lines = model.units("Hà Nội.\nBắc Kinh", tokens("Hà Nội.\nBắc Kinh"))
    assert [[u.text for u in line] for line in lines] == [["Hà", "Nội", "."], ["Bắc", "Kinh"]]


def test_shape_and_case_pattern():
    assert [model.shape(w) for w in ("Hà", "TP", "2017", "F-15", "iPhone")] == [
        "Xx",
        "X",
        "d",
        "X-d",
        "xXx",
    ]
    assert [model.case_pattern(w) for w in ("ASEAN", "Hà", "hà", "2017", "iPhone", ",")] == [
        "upper",
        "title",
        "lower",
        "digit",
        "other",
        "other",
    ]


def test_features_are_computed_as_documented():
    text = "Bộ trưởng Ngoại giao Trung Quốc Vương Nghị đã tới Islamabad."
    vuong = _features(text, "Vương")
    # the rule extractor's own tag and layer, the word shape and case, the syllable and its word
    assert {"rule=B-PER", "shape=Xx", "case=title", "w=vương", "family", "native"} <= set(vuong)
    assert any(f.startswith("rulelayer=rule:") for f in vuong)
    assert any(f.startswith("word=") for f in vuong) and any(
        f.startswith("archcap=") for f in vuong
    )
    # neighbours within two units, with their shapes and rule tags
    assert {"-1:w=quốc", "-1:gaz=I-LOC", "1:w=nghị", "1:rule=I-PER", "-2:w=trung"} <= set(vuong)
    bo = _features(text, "Bộ")
    # a title (data/entity_cues.tsv) begins here; the text starts here (position in sentence)
    assert {"head=title", "positional", "first", "pos=0", "-1:BOS", "before=edge"} <= set(bo)
    quoc = _features(text, "Quốc")
    assert {"gaz=I-LOC", "rule=I-LOC"} <= set(quoc)
    stop = _features(text, ".")
    assert {"before=alnum", "after=edge", "spaced=n", "1:EOS"} <= set(stop)
    # the archive's contexts: "tới" precedes listed places nearly always
    assert "ctx1=LOC" in _features(text, "Islamabad")


def test_rotation_never_tests_a_set_it_trained_on():
    splits = evaluation.rotation_splits()
    assert [left_out for _, left_out, _ in splits] == [p for _, p in evaluation.MODEL_ROTATION_SETS]
    for _, left_out, training in splits:
        assert left_out not in training
        assert set(training) | {left_out} == set(evaluation.MODEL_TRAINING_SETS)
        # nor any of its articles or paragraphs under another set's name
        held = evaluation.read_jsonl(left_out)
        trained = [ex for path in training for ex in evaluation.read_jsonl(path)]
        assert not {ex["text"] for ex in held} & {ex["text"] for ex in trained}
        assert not {ex["id"] for ex in held} & {ex.get("id") for ex in trained}


def test_the_held_back_split_is_never_training_data():
    # the held-back split measures the shipped model on news it never saw: no set the model is
    # trained on may be it or hold its articles or its paragraphs. Until the lead adds it to
    # tests/data it lives outside the project, and only its name can be checked.
    split = evaluation.ENTITY_HELDBACK_SPLIT
    assert split.parent == evaluation.DATA
    assert split not in evaluation.MODEL_TRAINING_SETS
    assert split.name not in {path.name for path in evaluation.MODEL_TRAINING_SETS}
    if not split.exists():
        pytest.skip(f"{split.name} is not in tests/data yet")
    held = evaluation.read_jsonl(split)
    trained = [ex for path in evaluation.MODEL_TRAINING_SETS for ex in evaluation.read_jsonl(path)]
    assert not {ex["id"] for ex in held} & {ex.get("id") for ex in trained}
    assert not {ex["text"] for ex in held} & {ex["text"] for ex in trained}


def test_the_model_loads_offline(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the entity model must not touch the network")

    monkeypatch.setattr(socket, "socket", no_network)
    model.tagger.cache_clear()
    tagger = model.tagger()
    assert set(tagger.labels()) == {"O"} | {f"{p}-{t}" for p in "BI" for t in model.LABELS}
    assert model.MODEL_PATH.parent == evaluation.PROJECT_ROOT / "helpers" / "data"


def test_a_body_with_lower_case_words_is_one_org():
    """Development set 4: the rules cut a body's name at its first lower-case word and took
    its last word for a person; the model (also when this set was left out of its training, in
    the rotation) reads the whole name."""
    text = (
        "Tổng Liên đoàn Lao động Việt Nam, Ban Thi đua khen thưởng Trung ương phối hợp với "
        "Báo Lao Động tổ chức chương trình."
    )
    before = {(e.text, e.label) for e in rule_entities(text)}
    assert ("Ban Thi đua", "ORG") in before and ("Trung ương", "PER") in before
    after = {(e.text, e.label) for e in extract(text)}
    assert ("Ban Thi đua khen thưởng Trung ương", "ORG") in after
    assert not any(label == "PER" for _, label in after)


def test_the_model_adds_no_person_without_a_name():
    assert model.has_name_evidence("gặp Michael Jordan hôm qua", 4, 18)
    assert model.has_name_evidence("ông Kim Jong-il", 4, 15)  # lower case after a hyphen
    assert not model.has_name_evidence("miền núi phía Bắc", 0, 17)
    assert not model.has_name_evidence("Phiên họp", 0, 5)  # capitalised only by position
    # a person the rules did not find is not the model's to invent
    rules = [(0, 3, "LOC")]
    assert not model._may_add("Mỹ American Airlines", (3, 20, "PER"), rules)


def test_retraining_gives_the_same_predictions(tmp_path, monkeypatch):
    """The tool trains the shipped model deterministically: retrained, it tags a sample of
    every set as the committed file does (the file's bytes may differ in the last digits of its
    weights, which the trainer sums in no fixed order)."""
    monkeypatch.syspath_prepend(ROOT / "tests" / "tools")  # the tools import checkout.py
    spec = importlib.util.spec_from_file_location(
        "train_entity_model", ROOT / "tests" / "tools" / "train_entity_model.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    path = tmp_path / "entity_model.crfsuite"
    tool.train_shipped(path)
    from underthesea_core import CRFTagger

    retrained = CRFTagger()
    retrained.load(str(path))
    for source in evaluation.MODEL_TRAINING_SETS:
        xs, _ = model.training_sequences(evaluation.read_jsonl(source)[:10])
        assert [retrained.tag(x) for x in xs] == [model.tagger().tag(x) for x in xs]


# The trainer sums weights in no fixed order, so two runs on the same data give the same Viterbi
# tags but probabilities that differ in their last digits (6e-9 between two runs measured on 150
# sentences); the model's corrections compare probabilities with thresholds, and in CI one
# mention of one left-out set once fell on the other side. The recorded table may therefore
# differ from a recomputation by what two mentions move each number, never by more.
FLIPPED_MENTIONS = 2.5


def rotation_tolerance(now: pd.DataFrame) -> pd.DataFrame:
    """Per cell of the rotation table, how far two mentions move it (plus rounding)."""
    counts = {
        name: Counter(e["label"] for ex in evaluation.read_jsonl(path) for e in ex["entities"])
        for name, path in evaluation.MODEL_ROTATION_SETS
    }
    tolerance = pd.DataFrame(index=now.index)
    for column in now.columns:
        if column in ("left out", "system", "mentions"):
            continue
        label = column.removeprefix("F1 ") if column.startswith("F1 ") else None
        gold = [
            counts[name][label] if label else sum(counts[name].values()) for name in now["left out"]
        ]
        tolerance[column] = [FLIPPED_MENTIONS / max(n, 1) + 0.001 for n in gold]
    return tolerance


def rotation_drift(recorded: pd.DataFrame, now: pd.DataFrame) -> pd.DataFrame:
    """The rows where the recorded table and a recomputation differ by more than two mentions."""
    assert list(recorded.columns) == list(now.columns)
    assert recorded[["left out", "system", "mentions"]].equals(
        now[["left out", "system", "mentions"]]
    )
    tolerance = rotation_tolerance(now)
    drift = (recorded[tolerance.columns] - now[tolerance.columns]).abs()
    return drift[(drift > tolerance).any(axis=1)]


def test_the_recorded_rotation_is_what_the_model_gives():
    # notebook 05 shows the recorded table (tests/tools/train_entity_model.py --rotate --record);
    # recomputed here (a model per left-out set, several minutes) so it cannot drift from the code
    drift = rotation_drift(evaluation.recorded_rotation(), evaluation.model_rotation())
    assert drift.empty, drift


def test_the_rotation_tolerance_is_two_mentions_not_more():
    # last-digit noise (a mention) passes; a table off by three mentions of a set fails
    recorded = evaluation.recorded_rotation()
    mentions = recorded.loc[0, "mentions"]
    one, three = recorded.copy(), recorded.copy()
    one.loc[0, "recall"] += 1 / mentions
    three.loc[0, "recall"] += 3 / mentions + 0.001
    assert rotation_drift(recorded, one).empty
    assert list(rotation_drift(recorded, three).index) == [0]


def test_the_model_never_draws_a_name_across_a_sentence_or_a_clause():
    # review of round 6: "Lincoln.Ảnh" (a photo credit glued to the next sentence), a double
    # space between two mentions, a verb phrase swallowing a country ("Feilong defeated the
    # Thai champion"), a person over a club named after a city ("Real Madrid")
    cases = [
        "Tổng thống Abraham Lincoln.Ảnh: Wiki Năm 1861, ông đắc cử.",
        "3. Bill Clinton  Bill Clinton. Ảnh: AP. Ông Clinton nói.",
        "Năm 2015 Feilong đánh bại nhà vô địch kicboxing Thái Lan tại cuộc thi.",
        "Barcelona thắng đậm để lật đổ ngôi đầu bảng của Real Madrid, đội bóng Hoàng gia.",
    ]
    for text in cases:
        found = [(e.text, e.label) for e in extract(text)]
        assert not any("Ảnh" in t or "  " in t or "đánh bại" in t for t, _ in found), found
        assert ("Real Madrid", "PER") not in found
    assert ("Thái Lan", "LOC") in [(e.text, e.label) for e in extract(cases[2])]


def test_a_missing_or_damaged_model_file_is_a_clear_error(tmp_path, monkeypatch):
    from helpers.corpus import CorpusError

    for content in (None, b"garbage", b""):
        path = tmp_path / "entity_model.crfsuite"
        if content is not None:
            path.write_bytes(content)
        monkeypatch.setattr(model, "MODEL_PATH", path)
        model.tagger.cache_clear()
        try:
            with pytest.raises(CorpusError, match="entity_model.crfsuite: the entity model"):
                model.tagger()
        finally:
            model.tagger.cache_clear()
