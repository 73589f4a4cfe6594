import re

from helpers.frequency import (
    collocations,
    dispersion,
    dispersion_measures,
    gloss,
    keyness,
    kwic,
    reference_frequency,
    syllable_frequencies,
    syllable_vs_word_counts,
    word_frequencies,
)
from helpers.themes import (
    NO_THEME_COLOUR,
    dominant_theme,
    lexicon,
    theme_colours,
    theme_hits,
    theme_labels,
    theme_scores,
    themes,
)


def test_word_frequencies(statement_analysis):
    table = word_frequencies(statement_analysis).set_index("word")
    assert table.loc["khủng bố", "count"] == 5
    assert table.loc["hợp tác", "count"] == 8
    assert "bố" not in table.index
    assert "và" not in table.index  # a stopword
    counts = list(word_frequencies(statement_analysis)["count"])
    assert counts == sorted(counts, reverse=True)


def test_stopwords_can_be_kept(statement_analysis):
    table = word_frequencies(statement_analysis, stopwords=False).set_index("word")
    assert table.loc["và", "count"] == 33


def test_syllables_split_words(statement_analysis):
    sylls = syllable_frequencies(statement_analysis).set_index("syllable")
    assert sylls.loc["bố", "count"] == 6
    row = syllable_vs_word_counts(statement_analysis, ["bố"]).iloc[0]
    assert (row["as word"], row["as syllables"]) == (0, 6)
    assert row["inside words"] == "khủng bố ×5, tuyên bố ×1"


def test_collocations(statement_analysis):
    pairs = collocations(statement_analysis, min_count=2)
    top = pairs.iloc[0]
    assert (top["first"], top["second"], top["count"]) == ("bộ trưởng", "ngoại giao", 5)
    assert (pairs["count"] >= 2).all()
    assert pairs["log_likelihood"].is_monotonic_decreasing


def test_theme_taxonomy_is_documented():
    table = themes()
    assert list(table["theme"]) == [
        "security",
        "peace",
        "maritime",
        "sovereignty",
        "trade",
        "development",
        "climate",
        "culture",
        "citizens",
        "party",
        "multilateral",
        "relations",
    ]
    assert table["theme"].is_unique and (table["description"].str.len() > 20).all()
    colours = theme_colours()
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours.values())
    assert len(set(colours.values())) == len(colours) and NO_THEME_COLOUR not in colours.values()
    lex = lexicon()
    assert set(lex["theme"]) == set(table["theme"])
    assert (lex["gloss"].str.len() > 0).all() and lex["cue"].str.lower().is_unique
    assert theme_labels()["maritime"] == "Maritime & territorial issues"


def test_no_theme_cue_is_a_name():
    """Countries, places, organisations and projects are the entity layer's, not themes'."""
    from babel import Locale

    countries = {name.lower() for name in Locale("vi").territories.values()}
    assert [cue for cue in lexicon()["cue"] if cue.lower() in countries] == []
    for name in ("CPEC", "Afghanistan", "ASEAN", "Liên Hợp Quốc", "Biển Đông", "Đài Loan"):
        assert name.lower() not in set(lexicon()["cue"].str.lower())


def test_every_cue_is_found_as_written():
    """A cue the segmenter never keeps whole would silently never match."""
    for cue in lexicon()["cue"]:
        hits = theme_hits(f"Hai bên bàn về {cue} trong cuộc họp.")
        assert cue.lower() in list(hits["cue"].str.lower()), cue


def test_a_capitalised_cue_inside_a_sentence_is_part_of_a_name():
    assert theme_hits("Người phát ngôn Bộ Ngoại giao Mỹ khẳng định như vậy.").empty
    assert list(theme_hits("Ngoại giao là kênh quan trọng.")["theme"]) == ["relations"]
    assert list(theme_hits("Ông hội kiến Đại sứ Nhật Bản.")["theme"]) == ["relations"] * 2
    assert list(theme_hits("Hai bên hợp tác về an ninh lương thực.")["theme"]) == ["development"]


def test_themes_of_diplomatic_news():
    text = (
        "Hai bên nhất trí tăng cường hợp tác ứng phó biến đổi khí hậu, thúc đẩy mở cửa thị "
        "trường cho nông sản và sử dụng hiệu quả vốn vay ODA. Hai bên nhấn mạnh tầm quan trọng "
        "của hòa bình, tự do hàng hải trên Biển Đông."
    )
    themes_found = set(theme_hits(text)["theme"])
    assert {"climate", "trade", "development", "peace", "maritime"} <= themes_found


def test_theme_cues_match_whole_words_only():
    hits = theme_hits("Ông bố nói về an ninh mạng.")
    assert list(hits["cue"]) == ["an ninh mạng"]


def test_theme_scores(statement_analysis):
    scores = theme_scores(statement_analysis)
    # the title and eight body paragraphs, with their ids in the document (4 is the photo caption)
    assert list(scores.index) == [0, 1, 2, 3, 5, 6, 7, 8, 9]
    assert list(scores.columns) == list(theme_labels())
    assert scores.loc[1, "security"] == scores.loc[1].max() > 0
    assert scores.loc[0, "security"] == 1  # the headline: "chống khủng bố", counter-terrorism
    # a strategic dialogue: relations first (talks, partnership, anniversary), then security
    totals = scores.sum().sort_values(ascending=False, kind="stable")
    assert list(totals.index[:2]) == ["relations", "security"]
    assert dominant_theme(theme_hits(statement_analysis)) == "relations"


def test_glosses():
    assert gloss("khủng bố") == "terrorism"
    assert gloss("Trung Quốc") == "China"
    assert gloss("không-có-trong-từ-điển") == ""


def test_kwic_matches_whole_words_only(statement_analysis):
    assert kwic(
        statement_analysis, "bố"
    ).empty  # "bố" (father) only ever occurs inside longer words
    rows = kwic(statement_analysis, "khủng bố", width=30)
    assert len(rows) == 5
    first = rows.iloc[1]
    assert (first["left"], first["keyword"], first["right"]) == (
        "nhượng đối với chủ nghĩa",
        "khủng bố",
        ", cam kết tăng cường hợp tác",
    )
    text = statement_analysis.text
    assert text[first["start"] : first["start"] + len("khủng bố")] == "khủng bố"


def test_kwic_multi_word_terms_and_case():
    text = "Hành lang kinh tế mới. Dự án hành lang kinh tế được thúc đẩy."
    rows = kwic(text, "hành lang kinh tế", width=10)
    assert list(rows["keyword"]) == ["Hành lang kinh tế", "hành lang kinh tế"]
    assert list(rows["start"]) == [0, 29]
    assert rows.iloc[1]["left"] == "Dự án"  # cut at a syllable boundary, within 10 characters


def test_dispersion_positions_and_dp(statement_analysis):
    where = dispersion(statement_analysis, ["khủng bố", "Afghanistan"])
    assert list(where["term"]).count("khủng bố") == 5
    assert where["position"].between(0, 1).all()
    assert where["start"].is_monotonic_increasing
    measures = dispersion_measures(statement_analysis, ["Pakistan", "khủng bố"]).set_index("term")
    assert measures.loc["Pakistan", "paragraphs"] == 9
    # Pakistan is named throughout; terrorism is concentrated in three paragraphs.
    assert measures.loc["Pakistan", "dp"] < measures.loc["khủng bố", "dp"]


def test_keyness_against_general_vietnamese(statement_analysis):
    table = keyness(statement_analysis)
    assert list(table["word"][:5]) == [
        "Pakistan",
        "Afghanistan",
        "Trung Quốc",
        "ngoại giao",
        "khủng bố",
    ]
    top = table.iloc[0]
    assert top["count"] == 15 and top["log_likelihood"] > 100 and top["log_ratio"] > 10
    assert (table["count"] >= 2).all()
    assert table.loc[table["log_ratio"] > 0, "log_likelihood"].is_monotonic_decreasing


def test_reference_frequency_of_compounds_is_bounded_by_its_syllables():
    # the rarer syllable's frequency: an upper bound on the word's own
    assert reference_frequency("khủng bố") == min(
        reference_frequency("khủng"), reference_frequency("bố")
    )
    assert reference_frequency("không-có-trong-từ-điển") > 0  # the list's floor, not zero


def test_keyness_against_another_document(statement_analysis):
    other = "Việt Nam và Nhật Bản nhất trí tăng cường hợp tác kinh tế. " * 20
    table = keyness(statement_analysis, reference=other, min_count=5).set_index("word")
    assert table.loc["Pakistan", "log_ratio"] > 0
    assert table.loc["Pakistan", "reference_per_million"] == 0
    same = keyness(statement_analysis, reference=statement_analysis)
    assert (same["log_likelihood"].abs() < 1e-9).all()


def test_glossary_covers_frequent_words_and_every_theme_cue(statement_analysis):
    assert all(gloss(cue) for cue in lexicon()["cue"])
    top = word_frequencies(statement_analysis)["word"][:40]
    assert [w for w in top if not gloss(w) and not w[:1].isdigit()] == []


def test_kwic_keeps_a_whole_word_at_the_edge_of_the_window():
    rows = kwic("Hai nước ký kết hiệp định thương mại tự do.", "hiệp định", width=13)
    assert (rows.iloc[0]["left"], rows.iloc[0]["right"]) == ("nước ký kết", "thương mại")


def test_urls_emails_and_numbers_stay_out_of_word_frequencies():
    text = (
        "Bộ Ngoại giao đăng thông cáo tại https://www.mofa.gov.vn/vi/tin-tuc và "
        "www.mofa.gov.vn; liên hệ bao-chi@mofa.gov.vn. Kim ngạch đạt 1.000.000 USD, tăng 3,5% "
        "so với ngày 12/3/2026. Thông cáo nói về hợp tác kinh tế."
    )
    for stop in (True, False):
        words = set(word_frequencies(text, stopwords=stop)["word"])
        assert not words & {
            "https://www.mofa.gov.vn/vi/tin-tuc",
            "www.mofa.gov.vn",
            "bao-chi@mofa.gov.vn",
            "1.000.000",
            "3,5",
            "12/3/2026",
        }, words
        assert not any(part in words for part in ("https://www", "mofa", "gov", "vn", "com"))
        assert "thông cáo" in words and "kinh tế" in words
