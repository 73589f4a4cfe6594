"""underthesea's POS, chunking and NER CRFs with their features built once per sentence.

underthesea 9.5.0's predictors build each word's features with ``tagged_feature.word2features``,
which re-parses every template with a regular expression and rebuilds every column of the
sentence for every word and template: quadratic in sentence length, and about 98% of a document's
analysis time. Here each predictor's template list is parsed once (with underthesea's own
pattern), each column is built once per sentence and each function (``lower``, ``istitle``, ...)
is applied once per word, using the functions of that model's own ``tagged_feature`` module. The
feature strings are exactly underthesea's (same order, ``T[..]=`` prefixes, ``BOS``/``EOS``, the
placeholder label column), so the predictor's own ``model.tag`` gives the same tags
(``tests/test_crf_features.py``).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

# underthesea's template syntax, as tagged_feature.template2features matches it
_TEMPLATE = re.compile(
    r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?"
)

# the label column each predictor fills with "X" before featurising
PLACEHOLDER = "X"


@dataclass(frozen=True)
class Template:
    """One parsed template: ``T[index1(,index2)][column].function``."""

    prefix: str
    index1: int
    index2: int | None
    column: int
    function: str | None


def parse_template(token_syntax: str) -> Template:
    """Parse a template as ``template2features`` does (with its debug prefix)."""
    matched = _TEMPLATE.match(token_syntax)
    if matched is None:
        raise ValueError(f"not an underthesea feature template: {token_syntax!r}")
    column = matched.group("column")
    index2 = matched.group("index2")
    return Template(
        prefix=f"{token_syntax}=",
        index1=int(matched.group("index1")),
        index2=int(index2) if index2 else None,
        column=int(column) if column else 0,
        function=matched.group("function"),
    )


class Featuriser:
    """A predictor's templates, compiled, with its model's feature functions."""

    def __init__(self, templates: Sequence[str], functions: dict[str, Callable[[str], object]]):
        self.templates = tuple(parse_template(t) for t in templates)
        self.functions = functions

    def features(self, sent: Sequence[Sequence[str]]) -> list[list[str]]:
        """``[word2features(sent, i, templates) for i in range(len(sent))]``, computed once."""
        n = len(sent)
        if n == 0:
            return []
        columns = [[row[j] for row in sent] for j in range(len(sent[0]))]
        applied: dict[tuple[int, str], list] = {}  # (column, function) -> value per word
        per_template = []
        for t in self.templates:
            prefix = t.prefix
            bos, eos = f"{prefix}BOS", f"{prefix}EOS"
            first = max(0, -t.index1)  # words before it see BOS
            last = n - max(0, t.index1 if t.index2 is None else max(t.index1, t.index2))
            last = max(last, first)  # words from here on see EOS
            if t.index2 is None:
                if t.function is None:
                    values = columns[t.column]
                else:
                    key = (t.column, t.function)
                    if key not in applied:
                        fn = self.functions[t.function]
                        applied[key] = [fn(w) for w in columns[t.column]]
                    values = applied[key]
                shift = t.index1
                middle = [f"{prefix}{values[i + shift]}" for i in range(first, last)]
            else:
                col, a, b = columns[t.column], t.index1, t.index2 + 1
                fn = self.functions[t.function] if t.function is not None else None
                middle = [
                    f"{prefix}{fn(w) if fn else w}"
                    for w in (" ".join(col[i + a : i + b]) for i in range(first, last))
                ]
            # a template whose BOS and EOS ranges overlap (a window wider than the sentence)
            # says BOS first, as template2features checks index1 < 0 first
            n_bos = min(first, n)
            per_template.append([bos] * n_bos + middle + [eos] * (n - n_bos - len(middle)))
        return [list(row) for row in zip(*per_template, strict=True)]


def _predictor(kind: str):
    if kind == "pos":
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

        return CRFPOSTagPredictor.Instance()
    if kind == "chunk":
        from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor

        return CRFChunkingPredictor.Instance()
    from underthesea.pipeline.ner.model_crf import CRFNERPredictor

    return CRFNERPredictor.Instance()


_FEATURE_MODULES = {
    "pos": "underthesea.pipeline.pos_tag.tagged_feature",
    "chunk": "underthesea.pipeline.chunking.tagged_feature",
    "ner": "underthesea.pipeline.ner.tagged_feature",
}


@cache
def featuriser(kind: str) -> Featuriser:
    """The compiled featuriser of ``kind`` (``pos``, ``chunk`` or ``ner``), built from the
    predictor's own template list and its ``tagged_feature`` module's functions."""
    module = importlib.import_module(_FEATURE_MODULES[kind])
    names = ("lower", "istitle", "isallcap", "isdigit", "is_in_dict")  # apply_function's table
    functions = {name: getattr(module, f"text_{name}") for name in names}
    return Featuriser(_predictor(kind).transformer.template, functions)


def pos_tags(words: Sequence[str]) -> list[str]:
    """POS tags of a segmented sentence, as ``CRFPOSTagPredictor.predict`` gives them."""
    rows = [(w, PLACEHOLDER) for w in words]
    return list(_predictor("pos").model.tag(featuriser("pos").features(rows)))


def chunk_tags(tagged: Sequence[tuple[str, str]]) -> list[str]:
    """Chunk tags of (word, POS) rows, as ``CRFChunkingPredictor.predict`` gives them."""
    rows = [(w, pos, PLACEHOLDER) for w, pos, *_ in tagged]
    return list(_predictor("chunk").model.tag(featuriser("chunk").features(rows)))


def ner_tags(chunked: Sequence[tuple[str, str, str]]) -> list[str]:
    """NER tags of (word, POS, chunk) rows, as ``CRFNERPredictor.predict`` gives them."""
    rows = [(w, pos, ch, PLACEHOLDER) for w, pos, ch, *_ in chunked]
    return list(_predictor("ner").model.tag(featuriser("ner").features(rows)))
