import re
import tomllib
from importlib.metadata import distributions

import pandas as pd

from helpers.entities import Entity
from helpers.paths import PROJECT_ROOT, RESULTS_DIR
from helpers.report import atomic_write_text, highlight_entities, notebooks, write_table


def test_write_table_is_atomic_and_relative(tmp_path):
    frame = pd.DataFrame({"word": ["khủng bố"], "count": [5]})
    shown = write_table(frame, "test-doc", "words")
    assert shown == "results/test-doc/words.csv"
    path = RESULTS_DIR / "test-doc" / "words.csv"
    assert path.read_text(encoding="utf-8") == "word,count\nkhủng bố,5\n"
    assert not list(path.parent.glob(".*.tmp"))
    assert path.stat().st_mode & 0o044  # readable by others, unlike a bare mkstemp file
    path.unlink()
    path.parent.rmdir()


def test_atomic_write_keeps_old_file_on_failure(tmp_path):
    target = tmp_path / "t.txt"
    atomic_write_text(target, "old")

    class Boom(str):
        def __str__(self):
            raise RuntimeError

    try:
        atomic_write_text(target, Boom("x"))
    except Exception:
        pass
    assert target.read_text() in ("old", "x")
    assert not list(tmp_path.glob(".*.tmp"))


def test_highlight_marks_entities():
    out = highlight_entities("Ông Vương Nghị", [Entity(4, 14, "PER", "Vương Nghị", "Wang Yi")])
    assert 'title="PER: Wang Yi">Vương Nghị' in out


def test_notebooks_are_numbered():
    names = [p.name for p in notebooks()]
    assert names[:4] == [
        "01-load.ipynb",
        "02-tokenize.ipynb",
        "03-entities.ipynb",
        "04-frequency-themes.ipynb",
    ]


def _env_pins() -> dict[str, str]:
    text = (PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8")
    return {
        m.group(1).lower().replace("_", "-"): m.group(2)
        for m in re.finditer(r"^\s*-\s*([A-Za-z0-9_.-]+)==(\S+)$", text, re.M)
    }


def test_environment_yml_pins_every_installed_package():
    pins = _env_pins()
    installed = {
        d.metadata["Name"].lower().replace("_", "-"): d.version
        for d in distributions()
        if d.metadata["Name"]
        and d.metadata["Name"].lower() not in ("pip", "setuptools", "vn-diplomacy-notebooks")
    }
    assert installed == {k: v for k, v in pins.items() if k in installed}
    assert set(pins) - set(installed) == set()


def test_pyproject_dependencies_are_in_environment_yml():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]
    pins = _env_pins()
    deps = project["dependencies"] + project["optional-dependencies"]["test"]
    for dep in deps:
        name = re.split(r"[=<>\[ ]", dep)[0].lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in environment.yml"
    assert pins["underthesea"] == "9.5.0"
    assert "python=3.11" in (PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8")


def test_every_helpers_subpackage_goes_into_a_wheel():
    # An editable install finds every subpackage anyway; a wheel holds only the listed ones.
    from setuptools import find_packages

    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    listed = config.get("packages", {})
    if isinstance(listed, list):
        packaged = set(listed)
    else:
        packaged = set(find_packages(where=PROJECT_ROOT, include=listed["find"]["include"]))
    on_disk = {
        ".".join(init.parent.relative_to(PROJECT_ROOT).parts)
        for init in (PROJECT_ROOT / "helpers").rglob("__init__.py")
    }
    assert on_disk - packaged == set()


def test_notebooks_are_committed_executed_in_order():
    # nbval only compares outputs that are stored: an unexecuted notebook would pass unchecked.
    import json

    for path in notebooks():
        cells = [
            c
            for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "code"
        ]
        counts = [c["execution_count"] for c in cells]
        assert None not in counts, f"{path.name}: a code cell was never executed"
        assert counts == sorted(counts), f"{path.name}: cells were executed out of order"
        assert any(c["outputs"] for c in cells), f"{path.name}: no stored outputs"
        timed = [c for c in cells if "execution" in c.get("metadata", {})]
        assert not timed, f"{path.name}: cells carry execution timestamps (use make notebooks)"
