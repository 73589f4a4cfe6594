"""How helpers' tables show in a notebook: an empty table becomes a sentence saying so.

A short document (one sentence) gives empty tables: no collocation occurs twice, no word is key.
An empty grid of column headers reads like a failure; a sentence says what happened. Tables keep
their columns (code that reads them still works); only their HTML display changes. A helper may
put its own sentence in ``frame.attrs["empty"]``.
"""

from __future__ import annotations

from markupsafe import Markup

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


def _html(frame) -> str | None:
    return empty_table_html(frame) or frame._repr_html_()
