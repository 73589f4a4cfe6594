"""Helpers for the Vietnamese diplomacy notebook collection.

One module per pipeline step; layers point down (README, "The pipeline"):
``orthography`` → ``corpus`` → ``tokens`` → ``matching`` → ``entities`` → ``themes`` /
``commitments`` → ``analysis`` → ``frequency`` / ``compare`` → ``report`` → ``site``.
"""

__version__ = "0.1.0"

# In a notebook, an empty table shows as a sentence saying so (helpers.display).
from .display import register as _register_display  # noqa: E402

_register_display()
