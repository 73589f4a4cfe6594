"""The rendered site: parameter passing, failures, and the pages as a browser shows them."""

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from helpers.corpus import load_document
from helpers.fonts import MONO_FAMILY
from helpers.paths import DEFAULT_DOC_ID, NOTEBOOKS_DIR, REPORTS_DIR
from helpers.site import (
    COLLECTION,
    RenderError,
    collection_notebooks,
    collection_parameters,
    document_notebooks,
    execute_notebook,
    render_site,
    summarise,
)

# Chromium or Chrome: the CHROMIUM environment variable, else the first of these on PATH.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
HOW_TO_GET_CHROMIUM = (
    "no Chromium found: set CHROMIUM=/path/to/chromium (any Chromium or Chrome, headless "
    "capable), put one on PATH, or run `make browser` as root to install Debian's chromium"
)
SCREENSHOTS = REPORTS_DIR / "screenshots"
STATEMENT_TITLE = "Trung Quốc và Pakistan cam kết hợp tác chống khủng bố"
EARLIER = "wiki-pakistan-economy"  # stands for a document rendered by an earlier run


def test_notebooks_are_sorted_by_their_parameters_cell():
    assert [p.name for p in document_notebooks()] == [
        "01-load.ipynb",
        "02-tokenize.ipynb",
        "03-entities.ipynb",
        "04-frequency-themes.ipynb",
        "06-commitments.ipynb",
    ]
    assert "05-evaluation.ipynb" in [p.name for p in collection_notebooks()]


def _outputs(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.extend(str(v) for v in out.get("data", {}).values())
    return "\n".join(parts)


def test_doc_id_parameter_reaches_the_notebook():
    nb = execute_notebook(NOTEBOOKS_DIR / "01-load.ipynb", {"DOC_ID": "wiki-karakoram"})
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "wiki-karakoram" in injected[0].source
    shown = _outputs(nb)
    doc = load_document("wiki-karakoram")
    # the metadata table and the paragraph table are the Karakoram article's, not the statement's
    assert "wiki-karakoram" in shown and doc.paragraphs[1].text[:40] in shown
    assert DEFAULT_DOC_ID not in shown and STATEMENT_TITLE not in shown
    # the committed notebook is left as it was: the statement's analysis
    committed = nbformat.read(NOTEBOOKS_DIR / "01-load.ipynb", as_version=4)
    assert DEFAULT_DOC_ID in _outputs(committed)


def _notebook(path: Path, parameters: str, body: str) -> Path:
    """A two-cell notebook: a ``parameters`` cell and a body cell."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    params = nbformat.v4.new_code_cell(parameters)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(body)]
    nbformat.write(nb, path)
    return path


def test_a_failing_cell_is_named(tmp_path):
    path = _notebook(tmp_path / "99-broken.ipynb", "DIVISOR = 1", "x = 1\nprint(10 / DIVISOR)")
    assert "10.0" in _outputs(execute_notebook(path, {}))
    with pytest.raises(RenderError) as err:
        execute_notebook(path, {"DIVISOR": 0})
    message = str(err.value)
    assert "99-broken.ipynb" in message and "DIVISOR=0" in message
    assert "In [3]" in message and "'x = 1'" in message and "ZeroDivisionError" in message


def test_report_stops_at_a_failing_notebook(tmp_path, monkeypatch, capsys):
    import helpers.site
    from helpers.__main__ import main

    broken = _notebook(tmp_path / "01-broken.ipynb", 'DOC_ID = "x"', "raise ValueError(DOC_ID)")
    never = _notebook(tmp_path / "02-never.ipynb", 'DOC_ID = "x"', "1")
    monkeypatch.setattr(helpers.site, "document_notebooks", lambda: [broken, never])
    assert main(["report", "wiki-karakoram"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == ["wiki-karakoram: 01-broken.ipynb ... FAILED"]
    assert "01-broken.ipynb (DOC_ID='wiki-karakoram'): cell In [3]" in err
    assert "ValueError: wiki-karakoram" in err
    assert not list(REPORTS_DIR.glob("wiki-karakoram/01-broken.*"))


def test_doc_ids_parameter_reaches_a_collection_notebook(tmp_path):
    path = _notebook(
        tmp_path / "98-compare.ipynb",
        f"DOC_IDS = [{DEFAULT_DOC_ID!r}]",
        "print(len(DOC_IDS), sorted(DOC_IDS))",
    )
    given = collection_parameters(path, ["wiki-karakoram", "wiki-pakistan"])
    assert given == {"DOC_IDS": ["wiki-karakoram", "wiki-pakistan"]}
    assert "2 ['wiki-karakoram', 'wiki-pakistan']" in _outputs(execute_notebook(path, given))
    assert collection_parameters(NOTEBOOKS_DIR / "05-evaluation.ipynb", ["x", "y"]) == {}
    # One rendered document is nothing to compare: the notebook keeps its default pair.
    assert collection_parameters(path, ["wiki-karakoram"]) == {}


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        ("no-such-document", "no document with id 'no-such-document'"),
        ("corpus/wiki-karakoram.txt", "not a corpus id"),
        ("collection", "not a corpus id"),
    ],
)
def test_report_cli_rejects_a_wrong_id_before_running_anything(wrong, message):
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "report", DEFAULT_DOC_ID, wrong],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert message in result.stderr and result.stdout == ""


# ---------------------------------------------------------------------------- the rendered site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The statement's site, rendered once, next to a document rendered by an earlier run."""
    out = tmp_path_factory.mktemp("site") / "reports"
    earlier = summarise(load_document(EARLIER), [])
    (out / EARLIER).mkdir(parents=True)
    (out / EARLIER / "summary.json").write_text(json.dumps(earlier.__dict__), "utf-8")
    from contextlib import redirect_stdout
    from io import StringIO

    printed = StringIO()
    with redirect_stdout(printed):
        render_site([DEFAULT_DOC_ID], out_dir=out)
    return out, printed.getvalue()


def test_site_layout_and_progress(site):
    out, printed = site
    lines = printed.splitlines()
    for path in document_notebooks():
        assert any(line.startswith(f"{DEFAULT_DOC_ID}: {path.name} ... done") for line in lines)
    for path in collection_notebooks():
        assert any(line.startswith(f"{COLLECTION}: {path.name} ... done") for line in lines)
        assert (out / COLLECTION / f"{path.stem}.html").exists()
    doc_dir = out / DEFAULT_DOC_ID
    for path in document_notebooks():
        assert (doc_dir / f"{path.stem}.html").exists() and (
            doc_dir / f"{path.stem}.ipynb"
        ).exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{DEFAULT_DOC_ID}/index.html"' in index
    assert f'href="{EARLIER}/index.html"' in index  # kept from the earlier run
    assert f'href="{COLLECTION}/05-evaluation.html"' in index
    assert not list(out.rglob(".*.tmp"))


def test_document_index_numbers_come_from_the_helpers(site):
    from helpers.analysis import size_counts
    from helpers.entities import entity_counts, mentions

    out, _ = site
    summary = json.loads((out / DEFAULT_DOC_ID / "summary.json").read_text(encoding="utf-8"))
    doc = load_document(DEFAULT_DOC_ID)
    sizes = size_counts(doc)["whole document"]
    assert (summary["paragraphs"], summary["sentences"], summary["words"]) == (
        sizes["paragraphs"],
        sizes["sentences"],
        sizes["words"],
    )
    top = entity_counts(mentions(doc)).head(3)
    assert [e["entity"] for e in summary["entities"][:3]] == list(top["entity"])
    assert summary["themes"] and all(t["cues"] > 0 for t in summary["themes"])
    page = (out / DEFAULT_DOC_ID / "index.html").read_text(encoding="utf-8")
    assert STATEMENT_TITLE in page and f"<td>{sizes['words']:,}</td>" in page


def test_statement_csvs_join_on_paragraph_and_sentence(site):
    """The CSVs the notebooks wrote (rendering the site ran them) share one numbering: joined on
    ``paragraph`` and ``sentence``, every row's text lies in that paragraph and that sentence."""
    import pandas as pd

    from helpers.paths import RESULTS_DIR

    folder = RESULTS_DIR / DEFAULT_DOC_ID
    text = load_document(DEFAULT_DOC_ID).text
    paragraphs = pd.read_csv(folder / "paragraphs.csv", keep_default_na=False)
    sentences = pd.read_csv(folder / "sentences.csv", keep_default_na=False)
    joined = sentences.merge(paragraphs, on="paragraph", suffixes=("", "_p"), validate="m:1")
    assert len(joined) == len(sentences) and (joined["kind"] == joined["kind_p"]).all()
    assert ((joined["start_p"] <= joined["start"]) & (joined["end"] <= joined["end_p"])).all()
    rows = {
        "entity-mentions": ("text", "start", "end"),
        "commitments": ("verb", "start", "end"),
    }
    for name, (column, start, end) in rows.items():
        table = pd.read_csv(folder / f"{name}.csv", keep_default_na=False)
        both = table.merge(sentences, on=["paragraph", "sentence"], suffixes=("", "_s"))
        assert len(table) and len(both) == len(table), name
        assert ((both["start_s"] <= both[start]) & (both[end] <= both["end_s"])).all(), name
        assert all(
            text[a:b] == t for a, b, t in zip(both[start], both[end], both[column], strict=True)
        ), name
    kinds = dict(zip(paragraphs["paragraph"], paragraphs["kind"], strict=True))
    for name in ("themes-per-paragraph", "entities-per-paragraph"):
        ids = pd.read_csv(folder / f"{name}.csv")["paragraph"]
        assert set(ids) <= set(kinds), name
    themed = pd.read_csv(folder / "themes-per-paragraph.csv")["paragraph"]
    assert {kinds[i] for i in themed} == {"title", "body"}  # the caption is not running text


def test_pages_fetch_nothing_from_a_network(site):
    out, _ = site
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]*\bsrc=", text), page
        assert not re.search(r"<link[^>]*href=\"https?:", text), page
        assert not re.search(r"<img[^>]*src=\"(?!data:)", text), page
        assert not re.search(r"@import|url\(\s*['\"]?https?:", text), page


def find_chromium() -> Path:
    """The browser for the page checks: ``$CHROMIUM`` if set, else one on ``PATH``."""
    given = os.environ.get("CHROMIUM")
    if given:
        path = Path(given).expanduser()
        if not (path.is_file() and os.access(path, os.X_OK)):
            pytest.fail(f"CHROMIUM={given} is not an executable file; {HOW_TO_GET_CHROMIUM}")
        return path
    for name in BROWSER_NAMES:
        if found := shutil.which(name):
            return Path(found)
    pytest.fail(HOW_TO_GET_CHROMIUM)


def test_chromium_is_found_from_the_environment_or_path(tmp_path, monkeypatch):
    fake = tmp_path / "my-chrome"
    fake.write_text("#!/bin/sh\n", "utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(fake))
    assert find_chromium() == fake
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "missing"))
    with pytest.raises(pytest.fail.Exception, match="is not an executable file.*make browser"):
        find_chromium()
    monkeypatch.delenv("CHROMIUM")
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(pytest.fail.Exception, match="set CHROMIUM=.*put one on PATH"):
        find_chromium()
    (tmp_path / "bin" / "chromium").symlink_to(fake)
    assert find_chromium() == tmp_path / "bin" / "chromium"


def _chromium(*args: str) -> str:
    """Run headless Chromium with a fresh profile and no background traffic; returns stdout."""
    chromium = find_chromium()
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        result = subprocess.run(
            [
                str(chromium),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


# A probe page loads the report page in a frame and writes what the browser made of it (image
# sizes once decoded, the visible text) into its own DOM, which --dump-dom prints after load.
PROBE = """<!DOCTYPE html><meta charset="utf-8"><pre id="probe"></pre>
<script>
window.addEventListener("load", async () => {
  const d = document.getElementById("page").contentDocument;
  await d.fonts.ready;
  const images = [...d.images].map(i => ({src: i.src.slice(0, 15), w: i.naturalWidth, h: i.naturalHeight}));
  // Code and printed output: the font each is set in, and which embedded fonts finished loading.
  const code = [...d.querySelectorAll(".jp-InputArea-editor pre, .jp-OutputArea-output pre")]
    .map(e => getComputedStyle(e).fontFamily);
  const fonts = [...d.fonts].map(f => ({family: f.family.replace(/"/g, ""), status: f.status}));
  document.getElementById("probe").textContent = JSON.stringify(
    {title: d.title, text: d.body.innerText, images: images, code: code, fonts: fonts});
});
</script>
<iframe id="page" src="URL" width="1280" height="900"></iframe>"""


def _probe(page: Path, tmp_path: Path) -> dict:
    probe = tmp_path / f"probe-{page.parent.name}-{page.stem}.html"
    probe.write_text(PROBE.replace("URL", page.as_uri()), "utf-8")
    dom = _chromium(
        "--allow-file-access-from-files",
        "--virtual-time-budget=10000",
        "--dump-dom",
        probe.as_uri(),
    )
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found and found.group(1), dom[-1000:]
    return json.loads(html.unescape(found.group(1)))


def _screenshot(page: Path, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    target.unlink(missing_ok=True)
    _chromium(
        "--hide-scrollbars", "--window-size=1280,1600", f"--screenshot={target}", page.as_uri()
    )
    assert target.stat().st_size > 10_000  # a blank page compresses to a few hundred bytes
    return target


@pytest.mark.parametrize(
    ("relative", "expected", "min_images"),
    [
        ("index.html", ["Documents", STATEMENT_TITLE, "Kinh tế Pakistan", "05-evaluation"], 0),
        (f"{DEFAULT_DOC_ID}/index.html", [STATEMENT_TITLE, "Vương Nghị", "Most mentioned"], 0),
        (f"{DEFAULT_DOC_ID}/03-entities.html", ["Who and what is named", "Vương Nghị"], 2),
    ],
)
def test_pages_in_a_real_browser(site, tmp_path, relative, expected, min_images):
    out, _ = site
    page = out / relative
    seen = _probe(page, tmp_path)
    for text in expected:
        assert text in seen["text"], f"{relative}: {text!r} not shown"
    assert len(seen["images"]) >= min_images, seen["images"]
    for image in seen["images"]:
        assert image["src"].startswith("data:image/"), image
        assert image["w"] > 0 and image["h"] > 0, f"{relative}: an image did not decode"
    if relative.endswith("03-entities.html"):
        # code and printed output in the packaged font, embedded in the page and loaded
        assert seen["code"], "no code cells found"
        assert all(family.startswith(f'"{MONO_FAMILY}"') for family in seen["code"]), seen["code"]
        assert {"family": MONO_FAMILY, "status": "loaded"} in seen["fonts"], seen["fonts"]
    _screenshot(page, relative.replace("/", "--").removesuffix(".html"))


def test_figures_have_alternative_text(site):
    out, _ = site
    page = (out / DEFAULT_DOC_ID / "04-frequency-themes.html").read_text(encoding="utf-8")
    tags = re.findall(r"<img\b[^>]*>", page)
    alts = [html.unescape(m.group(2)) for t in tags if (m := re.search(r"alt=([\"'])(.*?)\1", t))]
    assert len(tags) == len(alts) == 4  # words vs syllables, dispersion, keyness, themes
    assert all(alt and alt != "Figure" for alt in alts)
    assert alts[0].startswith("The syllable view (right)")
