"""Imported first by the scripts in this folder: puts this checkout's root first on
``sys.path``, so that a script reads and writes the helpers beside it even when it is run with
another checkout's Python (each worktree's ``.venv`` has its own checkout installed)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if sys.path[:1] != [str(ROOT)]:
    sys.path.insert(0, str(ROOT))
