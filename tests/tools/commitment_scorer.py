"""An experiment: a small learned scorer over candidate readings of commitments.

The rules of :mod:`helpers.commitments` give at most one reading of each stance verb. Here a
candidate generator proposes every stance-verb occurrence (every match of the stance lexicon
outside a name, nominal uses included) with every party that could be its subject: each party
named before it in its sentence (for a foreign-named person of no known party, also the one
foreign country the paragraph named before them), a joint phrase ("hai bên": both; "các bên":
all), the actor of the previous row (carried over) and the rules' own actors. Each (verb, party)
pair is described by binary features (:data:`FEATURES`): what the rules decided about it, where
the party stands (words and clause breaks between it and the verb; a verb, a reporting frame, a
relative word or a subordinator between; a preposition before it), what kind of party it is and
whether the verb is nominal, quoted or first in its sentence. A logistic regression (numpy,
full-batch gradient descent from zero weights, fixed steps: deterministic) decides which pairs
are rows.

``tests/tools/commitment_rotation.py --rotate`` validates it by leaving out each annotated set
in turn. It did not beat the rules (``tests/data/commitment-scorer-rotation.csv``), so
``helpers`` does not use it: the rules already decide nearly every pair the candidates cover,
and most pairs the rules miss have no candidate at all (a verb outside the lexicon, a person of
no party the text names). It is kept here to be rerun when the rules or the sets change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import checkout  # noqa: F401  (puts this checkout's helpers first on sys.path)
import numpy as np

from helpers.analysis import ParagraphView
from helpers.commitments import (
    _CLAUSE_BREAK,
    ALL,
    BOTH,
    HOME_COUNTRY,
    UNKNOWN,
    Commitment,
    _after_credit,
    _foreign_name,
    _full_name,
    _in_prepositional_phrase,
    _is_nominal,
    _non_party_head,
    _paragraph_commitments,
    _pattern,
    _quoted,
    _Reader,
    _reader,
    _stance_spans,
)
from helpers.entities import Entity
from helpers.offices import press
from helpers.tokens import Token

THRESHOLD = 0.5
# Training: L2 penalty and steps of full-batch gradient descent (fixed: the same data give the
# same weights).
L2 = 0.01
STEPS = 3000
LEARNING_RATE = 0.5

# The features, in the order of the weight vector. ``rule:*`` say what the rules decided for the
# verb (a row with this party, a row with another party, no row); ``src:*`` where the party comes
# from; ``dist:*`` the words between the party and the verb; ``breaks:*`` the clause breaks
# (comma, semicolon, colon, bracket, dash) between them; the rest are single facts. Conjunctions
# (``none&...``) let the linear model trust a reading the rules dropped only where it is close.
FEATURES = (
    "rule:pair",
    "rule:other",
    "rule:none",
    "src:LOC",
    "src:ORG",
    "src:PER",
    "src:joint",
    "src:all",
    "src:carried",
    "src:context",
    "src:rule",
    "nearest",
    "dist:0",
    "dist:1-2",
    "dist:3-5",
    "dist:6-10",
    "dist:11+",
    "breaks:0",
    "breaks:1",
    "breaks:2+",
    "verb_between",
    "reporting_between",
    "relative_between",
    "subordinator_between",
    "preposition",
    "non_party",
    "party:unknown",
    "party:home",
    "party:both_or_all",
    "verb:nominal",
    "verb:quoted",
    "verb:first_in_sentence",
    "none&nearest",
    "none&nearest&close",
    "other&nearest&close",
    "pair&carried",
)


@dataclass(frozen=True)
class Weights:
    bias: float
    weights: np.ndarray  # one per FEATURES entry


def vector(features: Iterable[str]) -> np.ndarray:
    """The 0/1 vector of a candidate's feature names (unknown names are an error)."""
    index = _index()
    out = np.zeros(len(FEATURES))
    for name in features:
        if name not in index:
            raise KeyError(f"unknown commitment feature {name!r}")
        out[index[name]] = 1.0
    return out


@cache
def _index() -> dict[str, int]:
    return {name: i for i, name in enumerate(FEATURES)}


def probability(weights: Weights, matrix: np.ndarray) -> np.ndarray:
    """The probability that each row's candidate is a commitment row."""
    z = matrix @ weights.weights + weights.bias
    return 1.0 / (1.0 + np.exp(-z))


def train(matrix: np.ndarray, labels: Sequence[bool]) -> Weights:
    """Logistic regression by full-batch gradient descent from zero (deterministic)."""
    y = np.asarray(labels, dtype=float)
    w = np.zeros(matrix.shape[1])
    b = 0.0
    n = max(1, len(y))
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(matrix @ w + b)))
        error = p - y
        w -= LEARNING_RATE * (matrix.T @ error / n + L2 * w)
        b -= LEARNING_RATE * float(error.sum()) / n
    return Weights(float(b), w)


@dataclass(frozen=True)
class Candidate:
    """A stance-verb occurrence with one party that could be its subject, described for the
    learned scorer (:mod:`helpers.commitments.scorer`); offsets into the document."""

    actor: str
    start: int  # of the verb
    end: int
    paragraph: int
    sentence: int
    subject: str  # the words the party was read from ("" when carried over)
    features: frozenset[str]


def _distance_bin(words: int) -> str:
    for top, name in ((0, "0"), (2, "1-2"), (5, "3-5"), (10, "6-10")):
        if words <= top:
            return f"dist:{name}"
    return "dist:11+"


def _between_features(
    text: str, toks: list[Token], names: list[Entity], left: int, right: int
) -> set[str]:
    """Where a party ending at ``left`` stands from the verb starting at ``right``."""
    gap = text[left:right]
    breaks = len(_CLAUSE_BREAK.findall(gap))
    found = {_distance_bin(len(re.findall(r"\w+", gap))), f"breaks:{min(breaks, 2)}"}
    if breaks >= 2:
        found.add("breaks:2+")
        found.discard("breaks:2")
    verbs = [
        t
        for t in toks
        if left <= t.start and t.end <= right and t.pos == "V" and t.text[:1].islower()
    ]
    if any(not any(e.start <= t.start < e.end for e in names) for t in verbs):
        found.add("verb_between")
    if _pattern("reporting").search(gap):
        found.add("reporting_between")
    if any(m.group().islower() for m in _pattern("relative").finditer(gap)):
        found.add("relative_between")
    if _pattern("subordinator").search(gap):
        found.add("subordinator_between")
    return found


def _party_features(actor: str) -> set[str]:
    if actor == UNKNOWN:
        return {"party:unknown"}
    if actor == HOME_COUNTRY:
        return {"party:home"}
    if actor in (BOTH, ALL):
        return {"party:both_or_all"}
    return set()


def candidates(
    reader: _Reader,
    view: ParagraphView,
    found: list[tuple[int, int]],
    rows: list[Commitment],
    carried_rows: list[tuple[int, str]],
) -> list[Candidate]:
    """Every stance-verb occurrence ``found`` of a paragraph with every party that could be its
    subject: each party named before it in its sentence (the country of a foreign-named person of
    no known party too, when the paragraph named one before), a joint phrase, the actor of the
    previous row (carried over) and the rules' own actors (``rows``)."""
    paragraph, offset, text = view.paragraph.index, view.paragraph.start, view.paragraph.text
    toks = list(view.tokens)
    entities = list(view.entities)
    out: list[Candidate] = []
    for sentence in view.sentences:
        verbs = [(a, b) for a, b in found if sentence.start <= a < sentence.end]
        for k, (a, b) in enumerate(verbs):
            rule_actors = {r.actor for r in rows if r.start == offset + a}
            verb_facts = set()
            if _is_nominal(text, toks, a, b, verbs):
                verb_facts.add("verb:nominal")
            if _quoted(text, a):
                verb_facts.add("verb:quoted")
            if k == 0:
                verb_facts.add("verb:first_in_sentence")
            found_here: dict[str, tuple[set[str], str]] = {}

            def propose(actor: str, facts: set[str], subject: str, found_here=found_here) -> None:
                if actor not in found_here:  # the nearest reading of a party wins
                    found_here[actor] = (facts | _party_features(actor), subject)

            start = _after_credit(text, sentence.start)
            before = [e for e in entities if start <= e.start and e.end <= a]
            for e in reversed(before):
                party = reader.party(e)
                if party is None:
                    continue
                facts = {f"src:{e.label}"} | _between_features(text, toks, entities, e.end, a)
                if _in_prepositional_phrase(text, toks, e.start):
                    facts.add("preposition")
                if _non_party_head(text, e) and e.text not in press():
                    facts.add("non_party")
                nearest = not any("nearest" in v[0] for v in found_here.values())
                if nearest:
                    facts.add("nearest")
                propose(party, facts, e.text)
                if party == UNKNOWN and e.label == "PER" and _foreign_name(_full_name(text, e)):
                    earlier = [o for o in entities if o.end <= e.start]
                    country = reader.context_country(earlier)
                    if country:
                        context = (facts - {"nearest"}) | {"src:context"}
                        context.discard(f"src:{e.label}")
                        propose(country, context, e.text)
            for kind, actor in (("joint", BOTH), ("all", ALL)):
                for m in _pattern(kind).finditer(text, start, a):
                    facts = {f"src:{kind}"} | _between_features(text, toks, entities, m.end(), a)
                    propose(actor, facts, m.group())
            carried = [r for r in carried_rows if r[0] < offset + a]
            if carried:
                last = carried[-1][0]
                for at, actor in carried:
                    if at == last:
                        propose(actor, {"src:carried"}, "")
            for actor in sorted(rule_actors):
                propose(actor, {"src:rule"}, "")
            for actor, (facts, subject) in sorted(found_here.items()):
                facts = facts | verb_facts
                if actor in rule_actors:
                    facts.add("rule:pair")
                    if "src:carried" in facts:
                        facts.add("pair&carried")
                elif rule_actors:
                    facts.add("rule:other")
                    if "nearest" in facts and _close(facts):
                        facts.add("other&nearest&close")
                else:
                    facts.add("rule:none")
                    if "nearest" in facts:
                        facts.add("none&nearest")
                        if _close(facts):
                            facts.add("none&nearest&close")
                out.append(
                    Candidate(
                        actor,
                        offset + a,
                        offset + b,
                        paragraph,
                        sentence.index,
                        subject,
                        frozenset(facts),
                    )
                )
    return out


def _close(facts: set[str]) -> bool:
    """A party right before the verb: at most two words, no clause break, no verb between."""
    return (
        bool(facts & {"dist:0", "dist:1-2"}) and "breaks:0" in facts and "verb_between" not in facts
    )


def readings(views: Iterable[ParagraphView]) -> tuple[list[Commitment], list[Candidate]]:
    """The rules' rows (exactly ``helpers.commitments.find_commitments``) and the candidates of
    consecutive paragraphs, read in order with the rules' own reader."""
    views = list(views)
    reader = _reader(views)
    rows: list[Commitment] = []
    found_candidates: list[Candidate] = []
    carried_rows: list[tuple[int, str]] = []  # (verb start, actor) of the rows so far
    for view in views:
        text, toks = view.paragraph.text, list(view.tokens)
        paragraph_rows = _paragraph_commitments(reader, view)
        names = [(e.start, e.end) for e in view.entities]
        found = [
            span
            for span in _stance_spans(text, toks)
            if not any(a <= span[0] < b for a, b in names)
        ]
        found_candidates += candidates(reader, view, found, paragraph_rows, carried_rows)
        carried_rows += dict.fromkeys((r.start, r.actor) for r in paragraph_rows)
        rows += paragraph_rows
    return rows, found_candidates
