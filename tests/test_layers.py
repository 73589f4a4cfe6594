"""Layers point down: orthography → corpus → tokens → entities → analyses → report/site.

Every import of a helpers module by another, at the top of a file or inside a function, is
checked against the table below; imports under ``if TYPE_CHECKING:`` are for type hints only and
never run.
"""

import ast
import subprocess
import sys

from helpers.paths import PACKAGE_DIR, PROJECT_ROOT

LAYERS = {
    "paths": 0,
    "orthography": 0,
    "display": 0,  # how an empty table shows in a notebook (registered by the package)
    "__init__": 1,
    "files": 1,  # atomic writes, bounded reads, locks: every writer and reader below builds on it
    "corpus": 2,
    "crf_features": 2,  # underthesea's POS, chunking and NER CRFs, featurised once per sentence
    "tokens": 3,
    "matching": 4,
    "canonical": 4,  # English names of entities, composed from glossed heads
    "offices": 4,  # offices, holders and seats of government (data/offices.tsv)
    "entities": 5,
    # the analyses: components that analyse() runs, analyse() itself, then tables over it
    "themes": 6,
    "commitments": 7,
    "analysis": 8,
    "frequency": 9,
    "compare": 9,
    "evaluation": 9,
    "report": 10,
    "narrative": 10,  # sentences of findings, computed from the tables
    "fonts": 10,  # the packaged monospace font, for pages and JupyterLab
    "archive": 10,  # an archive's articles analysed and stored (analysis, frequency)
    "archive_queries": 11,  # DuckDB over the stored archive tables
    "site": 12,
    "__main__": 13,
}
# Upward imports that run inside a function, never at import time: a table function beside its
# component accepts a bare text or Document and analyses it first.
DEFERRED = {("themes", "analysis"), ("commitments", "analysis")}


def _module(path) -> str:
    return path.relative_to(PACKAGE_DIR).parts[0].removesuffix(".py")


def _type_checking_nodes(tree) -> set[int]:
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    return skip


def _imports(path) -> list[tuple[str, bool]]:
    """(helpers module imported, at module level?) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_nodes(tree)
    top = {id(n) for n in tree.body}
    package = path.relative_to(PACKAGE_DIR).parts[:-1]
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        names = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                target = base + (node.module.split(".") if node.module else [])
                names = [target[0]] if target else [a.name for a in node.names]
            elif node.module and node.module.split(".")[0] == "helpers":
                parts = node.module.split(".")[1:]
                names = parts[:1] or [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[1] for a in node.names if a.name.startswith("helpers.")]
        # "from . import __version__": a name defined in the package's __init__
        names = [
            n if (PACKAGE_DIR / n).exists() or (PACKAGE_DIR / f"{n}.py").exists() else "__init__"
            for n in names
        ]
        found += [(n, id(node) in top) for n in names if n != _module(path)]
    return found


def test_every_module_has_a_layer():
    modules = {_module(p) for p in PACKAGE_DIR.rglob("*.py")}
    assert modules <= set(LAYERS), sorted(modules - set(LAYERS))


def test_imports_point_down():
    wrong = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        source = _module(path)
        for target, top_level in _imports(path):
            allowed = LAYERS[target] < LAYERS[source] or (
                not top_level and (source, target) in DEFERRED
            )
            if not allowed:
                wrong.append(f"{path.relative_to(PACKAGE_DIR)}: {source} imports {target}")
    assert wrong == []


def test_the_layer_check_sees_imports():
    tokens = dict(_imports(PACKAGE_DIR / "tokens.py"))
    assert "orthography" in tokens and "paths" in tokens
    assert "analysis" in dict(_imports(PACKAGE_DIR / "themes.py"))  # inside a function
    assert "corpus" not in dict(_imports(PACKAGE_DIR / "tokens.py"))  # type hints only


def test_loading_a_document_does_not_load_underthesea():
    code = (
        "import sys, helpers.corpus; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'underthesea' "
        "or m in ('helpers.tokens', 'helpers.entities')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True
    )
    assert out.stdout.strip() == "[]" and out.stderr == ""
