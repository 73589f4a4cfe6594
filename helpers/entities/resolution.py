"""Choosing among overlapping candidates, and linking acronyms to the names they abbreviate."""

from __future__ import annotations

import re
from bisect import bisect_right

from .candidates import RULE, Candidate
from .gazetteers import gazetteer


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    # The chosen spans never overlap, so kept sorted by start only the neighbours of a new span
    # can clash with it: a bisection, not a scan of every chosen span (long paragraphs).
    chosen: list[Candidate] = []
    starts: list[int] = []
    for c in sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        i = bisect_right(starts, c.start)
        if (i == 0 or chosen[i - 1].end <= c.start) and (i == len(chosen) or c.end <= starts[i]):
            chosen.insert(i, c)
            starts.insert(i, c.start)
    return chosen


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&.-]{1,9})\)")


def link_acronyms(chosen: list[Candidate], text: str) -> list[Candidate]:
    """``Long Name (ACR)``: ACR takes Long Name's label and canonical name, here and later on.

    A listed acronym keeps its own entry, and a place before brackets is a dateline, not an
    expansion: "Hà Nội (TTXVN)" credits the news agency.
    """
    aliases: dict[str, Candidate] = {}
    for c in chosen:
        m = _ACRONYM.match(text, c.end)
        if (
            m
            and m.group(1) not in gazetteer()
            and c.label != "LOC"
            and " " in text[c.start : c.end]
        ):
            aliases[m.group(1)] = c
    if not aliases:
        return chosen
    extra = []
    for acronym, source in aliases.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            extra.append(
                Candidate(
                    m.start(), m.end(), source.label, RULE + 1, "rule:acronym", source.canonical
                )
            )
    return resolve(chosen + extra)
