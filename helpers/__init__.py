"""Helpers for the Vietnamese diplomacy notebook collection.

One module per pipeline step, in the order data flows:
``corpus`` → ``tokens`` → ``entities`` → ``frequency`` / ``themes`` → ``report``.
"""

__version__ = "0.1.0"
