"""The packaged monospace font: every Vietnamese letter, in the pages and in JupyterLab."""

import base64
import json
import re
import tempfile
import unicodedata
from pathlib import Path

from matplotlib.ft2font import FT2Font

from helpers.fonts import (
    MONO_FAMILY,
    MONO_FONT,
    font_face_css,
    mono_font_subset,
    vietnamese_letters,
    write_jupyterlab_settings,
)


def test_the_letter_list_is_complete():
    letters = vietnamese_letters()
    # a-z and đ, ă â ê ô ơ ư, 12 vowels × 5 tones; both cases
    assert len(letters) == 2 * (26 + 1 + 6 + 12 * 5)
    for word in ("Quốc", "nỗ lực", "bố", "khủng", "Ẳ", "ỷ", "Ự", "Đ"):
        assert set(word.replace(" ", "")) <= set(letters), word
    assert all(unicodedata.is_normalized("NFC", c) and len(c) == 1 for c in letters)


def _missing(font_path: Path) -> list[str]:
    charmap = FT2Font(str(font_path)).get_charmap()
    return [c for c in vietnamese_letters() if ord(c) not in charmap]


def test_the_packaged_font_has_every_vietnamese_letter():
    assert MONO_FONT.is_file() and (MONO_FONT.parent / "OFL.txt").is_file()
    assert _missing(MONO_FONT) == []


def test_the_embedded_subset_keeps_every_vietnamese_letter(tmp_path):
    subset = tmp_path / "subset.ttf"
    subset.write_bytes(mono_font_subset())
    assert _missing(subset) == []
    assert subset.stat().st_size < MONO_FONT.stat().st_size / 3
    # the licence record stays in the font (OFL 1.1 asks that it go with every copy)
    assert b"O\x00p\x00e\x00n\x00 \x00F\x00o\x00n\x00t" in subset.read_bytes()


def test_font_face_is_a_data_uri_of_the_subset():
    css = font_face_css()
    assert f'font-family: "{MONO_FAMILY}"' in css
    found = re.search(r'url\("data:font/ttf;base64,([A-Za-z0-9+/=]+)"\)', css)
    assert found and base64.b64decode(found.group(1)) == mono_font_subset()


def test_jupyterlab_settings_keep_other_overrides():
    with tempfile.TemporaryDirectory() as tmp:
        prefix, custom = Path(tmp) / "venv", Path(tmp) / "static" / "custom"
        overrides = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
        overrides.parent.mkdir(parents=True)
        overrides.write_text(
            json.dumps(
                {
                    "@jupyterlab/apputils-extension:themes": {
                        "overrides": {"ui-font-size1": "14px"}
                    },
                    "@jupyterlab/notebook-extension:tracker": {"kernelShutdown": True},
                }
            ),
            "utf-8",
        )
        written = write_jupyterlab_settings(prefix, custom)
        assert written == [overrides, custom / "custom.css"]
        settings = json.loads(overrides.read_text("utf-8"))
        theme = settings["@jupyterlab/apputils-extension:themes"]["overrides"]
        assert theme["ui-font-size1"] == "14px"
        assert theme["code-font-family"].startswith(f'"{MONO_FAMILY}"')
        assert settings["@jupyterlab/notebook-extension:tracker"] == {"kernelShutdown": True}
        assert font_face_css() in (custom / "custom.css").read_text("utf-8")
