"""Hostile input, signals and a second process (issue 13): one test per case of the issue, SIGKILL
at every step of ``add`` and ``report``, two concurrent reports, and a property test of the
metadata schema and the site's escaping.

Commands run in subprocesses through a small harness (``HARNESS``) that points the corpus and
``reports/`` at temporary folders, replaces the notebooks by tiny stand-ins where the notebooks'
content does not matter, and can send itself a signal at the N-th file-system change.
"""

import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from test_site import _chromium, _notebook

from helpers.corpus import (
    MAX_ID_LENGTH,
    CorpusError,
    add_document,
    check_metadata,
    list_documents,
    load_document,
)
from helpers.paths import PROJECT_ROOT
from helpers.site import (
    CSP,
    SUMMARY,
    DocumentSummary,
    collection_index,
    document_index,
    document_notebooks,
    execute_notebook,
    notebook_html,
    rendered_summaries,
    write_site_index,
)

SENTENCE = "Việt Nam và Pháp ký hiệp định hợp tác.\n"
KARAKORAM = "Karakoram là một dãy núi lớn.\nĐỉnh cao nhất là K2.\n"
SCRIPT_ID = "x\" autofocus onfocus=\"document['title']='PWNED';0"

HARNESS = r"""
import os, shutil, signal, sys
from pathlib import Path

# jsonschema (through nbformat) compiles some 40 grammars of rfc3987_syntax on import, for a
# URI format check nbformat does not use: seconds per process, here spent once per kill point.
sys.modules["rfc3987_syntax"] = None

import helpers.corpus as corpus
import helpers.site as site
from helpers.__main__ import main

config = __import__("json").loads(sys.argv[1])
corpus.add_document.__kwdefaults__["corpus_dir"] = Path(config["corpus"])
site.render_site.__defaults__ = (site.render_site.__defaults__[0], Path(config["reports"]), True)
if "notebooks" in config:
    site.document_notebooks = lambda: [Path(p) for p in config["notebooks"]]
    site.collection_notebooks = lambda: [Path(p) for p in config.get("collection", [])]
    site.prepare_analysis = lambda doc: None  # stand-ins read no analysis
    site.summarise = lambda doc, stems: site.DocumentSummary(
        doc.id, doc.title, None, doc.metadata.get("date"), None, len(doc.paragraphs), 1, 1,
        [], [], list(stems))
if config.get("dry"):  # the notebooks as they are, not executed: only the writing is tested
    import nbformat
    site.execute_notebook = lambda path, parameters=None: nbformat.read(path, as_version=4)
    site.notebook_html = lambda nb, title, nav=None: "<!DOCTYPE html><title>page</title>"

changes = 0
root = str(Path(config["corpus"]).parent)
def counted(real):
    def change(*args, **kwargs):
        global changes
        paths = [str(a) for a in args if isinstance(a, (str, os.PathLike))]
        name = getattr(real, "__name__", "")
        creates = name != "open" or len(args) > 1 and args[1] & os.O_CREAT
        creates = creates and not (name == "mkdir" and os.path.isdir(args[0]))
        if creates and any(p.startswith(root) for p in paths):  # ours, not the kernel's
            changes += 1
            if changes == config.get("signal_at"):
                os.kill(os.getpid(), getattr(signal, config["signal"]))
        return real(*args, **kwargs)
    return change

# every call that changes the test's folders in add and report
for module, name in [(os, "link"), (os, "rename"), (os, "replace"), (os, "unlink"),
                     (os, "mkdir"), (os, "open"), (shutil, "rmtree")]:
    setattr(module, name, counted(getattr(module, name)))
Path.write_bytes = counted(Path.write_bytes)
Path.write_text = counted(Path.write_text)
code = main(config["argv"])
print(f"changes={changes}", file=sys.stderr)
sys.exit(code)
"""


def _harness(tmp_path: Path, argv: list, **config) -> subprocess.Popen:
    script = tmp_path / "harness.py"
    script.write_text(HARNESS, "utf-8")
    config = {"corpus": str(tmp_path / "corpus"), "reports": str(tmp_path / "reports"), **config}
    return subprocess.Popen(
        [sys.executable, str(script), json.dumps({**config, "argv": argv})],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
    )


def _finish(process: subprocess.Popen, timeout: int = 300) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def _cli(*args, cwd="/") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args], capture_output=True, cwd=cwd, timeout=120
    )


def _one_line_error(result: subprocess.CompletedProcess, code: int = 1) -> str:
    err = result.stderr.decode("utf-8")
    assert result.returncode == code, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


def _stub_notebook(path: Path, body: str, parameter: str = 'DOC_ID = "x"') -> str:
    """A stand-in for a notebook: a parameters cell and one body cell."""
    return str(_notebook(path, parameter, body))


def _hidden(folder: Path) -> list[str]:
    return [name for name in _listing(folder) if name.startswith(".")]


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _record(folder: Path, stem: str, meta, text: str = KARAKORAM) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.txt").write_text(text, "utf-8")
    data = meta if isinstance(meta, str) else json.dumps(meta, ensure_ascii=False)
    (folder / f"{stem}.json").write_text(data, "utf-8")
    return folder / f"{stem}.txt"


def _summary(doc, **changes) -> DocumentSummary:
    fields = {
        "id": doc.id,
        "title": doc.title,
        "title_en": doc.metadata.get("title_en"),
        "date": doc.metadata.get("date"),
        "source": doc.metadata.get("source"),
        "paragraphs": len(doc.paragraphs),
        "sentences": 1,
        "words": 1,
        "entities": [],
        "themes": [],
        "notebooks": ["01-load"],
    }
    return DocumentSummary(**{**fields, **changes})


class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


SAFE_ATTRIBUTES = {"href", "class", "lang", "charset", "http-equiv", "content", "name", "colspan"}


def _assert_inert(page: str) -> None:
    """No script, no event handler, no link other than a relative page, and the CSP first."""
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag != "script" and set(attrs) <= SAFE_ATTRIBUTES, (tag, attrs)
        href = attrs.get("href")
        assert href is None or re.fullmatch(r"[a-z0-9./-]+\.(html|ipynb)", href), href
    assert ("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}) in parser.tags


# ---------------------------------------------------------------------------- 1. a script in a record


@pytest.mark.parametrize(
    "doc_id", [SCRIPT_ID, "../../../etc/x", "wiki-pakistan", "cn-pk-strategic-dialogue-2026-01-04"]
)
def test_1_an_id_other_than_the_file_stem_is_refused(tmp_path, doc_id):
    path = _record(tmp_path, "m-q2", {"id": doc_id, "title": "t"})
    with pytest.raises(CorpusError, match=r"m-q2\.json: field 'id' .* must be the file's own name"):
        load_document(path)


def test_1_a_duplicate_field_is_refused(tmp_path):
    path = _record(tmp_path, "dup", '{"title": "a", "title": "<b>"}')
    with pytest.raises(CorpusError, match=r"dup\.json: field 'title' is given twice"):
        load_document(path)


def test_1_a_file_stem_that_is_not_an_id_is_not_a_document(tmp_path, monkeypatch):
    import helpers.corpus

    _record(tmp_path, SCRIPT_ID.replace("/", ""), {"title": "t"})
    _record(tmp_path, "ok", {"title": "t"})
    monkeypatch.setattr(helpers.corpus, "CORPUS_DIR", tmp_path)
    assert list_documents() == ["ok"]
    with pytest.raises(CorpusError, match="not a valid id"):
        load_document(SCRIPT_ID.replace("/", ""))


def test_1_index_pages_escape_every_value_and_carry_a_csp(tmp_path):
    doc = load_document(_record(tmp_path, "m-q2", {"title": SCRIPT_ID}))
    hostile = _summary(
        doc,
        title_en="<img src=x onerror=alert(1)>",
        source="</td><script>alert(1)</script>",
        entities=[{"entity": "<b>", "label": 'PER"', "count": 1, "vietnamese forms": "'&"}],
        themes=[{"theme": "t", "label": "<i>", "cues": 1, "paragraphs": 1}],
    )
    for page in (document_index(hostile), collection_index([hostile], ["05-evaluation"])):
        _assert_inert(page)
        assert SCRIPT_ID not in page and "<script>" not in page and "<img" not in page
    assert "x&#34; autofocus onfocus=&#34;document[&#39;title&#39;]" in document_index(hostile)


def test_1_notebook_pages_carry_a_csp_that_blocks_scripts_in_a_browser(tmp_path):
    """Defence in depth: a notebook output that is raw HTML with a script (as any cell could
    display) does not run in Chromium, because of the page's Content-Security-Policy."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"text/html": "<script>document.title='PWNED'</script><p>shown</p>"},
        )
    ]
    nb.cells = [cell]
    page = tmp_path / "page.html"
    page.write_text(notebook_html(nb, "safe title", {"links": []}), "utf-8")
    parser = _Tags()
    parser.feed(page.read_text("utf-8"))
    assert ("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}) in parser.tags
    dom = _chromium("--virtual-time-budget=3000", "--dump-dom", page.as_uri())
    assert "<title>safe title</title>" in dom and "PWNED" not in dom.replace(
        "document.title='PWNED'", ""
    )


def test_1_a_summary_that_is_not_ours_is_skipped(tmp_path, capsys):
    (tmp_path / "evil").mkdir()
    (tmp_path / "evil" / SUMMARY).write_text(json.dumps({"id": SCRIPT_ID}), "utf-8")
    (tmp_path / "other").mkdir()  # a summary naming another folder's id
    doc = load_document(_record(tmp_path / "c", "other", {}))
    summary = _summary(doc, id="wiki-pakistan")
    (tmp_path / "other" / SUMMARY).write_text(json.dumps(summary.__dict__), "utf-8")
    assert rendered_summaries(tmp_path) == []
    assert capsys.readouterr().out.count("skipped") == 2


# ---------------------------------------------------------------------------- 2. one bad field


@pytest.mark.parametrize(
    ("meta", "field"),
    [
        ({"date": 20260104}, "date"),
        ({"title": 123}, "title"),
        ({"date": "04/01/2026"}, "date"),
        ({"date": "2026-02-31"}, "date"),
        ({"date": "２０２６-01-04"}, "date"),  # full-width digits are digits to \d, not to ISO
        ({"title_line": "false"}, "title_line"),
        ({"source": ["a"]}, "source"),
        ({"note": {"nested": 1}}, "note"),
        ({"language": "<vi>"}, "language"),
        ({"title": "\ud800"}, "title"),
    ],
)
def test_2_a_bad_field_is_an_error_naming_file_and_field(tmp_path, meta, field):
    path = _record(tmp_path, "bad", json.dumps(meta))
    with pytest.raises(CorpusError, match=rf"bad\.json: field '{field}'"):
        load_document(path)


def test_2_a_valid_record_loads_with_nulls_as_absent(tmp_path):
    doc = load_document(
        _record(tmp_path, "ok", {"id": "ok", "date": "2024-02-29", "title_en": None, "n": 1.5})
    )
    assert doc.metadata["date"] == "2024-02-29" and "title_en" not in doc.metadata
    assert check_metadata({"title_line": False}, tmp_path / "x.json") == {"title_line": False}


def test_2_a_bad_summary_does_not_break_later_reports(tmp_path, capsys):
    doc = load_document(_record(tmp_path / "c", "good", {}))
    (tmp_path / "r" / "good").mkdir(parents=True)
    (tmp_path / "r" / "good" / SUMMARY).write_text(json.dumps(_summary(doc).__dict__), "utf-8")
    (tmp_path / "r" / "broken").mkdir()
    bad = {**_summary(doc).__dict__, "id": "broken", "date": 20260104}
    (tmp_path / "r" / "broken" / SUMMARY).write_text(json.dumps(bad), "utf-8")
    index, documents, _ = write_site_index(tmp_path / "r")
    assert documents == 1 and 'href="good/index.html"' in index.read_text("utf-8")
    assert "skipped broken/summary.json: not a summary" in capsys.readouterr().out


# ---------------------------------------------------------------------------- 3. two reports at once


def test_3_two_concurrent_reports_both_end_up_in_the_index(tmp_path):
    quick = _stub_notebook(tmp_path / "01-quick.ipynb", "print(DOC_ID)")
    slow = _stub_notebook(tmp_path / "05-slow.ipynb", "import time; time.sleep(12)", "N = 1")
    first = _harness(
        tmp_path,
        ["report", "wiki-karakoram"],
        notebooks=[quick],
        collection=[slow],
    )
    time.sleep(6)  # the first run is in its (slow) collection notebook
    second = _harness(tmp_path, ["report", "wiki-bangladesh", "--no-collection"], notebooks=[quick])
    for process in (second, first):
        code, out, err = _finish(process)
        assert code == 0, err
    index = (tmp_path / "reports" / "index.html").read_text("utf-8")
    assert 'href="wiki-karakoram/index.html"' in index
    assert 'href="wiki-bangladesh/index.html"' in index
    assert _hidden(tmp_path / "reports") == []


# ---------------------------------------------------------------------------- 4. FIFO, /dev/zero, size


def test_4_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = _cli("add", str(fifo), cwd=tmp_path)
    assert "pipe.txt: is a FIFO (named pipe); only regular files are read" in _one_line_error(
        result
    )
    assert time.monotonic() - started < 60


def test_4_a_device_behind_a_symlink_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(CorpusError, match="zero.txt: is a character device"):
        add_document(link, corpus_dir=tmp_path / "corpus")
    assert not (tmp_path / "corpus").exists()


def test_4_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    import helpers.corpus

    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: no disk used
        f.truncate(helpers.corpus.MAX_TEXT_BYTES + 1)
    with pytest.raises(CorpusError, match=r"big.txt: is 104,857,601 bytes, more than the limit"):
        load_document(big)
    # and a file that grows past the limit while read: bounded reading stops there
    monkeypatch.setattr(helpers.corpus, "MAX_TEXT_BYTES", 10)
    with pytest.raises(CorpusError, match="more than the limit of 10 bytes"):
        load_document(_record(tmp_path, "eleven", {}, "Mười một chữ"))


# ---------------------------------------------------------------------------- 5. a one-sentence document


def test_5_helpers_cope_with_a_text_without_key_words(tmp_path, recwarn):
    import warnings

    from helpers.display import empty_table_html
    from helpers.frequency import collocations, dispersion, dispersion_measures, keyness, kwic
    from helpers.report import dispersion_plot, keyness_chart

    warnings.simplefilter("error")
    doc = load_document(_record(tmp_path, "mot-cau", {}, SENTENCE))
    key = keyness(doc)
    terms = list(key["word"][:6])
    found = dispersion(doc, terms)
    assert list(found.columns) == ["term", "start", "paragraph", "word_index", "position"]
    assert list(dispersion_measures(doc, terms).columns) == [
        "term",
        "count",
        "paragraphs",
        "of",
        "dp",
    ]
    dispersion_plot(found, terms, "t")
    keyness_chart(key.head(0), "t")
    assert "No pair of adjacent content words occurs 2 times" in empty_table_html(collocations(doc))
    assert "No occurrence of “bố”" in empty_table_html(kwic(doc, "bố"))
    assert empty_table_html(kwic(doc, "Pháp")) is None
    assert "&lt;b&gt;" in empty_table_html(key.head(0).rename(columns={"word": "<b>"}))


def test_5_a_one_sentence_document_renders_through_every_notebook(tmp_path):
    path = tmp_path / "troi-dep.txt"  # "the weather is fine today": no entity, theme or stance
    path.write_text("Hôm nay trời đẹp.\n", "utf-8")
    for notebook in document_notebooks():
        nb = execute_notebook(notebook, {"DOC_ID": str(path)})
        html = notebook_html(nb, notebook.stem)
        streams = [o for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stderr"]
        assert streams == [], (notebook.name, streams)
        assert "<tbody>\n  </tbody>" not in html, notebook.name  # a sentence, not an empty grid


# ---------------------------------------------------------------------------- 6. SIGKILL at any point


def test_6_add_killed_at_any_point_leaves_all_or_nothing_and_no_debris(tmp_path):
    source = tmp_path / "gap2.txt"
    source.write_text(KARAKORAM, "utf-8")
    corpus = tmp_path / "corpus"
    point = 0
    while True:
        point += 1
        code, _, err = _finish(
            _harness(tmp_path, ["add", str(source)], signal="SIGKILL", signal_at=point)
        )
        files = _listing(corpus)
        visible = [f for f in files if not f.startswith(".")]
        if code == 0:  # the kill point lies beyond the last change: the add completed
            assert visible == ["gap2.json", "gap2.txt"] and _hidden(corpus) == []
            break
        assert code == -signal.SIGKILL, err
        assert visible in ([], ["gap2.json"], ["gap2.json", "gap2.txt"]), (point, files)
        # the next add cleans up what the killed one left and then adds the document (or says
        # it is already there, if the kill came after the commit point)
        try:
            add_document(source, corpus_dir=corpus)
        except CorpusError as err:
            assert "already in the corpus" in str(err)
        assert _hidden(corpus) == [] and load_document(corpus / "gap2.txt").id == "gap2"
        for name in ("gap2.txt", "gap2.json"):
            (corpus / name).unlink()
    assert point > 5  # every step was a kill point: staging, both links, clean-up


def test_6_report_killed_at_any_point_keeps_a_whole_folder(tmp_path):
    notebook = _stub_notebook(tmp_path / "01-stub.ipynb", "print(DOC_ID)")
    argv = ["report", "wiki-karakoram", "--no-collection"]
    reports = tmp_path / "reports"
    assert _finish(_harness(tmp_path, argv, notebooks=[notebook]))[0] == 0
    (reports / "wiki-karakoram" / "old-run").write_text("", "utf-8")
    whole = {"01-stub.html", "01-stub.ipynb", "index.html", SUMMARY}
    point = 0
    while True:
        point += 1
        code, _, err = _finish(
            _harness(
                tmp_path, argv, notebooks=[notebook], dry=True, signal="SIGKILL", signal_at=point
            )
        )
        if code == 0:
            break
        assert code == -signal.SIGKILL, err
        # what a later run sees (it first cleans up under the lock): one whole folder, old or new
        write_site_index(reports)
        folder = {p.name for p in (reports / "wiki-karakoram").iterdir()}
        assert folder - {"old-run"} == whole, (point, folder)
        assert _hidden(reports) == [], point
        assert 'href="wiki-karakoram/index.html"' in (reports / "index.html").read_text("utf-8")
    assert point > 5


def test_6_ctrl_c_in_add_is_one_line_exit_130_and_all_or_nothing(tmp_path):
    source = tmp_path / "doc.txt"
    source.write_text(KARAKORAM, "utf-8")
    corpus = tmp_path / "corpus"
    for point in range(1, 12):
        code, out, err = _finish(
            _harness(tmp_path, ["add", str(source)], signal="SIGINT", signal_at=point)
        )
        if code == 0:
            break
        lines = [line for line in err.splitlines() if not line.startswith("changes=")]
        assert code == 130 and len(lines) == 1 and "Traceback" not in err, err
        visible = [name for name in _listing(corpus) if not name.startswith(".")]
        if "nothing was added" in lines[0]:
            assert visible == [], (point, visible)
        else:
            assert lines[0] == "interrupted after doc.txt was added whole"
            assert visible == ["doc.json", "doc.txt"]
            for name in visible:
                (corpus / name).unlink()
        assert _hidden(corpus) == [], (point, err)


def test_6_ctrl_c_in_report_is_one_line_exit_130_and_keeps_the_old_folder(tmp_path):
    interrupt = (
        "import os, signal; os.kill(os.getppid(), signal.SIGINT)\nimport time; time.sleep(5)"
    )
    quick = _stub_notebook(tmp_path / "01-stub.ipynb", "print(DOC_ID)")
    stops = _stub_notebook(tmp_path / "02-stop.ipynb", interrupt)
    argv = ["report", "wiki-karakoram", "--no-collection"]
    assert _finish(_harness(tmp_path, argv, notebooks=[quick]))[0] == 0
    before = sorted(p.name for p in (tmp_path / "reports" / "wiki-karakoram").iterdir())
    code, out, err = _finish(_harness(tmp_path, argv, notebooks=[quick, stops]))
    lines = [line for line in err.splitlines() if not line.startswith("changes=")]
    assert code == 130 and lines == [lines[0]] and lines[0].startswith("interrupted"), err
    after = sorted(p.name for p in (tmp_path / "reports" / "wiki-karakoram").iterdir())
    assert after == before and _hidden(tmp_path / "reports") == []


def test_6_what_a_kernel_writes_to_its_own_stderr_stays_off_the_terminal(tmp_path):
    # A kernel writes outside its cells now and then (a libzmq assertion as it shuts down after
    # Ctrl-C failed CI once); after a run the terminal shows the run's own lines only.
    body = (
        "import atexit, os\n"
        "atexit.register(lambda: os.write(2, b'kernel noise at exit\\n'))\n"
        "print(DOC_ID)"
    )
    notebook = _stub_notebook(tmp_path / "01-stub.ipynb", body)
    argv = ["report", "wiki-karakoram", "--no-collection"]
    code, out, err = _finish(_harness(tmp_path, argv, notebooks=[notebook]))
    assert code == 0, err
    assert [line for line in err.splitlines() if not line.startswith("changes=")] == []
    assert "01-stub.ipynb ... done" in out


def test_6_a_kernel_that_dies_is_one_line_naming_the_notebook_and_cell(tmp_path):
    quick = _stub_notebook(tmp_path / "01-stub.ipynb", "print(DOC_ID)")
    argv = ["report", "wiki-karakoram", "--no-collection"]
    assert _finish(_harness(tmp_path, argv, notebooks=[quick]))[0] == 0
    before = sorted(p.name for p in (tmp_path / "reports" / "wiki-karakoram").iterdir())
    body = "import os, sys\nos.write(2, b'out of luck\\n')\nos._exit(3)"
    dies = _stub_notebook(tmp_path / "02-dies.ipynb", body)
    code, out, err = _finish(_harness(tmp_path, argv, notebooks=[quick, dies]))
    lines = [line for line in err.splitlines() if not line.startswith("changes=")]
    assert code == 1 and len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("error: ") and "02-dies.ipynb (DOC_ID='wiki-karakoram')" in lines[0]
    assert "kernel" in lines[0] and "died in cell 3 of the executed notebook" in lines[0]
    assert "starting 'import os, sys'" in lines[0]
    after = sorted(p.name for p in (tmp_path / "reports" / "wiki-karakoram").iterdir())
    assert after == before and _hidden(tmp_path / "reports") == []


# ---------------------------------------------------------------------------- 7. tracebacks


def test_7_a_long_id_is_an_error(tmp_path):
    source = tmp_path / "ok.txt"
    source.write_text(KARAKORAM, "utf-8")
    err = _one_line_error(_cli("add", str(source), "--id", "a" * 245))
    assert f"an id is at most {MAX_ID_LENGTH} characters, not 245" in err
    with pytest.raises(CorpusError, match="at most"):
        load_document("x" * 5000)
    long_path = "/".join(["d" * 250] * 20) + "/x.txt"
    assert "cannot be opened" in _one_line_error(_cli("add", long_path))
    with pytest.raises(CorpusError, match="NUL"):
        load_document("a\0b.txt")


def test_7_deeply_nested_metadata_is_an_error(tmp_path):
    path = _record(tmp_path, "deep", "[" * 100_000)
    with pytest.raises(CorpusError, match="deep.json: metadata is"):
        load_document(path)


def test_7_non_utf8_arguments_are_errors(tmp_path):
    source = tmp_path / "ok.txt"
    source.write_text(KARAKORAM, "utf-8")
    title = _cli("add", str(source), "--title", b"H\xe0 N\xf4i")  # Windows-1258 bytes
    assert "--title is not valid UTF-8 text" in _one_line_error(title)
    report = _cli("report", b"\xff")
    assert "is not a corpus id" in _one_line_error(report)


def test_7_a_file_name_in_any_bytes_is_named_in_the_error(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as f:
        f.write(b"H\xe0 N\xf4\xf2i")  # Windows-1258 text under a Latin-1 file name
    err = _one_line_error(_cli("add", name))
    assert "caf\\udce9.txt: not valid UTF-8" in err


# ---------------------------------------------------------------------------- 8. HTML input, hints


def test_8_an_html_page_is_stored_as_its_checked_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>Trung Quốc &amp; Pakistan</p><script>alert(1)</script></body></html>",
        "utf-8",
    )
    doc = add_document(page, corpus_dir=tmp_path / "corpus")
    stored = (tmp_path / "corpus" / "page.txt").read_text("utf-8")
    assert stored == "Trung Quốc & Pakistan\n" and doc.text == "Trung Quốc & Pakistan"
    assert doc.metadata["converted_from"] == "page.html" and "warnings" not in doc.metadata
    assert load_document(tmp_path / "corpus" / "page.txt").text == doc.text


def test_8_conversion_hints_quote_the_file_name_for_the_shell(tmp_path):
    name = "my file; touch PWNED #.txt"
    path = tmp_path / name
    path.write_bytes(b"H\xe0 N\xf4\xf2i\n")
    with pytest.raises(CorpusError) as err:
        load_document(path)
    command = re.search(r"`(iconv -f WINDOWS-1258[^`]*)`", str(err.value)).group(1)
    assert shlex.split(command) == [
        "iconv",
        "-f",
        "WINDOWS-1258",
        "-t",
        "UTF-8",
        name,
        ">",
        "my file; touch PWNED #.utf8.txt",
    ]


# ---------------------------------------------------------------------------- property


VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
HOSTILE_TEXT = st.lists(
    st.sampled_from(list("<>&\"' =/abcé\ud800\n") + ["<script>", "onerror=", "</td>"]),
    max_size=12,
).map("".join)
RECORDS = st.dictionaries(
    st.sampled_from(["id", "title", "title_en", "date", "language", "title_line", "source", "note"])
    | st.text(max_size=8),
    st.one_of(VALUES, HOSTILE_TEXT, st.sampled_from(["prop", "2026-01-04", "2026-02-30", "vi"])),
    max_size=6,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(record=RECORDS)
def test_random_records_load_or_raise_and_never_reach_html_unescaped(tmp_path, record):
    folder = tmp_path / "prop"
    folder.mkdir(exist_ok=True)
    (folder / "prop.txt").write_text(KARAKORAM, "utf-8")
    (folder / "prop.json").write_text(json.dumps(record, ensure_ascii=True), "utf-8")
    try:
        doc = load_document(folder / "prop.txt")
    except CorpusError as err:
        assert "prop.json" in str(err)
        return
    summary = _summary(doc)
    page = collection_index([summary], []) + document_index(summary)
    _assert_inert(page)
    for value in (summary.title, summary.title_en, summary.date, summary.source):
        if value and "<" in value:
            assert str(escape(value)) in page  # shown, escaped
