"""Sentences of findings (helpers.narrative) and tables for reading (helpers.display), on the
statement and on a short document of another kind: each sentence must be true for the document."""

import re

import pandas as pd
import pytest

from helpers import narrative
from helpers.analysis import load_or_analyse, size_counts
from helpers.commitments import commitments
from helpers.display import readable_number, table_html
from helpers.entities import entity_counts, mentions
from helpers.frequency import word_frequencies
from helpers.paths import DEFAULT_DOC_ID, NOTEBOOKS_DIR
from helpers.site import execute_notebook
from helpers.themes import theme_scores

EXAMPLE = "example-vn-jp"
STATEMENT_PARTIES = re.compile(r"Pakistan|China|Trung Quốc|CPEC|Afghanistan|Wang Yi|Ishaq Dar")


@pytest.fixture(scope="module")
def statement():
    return load_or_analyse(DEFAULT_DOC_ID)


@pytest.fixture(scope="module")
def example():
    return load_or_analyse(EXAMPLE)


def test_sizes_are_the_documents_counts(statement, example):
    assert "489 words and 750 syllables" in narrative.sizes(size_counts(statement)).data
    counts = size_counts(example)
    words = int(counts["whole document"]["words"])
    assert f"{words:,} words" in narrative.sizes(counts).data
    assert "7 paragraphs" in narrative.sizes(counts).data


def test_top_entities_name_each_documents_parties(statement, example):
    assert narrative.top_entities(entity_counts(mentions(statement))).data.startswith(
        "The most named entities are Pakistan (11, LOC), China (10, LOC)"
    )
    text = narrative.top_entities(entity_counts(mentions(example))).data
    assert "Vietnam" in text and "Japan" in text and not STATEMENT_PARTIES.search(text)


def test_themes_and_commitments_follow_the_document(statement, example):
    assert (
        "Security, defence & counter-terrorism"
        in narrative.themes_by_paragraph(theme_scores(statement)).data
    )
    text = narrative.themes_by_paragraph(theme_scores(example)).data
    assert "Climate & environment" in text and "Development cooperation & aid" in text
    summary = narrative.commitments_summary(commitments(example)).data
    assert "Vietnam" in summary and "Japan" in summary and not STATEMENT_PARTIES.search(summary)


def test_words_are_glossed(example):
    text = narrative.top_words(word_frequencies(example)).data
    assert '*Việt Nam* ("Vietnam")' in text and '*Nhật Bản* ("Japan")' in text


def test_empty_tables_give_a_sentence_not_an_error():
    empty = pd.DataFrame(columns=["word", "count"])
    assert narrative.top_words(empty).data.startswith("No content word")
    assert (
        "no named entity"
        in narrative.top_entities(pd.DataFrame(columns=["entity", "label", "count"])).data
    )


def test_statement_commentary_only_for_the_statement():
    assert narrative.about_statement(DEFAULT_DOC_ID, "Pakistan and  China\n dominate.").data == (
        "Pakistan and China dominate."
    )
    assert narrative.about_statement(EXAMPLE, "Pakistan and China dominate.") is None
    assert narrative.about_statement([DEFAULT_DOC_ID, "wiki-pakistan"], "x") is not None
    assert narrative.about_statement([DEFAULT_DOC_ID, EXAMPLE], "x") is None


def test_subjects_are_counted_as_readers_count_them(statement):
    table = narrative.readable_subjects(commitments(statement), statement.mention_table()["text"])
    assert "hai bên" in set(table["subject"]) and "Hai bên" not in set(table["subject"])
    assert "Pakistan + Trung Quốc" in set(table["subject"])  # names keep their capitals


def test_numbers_for_people():
    assert readable_number(0.260148) == "0.260"
    assert readable_number(6.397182e-47, p_value=True) == "< 0.001"
    assert readable_number(20215.633423) == "20,216"
    assert readable_number(11.379084) == "11.4"
    assert readable_number(7) == "7"


def test_table_html_wraps_text_escapes_and_is_deterministic():
    frame = pd.DataFrame({"object": ["<b>x</b> " + "hợp tác " * 20], "p": [1e-9]}, index=[0])
    html = table_html(frame)
    assert html == table_html(frame.copy())
    assert "hợp tác " * 20 in html  # not cut
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "&lt; 0.001" in html
    assert "text-align: left" in html and "white-space: normal" in html
    assert "_row0_col0" not in html  # no per-cell ids
    long = pd.DataFrame({"n": range(600)})
    assert "overflow:auto" in table_html(long) and "600 rows" in table_html(long)


@pytest.mark.parametrize(
    "name", ["01-load", "02-tokenize", "03-entities", "04-frequency-themes", "06-commitments"]
)
def test_notebooks_read_right_for_another_document(name):
    """Rendered for the example (a Vietnam-Japan meeting), no sentence in a Markdown cell or a
    Markdown output names the statement's parties."""
    nb = execute_notebook(NOTEBOOKS_DIR / f"{name}.ipynb", {"DOC_ID": EXAMPLE})
    findings = [
        output["data"]["text/markdown"]
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if "text/markdown" in output.get("data", {})
    ]
    assert findings  # the narrative cells ran and said something
    prose = [c.source for c in nb.cells if c.cell_type == "markdown"] + findings
    found = [p for p in prose if STATEMENT_PARTIES.search(p)]
    assert not found, found


HOSTILE = ["<img src=x onerror=alert(1)>", "*Bộ* [Ngoại](giao) $x$ & `c` #h | ~", "a_b_c\\"]


@pytest.mark.parametrize("name", HOSTILE)
def test_document_values_show_as_written_not_as_markup(name):
    """A name from a document is text in the rendered Markdown: no tag, link, emphasis or maths."""
    import html

    import mistune

    counts = pd.DataFrame({"entity": [name], "count": [2], "label": ["ORG"]})
    pairs = pd.DataFrame({"source": [name], "target": ["Pakistan"], "sentences": [1]})
    commits = pd.DataFrame({"actor": [name], "theme": [""]})
    for md in (
        narrative.top_entities(counts),
        narrative.strongest_pair(pairs),
        narrative.commitments_summary(commits),
        narrative.concordance(pd.DataFrame(), name),
    ):
        rendered = mistune.html(md.data)
        assert not re.search(r"<(?!/?(?:p|em)>)", rendered), rendered
        assert html.escape(name, quote=False) in rendered.replace("&quot;", '"'), rendered
