"""A sequence model trained on the annotated sets that corrects the rule extractor's spans.

The rules find most names but often cut them at the wrong place (a body's name stops at its
first lower-case word, a person's name takes the capitalised word after it). A linear-chain CRF
(underthesea_core's, already installed with underthesea) reads each sentence as a sequence of
units and tags them B-/I-/O for PER, LOC, ORG and MISC, with the rule extractor's own tag and
layer among its features (stacking), so it learns where the rules' boundaries and types are
wrong rather than relearning names.

Units are the project's words (``helpers.tokens``) cut into syllables and punctuation marks:
3.8% of the annotated names begin or end inside a word of the segmenter (``Mỹ cập``, ``TP.Hà``),
and a boundary the units cannot express is a boundary the model cannot fix. The word a syllable
belongs to and its place in it are features. Offsets always index the user's text.

The model (``data/entity_model.crfsuite``) is made by ``tests/tools/train_entity_model.py``;
its cross-validated scores are in ``helpers.evaluation.model_rotation``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from ..canonical import english_name
from ..corpus import CorpusError
from ..orthography import LOWER, UPPER, is_native_syllable
from ..paths import DATA_DIR, display_path
from ..tokens import Token, tokens
from .archive import (
    case_counts,
    context_types,
    is_sentence_capital,
    opens_sentences,
    place_contexts,
    positional_capital,
)
from .candidates import LABELS, Entity, starts_phrase
from .crf import bio_spans
from .gazetteers import cues, gazetteer, gazetteer_matches, vietnamese_family_names

MODEL_PATH = DATA_DIR / "entity_model.crfsuite"

# Cue kinds (data/entity_cues.tsv) whose phrases head or introduce names: a unit that starts one
# gets the feature head=<kind>, and the units the phrase covers inhead=<kind>.
HEAD_KINDS = (
    "org_head",
    "misc_head",
    "geo_head",
    "state_head",
    "landmark_head",
    "loc_head",
    "title",
    "org_intro",
    "misc_intro",
    "document_head",
    "sentence_case_head",
    "nationality_intro",
    "region_head",
    "connector",
    "inner_word",
)

# A unit: letters and digits, kept whole across hyphens, dots and apostrophes inside a name
# ("Xê-út", "Ê.Ma-crông", "O'Neill") except after an acronym's dot ("TP.Hà Nội"); else one
# punctuation mark. A final dot ("P.V.", "anh H.") stays outside, as the conventions have it.
_UNIT = re.compile(r"(?:[^\W_]+(?:[-'’](?=[^\W_])|\.(?=[^\W_])(?<![A-ZĐ]{2}\.)))*[^\W_]+|[^\w\s]|_")


@dataclass(frozen=True)
class Unit:
    """A syllable or punctuation mark, with the project word it was cut from."""

    start: int
    end: int
    text: str
    word: str  # the token of helpers.tokens it belongs to
    place: str  # its place in that word: S (alone), B (first), I (inside), E (last)


def units(text: str, toks: Sequence[Token]) -> list[list[Unit]]:
    """The units of each line of the text: one sequence for the model.

    A line, not a sentence: the sentence splitter sometimes ends a sentence at an initial's dot
    (``Ê.`` | ``Ma-crông``), and a name never crosses a line break. Units are read from the
    text, not from each token: the segmenter sometimes cuts a transliteration at its hyphen or
    dot (``V.Pu`` ``-`` ``tin``), which stays one unit; the token a unit starts in gives its
    word features.
    """
    by_line: dict[int, list[Token]] = {}
    line = pos = 0
    for t in toks:
        line, pos = line + text.count("\n", pos, t.start), t.start
        by_line.setdefault(line, []).append(t)
    out = []
    for sent in by_line.values():
        a, b = sent[0].start, sent[-1].end
        edges = {edge for match in _line_matches(text, a, b) for edge in match}
        found = []
        k = 0
        for start, end in _unit_spans(text, a, b, edges):
            while k + 1 < len(sent) and sent[k].end <= start:
                k += 1
            t = sent[k]
            starts, ends = start <= t.start, end >= t.end
            place = "S" if starts and ends else "B" if starts else "E" if ends else "I"
            found.append(Unit(start, end, text[start:end], t.text, place))
        if found:
            out.append(found)
    return out


_ACRONYM = re.compile(r"[A-ZĐ]{2,}")


def _unit_spans(text: str, a: int, b: int, edges: set[int]) -> list[tuple[int, int]]:
    """Unit offsets in text[a:b]. A hyphen still separates two names: where a listed name
    ends or begins (``Việt Nam-Campuchia``, ``Nga-Mỹ``) or beside an acronym (``EU-ASEAN``,
    ``VOV-Washington``)."""
    out = []
    for m in _UNIT.finditer(text, a, b):
        start = m.start()
        for h in re.finditer("-", m.group()):
            p = m.start() + h.start()
            left = text[start:p].rsplit("-", 1)[-1]
            right = re.match(r"[^\W_]+", text[p + 1 : m.end()])
            if (
                p in edges
                or p + 1 in edges
                or _ACRONYM.fullmatch(left)
                or (right and _ACRONYM.fullmatch(right.group()))
            ):
                out += [(start, p), (p, p + 1)]
                start = p + 1
        out.append((start, m.end()))
    return out


def shape(word: str) -> str:
    """Word shape with runs collapsed: ``Hà`` → ``Xx``, ``TP`` → ``X``, ``2017`` → ``d``,
    ``F-15`` → ``X-d``; vowels with tones count as letters."""
    out = []
    for ch in word:
        kind = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


def case_pattern(word: str) -> str:
    """``upper`` (all capitals, two or more letters), ``title``, ``lower``, ``digit`` or ``other``."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return "digit" if any(c.isdigit() for c in word) else "other"
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    if letters[0].isupper():
        return "title"
    return "lower" if all(c.islower() for c in letters) else "other"


def _capital_share(syllable: str) -> str:
    """The archive's share of capitalised mid-sentence uses of the syllable, in five bins."""
    counts = case_counts().get(syllable.lower())
    if not counts:
        return "unseen"
    return str(bisect_right(_CAPITAL_SHARE_BINS, counts.capital_share))


_CAPITAL_SHARE_BINS = (0.1, 0.25, 0.5, 0.75)


@cache
def _phrases_by_first_syllable() -> dict[str, list[tuple[str, str]]]:
    """First syllable (lower-cased) → (phrase, cue kind) for every cue of ``HEAD_KINDS``."""
    out: dict[str, list[tuple[str, str]]] = {}
    for kind in HEAD_KINDS:
        for phrase in cues().get(kind, []):
            first = _UNIT.match(phrase)
            if first:
                out.setdefault(first.group().lower(), []).append((phrase, kind))
    for options in out.values():
        options.sort(key=lambda option: (-len(option[0]), option))
    return out


def _phrase_features(text: str, sent: list[Unit]) -> list[list[str]]:
    """head=/inhead= features: which cue phrases start at or cover each unit."""
    out: list[list[str]] = [[] for _ in sent]
    for i, u in enumerate(sent):
        for phrase, kind in _phrases_by_first_syllable().get(u.text.lower(), []):
            if starts_phrase(text, u.start, [phrase]):
                end = u.start + len(phrase)
                out[i].append(f"head={kind}")
                for k in range(i + 1, len(sent)):
                    if sent[k].start >= end:
                        break
                    out[k].append(f"inhead={kind}")
    return out


def _inside(sent: list[Unit], ends: list[int], a: int, b: int) -> range:
    """Indices of the units that overlap text[a:b] (``ends``: the units' ends, in order)."""
    first = bisect_right(ends, a)  # the first unit that ends after a
    last = first
    while last < len(sent) and sent[last].start < b:
        last += 1
    return range(first, last)


def _span_tags(
    sent: list[Unit], spans: Sequence[tuple[int, int, str]], fill: Sequence[str] | None = None
) -> list[str]:
    """B-/I-/O tags of the units for character spans (a unit is in a span it overlaps); with
    ``fill``, each span's units get that span's value of ``fill`` instead."""
    tags = ["O"] * len(sent)
    ends = [u.end for u in sent]
    for n, (a, b, label) in enumerate(spans):
        inside = _inside(sent, ends, a, b)
        for k in inside:
            tags[k] = fill[n] if fill else ("B-" if k == inside.start else "I-") + label
    return tags


def _layer(source: str) -> str:
    """The rule layer of an entity's source (``rule:title``, ``gazetteer``, ``crf``)."""
    return source.split("+", 1)[0]


def sentence_features(
    text: str, sent: list[Unit], rule_entities: Sequence[Entity]
) -> list[list[str]]:
    """The feature strings of each unit of a sentence (documented in the module's tests)."""
    rules = [e for e in rule_entities if e.start < sent[-1].end and sent[0].start < e.end]
    rule_tags = _span_tags(sent, [(e.start, e.end, e.label) for e in rules])
    layers = _span_tags(
        sent, [(e.start, e.end, e.label) for e in rules], [_layer(e.source) for e in rules]
    )
    listed = [
        (a, b, gazetteer()[text[a:b]].label)
        for a, b in _line_matches(text, sent[0].start, sent[-1].end)
    ]
    gazetteer_tags = _span_tags(sent, listed)
    phrases = _phrase_features(text, sent)
    own = [_unit_features(u.text) for u in sent]
    lowers = [o[0] for o in own]
    shapes = [o[1] for o in own]
    out = []
    for i, u in enumerate(sent):
        f = [
            "bias",
            f"w={lowers[i]}",
            f"shape={shapes[i]}",
            own[i][2],
            f"word={u.word.lower()}",
            f"wordplace={u.place}",
            f"wordlen={min(len(u.word.split()), 4)}",
            f"rule={rule_tags[i]}",
            f"rulelayer={layers[i]}",
            f"rule+shape={rule_tags[i]}|{shapes[i]}",
            f"gaz={gazetteer_tags[i]}",
            *own[i][3:],
            *phrases[i],
        ]
        if positional_capital(text, u.start):
            f.append("positional")
        if i == 0:
            f.append("first")
        f.append(f"pos={min(i, 3)}")
        f.append(f"spaced={'y' if text[u.start - 1 : u.start].isspace() else 'n'}")
        f.append(f"before={_glyph(text[u.start - 1 : u.start])}")
        f.append(f"after={_glyph(text[u.end : u.end + 1])}")
        f.extend(_context_features(lowers, i))
        for d in (-2, -1, 1, 2):
            k = i + d
            if 0 <= k < len(sent):
                f.append(f"{d}:w={lowers[k]}")
                f.append(f"{d}:shape={shapes[k]}")
                f.append(f"{d}:rule={rule_tags[k]}")
                if abs(d) == 1:
                    f.append(f"{d}:gaz={gazetteer_tags[k]}")
                    f.append(f"{d}:w|w={lowers[min(i, k)]}|{lowers[max(i, k)]}")
            else:
                f.append(f"{d}:{'BOS' if d < 0 else 'EOS'}")
        out.append(f)
    return out


@lru_cache(maxsize=65536)
def _unit_features(unit: str) -> tuple[str, ...]:
    """What a unit's own letters say, the same wherever it stands: lower-cased form, shape,
    case pattern, the archive's capital share, and flags (a Vietnamese family name, a native
    syllable, a capital the archive gives mostly at sentence starts, a clause opener)."""
    out = [
        unit.lower(),
        shape(unit),
        f"case={case_pattern(unit)}",
        f"archcap={_capital_share(unit)}",
    ]
    if unit.isalpha():
        if unit in vietnamese_family_names():
            out.append("family")
        if is_native_syllable(unit):
            out.append("native")
        if unit[:1].isupper() and is_sentence_capital(unit):
            out.append("sentcap")
        if opens_sentences(unit):
            out.append("opener")
    return tuple(out)


@lru_cache(maxsize=256)
def _line_matches(text: str, a: int, b: int) -> tuple[tuple[int, int], ...]:
    """Listed names in text[a:b], read once for a line's units and its features."""
    return tuple(gazetteer_matches(text, a, b))


def _glyph(ch: str) -> str:
    """A neighbouring character as a feature: punctuation itself, else its class."""
    if not ch:
        return "edge"
    if ch.isspace():
        return "space"
    return "alnum" if ch.isalnum() else ch


def _context_features(lowers: list[str], i: int) -> list[str]:
    """What the archive says of the one or two words before a unit: the type of name they
    precede (``context_types``, ``place_contexts``)."""
    out = []
    for k in (2, 1):
        if i >= k:
            context = " ".join(lowers[i - k : i])
            if context in context_types():
                out.append(f"ctx{k}={context_types()[context]}")
            if context in place_contexts():
                out.append(f"ctx{k}=LOC")
    return out


def spans_of(sent: list[Unit], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Character spans (start, end, label) of a unit sentence's BIO tags; an I- tag after O or
    another label starts a span of its own."""
    return [(sent[first].start, sent[last].end, label) for first, last, label in bio_spans(tags)]


def gold_tags(sent: list[Unit], gold: Sequence[tuple[int, int, str]]) -> list[str]:
    """Training tags of a sentence from gold character spans."""
    return _span_tags(sent, [s for s in gold if s[2] in LABELS])


@cache
def tagger():
    """The trained CRF, loaded once (offline: a file of the package)."""
    from underthesea_core import CRFTagger

    t = CRFTagger()
    try:
        t.load(str(MODEL_PATH))
    except OSError as e:  # the loader's own message names no file
        raise CorpusError(
            f"{display_path(MODEL_PATH)}: the entity model is missing or damaged ({e}); restore "
            "it from git or retrain it with tests/tools/train_entity_model.py"
        ) from None
    return t


def has_name_evidence(text: str, start: int, end: int) -> bool:
    """A person needs a name's shape: every syllable capitalised (lower case only after a
    hyphen, as transliterations have it, or for connectors such as ``bin``, ``de``), and not a
    single common word capitalised only by its position (``Phiên``, ``Cuộc``)."""
    name = text[start:end]
    syllables = [m for m in re.finditer(r"[^\W\d_]+", name)]
    if not syllables or not syllables[0].group()[:1].isupper():
        return False
    connectors = set(cues().get("connector", []))
    for m in syllables[1:]:
        word = m.group()
        glued = name[m.start() - 1 : m.start()] in ("-", "'", "’")
        if not (word[:1].isupper() or glued or word in connectors):
            return False
    if len(syllables) == 1 and positional_capital(text, start) and is_sentence_capital(name):
        return False
    return True


# The model overrides the rules only where it is this sure: a span of its own replaces what
# the rules found there when the model gives that exact span this probability (its least
# likely tag); a rule span the model does not keep is dropped when the model gives it less
# than DROP.
CONFIDENCE = 0.7
DROP = 1 - CONFIDENCE


def _span_probability(
    sent: list[Unit], ends: list[int], marginals: list[list[float]], index: dict[str, int], span
) -> float:
    """The model's probability of exactly this span (approximated by its least likely tag,
    with the unit after it not continuing it)."""
    a, b, label = span
    inside = _inside(sent, ends, a, b)
    if not inside or f"B-{label}" not in index:
        return 0.0
    probabilities = [marginals[inside[0]][index[f"B-{label}"]]]
    probabilities += [marginals[k][index[f"I-{label}"]] for k in inside[1:]]
    after = inside[-1] + 1
    if after < len(sent):
        probabilities.append(1.0 - marginals[after][index[f"I-{label}"]])
    return min(probabilities)


def decide(
    text: str,
    sent: list[Unit],
    features: list[list[str]],
    rule_spans: list[tuple[int, int, str]],
    model,
    confidence: float = CONFIDENCE,
    drop: float = DROP,
) -> list[tuple[int, int, str]]:
    """Spans of one unit sequence: the rules' spans, corrected where the model is sure."""
    viterbi = spans_of(sent, model.tag(features))
    rules = [r for r in rule_spans if sent[0].start <= r[0] and r[1] <= sent[-1].end]
    if set(viterbi) == set(rules):
        return rules
    marginals = model.marginals(features)
    index = {label: k for k, label in enumerate(model.labels())}
    ends = [u.end for u in sent]
    kept = list(rules)
    refused = []  # the model's spans it may not add: its doubt about the rules' spans there is moot
    for span in viterbi:
        if span in rules or _span_probability(sent, ends, marginals, index, span) < confidence:
            continue
        a, b, label = span
        if not _may_add(text, span, rules):
            refused.append(span)
            continue
        kept = [r for r in kept if not (r[0] < b and a < r[1])] + [span]
    # A rule span the model only doubts is dropped below ``drop``; names of laws, products and
    # events (MISC) are kept: the annotated sets hold too few of them for the model to judge.
    return sorted(
        r
        for r in kept
        if r in viterbi
        or r not in rules
        or r[2] == "MISC"
        or any(x[0] < r[1] and r[0] < x[1] for x in refused)
        or _span_probability(sent, ends, marginals, index, r) >= drop
    )


def _may_add(text: str, span: tuple[int, int, str], rules: list[tuple[int, int, str]]) -> bool:
    """A span of the model's own needs a name's evidence: it begins with a capital or a digit,
    or where a listed name begins (``châu Phi``); it never runs across a sentence's end, a
    photo credit glued to the next sentence or a double space; lower-case words inside need a
    head noun or a rule span of its label where it begins (``Trung tâm Phối hợp tìm kiếm cứu
    nạn hàng hải Vladivostok``, not ``Feilong đánh bại ... Thái Lan``); a person needs a person
    of the rules there (the model re-draws or re-types names, it never invents a person) and a
    name's shape; two rule spans joined by "và" are never one."""
    a, b, label = span
    listed = gazetteer_matches(text, a, min(len(text), a + 60))
    if not (text[a].isupper() or text[a].isdigit() or (listed and listed[0][0] == a)):
        return False
    if _SENTENCE_GLUE.search(text, a, b):
        return False
    if label == "PER":
        return any(r[2] == "PER" and r[0] < b and a < r[1] for r in rules) and has_name_evidence(
            text, a, b
        )
    if _LOWER_WORD.search(text, a, b) and not (
        any(r[0] == a and r[2] == label for r in rules) or _starts_with_head(text, a)
    ):
        return False
    # two names the rules read, joined by "và" (and), stay two ("Trường THPT Phan Đình Phùng
    # và trường Tiểu học Mai Động", two schools; "Bộ Y tế và BHXH")
    inside = sorted(r for r in rules if a <= r[0] and r[1] <= b)
    return not any(_AND.search(text, x[1], y[0]) for x, y in pairwise(inside))


# A sentence's end, a credit glued to the next sentence ("Lincoln.Ảnh"), a line break or a
# double space: no name runs across one.
_SENTENCE_GLUE = re.compile(rf"(?<!{UPPER})[.!?:;…](?:\s|$)|\s\s|\n|{LOWER}\.{UPPER}")
_LOWER_WORD = re.compile(rf"(?<![\w-]){LOWER}")
_AND = re.compile(r"(?<![\w-])và(?![\w-])")
# Cue kinds whose phrase may begin a name with lower-case words in it.
_NAME_HEAD_KINDS = (
    "org_head",
    "misc_head",
    "landmark_head",
    "geo_head",
    "document_head",
    "loc_head",
)


def _starts_with_head(text: str, a: int) -> bool:
    return any(starts_phrase(text, a, cues().get(kind, [])) for kind in _NAME_HEAD_KINDS)


def _restore_repeated(
    text: str, spans: list[tuple[int, int, str]], rule_spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A rule span the model dropped comes back when the text names the same words with the
    same label elsewhere (``... (EVFTA). EVFTA mở cửa ...``): one name, one reading per text."""
    named = {(text[a:b], label) for a, b, label in spans}
    found = set(spans)
    back = [
        r
        for r in rule_spans
        if r not in found
        and (text[r[0] : r[1]], r[2]) in named
        and not any(s[0] < r[1] and r[0] < s[1] for s in spans)
    ]
    return sorted(spans + back)


def predict_spans(
    text: str, toks: Sequence[Token], rule_entities: Sequence[Entity], model=None
) -> list[tuple[int, int, str]]:
    """The corrected spans of a text, given its tokens and the rule extractor's entities."""
    model = model or tagger()
    rule_spans = [(e.start, e.end, e.label) for e in rule_entities]
    out = []
    for sent in units(text, toks):
        out += decide(text, sent, sentence_features(text, sent, rule_entities), rule_spans, model)
    return _restore_repeated(text, out, rule_spans)


def corrected_entities(text: str, model=None) -> list[Entity]:
    """The rule extractor's entities of ``text`` as ``model`` (default: the shipped one)
    corrects them; for training and evaluation, where the model is not the shipped one."""
    from . import rule_entities

    return apply(text, tokens(text), rule_entities(text), model)


def apply(
    text: str, toks: Sequence[Token], rule_entities: Sequence[Entity], model=None
) -> list[Entity]:
    """The rule extractor's entities as the model corrects them: a span the model keeps keeps
    its entity (canonical name, source); a new span or type gets its English name composed
    here and the source ``model``."""
    same = {(e.start, e.end, e.label): e for e in rule_entities}
    out = []
    for a, b, label in predict_spans(text, toks, rule_entities, model):
        kept = same.get((a, b, label))
        if kept is not None:
            out.append(kept)
            continue
        entry = gazetteer().get(text[a:b])
        canonical = entry.canonical if entry and entry.label == label else None
        name = english_name(text[a:b], label, canonical, gazetteer().get)
        out.append(Entity(a, b, label, text[a:b], name.english, "model", name.composed))
    return out


# Fixed training parameters (never tuned on a left-out set): L-BFGS with a little L1 to drop
# the many features that never fire usefully, and L2 against over-fitting small sets.
TRAINING_PARAMETERS = {
    "loss_function": "lbfgs",
    "l1_penalty": 0.05,
    "l2_penalty": 0.01,
    "max_iterations": 200,
}


def training_sequences(
    examples: Sequence[dict],
) -> tuple[list[list[list[str]]], list[list[str]]]:
    """Features and gold tags of every sentence of annotated examples (``text`` and
    ``entities`` [{start, end, label}]), in the examples' order."""
    from . import rule_entities

    xs, ys = [], []
    for ex in examples:
        text = ex["text"]
        gold = [(int(e["start"]), int(e["end"]), str(e["label"])) for e in ex["entities"]]
        rules = rule_entities(text)
        for sent in units(text, tokens(text)):
            xs.append(sentence_features(text, sent, rules))
            ys.append(gold_tags(sent, gold))
    return xs, ys


def train(xs: list[list[list[str]]], ys: list[list[str]], path: Path | None = None):
    """A tagger trained on the sequences (deterministic: same data and order, same model),
    saved to ``path`` when given."""
    from underthesea_core import CRFTagger, CRFTrainer

    model = CRFTrainer(**TRAINING_PARAMETERS, verbose=0).train(xs, ys)
    if path is not None:
        model.save(str(path))
    return CRFTagger.from_model(model)
