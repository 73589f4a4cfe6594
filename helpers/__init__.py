"""Helpers for the Vietnamese diplomacy notebook collection.

One module per pipeline step, in the order data flows:
``corpus`` → ``tokens`` → ``entities`` → ``frequency`` / ``themes`` → ``report``.
"""

__version__ = "0.1.0"

# In a notebook, an empty table shows as a sentence saying so (helpers.display).
from .display import register as _register_display  # noqa: E402

_register_display()
