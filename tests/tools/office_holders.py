"""Mine office holders from the news archive: who the press names with a state office and a country.

Run from the project root with the project's environment:

    .venv/bin/python tests/tools/office_holders.py [--archive PATH]

It reads the 2017 baomoi.com news archive (``shared/news-archive/baomoi-2017.jsonl.xz``, 35,424
articles; read in place, never copied into the project) once and writes
``helpers/data/office_holders.tsv``: each person's name as the press writes it, with the country
their office belongs to, from two patterns:

- ``<title> [capitalised words] <country> <Name>``: "Bộ trưởng Quốc phòng Mỹ James Mattis",
  "Chủ tịch Hạ viện Belarus Vladimir Andreichenko" (the title from ``data/state_titles.tsv``);
- ``<Name>, <title> [capitalised words] <country>``: "Rex Tillerson, Ngoại trưởng Mỹ";

and, for Vietnam, a title with no country before a Vietnamese name ("Phó Thủ tướng Vương Đình
Huệ": Vietnamese reporting names the country only for foreign officials). A name is kept when it
was seen in at least ``MIN_ARTICLES`` articles and one country has at least ``MIN_SHARE`` of
them, and the name has two or more words (one word, "Khalid", fits too many people) and is not
read as a place or a body by ``helpers.entities``; an office held in another country ("Đại sứ
Nga tại Mỹ Sergei Kislyak", Russia's ambassador to the United States) gives no country. The file
records the articles of that country and of all countries, so a reader can judge.
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from checkout import ROOT  # also puts this checkout's helpers first on sys.path

ARCHIVE = ROOT.parent / "shared" / "news-archive" / "baomoi-2017.jsonl.xz"
OUTPUT = ROOT / "helpers" / "data" / "office_holders.tsv"
MIN_ARTICLES = 3  # articles naming the person with an office and a country
MIN_SHARE = 0.8  # of them, the share of the one country kept
_MAX_NAME_WORDS = 4
_MAX_BETWEEN = 5  # capitalised words between a title and its country ("Hạ viện", "Quốc phòng")

HEADER = """\
# Office holders mined from the 2017 news archive by tests/tools/office_holders.py (regenerate
# with it; do not edit by hand). Read by helpers.commitments: a person named without a country
# ("Thượng nghị sỹ John McCain khẳng định", Senator John McCain affirmed) speaks for the country
# of the office the press names them with elsewhere (conventions 22). Source: the 35,424
# articles of shared/news-archive/baomoi-2017.jsonl.xz (baomoi.com, 2017), patterns "<title>
# <country> <Name>", "<Name>, <title> <country>" and, for Vietnam, "<title> <Vietnamese name>",
# titles from data/state_titles.tsv; an office held in another country ("Đại sứ Nga tại Mỹ") is not
# read. Kept: names of two or more words that helpers.entities does not read as a place or a body,
# seen in at least {min_articles} articles, one country at least {share:.0%} of them.
# Columns: name, country (CLDR English short name), articles (naming the name with an office of
# that country), all_articles (with an office of any country).
name\tcountry\tarticles\tall_articles
"""


def _titles() -> list[str]:
    from helpers.paths import read_data_lines

    return [line.split("\t")[0] for line in read_data_lines("state_titles.tsv")[1:]]


def _countries() -> dict[str, str]:
    """Surface form of a country in Vietnamese → its CLDR English name."""
    from babel import Locale

    from helpers.entities import gazetteer
    from helpers.entities.gazetteers import title_countries

    names = {n for code, n in Locale("en").territories.items() if code.isalpha()}
    found = {s: e.canonical for s, e in gazetteer().items() if e.label == "LOC"}
    found = {s: c for s, c in found.items() if c in names and s[:1].isupper()}
    return found | {s: c for s, c in title_countries().items() if c in names}


@cache
def _not_people() -> frozenset[str]:
    """Names the gazetteer lists as no person (places, bodies, media: "Hà Nội", "CNN")."""
    from helpers.entities import gazetteer

    return frozenset(s for s, e in gazetteer().items() if e.label != "PER")


def _plausible(name: str) -> bool:
    """Could ``name`` be a person's? Not a listed place or body, nor start with one ("Hà Nội
    Nguyễn Đức", read after "Chủ tịch"), nor an acronym or an initial, nor one Vietnamese
    syllable ("Việt", a given name cut from its family name)."""
    from helpers.orthography import is_native_syllable

    words = name.split()
    # (a one-word prefix may be a given name that is also a city: "Vladimir")
    if any(" ".join(words[:k]) in _not_people() for k in [*range(2, len(words)), len(words)]):
        return False
    if len(words) == 1:
        word = words[0]
        return len(word) > 2 and not word.isupper() and not is_native_syllable(word.lower())
    return True


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WORD = r"[^\W\d_][\w]*(?:-[\w]+)*"
_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
_CAP = rf"(?=[{_UPPER}])" + _WORD  # a capitalised word
# an initial may stand for the given name ("Thủ tướng Bê-la-rút A. Cô-bi-a-cốp")
_NAME = rf"(?:[{_UPPER}]\. ?)?{_CAP}(?: {_CAP}){{0,{_MAX_NAME_WORDS - 1}}}"
_HONORIFIC = r"(?:(?:Ngài|ngài|ông|bà) )?"  # "Chủ tịch ... Belarus Ngài V. Andreichenko"


def patterns(titles: list[str], countries: dict[str, str]) -> tuple[re.Pattern, ...]:
    # a title also in lower case inside a sentence ("dẫn lời người phát ngôn Bộ Ngoại giao Mỹ")
    title = _alternation({form for t in titles for form in (t, t[:1].lower() + t[1:])})
    country = _alternation(countries)
    # a portfolio or body between ("Quốc phòng", "Hạ viện"): words, no punctuation, the last
    # one in lower case ("Phó Thủ tướng Vũ Đức Đam" is no minister of Germany, Đức)
    between = rf"(?P<between>(?:{_WORD} ){{0,{_MAX_BETWEEN - 1}}}(?!{_CAP})[\w-]+ )?"
    before = re.compile(
        rf"(?<![\w-])(?:{title}) {between}(?P<country>{country})(?: [-–])? {_HONORIFIC}(?P<name>{_NAME})(?![\w-])"
    )
    after = re.compile(
        rf"(?<![\w-])(?P<name>{_NAME}), (?:{title}) {between}(?P<country>{country})(?![\w-])"
    )
    bare = re.compile(rf"(?<![\w-])(?:{title}) (?P<name>{_NAME})(?![\w-])")
    return before, after, bare


def _vietnamese(name: str) -> bool:
    from helpers.entities import vietnamese_family_names
    from helpers.orthography import is_native_syllable

    words = name.split()
    return (
        2 <= len(words) <= 4
        and words[0] in vietnamese_family_names()
        and all(is_native_syllable(w.lower()) for w in words)
    )


def _hosted(between: str, countries: dict[str, str]) -> bool:
    """Does the text between a title and its country hold another country or "tại" (in)? Then the
    country read is where the office is held ("Đại sứ Nga tại Mỹ", Russia's ambassador to the
    United States), not whose it is."""
    words = between.split()
    return "tại" in words or any(
        " ".join(words[i:j]) in countries
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    )


def _read_as_no_person(name: str) -> bool:
    """Does the project's extractor read ``name``, as the subject of a plain sentence ("X nói
    rằng ...", X said that ...), as a place, a body or a work? Drops what the gazetteer lacks
    ("Hong Kong", "Fox News", "Báo Nhân Dân"); a foreign name it cannot type is kept."""
    from helpers.entities import extract

    text = f"{name} nói rằng hai bên sẽ hợp tác."
    return any(e.label != "PER" and e.start < len(name) for e in extract(text))


def article_holders(text: str, compiled, countries: dict[str, str]) -> set[tuple[str, str]]:
    """The (name, country) pairs one article gives."""
    before, after, bare = compiled
    found = set()
    for pattern in (before, after):
        for m in pattern.finditer(text):
            name = m.group("name")
            first = name.split()[0]
            if first in countries or f"{m.group('country')} {first}" in countries:
                continue  # "Việt Nam - Nga Nguyễn ...", a pair; "Hàn" + "Quốc", one country
            if _hosted(m.group("between") or "", countries):
                continue  # "Đại sứ Nga tại Mỹ Sergei Kislyak": the country after "tại" hosts
            if _plausible(name):
                found.add((name, countries[m.group("country")]))
    for m in bare.finditer(text):
        name = m.group("name")
        if _vietnamese(name) and _plausible(name):
            found.add((name, "Vietnam"))
    return found


def mine(archive: Path) -> list[tuple[str, str, int, int]]:
    countries = _countries()
    compiled = patterns(_titles(), countries)
    counts: dict[str, Counter] = defaultdict(Counter)
    with lzma.open(archive, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = unicodedata.normalize("NFC", f"{record.get('title') or ''}\n{record['text']}")
            for name, country in article_holders(text, compiled, countries):
                counts[name][country] += 1
    rows = []
    for name, by_country in counts.items():
        total = sum(by_country.values())
        country, n = max(by_country.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= MIN_ARTICLES and n / total >= MIN_SHARE and name not in countries:
            rows.append((name, country, n, total))
    # a one-word name ("Khalid", "Warmbier") or a cut one ("Donald J") fits too many people
    rows = [
        row
        for row in rows
        if len(row[0].split()) >= 2
        and len(row[0].split()[-1]) > 1
        and not _read_as_no_person(row[0])
    ]
    return sorted(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    args = parser.parse_args()
    rows = mine(args.archive)
    tmp = OUTPUT.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write(HEADER.format(min_articles=MIN_ARTICLES, share=MIN_SHARE))
        for row in rows:
            out.write("\t".join(map(str, row)) + "\n")
    tmp.replace(OUTPUT)
    print(f"{len(rows)} office holders written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
