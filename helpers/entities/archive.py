"""Statistics of 35,000 real news articles, as evidence for spans and types.

The tables under ``data/archive_*.tsv`` are made by ``tests/tools/archive_statistics.py`` from the
2017 baomoi.com archive (see each file's header). They answer questions no hand list does: is a
capitalised word at the start of a sentence a name or a common word that is capitalised only
there (``Phiên``, session; ``Nhằm``, in order to)? Which words come before people, places and
organisations (``cầu thủ``, footballer; ``hãng``, company)? Which type do the words before an
unlisted name vote for across the archive (``Sony`` after ``hãng``)?
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..paths import read_data_lines
from ..tokens import is_native_syllable

TYPES = ("PER", "LOC", "ORG")

# A syllable capitalised in fewer than this share of its mid-sentence uses is a common word.
COMMON_WORD_CAPITAL_SHARE = 0.25
MIN_COMMON_WORD_USES = 50
# A context or name types what it precedes only with this much evidence.
MIN_CONTEXT_SHARE = 0.8
MIN_NAME_VOTES = 3
NAME_LIFT_MARGIN = 2.0


def _rows(name: str) -> list[list[str]]:
    """Data rows of an archive table (its header line is dropped)."""
    return [line.split("\t") for line in read_data_lines(name)[1:]]


@dataclass(frozen=True)
class CaseCounts:
    lower_mid: int
    capital_mid: int
    upper_mid: int
    lower_start: int
    capital_start: int
    upper_start: int

    @property
    def capital_share(self) -> float:
        """Share of mid-sentence uses written with a capital (or in capitals)."""
        mid = self.lower_mid + self.capital_mid + self.upper_mid
        return (self.capital_mid + self.upper_mid) / mid if mid else 0.0


@cache
def case_counts() -> dict[str, CaseCounts]:
    """Lower-cased syllable → how the archive writes it (``data/archive_case.tsv``)."""
    return {row[0]: CaseCounts(*map(int, row[1:])) for row in _rows("archive_case.tsv")}


# Sentence starts (with a capital) that make a word a clause opener after a name.
MIN_SENTENCE_OPENER_USES = 1000


def is_common_word(syllable: str) -> bool:
    """A syllable that the archive writes in lower case inside sentences nearly always."""
    counts = case_counts().get(syllable.lower())
    return bool(
        counts
        and counts.lower_mid >= MIN_COMMON_WORD_USES
        and counts.capital_share < COMMON_WORD_CAPITAL_SHARE
    )


def is_sentence_capital(word: str) -> bool:
    """A word at the start of a sentence that is more often lower case inside sentences in the
    archive (``Online``, ``Bộ``): without other evidence its capital says nothing."""
    counts = case_counts().get(word.lower())
    return bool(counts and counts.lower_mid >= MIN_COMMON_WORD_USES and counts.capital_share < 0.5)


def opens_sentences(word: str) -> bool:
    """A word the archive capitalises mostly where a sentence starts, and often (``Theo``,
    according to; ``Như``, as; ``Trong``, in): after a name, with no stop between (a crawl that
    lost its line breaks), it opens the next clause rather than continuing the name."""
    counts = case_counts().get(word.lower())
    return bool(
        word[:1].isupper()
        and counts
        and counts.capital_start >= MIN_SENTENCE_OPENER_USES
        and counts.capital_start >= 2 * counts.capital_mid
        and counts.lower_mid >= counts.capital_mid
    )


@cache
def context_types() -> dict[str, str]:
    """Context word(s) → PER or ORG, where that type clearly dominates the names after it.

    Places are left to the gazetteers and place rules: the seeds of the statistics are mostly
    listed places, so prepositions (``tại``, at) look like place contexts while the unlisted
    names after them are as often companies or venues.
    """
    out = {}
    for context, *counts in _rows("archive_contexts.tsv"):
        values = [int(c) for c in counts]
        best = max(range(3), key=lambda k: values[k])
        if TYPES[best] != "LOC" and values[best] >= MIN_CONTEXT_SHARE * sum(values):
            out[context] = TYPES[best]
    return out


# A context is a person context when most names the archive writes after it are people, often
# enough: "hoa hậu" (beauty queen; 71 people, 23 places: "hoa hậu Việt Nam" is a title's country).
MIN_PERSON_CONTEXT_SHARE = 0.7
MIN_PERSON_CONTEXT_USES = 50


@cache
def person_contexts() -> frozenset[str]:
    """Context word(s) before which the archive's names are mostly people (``luật sư``,
    lawyer; ``ca sĩ``, singer; ``hoa hậu``, beauty queen): at least 50 names, 70% people."""
    counts = {key: [int(c) for c in values] for key, *values in _rows("archive_contexts.tsv")}
    return frozenset(
        key
        for key, (per, loc, org) in counts.items()
        if per + loc + org >= MIN_PERSON_CONTEXT_USES
        and per >= MIN_PERSON_CONTEXT_SHARE * (per + loc + org)
    )


# Lower-case words after a body's capitalised name that go on to a place ending the name this
# often: a description inside it (``Ban Quản lý`` *đường sắt đô thị* ``TP.HCM``).
MIN_DESCRIPTION_SHARE = 0.5
MIN_DESCRIPTION_RUNS = 5


@cache
def org_descriptions() -> frozenset[str]:
    """Lower-case words that open a description inside bodies' names: those going on to the
    place that ends the name in at least half their runs (``archive_org_continuations.tsv``;
    to_place is counted within runs, so it is compared with runs alone)."""
    return frozenset(
        words
        for words, runs, to_place in _rows("archive_org_continuations.tsv")
        if int(runs) >= MIN_DESCRIPTION_RUNS and int(to_place) >= MIN_DESCRIPTION_SHARE * int(runs)
    )


# A head the archive writes before a Vietnamese person's name this often is a profession, not
# the head of a document's or event's name, which are never a person's full name ("Luật sư
# Nguyễn Văn Dũ", lawyer Nguyen Van Du; "Luật Đầu tư", the Investment Law).
MIN_PERSON_HEAD_SHARE = 0.2
MIN_PERSON_HEAD_USES = 20


@cache
def person_heads() -> frozenset[str]:
    """Heads mostly before people (``archive_head_persons.tsv``): ``Luật sư``, lawyer.
    before_person is counted within before_name, so it is compared with before_name alone."""
    return frozenset(
        head
        for head, names, persons in _rows("archive_head_persons.tsv")
        if int(persons) >= MIN_PERSON_HEAD_USES
        and int(persons) >= MIN_PERSON_HEAD_SHARE * int(names)
    )


# A context is a place context when it precedes listed places this often, and often enough.
MIN_PLACE_CONTEXT_SHARE = 0.9
MIN_PLACE_CONTEXT_USES = 100


@cache
def place_contexts() -> frozenset[str]:
    """Context word(s) that the archive writes before listed places nearly always (``ở``,
    ``tại``, ``tới``, ``miền nam``), many times over: evidence that an unlisted name after them
    is a place. Contexts with a capital are the ends of names (``Công an`` Hà Nội). ``của`` (of) or ``và`` (and) precede people and bodies too often to count."""
    out = set()
    for context, *counts in _rows("archive_contexts.tsv"):
        per, loc, org = (int(c) for c in counts)
        if (
            context.islower()
            and loc >= MIN_PLACE_CONTEXT_USES
            and loc >= MIN_PLACE_CONTEXT_SHARE * (per + loc + org)
        ):
            out.add(context)
    return frozenset(out)


# Sports news: a name the archive writes as a club this often, and in this share of its
# sports uses, is a club; one written (nearly) only as a player or coach is a person. Club
# evidence (CLB X, X FC, a scoreline) is specific; player words also precede clubs ("tiền vệ
# Arsenal", Arsenal's midfielder), so a club needs only a quarter of the sports uses.
MIN_SPORT_VOTES = 5
CLUB_SHARE = 0.25
PLAYER_SHARE = 0.9


@cache
def _sport_rows() -> list[tuple[str, int, int, int, int]]:
    return [
        (name, int(club), int(national), int(player), int(place))
        for name, _, club, national, player, place in _rows("archive_sport_names.tsv")
    ]


def _is_club(name: str, club: int, national: int, player: int) -> bool:
    from .gazetteers import cues  # gazetteers reads this module's person_heads

    words = name.split(" ")
    return (
        club >= MIN_SPORT_VOTES
        and club >= CLUB_SHARE * (club + national + player)
        and club >= 4 * national  # "Scotland", a national team: its country
        and not any(is_native_syllable(w) for w in words)
        and words[-1] not in cues().get("competition_end", [])
    )


@cache
def club_places() -> frozenset[str]:
    """Names the archive writes as clubs, but after a place noun at least as often
    (``Gangwon``, a Korean province whose club is Gangwon FC): a club only in sports news."""
    return frozenset(
        name
        for name, club, national, player, place in _sport_rows()
        if _is_club(name, club, national, player) and place >= club
    )


@cache
def _sports_words() -> re.Pattern[str]:
    rows = [line.split("\t") for line in read_data_lines("sport_contexts.tsv")[1:]]
    words = sorted(
        (context for context, kind in rows if kind in ("club", "player", "club_suffix")),
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")


def name_type_in(text: str, name: str) -> str | None:
    """The archive's type for ``name`` (``name_types``) as ``text`` reads it: a club that is
    also a place (``club_places``) is the club where the text has a club or player word
    (``CLB``, ``HLV``, ``tiền đạo``; ``sport_contexts.tsv``), the place elsewhere."""
    if name in club_places() and _sports_words().search(text):
        return "ORG"
    return name_types().get(name)


@cache
def sport_types() -> dict[str, str]:
    """Unlisted name → ORG (a club) or PER (a player or coach), from how sports news in the
    archive writes it (``archive_sport_names.tsv``): ``Juventus``, ``Tottenham`` (clubs, which
    the prepositions before them vote places), ``Mourinho``, ``Công Phượng`` (a player's given
    names, which the votes also call a place), and a foreign player's surname. A club is a
    foreign name (a Vietnamese club is named after its place or sponsor, ``Sài Gòn``, whose
    place reading stays), written as a club more often than after a place noun (``Gangwon``, a
    province whose club is Gangwon FC: ``club_places``), and no competition (``Premier
    League``); a person is no show (``HLV The Voice``, the show's coach)."""
    from .gazetteers import cues  # gazetteers reads this module's person_heads

    show_starts = set(cues().get("show_start", []))
    out = {}
    for name, club_votes, national_votes, player_votes, place_votes in _sport_rows():
        sports = club_votes + national_votes + player_votes
        words = name.split(" ")
        if _is_club(name, club_votes, national_votes, player_votes):
            if place_votes < club_votes:  # a club named after a place: club_places
                out[name] = "ORG"
        elif (
            player_votes >= MIN_SPORT_VOTES
            and player_votes >= PLAYER_SHARE * sports
            and words[0] not in show_starts
        ):
            out[name] = "PER"
    # a foreign player's surname alone is the player ("Griezmann", of "Antoine Griezmann"),
    # which the prepositions before it vote a place as well
    for name, label in list(out.items()):
        words = name.split(" ")
        if label == "PER" and len(words) > 1 and not any(is_native_syllable(w) for w in words):
            out.setdefault(words[-1], "PER")
    return out


@cache
def name_types() -> dict[str, str]:
    """Unlisted name → the type its contexts across the archive vote for, where one dominates.

    Votes are weighed against each type's share of all votes (places get most of them, see
    ``context_types``): the winner needs at least ``NAME_LIFT_MARGIN`` times the runner-up's lift.
    A name that sports news writes as a club or a player takes that type (``sport_types``).
    """
    rows = [(name, [int(v) for v in votes]) for name, _, *votes in _rows("archive_names.tsv")]
    totals = [sum(votes[k] for _, votes in rows) or 1 for k in range(3)]
    grand = sum(totals)
    out = {}
    for name, votes in rows:
        if sum(votes) < MIN_NAME_VOTES:
            continue
        lift = sorted(((votes[k] * grand / totals[k], k) for k in range(3)), reverse=True)
        if lift[0][0] >= NAME_LIFT_MARGIN * lift[1][0]:
            out[name] = TYPES[lift[0][1]]
    out.update(sport_types())
    return out


@dataclass(frozen=True)
class AcronymCounts:
    occurrences: int
    after_lower: int
    after_capital: int
    before_name: int
    before_person: int


@cache
def acronym_counts() -> dict[str, AcronymCounts]:
    """Acronym → how the archive introduces and uses it (``data/archive_acronyms.tsv``)."""
    return {row[0]: AcronymCounts(*map(int, row[1:])) for row in _rows("archive_acronyms.tsv")}


def abbreviates_common_noun(acronym: str) -> bool:
    """Introduced in the archive after lower-case words more often than after names."""
    counts = acronym_counts().get(acronym)
    return bool(counts and counts.after_lower > max(1, counts.after_capital))


def introduced_as_name(acronym: str) -> bool:
    """Introduced in the archive after a capitalised name that it abbreviates. Two letters are
    more often an abbreviation of common nouns (``KN``, complaints; ``PV``, reporter) than a
    name: without this evidence they name nothing."""
    counts = acronym_counts().get(acronym)
    return bool(counts and counts.after_capital > counts.after_lower)


_POSITIONAL = re.compile(r"(?:^|[.!?:;\"“”'‘’(\[…*•]\s*|\n\s*)$")


def positional_capital(text: str, start: int) -> bool:
    """True when the word at ``start`` is capitalised by position: where a text, line, sentence,
    quotation or bracket starts, or after a colon (``shared/eval/CONVENTIONS.md``)."""
    return bool(_POSITIONAL.search(text[max(0, start - 3) : start]))
