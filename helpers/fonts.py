"""The monospace font for code and output, shipped with the package (``data/fonts/``).

Browsers set code and printed output in the system's monospace font, usually DejaVu Sans Mono,
which lacks most Vietnamese letters with a tone: they are built from a base letter and a
combining mark that lands beside it ("Quôć" for *Quốc*). Noto Sans Mono has them all. The
rendered pages embed it as a data URI (they must work offline, from a single file, under a
Content-Security-Policy that allows ``font-src data:``), and ``make lab`` gives JupyterLab the
same font through its settings (:func:`write_jupyterlab_settings`).
"""

from __future__ import annotations

import base64
import io
import json
from functools import cache
from pathlib import Path

from .paths import DATA_DIR

MONO_FONT = DATA_DIR / "fonts" / "NotoSansMono-Regular.ttf"
# A family name of our own: the pages never silently pick up a system font of the same name,
# and a test can tell that the embedded font is the one in use.
MONO_FAMILY = "Notebook Mono"
MONO_STACK = f'"{MONO_FAMILY}", "Noto Sans Mono", "DejaVu Sans Mono", monospace'

# What the pages need from the font: Latin with every Vietnamese letter (precomposed and
# combining marks), punctuation, currency, arrows, maths and box drawing (tables, tracebacks).
# Other characters fall back to the next font of MONO_STACK.
SUBSET_RANGES = (
    (0x0020, 0x024F),
    (0x0300, 0x036F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x22FF),
    (0x2500, 0x259F),
)

VIETNAMESE_VOWELS = "aăâeêioôơuưy"
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def vietnamese_letters() -> list[str]:
    """Every letter of Vietnamese writing, lower and upper case, precomposed (NFC): a-z, đ, the
    vowels with a breve, circumflex or horn, and every vowel with each of the five tones."""
    import unicodedata

    lower = set("abcdefghijklmnopqrstuvwxyzđ") | set(VIETNAMESE_VOWELS)
    lower |= {unicodedata.normalize("NFC", v + t) for v in VIETNAMESE_VOWELS for t in TONE_MARKS}
    return sorted(lower | {c.upper() for c in lower})


@cache
def mono_font_subset() -> bytes:
    """The monospace font cut down to :data:`SUBSET_RANGES` (about a tenth of its size)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # recalcTimestamp=False: the same bytes on every run, so the pages are reproducible.
    font = TTFont(MONO_FONT, recalcTimestamp=False)
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the copyright and licence records (OFL 1.1)
    options.name_languages = ["*"]
    options.hinting = False  # screens of today render unhinted outlines well; halves the size
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for a, b in SUBSET_RANGES for c in range(a, b + 1)])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_face_css() -> str:
    """An ``@font-face`` rule for :data:`MONO_FAMILY` with the subset embedded as a data URI."""
    data = base64.b64encode(mono_font_subset()).decode("ascii")
    return (
        f'@font-face {{ font-family: "{MONO_FAMILY}"; font-style: normal; font-weight: 100 900; '
        f'src: url("data:font/ttf;base64,{data}") format("truetype"); }}'
    )


def jupyterlab_settings() -> dict:
    """Settings overrides that set JupyterLab's code and output in the packaged font.

    ``code-font-family`` sets the theme's ``--jp-code-font-family``, which both the editor
    (CodeMirror) and the output area read. The family must be known to the browser: see
    :func:`jupyterlab_css`.
    """
    return {
        "@jupyterlab/apputils-extension:themes": {"overrides": {"code-font-family": MONO_STACK}}
    }


def jupyterlab_css() -> str:
    """JupyterLab's custom CSS: the ``@font-face`` rule, so the browser has the font itself."""
    return (
        "/* Written by `make lab` (helpers.fonts): the packaged Noto Sans Mono for code and\n"
        "   output, embedded so that it works in any browser, local or remote. */\n"
        f"{font_face_css()}\n"
    )


def write_jupyterlab_settings(prefix: Path, custom_dir: Path) -> list[Path]:
    """Write JupyterLab's settings for the packaged font; returns the files written.

    ``<prefix>/share/jupyter/lab/settings/overrides.json`` holds the settings overrides of the
    JupyterLab installed in the environment at ``prefix``; other plugins' overrides found there
    are kept. ``<custom_dir>/custom.css`` is the custom CSS JupyterLab serves at
    ``/custom/custom.css`` when started with ``--LabApp.custom_css=True``; ``custom_dir`` is
    ``jupyter_server``'s own static ``custom`` folder inside the environment (searched after the
    user's ``~/.jupyter/custom``), so nothing in the user's home is touched.
    """
    from .files import atomic_write_text

    overrides = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    settings = {}
    if overrides.exists():
        try:
            settings = json.loads(overrides.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise ValueError(f"{overrides}: not valid JSON ({err}); fix or remove it") from err
    for plugin, values in jupyterlab_settings().items():
        merged = settings.setdefault(plugin, {})
        merged.setdefault("overrides", {}).update(values["overrides"])
    atomic_write_text(overrides, json.dumps(settings, indent=2, sort_keys=True) + "\n")
    css = atomic_write_text(custom_dir / "custom.css", jupyterlab_css())
    return [overrides, css]


def main() -> None:
    """``python -m helpers.fonts``: write JupyterLab's font settings into this environment."""
    import sys

    import jupyter_server

    custom_dir = Path(jupyter_server.DEFAULT_STATIC_FILES_PATH) / "custom"
    for path in write_jupyterlab_settings(Path(sys.prefix), custom_dir):
        print(f"wrote {path.name} for JupyterLab: code and output in {MONO_FAMILY}")


if __name__ == "__main__":
    main()
