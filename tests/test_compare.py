from helpers.compare import entity_comparison, overview, theme_profile
from helpers.corpus import load_document


def _other(tmp_path):
    path = tmp_path / "vn-jp.txt"
    path.write_text(
        "Việt Nam và Nhật Bản tăng cường hợp tác kinh tế\n"
        "Hai bên nhất trí thúc đẩy đầu tư và thương mại. Nhật Bản ủng hộ Việt Nam.\n",
        encoding="utf-8",
    )
    return load_document(path)


def test_overview_and_entity_rates(statement, tmp_path):
    docs = [statement, _other(tmp_path)]
    table = overview(docs)
    assert list(table.index) == [statement.id, "vn-jp"]
    assert table.loc[statement.id, "top entity"] == "Pakistan"
    rates = entity_comparison(docs, top=2)
    assert set(rates.columns) == {statement.id, "vn-jp"}
    assert rates.loc["Pakistan", "vn-jp"] == 0
    words = table.loc[statement.id, "words (title and body)"]
    # 11 mentions of Pakistan as a name of its own (not inside "Hành lang Kinh tế Trung
    # Quốc-Pakistan") per 1,000 words of the statement
    assert abs(rates.loc["Pakistan", statement.id] - 11 * 1000 / words) < 1e-9
    assert rates.loc["Vietnam", "vn-jp"] > 0


def test_theme_profile_is_per_thousand_words(statement, tmp_path):
    profile = theme_profile([statement, _other(tmp_path)])
    assert list(profile.columns)[:2] == ["security", "peace"]
    assert profile.loc["vn-jp", "security"] == 0
    assert profile.loc["vn-jp", "trade"] > profile.loc[statement.id, "trade"]


def test_a_comparison_needs_two_documents():
    import pytest

    from helpers.compare import documents

    with pytest.raises(ValueError, match="two or more document ids"):
        documents(["cn-pk-strategic-dialogue-2026-01-04", "cn-pk-strategic-dialogue-2026-01-04"])
    assert [d.id for d in documents(["cn-pk-strategic-dialogue-2026-01-04", "wiki-karakoram"])] == [
        "cn-pk-strategic-dialogue-2026-01-04",
        "wiki-karakoram",
    ]
