"""``link_mentions`` finds the spans a repeated name overlaps by bisection; the scan it replaced
is kept here as the reference, and both must agree on every annotated text."""

import json
import re
from pathlib import Path

import pytest

import helpers.entities as entities
from helpers.entities.candidates import CRF, RULE, Candidate
from helpers.entities.resolution import (
    _guessed,
    link_mentions,
    repeatable_names,
    resolve,
    short_names,
)

DATA = Path(__file__).parent / "data"


def link_mentions_by_scan(chosen: list[Candidate], text: str) -> list[Candidate]:
    """The earlier link_mentions: every match compared with every chosen span."""
    names = repeatable_names(chosen, text)
    if not names:
        return chosen
    short = short_names(names)
    extra = []
    for name in sorted(names | short):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            inside = [c for c in chosen if c.start < m.end() and m.start() < c.end]
            if inside != [] and all(
                m.start() <= c.start
                and c.end <= m.end()
                and c.label != "PER"
                and ((c.start, c.end) != (m.start(), m.end()) or (name in short and _guessed(c)))
                for c in inside
            ):
                chosen = [c for c in chosen if c not in inside]
                extra.append(Candidate(m.start(), m.end(), "PER", RULE, "rule:repeated-mention"))
            elif not inside:
                extra.append(Candidate(m.start(), m.end(), "PER", CRF, "rule:repeated-mention"))
    return resolve(chosen + extra) if extra else chosen


def test_a_repeated_name_replaces_a_place_inside_it_and_keeps_a_longer_reading():
    # "hoa hậu Phương Nga ... Phương Nga gửi đơn ... đường Phương Nga": Miss Phuong Nga ...
    # Phuong Nga sent a letter ... Phuong Nga street (a street keeps its own reading)
    text = "Hoa hậu Phương Nga nói. Phương Nga gửi đơn. Nhà ở đường Phương Nga Mới."
    first = Candidate(8, 18, "PER", RULE, "rule:title")
    russia = Candidate(31, 34, "LOC", RULE, "gazetteer")  # "Nga" read as Russia
    street = Candidate(56, 70, "LOC", RULE, "rule:loc_head")
    chosen = [first, russia, street]
    assert text[24:34] == "Phương Nga" and text[56:70] == "Phương Nga Mới"
    out = link_mentions(chosen, text)
    assert out == link_mentions_by_scan(chosen, text)
    assert [(c.start, c.end, c.label) for c in out] == [
        (8, 18, "PER"),
        (24, 34, "PER"),
        (56, 70, "LOC"),
    ]


@pytest.mark.parametrize("path", sorted(DATA.glob("entities-*.jsonl")), ids=lambda p: p.stem)
def test_same_output_as_the_scan_on_every_annotated_text(path, monkeypatch):
    calls = []

    def both(chosen, text):
        new = link_mentions(chosen, text)
        calls.append((new, link_mentions_by_scan(chosen, text)))
        return new

    monkeypatch.setattr(entities, "link_mentions", both)
    for line in path.read_text(encoding="utf-8").splitlines():
        entities._rules.function(json.loads(line)["text"])  # past the cache: every text runs
    assert calls
    assert all(new == old for new, old in calls)
