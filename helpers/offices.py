"""Offices and their holders (``data/offices.tsv``): who a named official speaks for.

Read by the entity gazetteer (a holder is a listed person with an English name) and by
commitments (a person stands for the party of their office). The layer of entities: it reads
data files only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .paths import read_data_lines


@dataclass(frozen=True)
class Office:
    """A holder of an office (``kind == "holder"``), a title of the home state (``"office"``),
    a seat of government named for its government (``"seat"``), an international body that
    speaks for itself (``"body"``) or a news agency or newspaper (``"press"``: party ``none``
    when it speaks for no state)."""

    surface: str
    kind: str
    english: str
    office: str
    party: str
    source: str


@cache
def _rows() -> tuple[Office, ...]:
    rows = []
    for line in read_data_lines("offices.tsv")[1:]:
        fields = line.split("\t")
        if len(fields) != 6 or fields[1] not in ("holder", "office", "seat", "body", "press"):
            raise ValueError(f"helpers/data/offices.tsv: malformed row {line!r}")
        rows.append(Office(*fields))
    return tuple(rows)


@cache
def holders() -> dict[str, Office]:
    """Name as the Vietnamese press writes it → the office its holder holds (or held)."""
    return {o.surface: o for o in _rows() if o.kind == "holder"}


@cache
def home_offices() -> dict[str, Office]:
    """Titles of the home state's offices (lower case) → the office: "thủ tướng" → Prime
    Minister of Vietnam. Vietnamese reporting names the country only for foreign officials."""
    return {o.surface.lower(): o for o in _rows() if o.kind == "office"}


@cache
def seats() -> dict[str, Office]:
    """A seat of government as the press names it → the country it stands for ("Điện Kremlin",
    the Kremlin: Russia)."""
    return {o.surface: o for o in _rows() if o.kind == "seat"}


@cache
def bodies() -> dict[str, Office]:
    """An international body as the press names it → the body ("Ủy ban châu Âu", the European
    Commission), for those the entity gazetteer does not list."""
    return {o.surface: o for o in _rows() if o.kind == "body"}


@cache
def press() -> dict[str, Office]:
    """A news agency or newspaper as the press names it → the state it speaks for, party
    ``none`` for the rest ("KCNA", North Korea's state agency: North Korea; "Reuters": none)."""
    return {o.surface: o for o in _rows() if o.kind == "press"}


MINED_FILE = "office_holders.tsv"


@dataclass(frozen=True)
class MinedHolder:
    """A person the 2017 news archive names with an office of ``country`` in ``articles`` of the
    ``all_articles`` that name them with an office and a country (``data/office_holders.tsv``,
    made by ``tests/tools/office_holders.py``)."""

    name: str
    country: str
    articles: int
    all_articles: int


@cache
def mined_holders() -> dict[str, MinedHolder]:
    """Name as the press writes it → the mined holder. A damaged file raises ``ValueError``
    naming the file and the line."""
    found = {}
    for line in read_data_lines(MINED_FILE)[1:]:
        fields = line.split("\t")
        try:
            name, country, articles, all_articles = fields
            holder = MinedHolder(name, country, int(articles), int(all_articles))
        except ValueError:
            raise ValueError(f"helpers/data/{MINED_FILE}: malformed row {line!r}") from None
        if not (name and country) or not 0 < holder.articles <= holder.all_articles:
            raise ValueError(f"helpers/data/{MINED_FILE}: malformed row {line!r}")
        found[name] = holder
    return found
