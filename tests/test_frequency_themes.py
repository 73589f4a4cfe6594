from helpers.frequency import (
    collocations,
    gloss,
    syllable_frequencies,
    syllable_vs_word_counts,
    word_frequencies,
)
from helpers.themes import lexicon, theme_hits, theme_scores


def test_word_frequencies(statement):
    table = word_frequencies(statement).set_index("word")
    assert table.loc["khủng bố", "count"] == 5
    assert table.loc["hợp tác", "count"] == 8
    assert "bố" not in table.index
    assert "và" not in table.index  # a stopword
    counts = list(word_frequencies(statement)["count"])
    assert counts == sorted(counts, reverse=True)


def test_stopwords_can_be_kept(statement):
    table = word_frequencies(statement, stopwords=False).set_index("word")
    assert table.loc["và", "count"] == 33


def test_syllables_split_words(statement):
    sylls = syllable_frequencies(statement).set_index("syllable")
    assert sylls.loc["bố", "count"] == 6
    row = syllable_vs_word_counts(statement, ["bố"]).iloc[0]
    assert (row["as word"], row["as syllables"]) == (0, 6)
    assert row["inside words"] == "khủng bố ×5, tuyên bố ×1"


def test_collocations(statement):
    pairs = collocations(statement, min_count=2)
    top = pairs.iloc[0]
    assert (top["first"], top["second"], top["count"]) == ("bộ trưởng", "ngoại giao", 5)
    assert (pairs["count"] >= 2).all()
    assert pairs["log_likelihood"].is_monotonic_decreasing


def test_theme_lexicon_is_documented():
    lex = lexicon()
    assert set(lex["theme"]) == {
        "security",
        "economy",
        "relations",
        "region",
        "sovereignty",
        "multilateral",
    }
    assert (lex["gloss"].str.len() > 0).all()


def test_theme_cues_match_whole_words_only():
    hits = theme_hits("Ông bố nói về an ninh mạng.")
    assert list(hits["cue"]) == ["an ninh mạng"]


def test_theme_scores(statement):
    scores = theme_scores(statement)
    assert len(scores) == 9  # title and eight body paragraphs
    assert scores.loc[1, "security"] == 4
    assert scores.loc[8, "sovereignty"] == scores.loc[8].max()
    assert scores["economy"].idxmax() == 4


def test_glosses():
    assert gloss("khủng bố") == "terrorism"
    assert gloss("Trung Quốc") == "China"
    assert gloss("không-có-trong-từ-điển") == ""
