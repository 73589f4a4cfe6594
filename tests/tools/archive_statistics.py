"""Regenerate the entity extractor's archive statistics (``helpers/data/archive_*.tsv``).

Run from the project root with the project's environment:

    .venv/bin/python tests/tools/archive_statistics.py [--archive PATH] [--codes | --head-persons |
        --org-continuations]

It reads the 2017 baomoi.com news archive (``shared/news-archive/baomoi-2017.jsonl.xz``, 35,424
articles; never copied into the project) once and writes three tables that no hand list gives:

- ``archive_case.tsv``: for each syllable, how often it is written in lower case, with a capital
  and in capitals *in mid-sentence* (after a word and a space), and with a capital where a
  sentence, headline or quotation starts. A syllable that is capitalised at the start of
  sentences but almost always lower case inside them is a common word (``Phiên``, session;
  ``Nhằm``, in order to), whatever the CRF says; one written in capitals inside sentences but
  in lower case elsewhere is emphasis (``BIẾT``), not an acronym.
- ``archive_heads.tsv``: the heads that begin capitalised names in mid-sentence: a capitalised
  syllable that is otherwise a common word, with the lower-case syllables after it, followed by
  a capitalised name (``Ủy ban nhân dân`` + ``tỉnh``..., ``Diễn đàn`` + ``Kinh tế``...), with how
  many distinct names each begins.
- ``archive_names.tsv`` (a second pass): every unlisted capitalised name seen at least five
  times, with the votes of the contexts before its occurrences: ``Sony`` after ``hãng`` is an
  organisation, ``Obama`` after ``ông`` a person, whichever sentence a user brings.
- ``archive_acronyms.tsv``: acronyms with how often they are introduced after a lower-case word
  (``khiếu nại (KN)``, complaints: not a name) or capitalised ones spelling its initials, and how often a name follows.
- ``archive_contexts.tsv``: the lower-case word before a name, counted separately before names
  whose type the gazetteers or the shape already give (PER: a Vietnamese family name and given
  names, or a listed person; LOC: a listed place; ORG: a listed organisation or an organisation
  head). A context that precedes one type almost always (``cầu thủ``, footballer; ``tỉnh``,
  province) types the unknown names after it.

Two further tables are written only on request, each by its own pass:

- ``--head-persons`` writes ``archive_head_persons.tsv``: for each head of ``archive_heads.tsv``,
  how often a Vietnamese person's name follows it (``Luật sư``, lawyer, is a profession, not the
  head of a law's name).
- ``--org-continuations`` writes ``archive_org_continuations.tsv``: the lower-case word (in
  underthesea's words) after an organisation's capitalised name, and how often the words from it
  go on to a listed place that ends the name (a description inside the body's name) rather than
  open a clause.

The articles of the annotated evaluation sets (``tests/data/entities-archive-*.jsonl``, and any
``--exclude`` file of ids) are left out, so that no statistic is drawn from evaluation text.
"""

from __future__ import annotations

import argparse
import json
import lzma
import re
import sys
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import checkout  # noqa: F401  (puts this checkout's helpers first on sys.path)

from helpers.entities.gazetteers import cues, gazetteer, vietnamese_family_names
from helpers.paths import PROJECT_ROOT
from helpers.tokens import is_native_syllable

DATA = PROJECT_ROOT / "helpers" / "data"
DEFAULT_ARCHIVE = PROJECT_ROOT.parent / "shared" / "news-archive" / "baomoi-2017.jsonl.xz"
SOURCE = "baomoi.com 2017 crawl (magizbox/scraper, commit 3387ada), 35,424 articles"

# A syllable: letters (with inner apostrophes) or a number glued to letters (G20).
SYLLABLE = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")
# Thresholds that keep the tables small; the extractor applies its own on the counts.
MIN_SYLLABLE_COUNT = 20
MIN_HEAD_NAMES = 15
MIN_CONTEXT_COUNT = 30
MIN_NAME_COUNT = 5
DOMINANT_SHARE = 0.8
TYPES = ("PER", "LOC", "ORG")
MAX_NAME_SYLLABLES = 4
ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ0-9&]{1,7}")
ACRONYM_IN_BRACKETS = re.compile(r"(\w+) \(([A-ZĐ][A-ZĐ0-9&]{1,7})\)")
MIN_ACRONYM_COUNT = 10


def articles(path: Path, exclude: set[str]):
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            if article["id"] not in exclude:
                yield article["text"]


def excluded_ids(extra: list[Path]) -> set[str]:
    ids: set[str] = set()
    for path in sorted((PROJECT_ROOT / "tests" / "data").glob("entities-archive-*.jsonl")):
        with open(path, encoding="utf-8") as f:
            ids |= {json.loads(line)["id"] for line in f if line.strip()}
    for path in extra:
        data = json.loads(path.read_text(encoding="utf-8"))
        ids |= {item if isinstance(item, str) else item[-1] for item in data}
    return ids


def words_of(line: str):
    """(syllable, start, end, mid) for each syllable; ``mid`` when a word and one space precede."""
    previous_end = None
    for m in SYLLABLE.finditer(line):
        a = m.start()
        mid = previous_end is not None and a == previous_end + 1 and line[previous_end] == " "
        yield m.group(), a, m.end(), mid
        previous_end = m.end()


def kind(syllable: str) -> str:
    if not syllable[0].isalpha():
        return "other"
    if syllable.isupper() and len(syllable) > 1:
        return "upper"
    if syllable[0].isupper():
        return "capital"
    if syllable.islower():
        return "lower"
    return "other"


def name_type(name: str, org_heads: tuple[str, ...]) -> str | None:
    """The type the gazetteers or the shape give a capitalised name, if any (seeds only)."""
    entry = gazetteer().get(name)
    if entry:
        return entry.label if entry.label in ("PER", "LOC", "ORG") else None
    parts = name.split(" ")
    if (
        2 <= len(parts) <= 4
        and parts[0] in vietnamese_family_names()
        and all(is_native_syllable(p) for p in parts)
    ):
        return "PER"
    if name.startswith(org_heads):
        return "ORG"
    return None


def collect(texts):
    case: dict[str, Counter] = defaultdict(Counter)
    heads: dict[str, set[str]] = defaultdict(set)
    head_total: Counter = Counter()
    contexts: dict[str, Counter] = defaultdict(Counter)
    acronyms: dict[str, Counter] = defaultdict(Counter)
    org_heads = tuple(h + " " for h in cues()["org_head"])
    for n, text in enumerate(texts):
        if n % 5000 == 0:
            print(f"{n} articles", file=sys.stderr)
        for line in text.split("\n"):
            sylls = list(words_of(line))
            for s, _, _, mid in sylls:
                kd = kind(s)
                if kd == "other":
                    continue
                key = s.lower()
                case[key][f"{kd}_mid" if mid else f"{kd}_start"] += 1
            # capitalised runs in mid-sentence, with the lower-case word before them
            for k, j in capitalised_runs(sylls):
                s, a = sylls[k][0], sylls[k][1]
                name = line[a : sylls[j - 1][2]]
                label = name_type(name, org_heads)
                for context in contexts_before(sylls, k):
                    if label:
                        contexts[context][label] += 1
                # a head: this capitalised syllable plus up to three lower-case ones, then a name
                h = k + 1
                while (
                    h < len(sylls) and h - k <= 3 and sylls[h][3] and kind(sylls[h][0]) == "lower"
                ):
                    h += 1
                is_head = (
                    h < len(sylls)
                    and sylls[h][3]
                    and kind(sylls[h][0]) in ("capital", "upper")
                    and s not in vietnamese_family_names()
                    and sylls[h][0] not in vietnamese_family_names()
                )
                if is_head:
                    for cut in range(k + 1, h + 1):
                        head = line[a : sylls[cut - 1][2]]
                        rest = line[sylls[cut][1] : sylls[min(cut + 2, len(sylls) - 1)][2]]
                        heads[head].add(rest)
                        head_total[head] += 1
            for m in ACRONYM_IN_BRACKETS.finditer(line):
                acronym = m.group(2)
                words = line[: m.start(2) - 1].split()[-len(acronym) :]
                initials = "".join(w[0] for w in words).upper()
                if len(words) == len(acronym) and initials == acronym:
                    lower = all(w[:1].islower() for w in words)
                    acronyms[acronym]["after_lower" if lower else "after_capital"] += 1
            for k, (s, _, _, _) in enumerate(sylls):
                if kind(s) == "upper" and ACRONYM.fullmatch(s):
                    acronyms[s]["occurrences"] += 1
                    after = sylls[k + 1] if k + 1 < len(sylls) else None
                    if after and after[3] and kind(after[0]) == "capital":
                        acronyms[s]["before_name"] += 1
                        if after[0] in vietnamese_family_names():
                            acronyms[s]["before_person"] += 1  # "HLV Nguyễn ...": a title
    return case, heads, head_total, contexts, acronyms


def capitalised_runs(sylls):
    """(first, after) syllable indices of each run of capitalised syllables in mid-sentence."""
    k = 0
    while k < len(sylls):
        if not (sylls[k][3] and kind(sylls[k][0]) == "capital"):
            k += 1
            continue
        j = k + 1
        while j < len(sylls) and sylls[j][3] and kind(sylls[j][0]) == "capital":
            j += 1
        yield k, j
        k = j


def contexts_before(sylls, k: int) -> list[str]:
    """The lower-case word before syllable k, and that word with the one before it (any case)."""
    if not (k and sylls[k][3] and kind(sylls[k - 1][0]) == "lower"):
        return []
    one = sylls[k - 1][0]
    out = [one]
    if k > 1 and sylls[k - 1][3] and kind(sylls[k - 2][0]) in ("lower", "capital"):
        out.append(f"{sylls[k - 2][0]} {one}")
    return out


def name_votes(texts, context_types: dict[str, int]):
    """Second pass: each capitalised name's contexts vote for PER, LOC and ORG."""
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for n, text in enumerate(texts):
        if n % 5000 == 0:
            print(f"{n} articles (names)", file=sys.stderr)
        for line in text.split("\n"):
            sylls = list(words_of(line))
            for k, j in capitalised_runs(sylls):
                a = sylls[k][1]
                if j - k <= MAX_NAME_SYLLABLES:
                    row = votes[line[a : sylls[j - 1][2]]]
                    row[0] += 1
                    for context in contexts_before(sylls, k):
                        if context in context_types:
                            row[1 + context_types[context]] += 1
                k = j
    return votes


def model_codes(texts, top: int = 60) -> None:
    """Print the words the extractor reads as model designations, by frequency, with the two
    words most often before each (``tên lửa``, missile; ``máy bay``, aircraft): the evidence
    for ``helpers.entities.rules.MODEL_CODE``."""
    from helpers.entities.rules import MODEL_CODE

    counts: Counter[str] = Counter()
    before: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for m in MODEL_CODE.finditer(text):
            counts[m.group()] += 1
            before[m.group()][" ".join(text[max(0, m.start() - 25) : m.start()].split()[-2:])] += 1
    print(f"{sum(counts.values())} occurrences of {len(counts)} designations")
    for code, n in counts.most_common(top):
        contexts = ", ".join(f"{c} ({k})" for c, k in before[code].most_common(2))
        print(f"{n}\t{code}\t{contexts}")


def head_persons(texts) -> list[list]:
    """For each head of ``archive_heads.tsv``, how often a capitalised name follows it in
    mid-sentence and how often that name is a Vietnamese personal name (a family name and one
    to three capitalised Vietnamese syllables): ``Luật sư`` (lawyer) + ``Nguyễn Văn Dũ`` is a
    profession before a person, not the head of a law's name (``Luật`` + ``Đầu tư``)."""
    heads = {line.split("\t")[0] for line in read_archive_heads()}
    longest = max(len(h.split(" ")) for h in heads)
    before_name: Counter[str] = Counter()
    before_person: Counter[str] = Counter()
    families = vietnamese_family_names()
    for text in texts:
        for line in text.split("\n"):
            sylls = list(words_of(line))
            for i, (syllable, _, _, mid) in enumerate(sylls):
                if not (mid and syllable[:1].isupper()):
                    continue
                for k in range(1, longest + 1):
                    if i + k >= len(sylls) or not sylls[i + k][3]:
                        break
                    head = " ".join(s[0] for s in sylls[i : i + k])
                    if head not in heads or not sylls[i + k][0][:1].isupper():
                        continue
                    before_name[head] += 1
                    name = []
                    for s, _, _, m in sylls[i + k : i + k + 4]:
                        if not (m and s[:1].isupper() and is_native_syllable(s)):
                            break
                        name.append(s)
                    if (
                        len(name) >= 2
                        and name[0] in families
                        and not any(" ".join(name[:k]) in gazetteer() for k in (2, 3, 4))
                    ):  # "Công an thành phố Hồ Chí Minh": a listed place, not a person
                        before_person[head] += 1
    return [
        [head, before_name[head], before_person[head]]
        for head in sorted(before_name, key=lambda h: (-before_name[h], h))
    ]


def org_continuations(texts) -> list[list]:
    """The lower-case word right after an organisation's capitalised name (an ``org_head`` cue
    and capitalised words, mid-sentence, in underthesea's words): how often it follows such a
    name and how often the lower-case words from it go on to a listed place that ends the name
    (``Ban Quản lý`` *đường sắt* đô thị ``TP.HCM``: a description inside the body's name;
    ``Bộ Y tế`` *phối hợp* với ...: a clause after it)."""
    from underthesea import word_tokenize

    from helpers.entities.gazetteers import gazetteer_matches

    heads = sorted((h for h in cues().get("org_head", []) if h[:1].isupper()), key=len)[::-1]
    opening = re.compile(r"(?<=[\w,] )(?:" + "|".join(map(re.escape, heads)) + r") [A-ZĐÀ-Ỹ]")
    runs: Counter[str] = Counter()
    to_place: Counter[str] = Counter()
    for text in texts:
        for line in text.split("\n"):
            for m in opening.finditer(line):
                window = line[m.start() : m.start() + 160]
                words = word_tokenize(window)
                pos, spans = 0, []
                for w in words:
                    pos = window.find(w, pos)
                    spans.append((pos, pos + len(w), w))
                    pos += len(w)
                k = 1
                while k < len(spans) and spans[k][2][:1].isupper():
                    k += 1
                if k < 2 or k >= len(spans) or not spans[k][2][:1].islower():
                    continue
                if window[spans[k - 1][1] : spans[k][0]] != " ":
                    continue
                key = spans[k][2]
                runs[key] += 1
                end = k
                while end < len(spans) and end - k < 6 and spans[end][2][:1].islower():
                    if window[spans[end - 1][1] : spans[end][0]] != " ":
                        break
                    end += 1
                if end >= len(spans) or window[spans[end - 1][1] : spans[end][0]] != " ":
                    continue
                found = gazetteer_matches(window, spans[end][0], len(window))
                if not found or found[0][0] != spans[end][0]:
                    continue
                if gazetteer()[window[slice(*found[0])]].label != "LOC":
                    continue
                after = window[found[0][1] : found[0][1] + 2]
                if not (after[:1] == " " and after[1:2].isupper()) and not after[:1].isalnum():
                    to_place[key] += 1
    return [
        [key, runs[key], to_place[key]]
        for key in sorted(runs, key=lambda w: (-runs[w], w))
        if runs[key] >= MIN_CONTINUATION_COUNT
    ]


MIN_CONTINUATION_COUNT = 5
MIN_SPORT_VOTES = 3


def sport_names(texts) -> list[list]:
    """For each capitalised name (one to four syllables, not listed, not a lone Vietnamese
    syllable or letter), how often sports news writes it as a club (after a club word of
    ``sport_contexts.tsv``: ``CLB``, ``đội bóng``, ``khoác áo``; on either side of a scoreline
    between two names), as a national team (after ``tuyển``, ``ĐT``: a country the
    gazetteers spell otherwise, ``Italia``), as a player or coach (after a player word:
    ``tiền đạo``, forward; ``HLV``, coach) and, in any news, as a place (after a place noun:
    ``tỉnh``, province). The archive's usual votes come from prepositions
    (``đến``, ``rời``, ``trước``), which in sports news precede clubs and players as often as
    places. A name before a club suffix (``Gangwon FC``) gets no vote: the suffix belongs to
    the club's name, and the name alone is its place."""
    from helpers.paths import read_data_lines

    rows = [line.split("\t") for line in read_data_lines("sport_contexts.tsv")[1:]]
    club_cues = {context for context, kind in rows if kind == "club"}
    player_cues = {context for context, kind in rows if kind == "player"}
    national_cues = {context for context, kind in rows if kind == "national"}
    club_suffixes = {context for context, kind in rows if kind == "club_suffix"}
    place_cues = {context for context, kind in rows if kind == "place"}
    # "vs" also stands between two players ("Messi vs Ronaldo"): only scorelines make a fixture
    fixture_pattern = re.compile(
        " (?:" + "|".join(context for context, kind in rows if kind == "scoreline") + ") "
    )
    occurrences: Counter[str] = Counter()
    national: Counter[str] = Counter()
    club: Counter[str] = Counter()
    player: Counter[str] = Counter()
    place: Counter[str] = Counter()
    for text in texts:
        for line in text.split("\n"):
            sylls = list(words_of(line))
            runs = []
            k = 0
            while k < len(sylls):
                if kind(sylls[k][0]) != "capital":
                    k += 1
                    continue
                j = k + 1
                while j < len(sylls) and sylls[j][3] and kind(sylls[j][0]) == "capital":
                    j += 1
                runs.append((sylls[k][1], sylls[j - 1][2], j - k))
                k = j
            fixture = set()
            for (a1, b1, _), (a2, b2, _) in pairwise(runs):
                if fixture_pattern.fullmatch(line[b1:a2]):
                    fixture |= {(a1, b1), (a2, b2)}
            for a, b, length in runs:
                name = line[a:b]
                if (
                    length > MAX_NAME_SYLLABLES
                    or name in gazetteer()
                    or (length == 1 and (is_native_syllable(name) or len(name) == 1))
                ):
                    continue
                occurrences[name] += 1
                following = line[b : b + 12].split()
                if line[b : b + 1] == " " and following and following[0] in club_suffixes:
                    continue
                before = line[max(0, a - 30) : a].split() if line[a - 1 : a] == " " else []
                contexts = {" ".join(before[-n:]) for n in (2, 1) if len(before) >= n}
                if contexts & place_cues:
                    place[name] += 1
                elif contexts & national_cues:
                    national[name] += 1
                elif (a, b) in fixture or contexts & club_cues:
                    club[name] += 1
                elif contexts & player_cues:
                    player[name] += 1
    return [
        [name, occurrences[name], club[name], national[name], player[name], place[name]]
        for name in sorted(occurrences, key=lambda n: (-occurrences[n], n))
        if club[name] + player[name] + national[name] >= MIN_SPORT_VOTES
    ]


def read_archive_heads() -> list[str]:
    path = DATA / "archive_heads.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")][1:]


def write(path: Path, header: list[str], columns: list[str], rows: list[list]) -> None:
    lines = [f"# {h}" for h in header] + ["\t".join(columns)]
    lines += ["\t".join(str(x) for x in row) for row in rows]
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument(
        "--codes",
        action="store_true",
        help="only print the model designations (S-400, Su-22) with the words before them",
    )
    parser.add_argument(
        "--head-persons",
        action="store_true",
        help="only write archive_head_persons.tsv (how often a person's name follows each head)",
    )
    parser.add_argument(
        "--org-continuations",
        action="store_true",
        help="only write archive_org_continuations.tsv (lower-case words after a body's name)",
    )
    parser.add_argument(
        "--sport-names",
        action="store_true",
        help="only write archive_sport_names.tsv (names written as clubs or as players)",
    )
    args = parser.parse_args()
    exclude = excluded_ids(args.exclude)
    requested = {
        "sport_names": (
            "archive_sport_names.tsv",
            [
                "Capitalised names (one to four syllables) that the gazetteers do not list, with their",
                "occurrences and how often sports news writes them as a club (after a club word of",
                "sport_contexts.tsv such as CLB, đội bóng, khoác áo; beside a scoreline:",
                "'Chelsea 2-1 Arsenal'), as a national team (after tuyển, ĐT) or as a player or",
                "coach (after a player word such as tiền đạo, HLV). A name before a club suffix",
                "of sport_contexts.tsv ('Gangwon FC') gets no vote; place counts the uses after a",
                "place noun of sport_contexts.tsv ('tỉnh Gangwon', Gangwon province). Names with",
                "fewer than 3 club, national or player uses are left out.",
            ],
            ["name", "occurrences", "club", "national", "player", "place"],
            sport_names,
        ),
        "org_continuations": (
            "archive_org_continuations.tsv",
            [
                "The lower-case word (underthesea's word segmentation) right after an organisation's",
                "capitalised name (an org_head cue of entity_cues.tsv and capitalised words,",
                "mid-sentence): how often it follows such a name (runs) and how often the lower-case",
                "words from it go on to a listed place that ends the name (to_place: 'Ban Quản lý",
                "đường sắt đô thị TP.HCM', a description inside the body's name; 'Bộ Y tế phối hợp",
                "với ...' is a clause). Runs seen fewer than 5 times are left out.",
            ],
            ["words", "runs", "to_place"],
            org_continuations,
        ),
        "head_persons": (
            "archive_head_persons.tsv",
            [
                "Heads of archive_heads.tsv with how often a capitalised name follows them in",
                "mid-sentence (before_name) and how often that name is a Vietnamese personal name",
                "(a family name and one to three capitalised Vietnamese syllables, not a listed name",
                "such as Hồ Chí Minh; before_person). A head mostly before persons is a profession or",
                "title ('Luật sư', lawyer), not the head of a name ('Luật Đầu tư', the Investment Law).",
            ],
            ["head", "before_name", "before_person"],
            head_persons,
        ),
    }
    for option, (name, header, columns, table) in requested.items():
        if getattr(args, option):
            source = f"Source: {SOURCE}, less the {len(exclude)} articles of the annotated evaluation sets."
            made = f"Made by tests/tools/archive_statistics.py --{option.replace('_', '-')} (do not edit by hand)."
            write(
                DATA / name,
                [*header, source, made],
                columns,
                table(articles(args.archive, exclude)),
            )
            return
    if args.codes:
        model_codes(articles(args.archive, exclude))
        return
    case, heads, head_total, contexts, acronyms = collect(articles(args.archive, exclude))
    provenance = [
        f"Source: {SOURCE}, less the {len(exclude)} articles of the annotated evaluation sets.",
        "Made by tests/tools/archive_statistics.py (rerun it to regenerate; do not edit by hand).",
    ]
    columns = [
        "lower_mid",
        "capital_mid",
        "upper_mid",
        "lower_start",
        "capital_start",
        "upper_start",
    ]
    rows = []
    for syllable in sorted(case):
        counts = case[syllable]
        if sum(counts.values()) >= MIN_SYLLABLE_COUNT:
            rows.append([syllable, *(counts[c] for c in columns)])
    write(
        DATA / "archive_case.tsv",
        [
            "How each syllable (lower-cased) is written in the archive: lower case, capitalised or",
            "in capitals, in mid-sentence (after a word and a space) or where a sentence, line or",
            "quotation starts. Syllables seen fewer than 20 times are left out.",
            *provenance,
        ],
        ["syllable", *columns],
        rows,
    )
    head_rows = [
        [head, len(names), head_total[head]]
        for head, names in heads.items()
        if len(names) >= MIN_HEAD_NAMES
        and case[head.split(" ")[0].lower()]["lower_mid"]
        > case[head.split(" ")[0].lower()]["capital_mid"]
    ]
    head_rows.sort(key=lambda r: (-r[1], r[0]))
    write(
        DATA / "archive_heads.tsv",
        [
            "Heads of capitalised names: a capitalised syllable that is more often a lower-case word",
            "in mid-sentence, with up to three lower-case syllables after it, followed by a",
            "capitalised word; the number of distinct names (first two syllables) each begins and",
            "its occurrences. Heads beginning fewer than 15 distinct names are left out.",
            *provenance,
        ],
        ["head", "names", "occurrences"],
        head_rows,
    )
    context_rows = []
    for context, counts in contexts.items():
        total = sum(counts.values())
        if total >= MIN_CONTEXT_COUNT:
            context_rows.append([context, counts["PER"], counts["LOC"], counts["ORG"]])
    context_rows.sort(key=lambda r: (-(r[1] + r[2] + r[3]), r[0]))
    write(
        DATA / "archive_contexts.tsv",
        [
            "The lower-case word (or two) right before a capitalised name in mid-sentence, counted",
            "by the type the gazetteers or the shape give the name: PER (a Vietnamese family name",
            "and given names, or a listed person), LOC (a listed place), ORG (a listed",
            "organisation or an organisation head). Contexts seen fewer than 30 times are left out.",
            *provenance,
        ],
        ["context", "PER", "LOC", "ORG"],
        context_rows,
    )
    # Contexts that type what follows: those where one type dominates in the archive, and the
    # project's cue words (a lower-case organisation intro such as "hãng", company; a place head)
    context_types = {
        row[0]: TYPES.index(max(TYPES, key=lambda t: row[1 + TYPES.index(t)]))
        for row in context_rows
        if max(row[1:]) >= DOMINANT_SHARE * sum(row[1:])
    }
    for kind, label in (("org_intro", "ORG"), ("loc_head", "LOC")):
        for cue in cues().get(kind, []):
            if cue.islower():
                context_types.setdefault(cue, TYPES.index(label))
    votes = name_votes(articles(args.archive, exclude), context_types)
    name_rows = []
    for name, (count, per, loc, org) in votes.items():
        if count >= MIN_NAME_COUNT and per + loc + org >= 1 and name not in gazetteer():
            name_rows.append([name, count, per, loc, org])
    name_rows.sort(key=lambda r: (-r[1], r[0]))
    write(
        DATA / "archive_names.tsv",
        [
            "Capitalised names (one to four syllables, mid-sentence) that the gazetteers do not list,",
            "with their occurrences and the votes of the words before them: each occurrence after a",
            "context of archive_contexts.tsv where one type has 80% or more, or after a lower-case",
            "org_intro or loc_head cue of entity_cues.tsv, is one vote for that type. Names seen",
            "fewer than 5 times or never after a typed context are left out.",
            *provenance,
        ],
        ["name", "occurrences", "PER", "LOC", "ORG"],
        name_rows,
    )
    acronym_rows = [
        [
            a,
            c["occurrences"],
            c["after_lower"],
            c["after_capital"],
            c["before_name"],
            c["before_person"],
        ]
        for a, c in acronyms.items()
        if c["occurrences"] >= MIN_ACRONYM_COUNT
    ]
    acronym_rows.sort(key=lambda r: (-r[1], r[0]))
    write(
        DATA / "archive_acronyms.tsv",
        [
            "Upper-case acronyms seen at least 10 times: occurrences, how often one is introduced in",
            "brackets after lower-case words whose initials it spells (an abbreviation of a common",
            "noun: 'khiếu nại (KN)') or after such words with capitals (a name's acronym: 'Ngân hàng",
            "Thế giới (NHTG)'), and how often a capitalised name follows",
            "it in mid-sentence (an abbreviated head: 'CTCP Đầu tư ...'), and how often that name",
            "begins with a Vietnamese family name (an abbreviated title: 'HLV Nguyễn ...').",
            *provenance,
        ],
        ["acronym", "occurrences", "after_lower", "after_capital", "before_name", "before_person"],
        acronym_rows,
    )


if __name__ == "__main__":
    main()
