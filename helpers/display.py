"""How helpers' tables show in a notebook: for reading, and an empty table as a sentence.

Every DataFrame a notebook shows goes through :func:`table_html` (registered as the HTML
formatter): text columns left-aligned and wrapped, never cut; numbers to three significant
figures, p-values as ``< 0.001``; a long table in a scrolling box (plain HTML and CSS, since the
rendered pages allow no script). Values are HTML-escaped. The HTML is deterministic (the table's
id is a hash of its contents, no per-cell ids), so notebooks re-executed give the same bytes.

A short document (one sentence) gives empty tables: no collocation occurs twice, no word is key.
An empty grid of column headers reads like a failure; a sentence says what happened. Tables keep
their columns (code that reads them still works); only their HTML display changes. A helper may
put its own sentence in ``frame.attrs["empty"]``.
"""

from __future__ import annotations

import hashlib
import math
import numbers
import re

from markupsafe import Markup, escape

MAX_ROWS = 500  # rows shown; the rest are counted in a line below the table
SCROLL_ROWS = 15  # a table longer than this scrolls inside a box
P_COLUMNS = ("p", "p_value", "p-value")
TEXT_STYLE = [("text-align", "left"), ("white-space", "normal"), ("max-width", "36em")]

# Characters that Markdown, the HTML inside it or the notebook's maths renderer would read as
# markup: a value from a document or an archive (a name, a word) is shown as written.
_MARKUP = re.compile(r"([\\`*_{}\[\]<>#|~!$&])")


def markdown_text(value: object) -> str:
    """``value`` escaped for a Markdown sentence (``<b>`` shows as ``<b>``, not bold)."""
    return _MARKUP.sub(r"\\\1", str(value))


GENERIC = "No rows: nothing in this document fits this table (its columns: {columns})."


def empty_table_html(frame) -> str | None:
    """The sentence shown for an empty table, as HTML; None (the usual table) otherwise."""
    if len(frame.index):
        return None
    columns = ", ".join(str(c) for c in frame.columns) or "none"
    sentence = frame.attrs.get("empty") or GENERIC.format(columns=columns)
    return str(Markup('<p class="empty-table"><em>{}</em></p>').format(sentence))


def register() -> None:
    """Show empty pandas tables as a sentence in the running IPython kernel (if any)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type_by_name("pandas", "DataFrame", _html)  # DataFrame.__module__


def readable_number(value, p_value: bool = False) -> str:
    """A number as people read it: three significant figures, thousands separated, no exponent
    unless tiny; a p-value below 0.001 as ``< 0.001``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        return str(value)
    if isinstance(value, numbers.Integral):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    if math.isnan(value):
        return ""
    if p_value and value < 0.001:
        return "< 0.001"
    if value == 0 or math.isinf(value):
        return f"{value:g}"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) < 0.001:
        return f"{value:.2e}"
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    return f"{round(value, digits):.{digits}f}"


def table_html(frame) -> str:
    """The table as HTML for reading (see the module's docstring)."""
    shown = frame.head(MAX_ROWS)
    uid = hashlib.sha256(shown.to_csv().encode()).hexdigest()[:8]
    styler = shown.style.set_uuid(uid)
    styler.cell_ids = False
    for column in shown.columns:
        is_p = str(column).lower() in P_COLUMNS
        styler.format(lambda v, p=is_p: str(escape(readable_number(v, p))), subset=[column])
    styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    text = [
        c
        for c in shown.columns
        if shown[c].dtype == object or str(shown[c].dtype) in ("str", "string")
    ]
    styles = {c: [{"selector": "td", "props": TEXT_STYLE}] for c in text}
    styler.set_table_styles(styles)
    heading = [{"selector": "th.col_heading", "props": [("text-align", "left")]}]
    styler.set_table_styles(heading, overwrite=False)
    html = styler.to_html()
    if len(frame.index) > SCROLL_ROWS:
        html = f'<div style="max-height:28em;overflow:auto">{html}</div>'
    if len(frame.index) > MAX_ROWS:
        more = f"The first {MAX_ROWS:,} of {len(frame.index):,} rows; the full table is in the CSV."
        html += str(Markup("<p><em>{}</em></p>").format(more))
    return html


def _html(frame) -> str | None:
    return empty_table_html(frame) or table_html(frame)
