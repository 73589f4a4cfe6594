"""Project locations, derived from the package's own place on disk (never the working directory)."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
PROJECT_ROOT = PACKAGE_DIR.parent
CORPUS_DIR = PROJECT_ROOT / "corpus"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
RESULTS_DIR = PROJECT_ROOT / "results"
REPORTS_DIR = PROJECT_ROOT / "reports"

DEFAULT_DOC_ID = "cn-pk-strategic-dialogue-2026-01-04"


def display_path(path: Path) -> str:
    """A path relative to the project root where possible, so outputs carry no machine paths."""
    path = Path(path)
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.name if path.is_absolute() else path.as_posix()


def read_data_lines(name: str) -> list[str]:
    """Entries of a one-entry-a-line file in ``helpers/data/``; ``#`` starts a comment."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [entry for line in lines if (entry := line.split("#", 1)[0].strip())]
