"""Helpers for the Vietnamese diplomacy notebook collection.

One module per pipeline step; layers point down (README, "The pipeline"):
``orthography`` → ``corpus`` → ``tokens`` → ``matching`` → ``entities`` → ``themes`` /
``commitments`` → ``analysis`` → ``frequency`` / ``compare`` → ``report`` → ``site``.
"""

__version__ = "0.1.0"
